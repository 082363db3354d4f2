"""Settings: which rules run and how severe they are, and which paths a glob excludes."""

from __future__ import annotations

from types import MappingProxyType

import pytest

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
