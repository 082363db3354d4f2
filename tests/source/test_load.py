"""Load: which files a folder contributes, each once, and what format each is read as."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citecheck.models import InputError
from citecheck.source.load import decode, input_test, iter_input_files, read_document, shown_path, sniff_format


def _tree(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text\n", encoding="utf-8")


def _names(root: Path, items: list[Path | InputError]) -> list[str]:
    return [p.relative_to(root).as_posix() if isinstance(p, Path) else f"error: {p.path}" for p in items]


def test_a_folder_gives_its_text_files_sorted_and_skips_hidden_ones(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        "b.md",
        "a.txt",
        "sub/c.HTML",
        "sub/deeper/d.markdown",
        "image.png",
        ".hidden.md",
        ".git/objects/x.txt",
        "sub/.cache/e.md",
    )
    assert _names(tmp_path, list(iter_input_files([tmp_path]))) == [
        "a.txt",
        "b.md",
        "sub/c.HTML",
        "sub/deeper/d.markdown",
    ]


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    _tree(tmp_path, "essays/a.md", "essays/b.md")
    (tmp_path / "essays" / "link.md").symlink_to(tmp_path / "essays" / "a.md")
    got = list(iter_input_files([tmp_path / "essays", tmp_path / "essays" / "b.md", tmp_path / "essays/./a.md"]))
    assert _names(tmp_path, got) == ["essays/a.md", "essays/b.md"]


def test_links_to_folders_are_not_followed(tmp_path: Path) -> None:
    _tree(tmp_path, "corpus/a.md")
    (tmp_path / "corpus" / "loop").symlink_to(tmp_path / "corpus", target_is_directory=True)
    assert _names(tmp_path, list(iter_input_files([tmp_path / "corpus"]))) == ["corpus/a.md"]


def test_a_hidden_file_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    _tree(tmp_path, ".draft.md")
    assert _names(tmp_path, list(iter_input_files([tmp_path / ".draft.md"]))) == [".draft.md"]


def test_a_missing_path_is_an_error_and_the_others_still_come(tmp_path: Path) -> None:
    _tree(tmp_path, "a.md")
    got = list(iter_input_files([tmp_path / "nope", tmp_path]))
    errors = [g for g in got if isinstance(g, InputError)]
    assert [e.message for e in errors] == ["no such file or folder"]
    assert [p for p in got if isinstance(p, Path)] == [tmp_path / "a.md"]


def test_an_unreadable_folder_is_reported_not_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path, "a.md", "locked/b.md")
    real_scandir = os.scandir

    def scandir(path: os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    got = list(iter_input_files([tmp_path]))
    errors = [g for g in got if isinstance(g, InputError)]
    assert [(Path(e.path).name, e.message) for e in errors] == [("locked", "cannot read folder: Permission denied")]
    assert [p.name for p in got if isinstance(p, Path)] == ["a.md"]


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("a.md", "plain words", "markdown"),
        ("a.HTM", "plain words", "html"),
        ("a.txt", "<!DOCTYPE html><html><p>x</p></html>", "html"),
        ("a.txt", "Some prose.<p>A paragraph</p>", "html"),
        ("a.txt", "---\ntitle: x\n---\nbody", "markdown"),
        ("a.txt", "# Heading\n\n> a quoted line\n", "markdown"),
        ("a.txt", "# only one signal\n", "text"),
        ("a.txt", "Lenin wrote, 'all power to the soviets'.[1]\n", "text"),
    ],
)
def test_the_format_comes_from_the_ending_then_the_content(name: str, text: str, fmt: str) -> None:
    assert sniff_format(name, text) == fmt


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_markdown_signals_are_found_whatever_the_line_ends(newline: str) -> None:
    text = newline.join(["Some prose.", "  ## A heading", "", "> quoted", "more prose"])
    assert sniff_format("a.txt", text) == "markdown"
    assert sniff_format("a.txt", text.replace("##", "####").replace("> ", ">")) == "text"


# --- what the walk says about what it cannot read (issue 17) ---------------------------------


def _errors(items: list[Path | InputError]) -> list[tuple[str, str]]:
    return [(Path(e.path).name, e.message) for e in items if isinstance(e, InputError)]


def test_a_link_loop_is_one_error_and_the_other_files_are_read(tmp_path: Path) -> None:
    _tree(tmp_path, "a.txt")
    (tmp_path / "x.txt").symlink_to("x.txt")  # a loop of one
    (tmp_path / "y.md").symlink_to("z.md")
    (tmp_path / "z.md").symlink_to("y.md")  # a loop of two
    got = list(iter_input_files([tmp_path]))
    assert [p.name for p in got if isinstance(p, Path)] == ["a.txt"]
    assert _errors(got) == [
        ("x.txt", "link loop (the link leads back to itself): skipped"),
        ("y.md", "link loop (the link leads back to itself): skipped"),
        ("z.md", "link loop (the link leads back to itself): skipped"),
    ]


def test_a_broken_link_is_said_not_skipped_silently(tmp_path: Path) -> None:
    _tree(tmp_path, "a.txt")
    (tmp_path / "gone.md").symlink_to("moved-away.md")
    (tmp_path / "gone.png").symlink_to("nothing.png")  # not a text ending: never an input
    got = list(iter_input_files([tmp_path, tmp_path / "named.md"]))
    assert _errors(got) == [
        ("gone.md", "broken link (to moved-away.md, which does not exist): skipped"),
        ("named.md", "no such file or folder"),
    ]
    assert [p.name for p in got if isinstance(p, Path)] == ["a.txt"]


def test_folders_a_thousand_deep_are_walked(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(1000):  # os.makedirs itself recurses; one level at a time
        deep = deep / "d"
        deep.mkdir()
    (deep / "bottom.md").write_text("text\n", encoding="utf-8")
    try:
        got = list(iter_input_files([tmp_path]))
        assert [p.name for p in got if isinstance(p, Path)] == ["bottom.md"]
    finally:  # bottom up: shutil.rmtree (and pytest's clean-up of old temporary folders) would recurse
        (deep / "bottom.md").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_and_devices_are_named_for_what_they_are(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    _tree(tmp_path, "a.txt")
    got = list(iter_input_files([tmp_path, tmp_path / "pipe.txt", "/dev/null"]))
    assert _errors(got) == [
        ("pipe.txt", "not a regular file (a FIFO): skipped"),  # found in the folder
        ("pipe.txt", "not a regular file (a FIFO): skipped"),  # named
        ("null", "not a regular file (a character device): skipped"),
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_reading_a_fifo_put_in_a_files_place_does_not_wait_on_it(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "late.txt")  # the walk saw a file; by the time it is read it is a FIFO
    got = read_document(tmp_path / "late.txt")
    assert isinstance(got, InputError) and got.message == "not a regular file (a FIFO): skipped"


@pytest.mark.parametrize("name", ["essay.docx", "essay.ODT", "essay.pdf", "book.epub", "essay.doc", "essay.rtf"])
def test_a_word_processor_or_pdf_file_named_directly_gets_a_hint(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"PK\x03\x04\x00\x00 binary")
    got = read_document(tmp_path / name)
    assert isinstance(got, InputError)
    assert got.message == ("unsupported format: convert it to text, Markdown or HTML first (for example with pandoc)")


@pytest.mark.parametrize("name", ["a.htm", "a.xhtml", "a.XHTML", "a.html"])
def test_htm_and_xhtml_are_read_as_html_from_a_folder(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("<p>Lenin wrote “all power to the soviets”.</p>", encoding="utf-8")
    (found,) = iter_input_files([tmp_path])
    doc = read_document(found)
    assert not isinstance(doc, InputError) and doc.format == "html"


def test_a_file_name_that_is_not_utf8_is_shown_with_escapes(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/na\xefve-\xff.txt"
    with open(raw, "wb") as fh:
        fh.write(b"text\n")
    (found,) = iter_input_files([tmp_path])
    doc = read_document(found)
    assert not isinstance(doc, InputError)
    assert doc.path.endswith("/na\\xefve-\\xff.txt")
    doc.path.encode("utf-8")  # no lone surrogate: every output can write it
    assert shown_path("ok/ünïcödé.md") == "ok/ünïcödé.md"


# --- encodings: guessed with a note, or a message that says what is wrong -------------------

CP1252 = "Lenin’s “naïve” words – a test".encode("cp1252")
MIXED = "“valid UTF-8” then ".encode() + "naïve".encode("cp1252")


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (CP1252, "Lenin’s “naïve” words – a test", "cp1252"),
        ("line one\nnaïve".encode("latin-1"), "line one\nnaïve", "cp1252"),
        (b"caf\xe9 \x81", "café \x81", "latin-1"),  # 0x81 is not cp1252: the file is Latin-1
        (MIXED, "“valid UTF-8” then naïve", "utf-8+cp1252"),
        ("plain “UTF-8”".encode(), "plain “UTF-8”", "utf-8"),
    ],
)
def test_text_that_is_not_utf8_is_read_as_windows_1252(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


def test_without_guessing_invalid_utf8_names_its_line() -> None:
    assert decode(b"one\ntwo \xff\n", guess=False) == (
        None,
        "not valid UTF-8 on line 2 (invalid start byte at byte 8)",
    )


def test_a_guessed_encoding_is_noted_on_the_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"first line\n" + CP1252)
    doc = read_document(tmp_path / "a.txt")
    assert not isinstance(doc, InputError)
    assert (doc.encoding, doc.note) == ("cp1252", "not valid UTF-8 (first at line 2): read as cp1252")
    (tmp_path / "b.txt").write_bytes(MIXED)
    doc = read_document(tmp_path / "b.txt")
    assert not isinstance(doc, InputError) and doc.note is not None and "those bytes read as cp1252" in doc.note


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Lenin wrote".encode("utf-16-le"), "UTF-16-LE without a byte-order mark: save it as UTF-8"),
        ("Lenin wrote".encode("utf-16-be"), "UTF-16-BE without a byte-order mark: save it as UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL byte on line 3)"),
    ],
)
def test_utf16_without_a_bom_is_not_called_binary(data: bytes, message: str) -> None:
    text, reason = decode(data)
    assert text is None and reason.startswith(message)


# --- outputs that would be inputs -----------------------------------------------------------


def test_input_test_finds_the_files_a_write_would_replace(tmp_path: Path) -> None:
    _tree(tmp_path, "corpus/a.md", "notes/real.txt", "notes/other.txt", "references.bib")
    (tmp_path / "corpus" / "linked.txt").symlink_to(tmp_path / "notes" / "real.txt")
    (tmp_path / "out").symlink_to(tmp_path / "corpus", target_is_directory=True)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "to-essay.html").symlink_to(tmp_path / "corpus" / "a.md")
    read = [p for p in iter_input_files([tmp_path / "corpus"]) if isinstance(p, Path)]
    replaces = input_test([*read, tmp_path / "references.bib"])
    cases = {
        "corpus/a.md": True,
        "out/a.md": True,  # the same file, through a link to its folder
        "notes/real.txt": True,  # behind a link in the corpus
        "references.bib": True,
        "reports/to-essay.html": False,  # a link: the write replaces the link, not the essay behind it
        "corpus/new.html": False,  # nothing there yet: the run's walk skips its own outputs
        "notes/other.txt": False,
        "nowhere/x.html": False,
    }
    assert {name: replaces(tmp_path / name) for name in cases} == cases
