"""``citecheck rules`` lists the rules; ``citecheck rule NAME`` explains one."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from citecheck.cli import app


@app.command("rules")
def rules_list(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable list.")] = False,
) -> None:
    """List every rule: code, name, default severity, summary."""
    from citecheck.checks.rules import ALL_RULES

    if as_json:
        rows = [{"code": r.code, "name": r.name, "severity": str(r.severity), "summary": r.summary} for r in ALL_RULES]
        typer.echo(json.dumps(rows, indent=1))
        return
    for r in ALL_RULES:
        typer.echo(f"{r.code}  {r.name:<26} {r.severity!s:<8} {r.summary}")


@app.command("rule")
def rule_explain(name: Annotated[str, typer.Argument(help="A rule name (dangling-ibid) or code (CC202).")]) -> None:
    """Explain one rule: what it finds, why it matters, an example, how to fix it."""
    from citecheck.checks.rules import rule_by_name

    r = rule_by_name(name)
    if r is None:
        typer.echo(f"citecheck: no rule called {name!r} (see `citecheck rules`)", err=True)
        raise typer.Exit(2)
    typer.echo(f"{r.code} {r.name} ({r.severity})\n\n{r.summary}\n\n{r.explanation}")
    for key, value in sorted(r.thresholds.items()):
        typer.echo(f"Threshold {key} = {value} (set in [tool.citecheck.thresholds])")
