"""Resolve short forms: ibid, op. cit., short titles, abbreviations and bare page references.

The resolver walks the document's references in order with explicit state:

* the last source of each stream (notes, running text): "Ibid." repeats it; for "X, quoted in Y"
  that is Y, the source read;
* each author's latest work, including works the prose names (``Carr's *The Interregnum*``,
  ``*Title* by Name``): "Deutscher, op. cit." and "Figes [p. 470]" go there; op. cit. without an
  author goes to the author the prose is discussing, else to the previous source;
* every full reference's titles (title, article, container), indexed by word: a short title
  ("Cannon, *Socialism on Trial*", "Lenin, "Left-Wing Communism."") or an abbreviation
  (``TI`` for *The Interregnum*, ``CI`` for *Contemporary Issues*) finds the reference it shortens;
* the current work of the running text: a bare page reference ``(117)`` cites it, or, before any
  reference, the book a review is about.

Whatever a short form repeats is carried over unless the short form says otherwise: author, work,
volume, year, place and publisher; a bare "Ibid." also takes the pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex
from rapidfuzz.distance import DamerauLevenshtein

from citecheck.extract.names import surname
from citecheck.models import NamedWork, ParsedReference, Reference, Resolution

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_ARTICLES = frozenset({"the", "a", "an", "on", "of", "and", "in", "to", "for", "la", "le", "les", "der", "die", "das"})
_ABBREVIATION = regex.compile(r"^\p{Lu}{2,6}$")


def _words(title: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(title)]


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in _ARTICLES]


def _initials(title: str) -> str:
    return "".join(w[0].upper() for w in _WORD.findall(title) if w[0].isupper() or w.lower() not in _ARTICLES)


def _same_name(a: str, b: str) -> bool:
    """Two folded surnames that are one name, allowing a slip: one edit (a transposition counts as one)
    in a name of five letters or more, two in one of eight or more."""
    if a == b:
        return True
    n = min(len(a), len(b))
    allowed = 2 if n >= 8 else 1 if n >= 5 else 0
    return allowed > 0 and DamerauLevenshtein.distance(a, b) <= allowed


def _fold_name(name: str | None) -> str | None:
    s = surname(name) if name else None
    return s.lower() if s else None


@dataclass(slots=True)
class _Work:
    """What is known of a work once cited (or named): the fields a short form inherits."""

    index: int | None  # reference index, None for a work named in the prose
    author: str | None
    work: str | None
    titles: tuple[str, ...]
    #: The container the reference was in (a collection, a periodical, a congress record): a short
    #: form naming only it repeats the container, not the article and its author.
    container: str | None
    volume: str | None
    year: str | None
    place: str | None
    publisher: str | None
    pages: str | None = None
    #: For a work named without its author: the people its paragraph names.
    nearby: tuple[str, ...] = ()


def _named(n: NamedWork) -> _Work:
    """What a work named outside a reference tells: its title and author, nothing more."""
    return _Work(None, n.author, n.title, (n.title,), None, None, None, None, None, nearby=n.nearby)


class _Registry:
    """Works seen so far, findable by author and by any content word of their titles."""

    def __init__(self) -> None:
        self.by_author: dict[str, _Work] = {}
        self.by_word: dict[str, list[_Work]] = {}
        self.by_initials: dict[str, _Work] = {}
        self.anonymous: list[_Work] = []  # named without an author, latest last

    def add(self, w: _Work) -> None:
        if w.author is None and w.nearby and not (w.work and self._authored(w.work)):
            self.anonymous.append(w)
            if len(self.anonymous) > 64:
                del self.anonymous[0]
        a = _fold_name(w.author)
        if a and w.work:
            self.by_author[a] = w
        for title in w.titles:
            for word in set(_content(_words(title))):
                bucket = self.by_word.setdefault(word, [])
                bucket.append(w)
                if len(bucket) > 64:
                    del bucket[0]  # keep the latest: an index, not a history
            ini = _initials(title)
            if 2 <= len(ini) <= 6:
                self.by_initials[ini] = w

    def author_work(self, name: str | None) -> _Work | None:
        a = _fold_name(name)
        if not a:
            return None
        hit = self.by_author.get(a)
        if hit is None and len(a) >= 5:
            for key, w in reversed(list(self.by_author.items())[-200:]):
                if _same_name(a, key):
                    return w
        return hit

    def _authored(self, title: str) -> bool:
        """True when a work with an author is known under ``title`` or a title it shortens."""
        sw = _content(_words(title))
        bucket = self.by_word.get(sw[0], []) if sw else []
        return any(w.author and any(_covers(title, t) for t in w.titles) for w in bucket)

    def named_near(self, author: str) -> _Work | None:
        """The latest work named without an author in a paragraph that names ``author``: what a
        citation of that author without a title cites when the author has no work of their own."""
        a = _fold_name(author)
        if not a:
            return None
        for w in reversed(self.anonymous):
            if any(_fold_name(n) == a for n in w.nearby):
                return replace(w, author=author)
        return None

    def named_after(self, author: str) -> _Work | None:
        """The latest work whose title holds the author's surname ("Bakunin on Anarchism",
        "Errico Malatesta: His Life and Ideas"): what an op. cit. of that author repeats when the
        work was cited without its author."""
        a = _fold_name(author)
        if not a:
            return None
        hits = self.by_word.get(a, [])
        return hits[-1] if hits else None

    def title_match(self, short: str, author: str | None) -> _Work | None:
        """The latest work whose title the short title ``short`` shortens (by the same author, when given).

        When only the work's container matches and the short form names no author, what is returned
        is that container alone, without the article's author.
        """
        hit = self._title_match(short, author)
        if hit is None or author or hit.container is None:
            return hit
        if any(_covers(short, t) for t in hit.titles if t != hit.container):
            return hit
        # the same container, not a repetition of that article: nothing to point back to
        # (its volume was the article's: another piece of the container may be in another volume)
        return replace(hit, index=None, author=None, titles=(hit.container,), work=hit.container, volume=None)

    def _title_match(self, short: str, author: str | None) -> _Work | None:
        """The latest work whose title the short title ``short`` shortens (by the same author, when given)."""
        if _ABBREVIATION.match(short.strip()):
            hit = self.by_initials.get(short.strip())
            if hit is not None:
                return hit
        sw = _content(_words(short))
        if not sw:
            return None
        rare = min(sw, key=lambda w: len(self.by_word.get(w, ())) or 10**9)
        a = _fold_name(author)
        for w in reversed(self.by_word.get(rare, [])):
            wa = _fold_name(w.author)
            if a and wa is not None and not _same_name(a, wa):
                continue
            if any(_covers(short, title) for title in w.titles):
                return w
        return None


def _covers(short: str, title: str) -> bool:
    """True when the short title ``short`` shortens ``title``: its content words are the title's, in
    the title's order, and it is two words or more, or the title's first, or the title is that short."""
    sw = _content(_words(short))
    tw = _content(_words(title))
    if not sw or not (len(sw) >= 2 or tw[:1] == sw[:1] or len(tw) <= 2):
        return False
    it = iter(tw)
    return all(w in it for w in sw)  # a subsequence: "Soviet Trade Unions" is not "Trade Unions in Soviet Russia"


def _as_written(index: int, ref: Reference) -> _Work:
    """The work reference ``index`` cites, from its own fields (before it is resolved)."""
    p = ref.parsed
    titles = tuple(t for t in (p.title, p.part, p.container) if t)
    return _Work(index, p.author, p.work, titles, p.container, p.volume, p.year, p.place, p.publisher)


def _cut_short(short: str, title: str) -> bool:
    """``short`` shortens ``title`` keeping its first content word (``History`` of ``The History of the
    Russian Revolution``)."""
    sw, tw = _content(_words(short)), _content(_words(title))
    return bool(sw) and sw[:1] == tw[:1] and _covers(short, title)


def resolve(
    refs: Sequence[Reference],
    named: Sequence[NamedWork] = (),
    subject: NamedWork | None = None,
    read_at: Sequence[int] | None = None,
) -> list[Resolution]:
    """One :class:`Resolution` per reference of ``refs`` (document order).

    ``read_at`` gives where each reference is read: a note's where its marker stands in the
    running text (default: where the reference itself stands). The references are walked in that
    order, so "(ibid., p. 99)" in the running text repeats the note read just before it.
    """
    reg = _Registry()
    named_sorted = sorted(named, key=lambda n: n.start)
    ni = 0
    last: dict[str, _Work] = {}
    found: dict[int, Resolution] = {}
    if subject is not None:
        reg.add(_named(subject))
    current_body: _Work | None = None
    latest_pages: dict[int, str] = {}  # the pages each work (by its full reference) was last cited at
    root_of: dict[int, int] = {}
    by_note: dict[str, _Work] = {}  # a note's (first) source, by its label: what "[1, p. 45]" cites
    first_of_note: dict[str, int] = {}
    for k, r in enumerate(refs):
        if r.stream == "note" and r.candidate.note is not None:
            first_of_note.setdefault(r.candidate.note, k)
    listed = _Listed(refs)
    spelled = _spelled_out(refs, named)
    at = list(read_at) if read_at is not None else [r.start for r in refs]
    for i in sorted(range(len(refs)), key=lambda k: (at[k], k)):
        ref = refs[i]
        while ni < len(named_sorted) and named_sorted[ni].start < at[i]:
            n = named_sorted[ni]
            reg.add(_named(n))
            ni += 1
        p = ref.parsed
        antecedent: _Work | None = None
        problem: str | None = None
        if p.ibid and not p.opcit:
            antecedent = last.get(ref.stream) or last.get("any")
            if antecedent is None:
                problem = "ibid with no earlier reference"
            elif p.work and _IDEM.match(_ibid_words(p)):
                # "Id., *The Prophet Unarmed* (London, 1959)": the same author, another work
                antecedent = _Work(antecedent.index, antecedent.author, None, (), None, None, None, None, None)
        elif p.opcit:
            author = p.author or ref.discussed
            antecedent = reg.title_match(p.work, author) if p.work else None
            if antecedent is None and author and (p.author or not p.work):
                # the author's latest work; not the prose's guess at an author when a title is given
                antecedent = reg.author_work(author) or reg.named_after(author)
            previous = last.get(ref.stream)
            if antecedent is None and not p.author and not p.work:
                antecedent = previous  # an op. cit. naming a work of its own keeps it
            if (
                not p.author
                and ref.discussed
                and previous is not None
                and _fold_name(ref.discussed) != _fold_name(previous.author)
            ):
                chosen = antecedent.work if antecedent is not None else None
                problem = (
                    f"op. cit. without an author is ambiguous: the prose discusses {ref.discussed}; "
                    f"taken as {chosen or 'nothing'}"
                )
            if antecedent is None:
                problem = (
                    f"op. cit. of {author}, who has no earlier reference here"
                    if author
                    else "op. cit. with nothing to repeat"
                )
        elif _is_author_date(p):
            antecedent = listed.dated(p.author, p.year, _year_suffix(p.text, p.year or ""))
        elif _is_short(p):
            if p.work:
                # "Figes's account (*People's Tragedy*, 701)": the person named just before is the author
                who = p.author or ref.named_before
                antecedent = reg.title_match(p.work, who) or listed.titled(p.work, who)
            if antecedent is None and not p.author and p.work and _ONE_NAME.fullmatch(p.work):
                # "Figes, 703.": a surname read as a title, when that author has a work cited before
                antecedent = reg.author_work(p.work)
            if antecedent is None and not p.author and p.work and (m := _SURNAME_TITLE.match(p.work)):
                # "Avrich, Kronstadt 1921, 229." parsed as one title: a surname and a title the
                # document cites by that author
                hit = reg.title_match(m.group(2), m.group(1))
                antecedent = hit if hit is not None and _fold_name(hit.author) else None
            if antecedent is None and p.author and not p.work:
                antecedent = reg.author_work(p.author) or reg.named_near(p.author) or listed.only(p.author)
        elif _is_bare_locator(p) and ref.note is not None and ref.note in first_of_note:
            # "[1, p. 45]": the numbered reference 1 (as resolved, or as written when read after this)
            antecedent = by_note.get(ref.note) or _as_written(first_of_note[ref.note], refs[first_of_note[ref.note]])
        elif _is_bare_locator(p):
            if ref.named_before and p.year:
                antecedent = listed.dated(ref.named_before, p.year, _year_suffix(p.text, p.year))  # "Carr (1952: 58)"
            if ref.named_before and antecedent is None:
                # "Avrich's verdict (pp. 228–30)": the author's work cited before, else the one the
                # reference list gives
                antecedent = (
                    reg.author_work(ref.named_before)
                    or reg.named_near(ref.named_before)
                    or listed.only(ref.named_before)
                )
            if antecedent is None:
                antecedent = current_body if ref.stream == "body" else last.get(ref.stream)
            if antecedent is None and subject is not None:
                antecedent = reg.author_work(subject.author) or _named(subject)
            if antecedent is None and ref.stream == "body" and (note := last.get("note")) is not None and note.work:
                antecedent = note  # "(p. 45)" after the note that cited the book, read at its marker
            if antecedent is None:
                problem = "a page reference with no work to refer to"
        # a bare "Ibid." or "loc. cit." (the same place) repeats the pages too; "op. cit." does not
        bare = p.ibid and not p.pages and (not p.opcit or _LOC_CIT.search(_ibid_words(p)) is not None)
        res = _merge(p, antecedent, bare_ibid=bare)
        if res.author is None and p.work and ref.named_before and _is_short(p):
            res = replace(res, author=ref.named_before)  # a title alone, after its author's name
        # the full reference a chain of short forms goes back to ("Carr …, 5", "Ibid., 9", "Ibid., 11")
        root = root_of.get(antecedent.index, antecedent.index) if antecedent and antecedent.index is not None else i
        root_of[i] = root
        if bare and p.opcit and root in latest_pages:
            res = replace(res, pages=latest_pages[root])  # "loc. cit.": the place that work was last cited at
        if res.pages:
            latest_pages[root] = res.pages
        if res.work and _ABBREVIATION.match(res.work):
            # "*CI* 8, no. 31": the periodical named in full before, else anywhere in the document
            full_title = (w.work if (w := reg.by_initials.get(res.work)) else None) or spelled.get(res.work)
            if full_title:
                res = replace(res, work=full_title)
        if antecedent is not None and antecedent.index is not None:
            res = replace(res, antecedent=antecedent.index)
        if problem:
            res = replace(res, problem=problem)
        found[i] = res
        titles = tuple(t for t in (p.title, p.part, p.container) if t) if not p.ibid else ()
        known = _Work(
            i,
            res.author,
            res.work,
            titles or ((res.work,) if res.work else ()),
            p.container if not p.ibid else None,
            res.volume,
            res.year,
            res.place,
            res.publisher,
            res.pages,
        )
        if (not p.ibid and not _is_bare_locator(p) and (p.title or p.part or p.container)) or (
            antecedent is not None and not p.ibid and p.author and not _fold_name(antecedent.author)
        ):
            reg.add(known)
        last[ref.stream] = known
        last["any"] = known
        if ref.stream == "note" and ref.candidate.note is not None:
            by_note.setdefault(ref.candidate.note, known)
        if ref.stream == "body" and (res.work or res.author):
            current_body = known
    return [found[i] for i in range(len(refs))]


#: "Id.", "Idem", "Eadem": the same author as the reference before (its work only when none is named).
_IDEM = regex.compile(r"^\s*+(?i:id|idem|eadem|iidem)\b")
#: "Loc. cit.": the same place in the work cited before, its pages included.
_LOC_CIT = regex.compile(r"\b(?i:loc)\b")


def _ibid_words(p: ParsedReference) -> str:
    """The words of ``p`` labelled as an ibid or op. cit. ("Id.", "op. cit.", "loc. cit.")."""
    return " ".join(p.text[s:e] for s, e, lab in p.spans if lab == "ibid")


#: One capitalised word: a title that may be an author's surname.
_ONE_NAME = regex.compile(r"\p{Lu}[\p{Ll}'’\-]++")

#: A title that opens with a surname and a comma: what a short form "Surname, Title" can be taken for.
_SURNAME_TITLE = regex.compile(r"^(\p{Lu}[\p{L}'’\-]++),\s++(\S.*)$")


def _spelled_out(refs: Sequence[Reference], named: Sequence[NamedWork]) -> dict[str, str]:
    """Initials -> the title they abbreviate, for every title the document gives in full (the first
    of each), wherever it stands: notes are read where their markers are, and a periodical a note
    abbreviates is often named in full only later in the running text."""
    out: dict[str, str] = {}
    titles = [t for r in refs if not r.parsed.ibid for t in (r.parsed.title, r.parsed.part, r.parsed.container) if t]
    for title in titles + [n.title for n in named]:
        ini = _initials(title)
        if 2 <= len(ini) <= 6 and ini != title.strip():
            out.setdefault(ini, title)
    return out


class _Listed:
    """The document's full references by author and year, wherever they stand: what an author–date
    citation (``Carr 1952: 58``, ``(Lenin 212)``) cites is in the reference list, after it."""

    def __init__(self, refs: Sequence[Reference]) -> None:
        self.by_year: dict[tuple[str, str], _Work] = {}
        self.by_author: dict[str, list[_Work]] = {}
        self.entries: list[_Work] = []  # the entries of reference lists, in document order
        for i, ref in enumerate(refs):
            p = ref.parsed
            a = _fold_name(p.author)
            if p.ibid or not a or not p.work or (ref.kind != "list" and p.year is None):
                continue
            titles = tuple(t for t in (p.title, p.part, p.container) if t)
            w = _Work(i, p.author, p.work, titles, p.container, p.volume, p.year, p.place, p.publisher)
            if p.year:
                self.by_year.setdefault((a, p.year), w)
                if (suffix := _year_suffix(p.text, p.year)) is not None:
                    self.by_year.setdefault((a, p.year + suffix), w)
            works = self.by_author.setdefault(a, [])
            if all(x.work != w.work for x in works):
                works.append(w)
            if ref.kind == "list":
                self.entries.append(w)

    def dated(self, author: str | None, year: str | None, suffix: str | None = None) -> _Work | None:
        """The work of ``author`` published in ``year`` (``suffix``: the ``b`` of ``1967b``)."""
        a = _fold_name(author)
        if not a or not year:
            return None
        return (self.by_year.get((a, year + suffix)) if suffix else None) or self.by_year.get((a, year))

    def titled(self, short: str, author: str | None) -> _Work | None:
        """The one entry of the reference list whose title ``short`` shortens (by ``author``, when
        given): an MLA citation's short title (``(Trotsky, *History* 545)``) names a work cited."""
        a = _fold_name(author)
        found = [
            w
            for w in self.entries
            if (not a or _same_name(a, _fold_name(w.author) or "")) and any(_covers(short, t) for t in w.titles)
        ]
        return found[0] if len({w.work for w in found}) == 1 else None

    def only(self, author: str) -> _Work | None:
        """The work of ``author`` when the document lists exactly one."""
        a = _fold_name(author)
        works = self.by_author.get(a, []) if a else []
        return works[0] if len(works) == 1 else None


