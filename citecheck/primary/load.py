"""Every primary text under the configured folders: read (or taken from the cache) and tied to references.bib."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import PurePosixPath

from citecheck.bibliography.catalogue import Catalogue
from citecheck.models import Document, SourceCollection, SourceText, SourceWords
from citecheck.primary.cache import SourceCache
from citecheck.primary.index import text_words
from citecheck.primary.mia import read_mia
from citecheck.primary.plain import read_plain
from citecheck.primary.tie import date_disagreement, describe
from citecheck.runtime.cache import CacheKeyError
from citecheck.source.load import read_inputs

#: The page of a folder that heads a multi-part work, in the archive's spellings.
INDEX_PAGES = ("index.htm", "index.html")


def read_source(doc: Document) -> SourceText:
    """One primary text as read: an HTML page as an archive page, anything else as text or Markdown."""
    return read_mia(doc) if doc.format == "html" else read_plain(doc)


def load_sources(
    paths: Iterable[str | os.PathLike[str]],
    catalogue: Catalogue | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
) -> SourceCollection:
    """Read every file under ``paths`` as a primary text; unreadable files become errors, nothing aborts.

    Texts are sorted by path, so the result does not depend on the order the
    folders were given in.
    """
    cat = catalogue or Catalogue.empty()
    cache = None
    if cache_dir:
        # No key to trust entries with: every text is read (the extraction cache says so in a warning).
        with contextlib.suppress(CacheKeyError):
            cache = SourceCache(cache_dir)
    read: list[tuple[SourceText, SourceWords]] = []
    docs, errors = read_inputs(paths)
    cached = 0
    for doc in docs:
        kept = cache.get(doc) if cache else None
        if kept is None:
            text = read_source(doc)
            kept = (text, text_words(text.text))
            if cache:
                cache.put(doc, *kept)
        else:
            cached += 1
        read.append(kept)
    read.sort(key=lambda tw: tw[0].path)
    texts = [t for t, _ in read]
    by_path = {t.path: t for t in texts}
    in_folder: dict[PurePosixPath, set[str]] = {}
    for t in texts:
        in_folder.setdefault(PurePosixPath(t.path).parent, set()).add(PurePosixPath(t.path).name)
    works = []
    for t in texts:
        folder = PurePosixPath(t.path).parent
        index = next((by_path[p] for name in INDEX_PAGES if (p := (folder / name).as_posix()) in by_path), None)
        present = frozenset(in_folder[folder])
        works.append(describe(t, cat, index if index is not t else None, present if t.format == "mia" else frozenset()))
    disagreements = [(w.path, why) for w in works if (why := date_disagreement(w, cat))]
    return SourceCollection(
        tuple(texts),
        tuple(works),
        tuple(errors),
        tuple(disagreements),
        tuple(w for _, w in read),
        cached,
        len(texts) - cached,
    )
