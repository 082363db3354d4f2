"""The README opens with the two set-up commands, and CI runs exactly the test one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_starts_with_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text.index("```sh")
    assert text[:first_block].count("\n") < 5, "the set-up commands come first"
    install_run, install_test = _readme_commands()[:2]
    assert "pip install" in install_run and "citecheck check corpus" in install_run
    assert "pip install" in install_test and "pytest" in install_test


def test_ci_runs_exactly_the_readme_test_command() -> None:
    install_test = _readme_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install_test in ci
