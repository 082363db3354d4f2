"""``check --since REF``: the whole corpus is read, only findings on changed lines count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.ci.since import WHOLE_FILE, changes_since
from citecheck.cli import app
from tests.ci.conftest import A, B, git

CONFLICTING = A.replace("Vol 32", "Vol 29").replace("first", "third")


def _since(ref: str = "HEAD", *extra: str) -> tuple[int, dict[str, object], str]:
    r = CliRunner().invoke(
        app, ["check", "corpus", "--since", ref, "--no-html", "--no-bib", "--format", "json", *extra]
    )
    return r.exit_code, (json.loads(r.stdout) if r.stdout.startswith("{") else {}), r.stderr


def test_an_unchanged_corpus_counts_nothing(repo: Path) -> None:
    code, doc, _ = _since()
    assert code == 0 and doc["findings"] == [] and "0 on lines changed" in str(doc["since"])


def test_a_new_file_conflicting_with_an_old_one_counts(repo: Path) -> None:
    (repo / "corpus" / "c.txt").write_text(CONFLICTING, encoding="utf-8")  # untracked
    code, doc, _ = _since()
    findings = doc["findings"]
    assert code == 1
    assert isinstance(findings, list) and [f["rule"] for f in findings] == ["quote-source-conflict"]
    paths = {loc["path"] for loc in findings[0]["locations"]}
    assert paths == {"corpus/a.txt", "corpus/c.txt"}  # the old, unchanged file is named too


def test_an_edit_to_a_committed_line_counts_and_an_old_finding_does_not(repo: Path) -> None:
    (repo / "corpus" / "c.txt").write_text(CONFLICTING, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "an old conflict")
    # Only b.txt's note changes: its old volume is right, so nothing new touches the change.
    (repo / "corpus" / "b.txt").write_text(B.replace("p288", "p289"), encoding="utf-8")
    code, doc, _ = _since()
    assert code == 0 and doc["findings"] == [] and "0 on lines changed" in str(doc["since"])
    # Re-citing a.txt's quotation to a third volume touches a changed line.
    (repo / "corpus" / "a.txt").write_text(A.replace("Vol 32", "Vol 31"), encoding="utf-8")
    code, doc, _ = _since()
    assert code == 1 and doc["findings"]


def test_since_a_commit_before_the_edit(repo: Path) -> None:
    (repo / "corpus" / "c.txt").write_text(CONFLICTING, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "conflict")
    assert _since("HEAD")[0] == 0
    assert _since("HEAD~1")[0] == 1


def test_bad_revision_and_no_repository_exit_2_with_one_line(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = _since("no-such-branch")
    assert code == 2 and err.count("\n") == 1 and "no-such-branch" in err
    outside = repo.parent / (repo.name + "-not-a-repo")
    (outside / "corpus").mkdir(parents=True)
    (outside / "corpus" / "a.txt").write_text(A, encoding="utf-8")
    monkeypatch.chdir(outside)
    code, _, err = _since()
    assert code == 2 and err.startswith("citecheck: --since:") and err.count("\n") == 1


def test_changed_lines_are_the_new_side_of_the_diff(repo: Path) -> None:
    (repo / "corpus" / "a.txt").write_text(A.replace("The first essay\n", "The first essay\nNew line\n"), "utf-8")
    lines = (repo / "corpus" / "b.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    (repo / "corpus" / "b.txt").write_text("".join(lines[:1] + lines[2:]), encoding="utf-8")  # delete line 2
    (repo / "corpus" / "new.txt").write_text("x\n", encoding="utf-8")
    changes = changes_since("HEAD")
    by_name = {Path(k).name: v for k, v in changes.lines.items()}
    assert by_name["a.txt"] == {2}
    assert by_name["b.txt"] == {1, 2}  # a deletion marks the lines either side of the gap
    assert by_name["new.txt"] is WHOLE_FILE


def test_file_names_with_spaces_and_accents(repo: Path) -> None:
    odd = repo / "corpus" / "naïve «essay» one.txt"
    odd.write_text(B, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "odd name")
    odd.write_text(B.replace("The second essay", "The second essay, revised"), encoding="utf-8")
    changes = changes_since("HEAD")
    assert {Path(k).name: v for k, v in changes.lines.items()} == {"naïve «essay» one.txt": {1}}


def test_the_primary_location_is_the_one_on_a_changed_line_in_every_format(repo: Path) -> None:
    # c.txt cites a.txt's quotation alike; then its note is edited to another volume.
    (repo / "corpus" / "c.txt").write_text(A.replace("first", "third"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "c")
    (repo / "corpus" / "c.txt").write_text(CONFLICTING, encoding="utf-8")
    code, doc, _ = _since()
    findings = doc["findings"]
    assert code == 1 and isinstance(findings, list) and len(findings) == 1
    assert [loc["path"] for loc in findings[0]["locations"]] == ["corpus/c.txt", "corpus/a.txt"]
    base = ["check", "corpus", "--since", "HEAD", "--no-html", "--no-bib", "--format"]
    github = CliRunner().invoke(app, [*base, "github"]).stdout
    assert github.startswith("::error file=corpus/c.txt,line=3,")
    sarif = json.loads(CliRunner().invoke(app, [*base, "sarif"]).stdout)["runs"][0]["results"][0]
    assert sarif["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/c.txt"
    assert sarif["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/a.txt"
    assert CliRunner().invoke(app, [*base, "concise"]).stdout.startswith("corpus/c.txt:3:")
    text = CliRunner().invoke(app, [*base, "text"]).stdout
    assert text.startswith("corpus/c.txt\n") and "also corpus/a.txt:3" in text
    assert text.endswith("\n1 error counted in 3 documents\n")  # what counts, not all there is
    # Without --since the rule's own order stands.
    plain = CliRunner().invoke(app, ["check", "corpus", "--no-html", "--no-bib", "--format", "concise"]).stdout
    assert plain.startswith("corpus/a.txt:3:")


def test_since_from_a_folder_outside_the_repository(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "corpus" / "c.txt").write_text(CONFLICTING, encoding="utf-8")
    elsewhere = repo.parent / (repo.name + "-elsewhere")
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    flags = ["--since", "HEAD", "--no-html", "--no-bib", "--format", "json"]
    r = CliRunner().invoke(app, ["check", str(repo / "corpus"), "--references", str(repo / "references.bib"), *flags])
    assert r.exit_code == 1, r.stderr
    (finding,) = json.loads(r.stdout)["findings"]
    assert finding["locations"][0]["path"].endswith("corpus/c.txt")
