"""Parse one reference string, in any style, into its parts.

``parse_reference("Leon Trotsky, *Writings, 1938--39* …")`` tokenizes the string with its
typography (:mod:`~citecheck.extract.grammar.tokens`), labels every token with the sequence
labeller (:mod:`~citecheck.extract.grammar.labeller`, whose features include the fixed locator
grammar of :mod:`~citecheck.extract.grammar.locators`) and assembles the fields
(:mod:`~citecheck.extract.grammar.fields`). It never consults references.bib: normalising what
was parsed against the curated bibliography is a later stage.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace

import regex

from citecheck.extract.grammar.features import word_classes, word_lexicon
from citecheck.extract.grammar.fields import assemble
from citecheck.extract.grammar.imprint import gost_imprint_spans, imprint_spans
from citecheck.extract.grammar.labeller import label_tokens
from citecheck.extract.grammar.locators import locator_hints
from citecheck.extract.grammar.publication import (
    bracketed_years,
    dates_are_no_place,
    place_then_publisher,
    press_is_publisher,
    publisher_in_parentheses,
    publisher_then_place,
)
from citecheck.extract.grammar.tokens import tokenize
from citecheck.extract.names import default_people
from citecheck.models import TITLE_LABELS, ParsedReference, Token

#: How an address starts (a token starting so is an address, never a title or a publisher).
_URL_STARTS = ("http://", "https://", "www.", "file://")


def parse_reference(text: str, marks: Sequence[tuple[int, int, str]] = ()) -> ParsedReference:
    """The parts of the reference ``text``; ``marks`` are its ``(start, end, italic|bold)`` spans."""
    key = (text, tuple(marks))
    hit = _PARSED.get(key)
    if hit is not None:
        return hit
    tokens = tokenize(text, marks)
    hints = locator_hints(text)
    labels = label_tokens(text, tokens, hints)
    labels = _after_cue(text, tokens, labels, hints)
    # an address is never a title or a publisher: it is a comment on where to read the work
    labels = ["note" if tok.text.startswith(_URL_STARTS) else lab for tok, lab in zip(tokens, labels, strict=True)]
    labels = _identifiers(text, tokens, labels)
    labels = _ibid_words(text, tokens, labels)
    labels = _one_title_per_quotation(tokens, labels)
    labels = _a_title_is_no_author(tokens, labels)
    labels = _italics_are_no_author(tokens, labels)
    labels = _imprint(text, tokens, labels)
    labels = _gost_container(tokens, labels)
    labels = _gost_author_title(text, tokens, labels)
    labels = _keyword_locators(text, tokens, labels, hints)
    labels = [
        "year" if _SUFFIXED_YEAR.match(tok.text) and lab in ("note", "other") else lab
        for tok, lab in zip(tokens, labels, strict=True)
    ]
    labels = _possessive_author(tokens, labels)
    labels = _leading_names(tokens, labels)
    labels = _by_author(text, tokens, labels)
    labels = _editor_first(tokens, labels)
    labels = _letter_writer(text, tokens, labels)
    labels = place_then_publisher(tokens, labels)
    labels = press_is_publisher(tokens, labels)
    labels = publisher_then_place(text, tokens, labels)
    labels = publisher_in_parentheses(tokens, labels)
    labels = dates_are_no_place(tokens, labels, hints)
    labels = bracketed_years(tokens, labels, hints)
    labels = _volume_of_series(tokens, labels)
    labels = _container_names_author(tokens, labels)
    labels = _page_after_title(tokens, labels)
    labels = _inverted_name_before_title(tokens, labels)
    parsed = _volume_and_page(assemble(text, tokens, labels, hints))
    if len(_PARSED) > 20_000:
        _PARSED.clear()
    _PARSED[key] = parsed
    return parsed


_TITLES = TITLE_LABELS
# "1967b": the second work of an author in one year, in an author-date reference list
_SUFFIXED_YEAR = regex.compile(r"^(?:1[5-9]\d\d|20[0-4]\d)[a-z]$")
_NAMES_SPLIT = regex.compile(r"\s++(?:and|&)\s++|\s*+&\s*+")
# "ISBN 978-0-394-50241-3", "OCLC 2613436", "doi:10.1017/…": a catalogue number, never a volume or a page
_IDENTIFIER = regex.compile(
    r"(?<![\p{L}\d])(?:ISBN(?:-1[03])?+:?+\s*+[0-9Xx][0-9Xx \-]{8,20}[0-9Xx]|ISSN:?+\s*+\d{4}+-\d{3}+[\dXx]"
    r"|OCLC:?+\s*+\d{3,12}+|(?i:doi):?+\s*+10\.\S++|(?i:jstor)\s++\d{3,12}+)"
)

# "3 vols.", "2 Bde.", "340 pp.", "xii + 340 pp.": a number before the word counts volumes or pages
_EXTENT = regex.compile(
    r"(?<![\p{L}\d])(?:[ivxlc]{1,6}+\s*+\+\s*+)?\d{1,4}+\s*+(?:(?i:vols?|volumes|bde|bände|pp|pages)\b\.?+|тт?\.)"
)


def _italics_are_no_author(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """Italics mark a title: in an author run that is partly italic (``Barbara C. Allen, *Alexander
    Shlyapnikov*``, a biography named after its subject), the italic words are the title."""
    author = [k for k, lab in enumerate(labels) if lab == "author" and tokens[k].text[:1].isalnum()]
    italic = [k for k in author if tokens[k].italic]
    if not italic or len(italic) == len(author) or "title" in labels:
        return labels
    out = list(labels)
    for k in range(italic[0], len(tokens)):
        if labels[k] != "author":
            break
        out[k] = "title"
    return out


# "Ibid." in the languages of the field's notes: German "Ebd." / "Ebenda" (and "a.a.O.", an op.
# cit.), Russian "Там же", Spanish "Ibíd.", Italian "Ivi"; opening the string, perhaps after "vgl."/"cf."
_IBID = regex.compile(
    r"\s*+(?:(?i:vgl|cf)\.\s*+)?+(?:(?i:ibid(?:em)?|ibíd|ebd|ebenda|ivi)\b|[Тт]ам\s++же\b|(?i:a\.\s*+a\.\s*+O)\b)\.?+"
)


def _leading_names(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """``Marx and Engels, Collected Works, vol. 6``: plain words before the first comma, taken for a
    title, are the authors when each name in them is a known person and a title follows, or when
    the title after the comma is marked (``Matles and Higgins, *Them and Us*``)."""
    comma = next((k for k, tok in enumerate(tokens) if tok.text == ","), None)
    if comma is None or comma == 0 or "author" in labels:
        return labels
    head = tokens[:comma]
    if any(tok.italic or tok.bold or tok.quoted for tok in head):
        return labels
    if not all(tok.text[:1].isupper() or tok.text in ("and", "&", ".") for tok in head):
        return labels  # "to paraphrase Horace, who said": prose, not names
    if not all(labels[k] in ("part", "title") for k in range(comma) if tokens[k].text[:1].isalnum()):
        return labels
    if not any(lab in _TITLES for lab in labels[comma:]):
        return labels
    words = " ".join(tok.text for tok in head)
    names = [n.split() for n in _NAMES_SPLIT.split(words) if n.strip()]
    people = default_people()
    # the title after the comma set in italics or quotation marks ("Matles and Higgins, *Them and
    # Us*"): plain names before it are its authors, known or not
    nxt = comma + 1
    marked = nxt < len(tokens) and (tokens[nxt].italic or tokens[nxt].quoted or tokens[nxt].text in '“"')
    if not names or not all(n and (marked or people.is_known(n[-1])) for n in names) or len(head) > 8:
        return labels
    return ["author"] * comma + ["other"] + labels[comma + 1 :]


# "33, 212" or "33:487" after a multi-volume edition: the volume, then the page
_VOLUME_PAGE = regex.compile(
    r"^\s*+(\d{1,3}+|[IVXLC]{1,7}+)\s*+([,:])\s*+(\d{1,5}+(?:\s*+(?:--|[-–])\s*+\d{1,5}+)?)\s*+$"
)


def _volume_and_page(p: ParsedReference) -> ParsedReference:
    """Pages read as ``33:487`` (any work) or ``33, 212`` (a collected or selected works) are a
    volume and a page."""
    if p.volume is not None or p.pages is None:
        return p
    m = _VOLUME_PAGE.match(p.pages)
    if m is None:
        return p
    if m.group(2) == ",":
        work = (p.work or "").lower().split()
        if not any(w.strip(".,") in word_classes().get("collection", frozenset()) for w in work):
            return p
    span = next(((s, e) for s, e, lab in p.spans if lab == "pages"), None)
    if span is None:
        return p
    base = span[0] + p.text[span[0] : span[1]].find(p.pages)
    vol = (base + m.start(1), base + m.end(1), "volume")
    pages = (base + m.start(3), base + m.end(3), "pages")
    spans = tuple(sorted([sp for sp in p.spans if sp[2] != "pages"] + [vol, pages]))
    return replace(p, volume=m.group(1), pages=m.group(3), spans=spans)


# "“Kornilov to Brest-Litovsk” by John Reed", "*The Red Decade*, by N. Orlov"
_BY_NAME = regex.compile(r"\bby\s++((?:\p{Lu}\.\s*+|\p{Lu}\p{Ll}[\p{L}'’\-]*+\s++){0,3}\p{Lu}\p{Ll}[\p{L}'’\-]*+)")


# "translated by", "edited by", "with an introduction by": not the author
_NOT_AUTHOR_BY = regex.compile(
    r"(?i:translated|trans|tr|edited|ed|eds|compiled|introduced|introduction|foreword|preface|afterword|"
    r"selected|notes|illustrated|reviewed|interview|interviewed)\.?+\s*+$"
)


def _by_author(text: str, tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """A title followed by "by Name" names its author, when the labeller found none."""
    if "author" in labels or not any(lab in _TITLES for lab in labels):
        return labels
    m = _BY_NAME.search(text)
    if m is None or _NOT_AUTHOR_BY.search(text, max(0, m.start() - 30), m.start()):
        return labels
    first_title = next(tok.start for tok, lab in zip(tokens, labels, strict=True) if lab in _TITLES)
    if m.start() < first_title:
        return labels
    s, e = m.span(1)
    inside = [k for k, tok in enumerate(tokens) if s <= tok.start and tok.end <= e]
    if not inside or any(labels[k] in _TITLES and (tokens[k].italic or tokens[k].quoted) for k in inside):
        return labels
    out = list(labels)
    for k in inside:
        out[k] = "author"
    return out


_ED = frozenset({"ed", "eds", "editor", "editors"})


def _editor_first(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """``John E. Kleber, ed., *The Kentucky Encyclopedia*``: the name before ", ed." is one name
    (the editor, who stands for the author), however the labeller split it."""
    comma = next((k for k, tok in enumerate(tokens) if tok.text == ","), None)
    if comma is None or comma == 0 or comma + 1 >= len(tokens):
        return labels
    if tokens[comma + 1].text.lower().strip("().") not in _ED:
        return labels
    head = range(comma)
    if not all(labels[k] in ("author", "editor") for k in head) or all(labels[k] == "author" for k in head):
        return labels
    return ["author"] * comma + labels[comma:]


#: Labels a keyword locator's tokens may have been given wrongly ("Anarchism, p. 138f" as one title).
_NOT_LOCATOR = frozenset({"note", "other", "title", "part", "container"})


# a letter or an interview cited by who wrote to whom: "Eisen to author, May 2008", "Orlov to Keller"
_LETTER = regex.compile(
    r"\s*+((?:\p{Lu}\.\s*+|\p{Lu}[\p{Ll}’'\-]++\s++){0,2}\p{Lu}[\p{Ll}’'\-]++)\s++to\s++"
    r"(?:the\s++author|author|me\b|(?:\p{Lu}\.\s*+|\p{Lu}[\p{Ll}’'\-]++\s*+){1,3}+)"
)


def _letter_writer(text: str, tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """``Eisen to author, May 2008``: a letter's writer is the author, when the labeller found none."""
    if "author" in labels or "date" not in labels:
        return labels  # a letter is dated ("May 27, 1946"); "Objections to Anarchism" is a title
    m = _LETTER.match(text)
    if m is None:
        return labels
    inside = [k for k, tok in enumerate(tokens) if m.start() <= tok.start and tok.end <= m.end()]
    if any(tokens[k].italic or tokens[k].bold or tokens[k].quoted for k in inside):
        return labels  # "*What Is to Be Done?*": a title
    s, e = m.span(1)
    out = list(labels)
    for k in inside:
        if s <= tokens[k].start and tokens[k].end <= e:
            out[k] = "author"
    return out


