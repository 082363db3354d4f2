"""``[tool.citecheck]`` in pyproject.toml: read, validate, and merged under the command-line flags.

Keys are written as in ruff's configuration (kebab-case)::

    [tool.citecheck]
    paths = ["corpus"]
    references = "references.bib"
    report = "reports/discrepancies.html"   # false: no HTML report
    bibliography = "reports/merged.bib"     # false: no merged bibliography
    baseline = ".citecheck-baseline.json"   # check compares against it when it exists
    fail-on = "error"                       # info | warning | error | never
    min-severity = "warning"                # the least severe finding shown
    select = ["CC101", "dangling-ibid"]
    extend-select = ["unsourced-quote"]
    ignore = ["unsourced-quote"]
    exclude = ["drafts", "corpus/old/*"]    # replaces the default folders skipped
    extend-exclude = ["scratch"]            # adds to them
    jobs = 2
    cache-dir = ".citecheck-cache"          # false: no cache
    sources = ["sources"]                   # primary texts to check quotations against

    [tool.citecheck.severity]
    unsourced-quote = "off"                 # off | info | warning | error
    reference-variant = "error"

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
import json
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
    "min-severity",
    "select",
    "extend-select",
    "ignore",
    "severity",
    "exclude",
    "extend-exclude",
    "per-path-ignores",
    "thresholds",
    "jobs",
    "cache-dir",
    "sources",
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
    for key in ("paths", "sources"):
        if key in table:
            changes[key] = tuple(_join(anchor, p) for p in _strings(table[key], where, key))
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
    if "min-severity" in table:
        changes["min_severity"] = parse_severity(table["min-severity"], f"{where}: min-severity")
    for key in ("select", "extend-select", "ignore"):
        if key in table:
            changes[key.replace("-", "_")] = canonical_rules(_strings(table[key], where, key), f"{where}: {key}")
    if "severity" in table:
        changes["severity"] = _severities(table["severity"], where)
    for key in ("exclude", "extend-exclude"):
        if key in table:
            # a bare name matches a file or folder anywhere; a glob with a slash is a path from the config
            globs = _strings(table[key], where, key)
            changes[key.replace("-", "_")] = tuple(_join(anchor, g) if "/" in g.strip("/") else g for g in globs)
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
    return replace(settings, **changes, explicit=settings.explicit | set(changes))


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
    return None if value == "never" else parse_severity(value, where, "info, warning, error, never")


def parse_severity(value: object, where: str, choices: str = "info, warning, error") -> Severity:
    """The severity named by ``value``; ``choices`` are the values the caller accepts, for the error message."""
    if isinstance(value, str):
        try:
            return Severity.parse(value)
        except ValueError:
            pass
    raise ConfigError(f"{where} must be one of {choices} (not {value!r})")


def _severities(value: object, where: str) -> Mapping[str, Severity | None]:
    """``[tool.citecheck.severity]``: rule name or code = off | info | warning | error."""
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: severity must be a table of rule = off, info, warning or error")
    out: dict[str, Severity | None] = {}
    for rule in sorted(value):
        (name,) = canonical_rules((rule,), f"{where}: severity")
        level = value[rule]
        choices = "off, info, warning, error"
        out[name] = None if level == "off" else parse_severity(level, f"{where}: severity.{rule}", choices)
    return MappingProxyType(out)


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


def with_default_paths(settings: Settings) -> Settings:
    """The paths to read: as configured or given; by default ``corpus``, or the working folder when it has none."""
    if "paths" in settings.explicit or any(Path(p).exists() for p in settings.paths):
        return settings
    return replace(settings, paths=(".",))


def to_toml(settings: Settings, origin: Path | None = None) -> str:
    """``settings`` as a ``[tool.citecheck]`` table that reads back as the same settings (``--show-settings``).

    Every value is written, defaults included, and every rule's severity and every
    threshold in force, so the output says exactly what a run would use.
    """
    from citecheck.checks.rules import ALL_RULES

    def value(v: object) -> str:
        if v is None:
            return "false"
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int | float):
            return repr(v)
        if isinstance(v, str):
            return json.dumps(v, ensure_ascii=False)
        if isinstance(v, tuple | list | frozenset | set):
            items = sorted(v) if isinstance(v, frozenset | set) else v
            return "[" + ", ".join(value(i) for i in items) + "]"
        raise TypeError(type(v))

    def severity(s: Severity | None) -> str:
        return "off" if s is None else str(s)

    enabled = {r.name for r in ALL_RULES if settings.rule_enabled(r.name, r.code)}
    lines = [f"# from {origin}" if origin else "# no configuration file: defaults and flags", "[tool.citecheck]"]
    rows: list[tuple[str, object]] = [
        ("paths", settings.paths),
        ("references", settings.references),
        ("report", settings.report),
        ("bibliography", settings.bibliography),
        ("fail-on", "never" if settings.fail_on is None else str(settings.fail_on)),
    ]
    if settings.baseline is not None:
        rows.append(("baseline", settings.baseline))
    if settings.min_severity is not None:
        rows.append(("min-severity", str(settings.min_severity)))
    if settings.select is not None:
        rows.append(("select", settings.select))
    rows += [
        ("extend-select", settings.extend_select),
        ("ignore", settings.ignore),
        ("exclude", settings.exclude),
        ("extend-exclude", settings.extend_exclude),
        ("jobs", settings.jobs),
        ("cache-dir", settings.cache_dir),
        ("sources", settings.sources),
    ]
    lines += [f"{key} = {value(v)}" for key, v in rows]
    lines += ["", "[tool.citecheck.severity]"]
    for rule in ALL_RULES:
        if rule.name not in enabled:
            lines.append(f'{rule.name} = "off"  # {rule.code}')
        elif rule.name in settings.severity:
            lines.append(f"{rule.name} = {value(severity(settings.severity[rule.name]))}  # {rule.code}")
        else:  # the rule's own severity, which some rules raise or lower per finding
            lines.append(f"# {rule.name} = {value(str(rule.severity))}  # {rule.code}, the rule's default")
    lines += ["", "[tool.citecheck.per-path-ignores]"]
    lines += [f"{value(glob)} = {value(names)}" for glob, names in settings.per_path_ignores]
    lines += ["", "[tool.citecheck.thresholds]"]
    for name, default in sorted(known_thresholds().items()):
        lines.append(f"{name} = {value(settings.threshold(name, default))}")
    return "\n".join(lines) + "\n"
