"""Load: which files a folder contributes, each once, and what format each is read as."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citecheck.models import InputError
from citecheck.source.load import iter_input_files, sniff_format


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