def _keyword_locators(
    text: str, tokens: Sequence[Token], labels: list[str], hints: Sequence[tuple[int, int, str]]
) -> list[str]:
    """A locator the fixed grammar read with its keyword (``p. 64``, ``С. 64``, ``vol. 3``) is a
    locator, even where the labeller took it for a comment or part of a title."""
    out = labels
    for s, e, hint in hints:
        if hint not in ("pages", "volume") or not text[s].isalpha():
            continue
        inside = [k for k, tok in enumerate(tokens) if s <= tok.start and tok.end <= e]
        if (
            inside
            and all(labels[k] in _NOT_LOCATOR or labels[k] == hint for k in inside)
            and any(labels[k] != hint for k in inside)
        ):
            if out is labels:
                out = list(labels)
            for k in inside:
                out[k] = hint
    return out


def _ibid_words(text: str, tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """A string that opens with an ibid word, in any of the field's languages, repeats a source."""
    m = _IBID.match(text)
    if m is None:
        return labels
    out = list(labels)
    for k, tok in enumerate(tokens):
        if tok.start >= m.end():
            break
        out[k] = "ibid"
    return out


def _after_cue(
    text: str, tokens: Sequence[Token], labels: list[str], hints: Sequence[tuple[int, int, str]]
) -> list[str]:
    """``Quoted in Israel Getzler, Kronstadt 1917-1921 (Cambridge, 1983), 227``: the reference after
    a leading cue ("quoted in", "see also", "cf.") is labelled again on its own, as it would be
    written without the cue, when that finds the author the whole string's labels did not."""
    classes = word_classes()
    cues = classes.get("cue", frozenset()) | classes.get("lead", frozenset()) | classes.get("lead_glue", frozenset())
    if (
        tokens
        and tokens[0].text.lower() in classes.get("lead", frozenset())
        and labels[0] not in ("secondhand", "note")
    ):
        # "Vgl. Isaac Deutscher, …" read with the lead inside the author: the lead is a comment
        labels = list(labels)
        j = 0
        while j < len(tokens) and (tokens[j].text.lower().rstrip(".:") in cues or tokens[j].text in (".", ":")):
            labels[j] = "note"
            j += 1
    k = 0
    while (
        k < len(tokens)
        and labels[k] in ("secondhand", "note", "other")
        and (tokens[k].text.lower().rstrip(".:") in cues or tokens[k].text in (".", ",", ":"))
    ):
        k += 1
    if k == 0 or k == len(tokens) or "author" in labels[k:]:
        return labels
    rest = label_tokens(text, tokens[k:], hints)
    if "author" not in rest:
        return labels
    # "zit. nach", "cité d'après", "цит. по": the source named next is second-hand
    secondhand = any(t.text.lower().rstrip(".") in classes.get("lead_secondhand", frozenset()) for t in tokens[:k])
    return ["secondhand" if secondhand else lab for lab in labels[:k]] + rest


def _inverted_name_before_title(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """A bibliography entry ``Getzler, Israel. *Kronstadt 1917–1921*. …``: a surname, a comma, at
    most three given names or initials and a full stop before the italic title are all the author,
    when the labeller took a given name it does not know for part of a title."""
    t = next((k for k, tok in enumerate(tokens) if tok.italic), None)
    if t is None or t < 4 or labels[0] != "author" or tokens[1].text != "," or tokens[t - 1].text != ".":
        return labels
    given = [tok for tok in tokens[2 : t - 1] if tok.text != "."]
    classes = word_lexicon()
    if not given or len(given) > 3 or any(tok.italic or tok.quoted or tok.depth for tok in tokens[:t]):
        return labels
    if not all(
        tok.text[:1].isupper() and tok.text.isalpha() and not set(classes.get(tok.text.lower(), ())) - {"given"}
        for tok in given
    ):
        return labels
    if all(labels[k] == "author" for k in range(t - 1)):
        return labels
    return ["author"] * (t - 1) + ["other"] + labels[t:]


def _page_after_title(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """MLA's ``(*History* 17)``, ``(Trotsky, *History* 545)``: a bare number closing the string right
    after an italic or quoted title, with no comma between, is the page; after a collected edition
    (``*Collected Works* 33``) it stays the volume."""
    k = len(tokens) - 1
    while k >= 0 and tokens[k].text in (".", ")", "]"):
        k -= 1
    if k < 1 or not _BARE_PAGE.fullmatch(tokens[k].text) or labels[k] == "pages":
        return labels
    prev = tokens[k - 1]
    if prev.italic == tokens[k].italic or not (prev.italic or prev.quoted) or tokens[k].quoted:
        return labels
    title = [t.text.lower().strip(".,") for t, lab in zip(tokens[:k], labels[:k], strict=True) if t.italic or t.quoted]
    if any(w in word_classes().get("collection", frozenset()) for w in title):
        return labels
    out = list(labels)
    out[k] = "pages"
    return out


_BARE_PAGE = regex.compile(r"\d{1,4}+")


def _container_names_author(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """``…, in: Lenin, *Werke*, Bd. 25`` / ``in: dies., *Gesammelte Werke*``: after "in", the
    reference's author again (or "ders.", "dies.", "idem") and a comma: the title after them is the
    container the work is in, and the name is no second author."""
    first_author = next((k for k, lab in enumerate(labels) if lab == "author"), None)
    if first_author is None:
        return labels
    run = first_author
    while run < len(tokens) and labels[run] == "author":
        run += 1
    # the first author's names ("Karl Brandt", "Brandt, Karl"): the repetition may be any of them
    authors = {t.text.lower() for t in tokens[first_author:run] if t.text[:1].isalpha() and len(t.text) > 1}
    for i, tok in enumerate(tokens):
        if tok.text.lower() != "in" or i < run:
            continue
        j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text == ":")
        comma = next((k for k in range(j, min(len(tokens), j + 6)) if tokens[k].text == ","), None)
        if comma is None or comma == j or comma + 1 >= len(tokens):
            return labels
        head = [t.text.lower().rstrip(".") for t in tokens[j:comma] if t.text[:1].isalnum()]
        same = bool(head) and (
            all(w in word_classes().get("same_author", frozenset()) for w in head) or head[-1] in authors
        )
        nxt = comma + 1
        if not same or not (tokens[nxt].italic or labels[nxt] in _TITLES):
            return labels
        out = list(labels)
        for k in range(i, nxt):
            out[k] = "other"
        k = nxt
        while k < len(tokens) and (tokens[k].italic if tokens[nxt].italic else labels[k] in _TITLES):
            out[k] = "container"
            k += 1
        return out
    return labels


def _volume_of_series(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """``*The Socialist Offensive*, vol. 1 of *The Industrialisation of Soviet Russia*``: the title
    after "vol. N of" is the multi-volume work the volume belongs to (the container)."""
    for k in range(1, len(tokens) - 1):
        if tokens[k].text.lower() != "of" or labels[k - 1] != "volume" or "title" not in labels[:k]:
            continue
        end = k + 1
        while end < len(tokens) and labels[end] in ("title", "part") and not (end > k + 1 and tokens[end].text in "(,"):
            end += 1
        if end == k + 1 or labels[k] not in ("title", "part", "other", "note", "volume"):
            return labels
        out = list(labels)
        out[k] = "other"
        for j in range(k + 1, end):
            out[j] = "container"
        return out
    return labels


def _identifiers(text: str, tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """Tokens of a catalogue number (ISBN, ISSN, OCLC, DOI, JSTOR) or of an extent (``3 vols.``,
    ``xii + 340 pp.``: how many volumes or pages the work has, not which are cited) are a comment."""
    spans = [m.span() for m in _IDENTIFIER.finditer(text)] + [m.span() for m in _EXTENT.finditer(text)]
    if not spans:
        return labels
    out = list(labels)
    for k, tok in enumerate(tokens):
        if any(s <= tok.start and tok.end <= e for s, e in spans):
            out[k] = "note"
    return out


def _one_title_per_quotation(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """A title in quotation marks is one title: when the labeller splits the words of one quoted
    run between title fields (``"SWP and European Revolutions"`` as title + part), the run takes
    the field most of its words have (the first word's, on a tie), and so do the words between
    them the labeller left out ("and"), when title words are at least half the run."""
    out = list(labels)
    i = 0
    while i < len(tokens):
        if not tokens[i].quoted:
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].quoted:
            j += 1
        run = [k for k in range(i, j) if out[k] in _TITLES]
        if run and 2 * len(run) >= j - i:
            counts = {lab: sum(1 for k in run if out[k] == lab) for lab in {out[k] for k in run}}
            best = max(counts.values())
            chosen = next(out[k] for k in run if counts[out[k]] == best)
            for k in range(run[0], run[-1] + 1):
                out[k] = chosen
        i = j
    return out


def _a_title_is_no_author(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """``[Marx-Engels Reader, p. 731]``: when nothing is labelled a title and the one author run
    holds a title noun (``reader``, ``essays``, ``memoirs``; ``citecheck/data/reference_words.txt``),
    the run is the title."""
    if any(lab in _TITLES for lab in labels):
        return labels
    runs: list[tuple[int, int]] = []
    for k, lab in enumerate(labels):
        if lab == "author":
            if runs and runs[-1][1] == k - 1:
                runs[-1] = (runs[-1][0], k)
            else:
                runs.append((k, k))
    nouns = word_classes().get("title", frozenset())
    if len(runs) != 1 or not any(tokens[k].text.lower() in nouns for k in range(runs[0][0], runs[0][1] + 1)):
        return labels
    out = list(labels)
    for k in range(runs[0][0], runs[0][1] + 1):
        out[k] = "title"
    return out


def _possessive_author(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """``Deutscher's detailed accounts in *Soviet Trade Unions*``: with no author labelled, a name in
    the possessive before the title is its author."""
    if "author" in labels:
        return labels
    first_title = next((k for k, lab in enumerate(labels) if lab in _TITLES), None)
    if first_title is None:
        return labels
    for k in range(first_title - 1, -1, -1):
        t = tokens[k].text
        if t[:1].isupper() and t.endswith(("'s", "’s")) and labels[k] in ("other", "note"):
            out = list(labels)
            out[k] = "author"
            return out
    return labels


def _imprint(text: str, tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """Place and publisher as the imprint rule reads them (:mod:`~citecheck.extract.grammar.imprint`)."""
    title_ends = [tok.end for tok, lab in zip(tokens, labels, strict=True) if lab in _TITLES]
    spans = imprint_spans(text, title_ends[0] if title_ends else None) + gost_imprint_spans(text)
    if not spans:
        return labels
    out = list(labels)
    for k, tok in enumerate(tokens):
        for s, e, label in spans:
            if s <= tok.start and tok.end <= e:
                out[k] = label
            elif s <= tok.start < e + 2 and out[k] in ("place", "publisher", "year") and tok.text in ",.":
                out[k] = "other"
    return out


_LOCATED = frozenset({"volume", "issue", "pages", "place", "publisher", "year", "date"})


# GOST's leading cue: "Цит. по:" (quoted from: a second-hand source), "См.:", "См. также:" (see)
_GOST_CUE = regex.compile(r"\s*+(?:(?P<cited>[Цц]ит\.\s*+по)|[Сс]м\.(?:\s*+также)?+)\s*+:?+\s*+")
# GOST's author heading: a surname, then one or two initials ("Дойчер И.", "Ленин В. И.", "Cohen S. F.")
_GOST_AUTHOR = regex.compile(r"\p{Lu}[\p{Ll}'’\-]++(?:-\p{Lu}[\p{Ll}]++)?\s++\p{Lu}\.(?:\s*+\p{Lu}\.)?+\s++(?=\p{Lu})")


def _gost_author_title(text: str, tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """GOST's ``[Цит. по:] Дойчер И. Троцкий в изгнании. М., 1991. С. 312.``: after the cue (a
    second-hand source for "Цит. по"), a surname with initials is the author and the sentence after
    it the title, when the labeller found neither (it read them as a comment)."""
    cue = _GOST_CUE.match(text)
    at = cue.end() if cue else 0
    m = _GOST_AUTHOR.match(text, at)
    if m is None:
        return labels
    if "author" in labels or "title" in labels:
        if cue is None:
            return labels
        # the labeller read the reference; the cue is still a cue, never a title
        kind = "secondhand" if cue.group("cited") else "note"
        return [kind if tok.end <= cue.end() else lab for tok, lab in zip(tokens, labels, strict=True)]
    dot = text.find(". ", m.end())
    if dot < 0:
        return labels
    out = list(labels)
    for k, tok in enumerate(tokens):
        if cue is not None and tok.end <= cue.end():
            out[k] = "secondhand" if cue.group("cited") else "note"
        elif at <= tok.start and tok.end <= m.end():
            out[k] = "author"
        elif m.end() <= tok.start and tok.end <= dot and labels[k] in ("note", "other", "part"):
            out[k] = "title"
    return out


def _gost_container(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """GOST's ``Part title // Container. Place, Year. Vol. P.``: the words after ``//`` up to the
    first full stop before a locator or the imprint are the container, the title before it the part,
    when the labeller left the container unlabelled."""
    slash = next((k for k in range(len(tokens) - 1) if tokens[k].text == "/" and tokens[k + 1].text == "/"), None)
    if slash is None or any(
        lab == "container" and tok.text[:1].isalnum() for tok, lab in zip(tokens, labels, strict=True)
    ):
        return labels
    end = next(
        (
            k
            for k in range(slash + 2, len(tokens))
            if labels[k] in _LOCATED or (labels[k] == "note" and tokens[k].text[:1].isdigit())  # "5-е изд."
        ),
        len(tokens),
    )
    while end > slash + 2 and tokens[end - 1].text in ".,":
        end -= 1
    if end <= slash + 2 or any(labels[k] in ("author", "editor") for k in range(slash + 2, end)):
        return labels
    out = list(labels)
    for k in range(slash + 2, end):
        out[k] = "container"
    for k in range(slash):
        if out[k] == "title":
            out[k] = "part"
    return out


#: Parses already made in this process: the same reference string ("Ibid.", a repeated note)
#: parses the same way, so it is parsed once (the result is an immutable record).
_PARSED: dict[tuple[str, tuple[tuple[int, int, str], ...]], ParsedReference] = {}


def segments(p: ParsedReference) -> list[tuple[int, int]]:
    """Where one parsed string holds several references ("X," *Journal* 899 (2012), "Y," *Journal* 907 …),
    the ``(start, end)`` of each in ``p.text``: a new one starts where an author, article or title
    follows a reference that already has a title and a locator or publication data."""
    cuts = [0]
    seen: set[str] = set()
    long_title = False
    comment_at: int | None = None  # where commentary began after the last field
    for s, e, lab in p.spans:
        if lab == "note":
            if comment_at is None and seen:
                comment_at = s
            continue
        has_data = bool(seen & {"volume", "issue", "pages", "year", "date", "place", "publisher"})
        # the new reference starts at the commentary leading to it ("… 215. Quotation is from Lipsitz …")
        at = comment_at if comment_at is not None else s
        before = p.text[:at].rstrip(" \t\n“\"‘'«*")
        if before.endswith((" and", " &")):
            before = before[: before.rfind(" ")].rstrip()  # "*CI* 57 (Jul. 1995) and *CI* 59 (…)"
        boundary = before[-1:] in (",", ";", ".", ")")
        # "Ibid., p. 251. Compare Deutscher, *The Prophet Outcast* …": an ibid is a whole reference,
        # so a sentence after it that names a work or an author is another
        after_ibid = "ibid" in seen and before[-1:] in (".", ";") and lab in ("author", *_TITLES)
        if after_ibid or (
            has_data
            and boundary
            and (
                (lab == "author" and long_title and seen & {"part", "title", "container"})
                or (lab == "part" and seen & {"title", "container"})
                or (lab == "title" and "container" in seen)
                or (lab == "container" and "container" in seen)
            )
        ):
            cuts.append(at)
            seen = set()
            long_title = False
        comment_at = None
        seen.add(lab)
        if lab in ("part", "title", "container") and len(p.text[s:e].split()) >= 2:
            long_title = True
    cuts.append(len(p.text))
    out = list(itertools.pairwise(cuts))
    # a cut falls on a field's first character; the opening quotation mark before it goes with it
    for k in range(1, len(out)):
        a = out[k][0]
        if p.text[a - 1 : a] in ("“", '"', "‘", "'", "«"):
            out[k - 1] = (out[k - 1][0], a - 1)
            out[k] = (a - 1, out[k][1])
    return out
