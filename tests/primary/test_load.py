"""Loading primary texts: order, bad files, nothing aborts."""

from __future__ import annotations

from pathlib import Path

from citecheck.primary.load import load_sources
from tests.primary.conftest import write_sources


def test_bad_files_are_errors_and_the_rest_still_load(tmp_path: Path) -> None:
    root = write_sources(tmp_path / "src")
    (root / "broken.txt").write_bytes(b"caf\xe9 latin-1\n")
    (root / "binary.htm").write_bytes(b"<html>\x00\x01</html>")
    loaded = load_sources([root, tmp_path / "missing"])
    assert len(loaded.texts) == 7  # text that is not UTF-8 is read as Windows-1252, as in the corpus
    assert "café latin-1" in next(t.text for t in loaded.texts if t.path.endswith("broken.txt"))
    assert sorted(e.message.split(" (")[0] for e in loaded.errors) == ["binary file", "no such file or folder"]


def test_order_does_not_depend_on_the_order_given(tmp_path: Path) -> None:
    root = write_sources(tmp_path / "src")
    a = load_sources([root / "vol30", root / "congress"])
    b = load_sources([root / "congress", root / "vol30"])
    assert a == b and [t.path for t in a.texts] == sorted(t.path for t in a.texts)
