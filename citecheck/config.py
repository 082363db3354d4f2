"""``[tool.citecheck]`` in pyproject.toml: read, validate, and merged under the command-line flags.

Keys are written as in ruff's configuration (kebab-case)::

    [tool.citecheck]
    paths = ["corpus"]
    references = "references.bib"
    report = "reports/discrepancies.html"   # false: no HTML report
    bibliography = "reports/merged.bib"     # false: no merged bibliography
    baseline = ".citecheck-baseline.json"   # check compares against it when it exists
    fail-on = "error"                       # info | warning | error | never
    select = ["CC101", "dangling-ibid"]
    ignore = ["unsourced-quote"]
    jobs = 2
    cache-dir = ".citecheck-cache"          # false: no cache

    [tool.citecheck.per-path-ignores]
    "corpus/drafts/*" = ["unsourced-quote"]

    [tool.citecheck.thresholds]
    quote-match = 85

An unknown key, an unknown rule name or a value of the wrong type is a
:class:`ConfigError` naming the file and the key.  Relative paths are taken
relative to the directory of the pyproject.toml.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from citecheck.models import Severity
from citecheck.settings import Settings

#: Every key ``[tool.citecheck]`` may hold.
KEYS = (
    "paths",
    "references",
    "report",
    "bibliography",
    "baseline",
    "fail-on",
    "select",
    "ignore",
    "per-path-ignores",
    "thresholds",
    "jobs",
    "cache-dir",
)

_PATH_KEYS = ("references", "report", "bibliography", "baseline", "cache-dir")

#: Path keys naming something citecheck writes: they must stay inside the project (see :func:`inside_project`).
OUTPUT_KEYS = ("report", "bibliography", "baseline", "cache-dir")


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and the key."""


