"""Extract: one document in, its citations and quotations out.

The stages, each in its own module: build the plain view (:mod:`markup`),
find quotations (:mod:`find_quotes`) and references (:mod:`find_citations`),
resolve short forms (:mod:`resolve`), link quotations to references
(:mod:`link`) and find who speaks (:mod:`speakers`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from citecheck.extract.citations import FoundCitation, find_citations
from citecheck.extract.dates import prose_date
from citecheck.extract.grammar.reference import ParsedRef
from citecheck.extract.link import link_quotes
from citecheck.extract.mentions import MentionIndex
from citecheck.extract.names import default_people, display_name, surname
from citecheck.extract.quotes import FoundQuote, find_quotes
from citecheck.extract.resolve import Resolution, resolve
from citecheck.extract.scare import is_mention
from citecheck.extract.sentences import sentence_spans
from citecheck.extract.spans import Spans
from citecheck.extract.speakers import Cue, SentenceContext, cue_for, resolve_pronoun
from citecheck.models import Citation, Document, DocumentResult, Quotation
from citecheck.source.legacy import build_view
from citecheck.source.view import TextView

if TYPE_CHECKING:
    from citecheck.bibliography.catalogue import Catalogue

_WS = regex.compile(r"\s+")
_WORDS = regex.compile(r"[\p{L}\p{N}]+")


def extract_document(doc: Document, catalogue: Catalogue | None = None) -> DocumentResult:
    """Every citation and quotation in ``doc``, linked, with speakers."""
    view, repairs = build_view(doc)
    quotes = find_quotes(view)
    found = find_citations(view, quotes, catalogue)
    # a title in quotation marks inside a reference is not a quotation
    references = Spans((c.start, c.end) for c in found)
    keep = [i for i, q in enumerate(quotes) if not references.encloses(q.open_mark, q.close_mark)]
    renumber = {old: new for new, old in enumerate(keep)}
    quotes = [quotes[i] for i in keep]
    found = [replace(c, quote_index=renumber.get(c.quote_index)) if c.quote_index is not None else c for c in found]
    in_note = [view.blocks[c.block].kind == "note" if c.block < len(view.blocks) else False for c in found]
    refs, resolutions = resolve(found, in_note)

    opaque = Spans((q.open_mark, q.close_mark) for q in quotes)
    ctx = _sentence_context(view, opaque, catalogue)
    sentence_of = [ctx.sentences[ctx.sentence_of(q.open_mark)] for q in quotes]
    cues: list[Cue | None] = []
    for qi, q in enumerate(quotes):
        prev = cues[qi - 1] if qi and quotes[qi - 1].block == q.block else None
        cues.append(_cue(view, ctx, qi, q, quotes, opaque, prev))
    links = link_quotes(view, quotes, found, sentence_of, [c.name if c else None for c in cues])

    _infer_authors(refs, found, links, cues, catalogue, ctx)
    cit_ids = [f"c{i + 1}" for i in range(len(found))]
    citations = tuple(_citation(view, cit_ids[i], c, refs[i], resolutions[i], cit_ids) for i, c in enumerate(found))
    speakers = _speakers(view, quotes, cues, links, refs, found)
    kept = [
        i
        for i, q in enumerate(quotes)
        if q.form == "block"
        or links[i] is not None
        or speakers[i][1] == "cue"
        or not is_mention(view.text, view.blocks[q.block].start, q.open_mark, q.start, q.end)
    ]
    quotations = tuple(
        _quotation(view, f"q{n + 1}", quotes[i], speakers[i], cues[i], links[i], cit_ids, ctx, opaque)
        for n, i in enumerate(kept)
    )
    return DocumentResult(doc.path, doc.sha256, doc.format, citations, quotations, tuple(repairs), source=doc.text)


def _infer_authors(
    refs: list[ParsedRef],
    found: list[FoundCitation],
    links: list[int | None],
    cues: list[Cue | None],
    catalogue: Catalogue | None,
    ctx: SentenceContext,
) -> None:
    """A work cited without its author ("Collected Works, Volume 33") takes it from context.

    First from the speaker cue of the quotation it sources, then from an
    earlier citation of the same work that names the author.
    """
    sourced: dict[int, str] = {}
    for qi, ci in enumerate(links):
        cue = cues[qi]
        if ci is not None and cue is not None and ci not in sourced:
            sourced[ci] = cue.name
    for i, ref in enumerate(refs):
        if ref.author or not ref.work or found[i].kind == "prose" or ref.secondhand:
            continue
        name = sourced.get(i)
        if name is None and found[i].kind in ("wikilink", "prose"):
            # "He said as much in [[The State and Revolution (1917)]]"
            s0 = ctx.sentences[ctx.sentence_of(found[i].start)][0]
            before = [m for m in ctx.in_range(s0, found[i].start) if m.kind != "body" and not m.possessive]
            name = (
                (resolve_pronoun(ctx, before[-1]) if before[-1].kind == "pronoun" else before[-1].name)
                if before
                else None
            )
        if name is None:
            title = ref.work.lower()
            for j in range(i - 1, -1, -1):
                if refs[j].author and (refs[j].work or "").lower() == title:
                    ref.author = refs[j].author
                    break
            continue
        if " Congress" in name or " Conference" in name:
            continue
        known = catalogue.canonical_author(name) if catalogue is not None else None
        ref.author = known or name
        if catalogue is not None and not ref.known_work:
            work = catalogue.find_work(ref.work, ref.author)
            if work is not None:
                ref.work, ref.known_work = work.title, True


def _sentence_context(view: TextView, opaque: Spans, catalogue: Catalogue | None) -> SentenceContext:
    sentences: list[tuple[int, int]] = []
    for b in view.blocks:
        spans = sentence_spans(view.text, b.start, b.end, opaque.starting_in(b.start, b.end))
        sentences.extend(spans or [(b.start, b.end)])
    if not sentences:
        sentences = [(0, len(view.text))]
    blocks = [(b.start, b.end) for b in view.blocks if b.kind != "heading"]
    return SentenceContext(sentences, MentionIndex(view.text, blocks, default_people(), catalogue))


def _cue(
    view: TextView,
    ctx: SentenceContext,
    qi: int,
    q: FoundQuote,
    quotes: list[FoundQuote],
    opaque: Spans,
    prev: Cue | None,
) -> Cue | None:
    intro = _intro_sentence(view, ctx, q) if q.form == "block" else None
    if q.form == "block" and intro is None:
        return None
    cue = cue_for(ctx, view.text, q.open_mark, q.close_mark, intro, opaque, prev.name if prev else None)
    if cue is None and q.form == "inline" and prev is not None:
        return Cue(prev.name, "weak")
    return cue


def _intro_sentence(view: TextView, ctx: SentenceContext, q: FoundQuote) -> tuple[int, int] | None:
    """The sentence introducing a block quotation: the last one before it, when it ends with a colon."""
    if q.block == 0:
        return None
    b = view.blocks[q.block - 1]
    if b.kind == "heading" or not view.text[b.start : b.end].rstrip().endswith(":"):
        return None
    return ctx.sentences[ctx.sentence_of(b.end - 1)]


def _speakers(
    view: TextView,
    quotes: list[FoundQuote],
    cues: list[Cue | None],
    links: list[int | None],
    refs: list[ParsedRef],
    found: list[FoundCitation],
) -> list[tuple[str | None, str | None]]:
    """Final speaker and its basis: strong cue > cited author > echo > weak cue."""
    out: list[tuple[str | None, str | None]] = []
    for qi, _q in enumerate(quotes):
        cue = cues[qi]
        link = links[qi]
        ref = refs[link] if link is not None else None
        if cue is not None and cue.strength == "strong":
            out.append((cue.name, "cue"))
        elif ref is not None and ref.author and not ref.secondhand and found[link or 0].kind != "prose":
            people = default_people()
            names = [people.lookup(n) or n for n in display_name(ref.author).split(" and ")]
            out.append((" and ".join(names), "citation"))
        else:
            out.append((cue.name, "context") if cue is not None else (None, None))
    # a quotation repeating an earlier one takes its speaker ("echo")
    words = [_WORDS.findall(view.text[q.start : q.end].lower()) for q in quotes]
    for qi in range(len(quotes)):
        if (out[qi][0] is not None and out[qi][1] != "context") or len(words[qi]) < 3:
            continue
        for qj in range(qi):
            if out[qj][0] and out[qj][1] != "context" and _contains(words[qj], words[qi]):
                out[qi] = (out[qj][0], "echo")
                break
    return out


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return 0 < n <= len(longer) and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _citation(
    view: TextView,
    cid: str,
    c: FoundCitation,
    ref: ParsedRef,
    res: Resolution | None,
    ids: list[str],
) -> Citation:
    s, e = view.source_span(c.start, c.end)
    line, col = view.line_col(s)
    note = int(c.note) if c.note and c.note.isdigit() else None
    return Citation(
        id=cid,
        line=line,
        column=col,
        start=s,
        end=e,
        raw=view.source[s:e],
        kind=c.kind,
        author=ref.author,
        work=ref.work,
        volume=ref.volume,
        pages=ref.pages,
        year=ref.year,
        place=ref.place,
        publisher=ref.publisher,
        note=note,
        resolves_to=ids[res.antecedent] if res is not None and res.antecedent is not None else None,
        secondhand=ref.secondhand,
        material_date=ref.material_date,
        author_raw=ref.author_raw,
        work_raw=ref.work_raw,
        volume_raw=ref.volume_raw,
        pages_raw=ref.pages_raw,
        place_raw=ref.place_raw,
        resolution_problem=res.problem if res is not None and res.problem else None,
    )


def _quotation(
    view: TextView,
    qid: str,
    q: FoundQuote,
    speaker: tuple[str | None, str | None],
    cue: Cue | None,
    link: int | None,
    ids: list[str],
    ctx: SentenceContext,
    opaque: Spans,
) -> Quotation:
    s, e = view.source_span(q.start, q.end)
    line, col = view.line_col(s)
    b0, b1 = view.blocks[q.block], view.blocks[q.last_block]
    cs, ce = view.source_span(b0.start, b1.end)
    if q.block > 0 and q.form == "block":
        cs = view.source_span(view.blocks[q.block - 1].start, view.blocks[q.block - 1].end)[0]
    sent = ctx.sentences[ctx.sentence_of(q.open_mark)]
    date_text = view.text[sent[0] : q.open_mark] if q.form == "inline" else ""
    if q.form == "block" and q.block > 0:
        prev = view.blocks[q.block - 1]
        date_text = view.text[prev.start : prev.end] if view.text[prev.start : prev.end].rstrip().endswith(":") else ""
    for o in opaque.starting_in(sent[0], q.open_mark):
        date_text = date_text.replace(view.text[o[0] : o[1]], " ")
    return Quotation(
        id=qid,
        line=line,
        column=col,
        start=s,
        end=e,
        text=_WS.sub(" ", view.text[q.start : q.end]).strip(),
        speaker=speaker[0],
        form=q.form,
        citation=ids[link] if link is not None else None,
        speaker_basis=speaker[1],
        material_date=prose_date(date_text) if date_text else None,
        context_start=cs,
        context_end=ce,
    )


__all__ = ["extract_document", "surname"]
