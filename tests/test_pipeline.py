"""The pipeline's choice of input files: excludes and the run's own outputs are skipped when walking."""

from __future__ import annotations

from pathlib import Path

from citecheck.models import InputError
from citecheck.pipeline import input_files


def test_input_files_skips_excluded_and_outputs_but_never_a_named_file(tmp_path: Path) -> None:
    for name in ("a.txt", "drafts/b.md", "build/c.md", "reports/discrepancies.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    report = tmp_path / "reports" / "discrepancies.html"

    def names(*paths: Path | str, exclude: tuple[str, ...] = ("build",)) -> list[str]:
        found = input_files(paths, exclude, (str(report), None))
        return [p.relative_to(tmp_path).as_posix() if isinstance(p, Path) else str(p) for p in found]

    assert names(tmp_path) == ["a.txt", "drafts/b.md"]
    assert names(tmp_path, exclude=("drafts", "build")) == ["a.txt"]
    assert names(tmp_path / "build" / "c.md", report) == ["build/c.md", "reports/discrepancies.html"]
    missing = list(input_files([tmp_path / "nope"]))
    assert len(missing) == 1 and isinstance(missing[0], InputError)
