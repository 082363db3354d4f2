"""Settings: which rules run and how severe they are, and which paths a glob excludes."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citecheck.models import Severity
from citecheck.settings import Settings, excluded, path_matches


@pytest.mark.parametrize(
    ("path", "globs", "expected"),
    [
        ("corpus/drafts/a.md", ["drafts"], True),  # a bare name: any folder on the path
        ("corpus/drafts.md", ["drafts"], False),
        ("corpus/a.draft.md", ["*.draft.md"], True),  # ... or the file's own name
        ("corpus/old/x/a.txt", ["corpus/old/*"], True),  # a glob with a slash: the whole path
        ("other/old/a.txt", ["corpus/old/*"], False),
        ("./corpus/old/a.txt", ["corpus/old"], True),  # a folder covers what is under it
        ("corpus/a.txt", [], False),
        ("venv/lib/a.md", ["node_modules", "venv"], True),
    ],
)
def test_excluded(path: str, globs: list[str], expected: bool) -> None:
    assert excluded(path, globs) is expected


def test_path_matches_a_folder_or_a_glob() -> None:
    assert path_matches("corpus/drafts/a.txt", "corpus/drafts/")
    assert path_matches("corpus/drafts/a.txt", "corpus/*.txt")  # fnmatch: * crosses folders
    assert not path_matches("corpus/draftsman.txt", "corpus/drafts")


def test_severity_overrides_and_off() -> None:
    s = Settings(severity=MappingProxyType({"unsourced-quote": Severity.ERROR, "dangling-ibid": None}))
    assert s.severity_of("unsourced-quote", Severity.INFO) is Severity.ERROR
    assert s.severity_of("quote-source-conflict", Severity.ERROR) is Severity.ERROR
    assert not s.rule_enabled("dangling-ibid", "CC202") and s.rule_enabled("unsourced-quote", "CC105")


def test_extend_select_adds_to_select_and_ignore_wins() -> None:
    s = Settings(select=frozenset({"CC101"}), extend_select=frozenset({"unsourced-quote"}))
    assert s.rule_enabled("quote-source-conflict", "CC101") and s.rule_enabled("unsourced-quote", "CC105")
    assert not s.rule_enabled("dangling-ibid", "CC202")
    s = Settings(extend_select=frozenset({"unsourced-quote"}), ignore=frozenset({"unsourced-quote"}))
    assert not s.rule_enabled("unsourced-quote", "CC105")


def _excluded_glob_by_glob(path: str, globs: list[str]) -> bool:
    """What excluded() does, one fnmatch per glob and name: the reference it must agree with."""
    import fnmatch
    from pathlib import PurePosixPath

    parts = PurePosixPath(path.replace("\\", "/")).parts
    for glob in globs:
        bare = glob.strip("/")
        if "/" in bare:
            if path_matches(path, glob):
                return True
        elif any(fnmatch.fnmatchcase(part, bare) for part in parts):
            return True
    return False


_NAMES = ["a", "build", "x.md", "drafts", "[ab]", "b*", "c?d", ".h", "venv", "corpus", ""]
_GLOBS = ["build", "dist", "drafts", "*.md", "corpus/drafts", "corpus/*.txt", "/build/", "[ab]*", "c?d", "x/", "a\\b"]


@given(
    st.lists(st.sampled_from(_NAMES), min_size=1, max_size=4).map("/".join),
    st.lists(st.sampled_from(_GLOBS), max_size=6),
)
def test_excluded_agrees_with_matching_glob_by_glob(path: str, globs: list[str]) -> None:
    assert excluded(path, globs) is _excluded_glob_by_glob(path, globs)


def test_the_globs_are_compiled_once_per_set_of_globs() -> None:
    from citecheck.settings import _globs

    globs = ["build", "*.md", "corpus/drafts"]
    excluded("a/b.txt", globs)
    hits = _globs.cache_info().hits
    for path in ("a/b.txt", "corpus/drafts/c.txt", "x/y.md"):
        excluded(path, globs)
    assert _globs.cache_info().hits == hits + 3