def find_pyproject(start: Path | None = None) -> Path | None:
    """The nearest pyproject.toml in ``start`` (default: the working directory) or a parent."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def read_table(pyproject: Path) -> dict[str, Any]:
    """The ``[tool.citecheck]`` table of ``pyproject`` (empty when it has none)."""
    try:
        with pyproject.open("rb") as fh:
            doc = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{pyproject}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{pyproject}: not valid TOML: {exc}") from None
    tool = doc.get("tool", {})
    table = tool.get("citecheck", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.citecheck] must be a table")
    return table


def settings_from_table(table: Mapping[str, Any], origin: Path, base: Settings | None = None) -> Settings:
    """``base`` (default: the built-in defaults) with the values of ``table`` applied.

    ``origin`` is the pyproject.toml the table came from: it names the file in
    errors and anchors relative paths.
    """
    settings = base or Settings()
    where = f"{origin}: [tool.citecheck]"
    for key in sorted(table):
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}{_did_you_mean(key, KEYS)}")
    anchor = _anchor(origin)
    changes: dict[str, Any] = {}
    if "paths" in table:
        changes["paths"] = tuple(_join(anchor, p) for p in _strings(table["paths"], where, "paths"))
    for key in _PATH_KEYS:
        if key in table:
            value = table[key]
            if value is False and key != "references":
                changes[key.replace("-", "_")] = None
            elif isinstance(value, str) and value:
                if key in OUTPUT_KEYS:
                    inside_project(origin, key, value, where)
                changes[key.replace("-", "_")] = _join(anchor, value)
            else:
                raise ConfigError(f"{where}: {key} must be a path{' or false' if key != 'references' else ''}")
    if "fail-on" in table:
        changes["fail_on"] = parse_fail_on(table["fail-on"], f"{where}: fail-on")
    for key in ("select", "ignore"):
        if key in table:
            changes[key] = canonical_rules(_strings(table[key], where, key), f"{where}: {key}")
    if "per-path-ignores" in table:
        ppi = table["per-path-ignores"]
        if not isinstance(ppi, dict):
            raise ConfigError(f"{where}: per-path-ignores must be a table of glob = [rules]")
        pairs = []
        for glob in sorted(ppi):
            names = _strings(ppi[glob], where, f"per-path-ignores.{glob!r}")
            pairs.append((_join(anchor, glob), canonical_rules(names, f"{where}: per-path-ignores.{glob!r}")))
        changes["per_path_ignores"] = tuple(pairs)
    if "thresholds" in table:
        changes["thresholds"] = _thresholds(table["thresholds"], where, known_thresholds())
    if "jobs" in table:
        jobs = table["jobs"]
        if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0:
            raise ConfigError(f"{where}: jobs must be a whole number of processes (0: one per core)")
        changes["jobs"] = jobs
    return replace(settings, **changes)


def inside_project(origin: Path, key: str, value: str, where: str) -> None:
    """:class:`ConfigError` unless the output ``key = value`` is inside the folder of ``origin``.

    A repository's configuration must not make citecheck write elsewhere on the
    user's machine (``report = "/home/me/.bashrc"``, or through a link that
    leads out).  The path is resolved as the write will see it: links in its
    folders followed; a file's own name not (an atomic write replaces a link,
    never the file behind it), a folder's (the cache's) followed.  The command
    line may name any path.
    """
    project = origin.resolve().parent
    path = Path(value) if os.path.isabs(value) else project / value
    if key == "cache-dir":
        real = path.resolve()
    else:
        absolute = Path(os.path.abspath(path))
        real = absolute.parent.resolve() / absolute.name
    if not real.is_relative_to(project):
        raise ConfigError(
            f"{where}: {key} = {value!r} is outside the project folder {project}: "
            "outputs named in configuration stay inside it (name it on the command line instead)"
        )


def load_settings(pyproject: Path | None = None, *, search: bool = True) -> tuple[Settings, Path | None]:
    """Settings from ``pyproject`` (or the nearest pyproject.toml when ``search``), and the file used."""
    path = pyproject if pyproject is not None else (find_pyproject() if search else None)
    if path is None:
        return Settings(), None
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    settings = replace(settings_from_table(read_table(path), path), config=str(path))
    return settings, path


def known_thresholds() -> dict[str, float]:
    """Every threshold a rule reads, with its default."""
    from citecheck.checks.match import EXCERPT_RATIO, SAME_RATIO
    from citecheck.checks.rules import ALL_RULES

    known = {"quote-match": float(SAME_RATIO), "excerpt-match": float(EXCERPT_RATIO)}
    for rule in ALL_RULES:
        known.update({k: float(v) for k, v in rule.thresholds.items()})
    return known


def parse_fail_on(value: object, where: str) -> Severity | None:
    """``"never"`` is None; otherwise the severity named."""
    if value == "never":
        return None
    if isinstance(value, str):
        try:
            return Severity.parse(value)
        except ValueError:
            pass
    raise ConfigError(f"{where} must be one of info, warning, error, never (not {value!r})")


def _thresholds(value: object, where: str, known: Mapping[str, float]) -> Mapping[str, float]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: thresholds must be a table of name = number")
    out: dict[str, float] = {}
    for name in sorted(value):
        if name not in known:
            raise ConfigError(f"{where}: unknown threshold {name!r}{_did_you_mean(name, tuple(known))}")
        number = value[name]
        if isinstance(number, bool) or not isinstance(number, int | float) or not 0 <= number <= 100:
            raise ConfigError(f"{where}: threshold {name} must be a number from 0 to 100")
        out[name] = float(number)
    return MappingProxyType(out)


def canonical_rules(names: tuple[str, ...], where: str) -> frozenset[str]:
    """The rule names (``dangling-ibid``) of rule names or codes; :class:`ConfigError` for unknown ones."""
    from citecheck.checks.rules import ALL_RULES, rule_by_name

    every = tuple(r.name for r in ALL_RULES) + tuple(r.code for r in ALL_RULES)
    out = set()
    for name in names:
        rule = rule_by_name(name)
        if rule is None:
            raise ConfigError(f"{where}: no rule called {name!r}{_did_you_mean(name, every)}")
        out.add(rule.name)
    return frozenset(out)


def _strings(value: object, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def _anchor(origin: Path) -> str:
    rel = os.path.relpath(origin.resolve().parent, Path.cwd().resolve())
    return "" if rel == "." else rel


def _join(anchor: str, path: str) -> str:
    if not anchor or os.path.isabs(path):
        return path
    return Path(anchor, path).as_posix()


def _did_you_mean(word: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