def _year_suffix(text: str, year: str) -> str | None:
    """The letter after ``year`` in ``text`` (``1967b``: ``b``), telling an author's works of one year apart."""
    k = text.find(year) if year else -1
    if k < 0 or k + len(year) >= len(text):
        return None
    c = text[k + len(year)]
    after = text[k + len(year) + 1 : k + len(year) + 2]
    return c if "a" <= c <= "z" and not after.isalpha() else None


def _is_author_date(p: ParsedReference) -> bool:
    """``Trotsky, 1937, p. 94``: an author and a year, and no title or imprint."""
    return p.author is not None and p.year is not None and p.work is None and p.place is None and p.publisher is None


def _is_short(p: ParsedReference) -> bool:
    """A reference that names an author or a title but gives no publication data."""
    return (p.author is not None or p.work is not None) and p.year is None and p.place is None and p.publisher is None


def _is_bare_locator(p: ParsedReference) -> bool:
    """A reference that gives only a locator: ``(p. 15)``, ``[p. 275]``, ``(117)``."""
    return p.author is None and p.work is None and (p.pages is not None or p.volume is not None)


def _merge(p: ParsedReference, a: _Work | None, bare_ibid: bool) -> Resolution:
    """``p``'s own fields, completed from the work ``a`` it repeats."""
    if a is None:
        return Resolution(p.author, p.work, p.volume, p.pages, p.year, p.place, p.publisher)
    own_work = p.work if not p.ibid or a.work is None else None
    # a short title names the article; the work cited is still the antecedent's container
    # (a container the short form names stays, unless it is the antecedent's title cut short at its
    # end: "History" for "The History of the Russian Revolution", not "Works" for "Selected Works")
    work = (
        a.work
        if own_work is None or (a.work and own_work != a.work and (not p.container or _cut_short(own_work, a.work)))
        else own_work
    )
    return Resolution(
        author=a.author or p.author,
        work=work,
        volume=p.volume or a.volume,
        pages=p.pages if p.pages or not bare_ibid else a.pages,
        year=p.year or a.year,
        place=p.place or a.place,
        publisher=p.publisher or a.publisher,
    )
