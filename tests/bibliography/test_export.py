"""The merged bibliography: lossless over references.bib, complete over the corpus, deterministic."""

from __future__ import annotations

from pathlib import Path

import pytest
from bibtexparser.entrypoint import parse_string
from typer.testing import CliRunner

from citecheck.bibliography.catalogue import Catalogue
from citecheck.bibliography.export import render
from citecheck.bibliography.normalise import normalise_all
from citecheck.cli import app
from tests.conftest import ROOT, extract_text

BIB = """% a comment that must survive
@string{pp = "Progress Publishers"}

@collection{lenin-cw,
  author = {Lenin, V. I.},
  title = {Collected Works},
  publisher = pp,
  address = {Moscow},
  year = {1960},
  printings = {1960--1980},
  volumes = {45},
  aliases = {LCW; CW},
}

@book{lenin-cw-33,
  crossref = {lenin-cw},
  volume = {33},
  contentsdate = {1921-08/1923-03},
}
"""

ESSAY = (
    "Intro.\n\nLenin said “our state apparatus is in a deplorable condition”.1 Conquest said “the plan was a "
    "bargaining process from top to bottom”.2 Lenin added “we must learn to trade like merchants”.3\n\nNotes\n\n"
    "  1. VI Lenin CW Vol 33, Moscow 1965, p487.\n  2. R Conquest, The Great Terror, London 1969, p12.\n"
    "  3. VI Lenin CW Vol 32, Moscow 1965, p20.\n"
)


@pytest.fixture()
def catalogue(tmp_path: Path) -> Catalogue:
    p = tmp_path / "references.bib"
    p.write_text(BIB, encoding="utf-8")
    return Catalogue.load(p)


def _merged(catalogue: Catalogue, *paths: str) -> str:
    docs = [extract_text(ESSAY, path=p, catalogue=catalogue) for p in paths]
    return render(catalogue, normalise_all(docs, catalogue))


def test_every_field_of_references_bib_survives(catalogue: Catalogue) -> None:
    before = parse_string(BIB, parse_stack=[])
    after = parse_string(_merged(catalogue, "a.txt"), parse_stack=[])
    assert after.failed_blocks == []
    for entry in before.entries:
        out = after.entries_dict[entry.key]
        for field in entry.fields:
            assert out.fields_dict[field.key].value == field.value, (entry.key, field.key)
    assert [s.key for s in after.strings] == ["pp"]
    assert "a comment that must survive" in _merged(catalogue, "a.txt")


def test_cited_works_and_volumes_are_added_with_their_places(catalogue: Catalogue) -> None:
    after = parse_string(_merged(catalogue, "a.txt"), parse_stack=[]).entries_dict
    assert after["lenin-cw-33"].fields_dict["citedin"].value == "{a.txt:7}"
    assert after["lenin-cw-32"].fields_dict["crossref"].value == "{lenin-cw}"
    assert "conquest-1969-great" in after


def test_deterministic_and_independent_of_document_order(catalogue: Catalogue) -> None:
    assert _merged(catalogue, "a.txt", "b.txt") == _merged(catalogue, "b.txt", "a.txt")


def test_bib_command_writes_and_refuses_a_bad_references_bib(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "essay.txt").write_text(ESSAY, encoding="utf-8")
    refs = tmp_path / "references.bib"
    refs.write_text(BIB, encoding="utf-8")
    out = tmp_path / "merged.bib"
    runner = CliRunner()
    ok = runner.invoke(app, ["bib", str(corpus), "-o", str(out), "--references", str(refs)])
    assert ok.exit_code == 0 and "lenin-cw-33" in out.read_text(encoding="utf-8")
    refs.write_text(BIB + "\n@book{lenin-cw-33, title={again}}\n", encoding="utf-8")
    out2 = tmp_path / "merged2.bib"
    bad = runner.invoke(app, ["bib", str(corpus), "-o", str(out2), "--references", str(refs)])
    assert bad.exit_code == 2 and not out2.exists()
    assert "duplicate key 'lenin-cw-33'" in bad.output and "line 15" in bad.output


def test_project_references_bib_round_trips(tmp_path: Path) -> None:
    cat = Catalogue.load(ROOT / "references.bib")
    text = render(cat, ())
    again = parse_string(text, parse_stack=[])
    original = parse_string((ROOT / "references.bib").read_text(encoding="utf-8"), parse_stack=[])
    assert again.failed_blocks == [] and len(again.entries) == len(original.entries)
