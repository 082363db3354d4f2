"""Tie a primary text to references.bib: which work and volume it is, its pages and its date.

A Marxists Internet Archive chapter without a header of its own takes its
folder index's (``header_from`` says so).  The work comes from a front matter
``key`` (``lenin-cw-29``) or from the title the Source line names ("Lenin's
Collected Works"), by the author the page names; the volume from the Source
line or the front matter.  A volume's ``contentsdate`` in references.bib is
compared with the text's date by :func:`date_disagreement`.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import regex

from citecheck.bibliography.catalogue import Catalogue, WorkRef
from citecheck.bibliography.dates import overlaps
from citecheck.checks.rules.volume_date_mismatch import fitting_volumes
from citecheck.models import SourceText, SourceWork
from citecheck.primary.header import AUTHORED, edition_of, pages_of, parse_date, volume_of

#: What ``citecheck sources`` says of a text that names nothing to tie it to.
NO_HEADER = "no bibliographic header; add front matter"
#: Fields a chapter takes from its folder's index page when it has no Source line of its own.
INHERITED = ("source", "written", "delivered", "dated", "published", "author", "byline")
_BIBLIOGRAPHIC = ("source", "written", "delivered", "dated", "published", "key", "volume", "pages", "date")
_POSSESSIVE = regex.compile(r"['’]s?\s*$")
_PAGES = regex.compile(r"^\s*(\d{1,4})(?:\s*[-–—]+\s*(\d{1,4}))?\s*$")


def describe(
    text: SourceText, catalogue: Catalogue, index: SourceText | None = None, present: frozenset[str] = frozenset()
) -> SourceWork:
    """The :class:`SourceWork` of ``text``: its header (or its folder index's), tied to the catalogue.

    ``present`` names the files of the text's folder among the sources: parts its index lists
    that are not there mean the sources hold the work's page range only in part.
    """
    fields = dict(text.fields)
    header_from = None
    if text.format == "mia" and "source" not in fields and index is not None and index.field("source"):
        header_from = index.path
        for name, value in index.fields:
            if name in INHERITED and (name not in fields or name == "source"):
                fields[name] = value
    source = fields.get("source")
    author = _author(fields, catalogue)
    work: WorkRef | None = None
    volume: str | None = None
    key = fields.get("key")
    if key:
        resolved = catalogue.resolve_key(key)
        if resolved is not None:
            work, vol = resolved
            volume = vol.volume if vol is not None else None
    if work is None:
        named = source or fields.get("title") or ""
        work = catalogue.work_named_in(named, author) if named else None
        if work is None and "work" in fields:
            work = catalogue.find_work(fields["work"], author)
    volume = volume or (volume_of(source) if source else None) or _volume(fields.get("volume"))
    pages = (pages_of(source) if source else None) or _pages(fields.get("pages"))
    date, kind = _date(fields)
    volume_key = None
    if work is not None:
        volume_key = work.key
        if volume and work.multivolume:
            info = catalogue.volume(work.key, volume)
            volume_key = info.key if info is not None else f"{work.key}-{volume}"
        author = author or work.author
    # only a folder's index page lists the parts of a work (a chapter's "Next" link is no such list)
    is_index = PurePosixPath(text.path).name.lower() in ("index.htm", "index.html")
    lists = index if header_from else (text if is_index else None)
    parts = (lists.field("parts") or "").split() if lists is not None and source else []
    missing = tuple(p for p in parts if p not in present) if present else ()
    problem = fields.get("problem")
    if problem is None and not any(k in fields for k in _BIBLIOGRAPHIC):
        problem = NO_HEADER
    elif problem is None and work is None:
        problem = "names no work of references.bib" + (f" ({_clip(source)})" if source else "")
    return SourceWork(
        path=text.path,
        format=text.format,
        author=author,
        title=fields.get("title"),
        edition=fields.get("edition") or (edition_of(source) if source else None),
        volume=volume,
        pages=pages,
        date=date,
        date_kind=kind,
        key=volume_key,
        work_key=work.key if work is not None else None,
        header_from=header_from,
        source_line=source,
        complete=fields.get("complete", "").lower() in ("true", "yes", "1"),
        problem=problem,
        paged=bool(text.pages),
        missing_parts=missing,
    )


def date_disagreement(work: SourceWork, catalogue: Catalogue) -> str | None:
    """Why the text's date of writing cannot be in its volume, per references.bib's ``contentsdate``; else None.

    Only dates of writing or delivery count: a text first published years later
    is still in the volume of the year it was written.
    """
    if not work.work_key or not work.volume or work.date_kind not in (*AUTHORED, "date", "dated") or not work.date:
        return None
    info = catalogue.volume(work.work_key, work.volume)
    if info is None or not info.contents_dates:
        return None
    if overlaps(work.date, info.contents_dates) is not False:
        return None
    fits = fitting_volumes(catalogue, work.work_key, work.date)
    note = f"; the date fits vol. {' or '.join(fits)}" if fits else ""
    status = "" if info.confirmed else " (unconfirmed)"
    return (
        f"{work.date_kind} {work.date}, but references.bib dates vol. {work.volume} {info.contents_dates}{status}{note}"
    )


def _author(fields: dict[str, str], catalogue: Catalogue) -> str | None:
    """The canonical author of the page's meta author or byline ("Vladimir Lenin’s" -> "Lenin, V. I.")."""
    written = [v for v in (fields.get("author"), fields.get("byline")) if v and "<" not in v]
    for name in written:
        canon = catalogue.canonical_author(_POSSESSIVE.sub("", name))
        if canon:
            return canon
    return _POSSESSIVE.sub("", written[0]) if written else None


def _date(fields: dict[str, str]) -> tuple[str | None, str | None]:
    for key in ("written", "delivered", "dated", "date", "published"):
        value = fields.get(key)
        parsed = parse_date(value) if value else None
        if parsed:
            return parsed, key
    return None, None


def _volume(value: str | None) -> str | None:
    if not value:
        return None
    found = volume_of(f"Volume {value.strip()}")
    return found or value.strip()


def _pages(value: str | None) -> str | None:
    if not value:
        return None
    m = _PAGES.match(value)
    if not m:
        return None
    return pages_of(f"pages {m.group(1)}-{m.group(2)}" if m.group(2) else f"pages {m.group(1)}")


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
