"""Hostile input through the CLI and the library: defined behaviour, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.models import DocumentResult
from citecheck.pipeline import extract_paths
from tests.conftest import ESSAY, ROOT, extract_text

GOOD = "Lenin wrote “all power to the soviets”.1\n\nNotes\n\n1. Lenin, CW, vol. 24, p. 19.\n"

# (name, file bytes, None when the file is processed, else a fragment of the one-line error)
BAD_OR_ODD: list[tuple[str, bytes, str | None]] = [
    ("empty.txt", b"", None),
    ("blank.txt", b"\n\n  \n", None),
    ("binary.txt", bytes(range(256)) * 4, "binary file"),
    ("nul.txt", b"Lenin wrote\n\x00 more", "NUL byte on line 2"),
    ("latin1.txt", "line one\nna\u00efve".encode("latin-1"), None),  # read as cp1252, with a warning
    ("utf16nobom.txt", GOOD.encode("utf-16-le"), "UTF-16-LE without a byte-order mark"),
    ("utf16benobom.txt", GOOD.encode("utf-16-be"), "UTF-16-BE without a byte-order mark"),
    ("utf16.txt", b"\xff\xfe" + GOOD.encode("utf-16-le"), None),
    ("utf16be.md", b"\xfe\xff" + GOOD.encode("utf-16-be"), None),
    ("utf8bom.txt", b"\xef\xbb\xbf" + GOOD.encode(), None),
    ("badutf16.txt", b"\xff\xfe" + b"\x00\xd8", "not valid UTF-16-LE"),
    ("png.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
]


def _run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _empty_bib(folder: Path) -> str:
    """An empty curated bibliography (a missing one that is named is an error)."""
    bib = folder / "none.bib"
    bib.touch()
    return str(bib)


@pytest.mark.parametrize(("name", "data", "error"), BAD_OR_ODD, ids=[c[0] for c in BAD_OR_ODD])
def test_cli_reports_bad_file_in_one_line_and_processes_the_others(
    tmp_path: Path, name: str, data: bytes, error: str | None
) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    code, out, err = _run(["extract", str(tmp_path), "--references", _empty_bib(tmp_path)])
    paths = [d["path"] for d in json.loads(out)["documents"]]
    assert any(p.endswith("good.txt") for p in paths)
    assert "Traceback" not in err
    if error is None:
        assert code == 0, err
        assert any(p.endswith(name) for p in paths)
    else:
        assert code == 2
        lines = err.strip().splitlines()
        assert len(lines) == 1 and name in lines[0] and error in lines[0], err
        assert not any(p.endswith(name) for p in paths)


def test_utf16_file_extracts_like_utf8(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe" + GOOD.encode("utf-16-le"))
    docs = extract_paths([tmp_path]).documents
    assert [len(d.quotations) for d in docs] == [1, 1]
    assert docs[0].quotations[0].text == docs[1].quotations[0].text
    assert docs[0].citations[0].line == docs[1].citations[0].line


def _spans(doc: DocumentResult) -> list[tuple[int, int, int, int]]:
    return [(c.line, c.column, c.start, c.end) for c in doc.citations] + [
        (q.line, q.column, q.start, q.end) for q in doc.quotations
    ]


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_line_numbers_right_for_crlf_and_bare_cr(eol: str) -> None:
    lf = extract_text(GOOD)
    other = extract_text(GOOD.replace("\n", eol))
    assert [(ln, col) for ln, col, _, _ in _spans(lf)] == [(ln, col) for ln, col, _, _ in _spans(other)]
    assert [q.text for q in lf.quotations] == [q.text for q in other.quotations]
    assert lf.quotations and lf.quotations[0].line == 1 and lf.citations[0].line == 5


ODD_TEXTS = [
    "“" * 500,
    "”" * 500,
    "He said “it never closes " + "and goes on " * 200,
    "“a ‘b “c ‘d " * 100 + "’ ” ’ ”" * 100,
    "\"\"\"'''" * 300,
    "Ibid., p. 4.\n\nIbid.\n",
    "1. Ibid., p. 3.\n\n2. Op. cit., p. 9.\n\n3. Ibid.\n",
    "(" * 2000 + ")" * 10,
    "[^" * 500,
    "[[" * 500 + "]]",
    "*" * 1000 + "_" * 1000,
    "<" * 1000,
    "Lenin, " * 500 + "Collected Works, vol. " * 200,
    "p. " * 1000 + "pp. 1-" * 500,
    "1" * 5000 + "." + " 1." * 1000,
    "\u202e\u200b\ufeff\x0b\x0c\x1c\x85\u2028\u2029" * 50,
    "thousandÉ â€œ ÒquoteÓ doesnÕt " * 200,
]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("text", ODD_TEXTS, ids=range(len(ODD_TEXTS)))
def test_adversarial_text_never_raises_and_spans_point_into_the_source(text: str, fmt: str) -> None:
    doc = extract_text(text, fmt)
    for c in doc.citations:
        assert 0 <= c.start <= c.end <= len(text) and text[c.start : c.end] == c.raw
    for q in doc.quotations:
        assert 0 <= q.start <= q.end <= len(text)


def test_ibid_first_is_reported_dangling() -> None:
    doc = extract_text("Intro.1\n\nNotes\n\n1. Ibid., p. 4.\n\n2. Lenin, CW, vol. 24, p. 19.\n")
    first = doc.citations[0]
    assert first.kind == "ibid" and first.resolves_to is None and first.resolution_problem


@pytest.mark.parametrize("entity", ["&#xD800;", "&#xDFFF;", "&#0;", "&#x110000;", "&#1;", "&#x1F;", "&#99999999999;"])
def test_html_numeric_entities_for_surrogates_and_nul_give_valid_json(tmp_path: Path, entity: str) -> None:
    (tmp_path / "a.html").write_text(f"<p>Lenin wrote “all {entity} power”.</p>", encoding="utf-8")
    code, out, err = _run(["extract", str(tmp_path), "--references", _empty_bib(tmp_path)])
    assert code == 0, err
    quotes = json.loads(out)["documents"][0]["quotations"]
    assert quotes and all(not ("\ud800" <= ch <= "\udfff") for ch in quotes[0]["text"])


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_output_valid_for_control_characters_and_lone_surrogates(
    fmt: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import citecheck.pipeline as pipeline
    from citecheck.source.load import document_from_text

    text = "Lenin wrote “all \x01\x1b\x7f \ud800 power\udcff”.\n"
    real = pipeline.read_document
    monkeypatch.setattr(pipeline, "read_document", lambda p, display_path=None: document_from_text("s.txt", text))
    (tmp_path / "s.txt").write_text("x")
    code, out, err = _run(["extract", str(tmp_path), "--format", fmt, "--references", _empty_bib(tmp_path)])
    monkeypatch.setattr(pipeline, "read_document", real)
    assert code == 0, err
    out.encode("utf-8")  # no lone surrogate reached the output
    records = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else [json.loads(out)]
    assert records and "\\u001b" in out and "\ufffd" in out  # escaped, replaced


BIBS = {
    "duplicate-keys": "@book{a, title={X}, author={Lenin, V. I.}}\n@book{a, title={Y}}\n",
    "unbalanced": "@book{a, title={X, author={Lenin}\n",
    "crossref-cycle": "@book{a, crossref={b}, title={X}}\n@book{b, crossref={a}, title={Y}}\n",
    "unknown-type": "@weird{a, title={X}}\n@book{b, title={Y}}\n",
    "binary": "\x00\x01\x02",
}


@pytest.mark.parametrize("name", sorted(BIBS))
def test_bad_references_bib_is_one_line_or_read(tmp_path: Path, name: str) -> None:
    bib = tmp_path / "references.bib"
    bib.write_text(BIBS[name], encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = _run(["extract", str(tmp_path / "a.txt"), "--references", str(bib)])
    assert "Traceback" not in err
    assert code in (0, 2)
    if code == 2:
        assert any(line.startswith("citecheck: ") and "references.bib" in line for line in err.splitlines()), err
    else:
        json.loads(out)


# --- issue 17: a crash is never a finding ------------------------------------------------------


def test_a_file_name_that_is_not_utf8_reaches_every_output_as_valid_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plain.txt").write_text(ESSAY.format(page=10), encoding="utf-8")
    with open(os.fsencode(corpus) + b"/na\xefve-\xff.txt", "wb") as fh:  # Latin-1 bytes in the name
        fh.write(ESSAY.format(page=20).encode())
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    monkeypatch.chdir(tmp_path)
    shown = "corpus/na\\xefve-\\xff.txt"
    for fmt in ("json", "sarif", "github", "text"):
        r = CliRunner().invoke(app, ["check", "corpus", "--format", fmt, "--html", "r.html", "--bib", "r.bib"])
        assert r.exit_code == 1 and r.stderr == "", (fmt, r.stderr)
        out = r.stdout
        assert not any("\ud800" <= c <= "\udfff" for c in out) and "\\udc" not in out  # nor escaped as \\udcff
        assert shown in (_strings(json.loads(out)) if fmt in ("json", "sarif") else out)
    for name in ("r.html", "r.bib"):
        assert shown in (tmp_path / name).read_text(encoding="utf-8")  # written, as UTF-8
    r = CliRunner().invoke(app, ["bib", "corpus", "-o", "only.bib"])
    assert r.exit_code == 0 and shown in (tmp_path / "only.bib").read_text(encoding="utf-8")


def _strings(obj: object) -> str:
    """Every string in a JSON document, one a line."""
    if isinstance(obj, dict):
        return "\n".join(_strings(v) for v in obj.values())
    if isinstance(obj, list):
        return "\n".join(_strings(v) for v in obj)
    return str(obj)


@pytest.mark.parametrize("month", ["00", "13"])
def test_a_contentsdate_month_that_does_not_exist_is_one_line_not_a_crash(tmp_path: Path, month: str) -> None:
    bib = tmp_path / "references.bib"
    bib.write_text(
        "@collection{lenin-cw, author={Lenin, V. I.}, title={Collected Works}, aliases={CW}}\n"
        f"@book{{lenin-cw-33, crossref={{lenin-cw}}, volume={{33}}, contentsdate={{1921-{month}/1923-03}}}}\n",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text(
        "In March 1918 Lenin wrote “x y z w v”.1\n\nNotes\n\n1. Lenin, CW, vol. 33, p. 5.\n"
    )
    code, _, err = _run(["check", str(tmp_path / "a.txt"), "--references", str(bib), "--no-html", "--no-bib"])
    assert code == 2 and err == (
        f"citecheck: {bib}:2: contentsdate '1921-{month}/1923-03' of 'lenin-cw-33' is not an ISO 8601 date or "
        "interval (1917, 1917-10 or 1917-10-25, or two of them joined by / in order)\n"
    )


def test_a_windows_1252_file_is_read_with_one_warning(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes(GOOD.replace("“", "\x93").replace("”", "\x94").encode("latin-1"))
    code, out, err = _run(["extract", str(tmp_path), "--references", str(ROOT / "references.bib")])
    assert code == 0
    assert err == f"citecheck: warning: {tmp_path}/legacy.txt: not valid UTF-8 (first at line 1): read as cp1252\n"
    docs = {Path(d["path"]).name: d for d in json.loads(out)["documents"]}
    assert (docs["legacy.txt"]["encoding"], docs["good.txt"]["encoding"]) == ("cp1252", "utf-8")
    assert docs["legacy.txt"]["quotations"][0]["text"] == docs["good.txt"]["quotations"][0]["text"]


def test_a_folder_named_on_the_command_line_with_non_utf8_bytes_reaches_the_report(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/essays-\xff"
    os.mkdir(folder)
    with open(folder + b"/a.txt", "wb") as fh:
        fh.write(ESSAY.format(page=10).encode())
    name = os.fsdecode(folder)  # what Python makes of such an argument: a lone surrogate for the byte
    code, _, err = _run(["report", name, "-o", str(tmp_path / "r.html"), "--references", str(ROOT / "references.bib")])
    assert code == 0, err
    assert f"{tmp_path}/essays-\\xff" in (tmp_path / "r.html").read_text(encoding="utf-8")
