"""Settings from `blameless.toml`, `[tool.blameless]` in `pyproject.toml` and the environment.

This is the only module that reads environment variables. Files are found by walking up from a
starting directory; the first `blameless.toml`, or `pyproject.toml` with a `[tool.blameless]`
table, wins. Environment variables override files.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blameless.errors import ConfigError

DEFAULT_DATABASE_FILE = "blameless.db"
DEFAULT_INCIDENT_ID_FORMAT = "INC-{year}-{seq:03d}"
LINT_KEYS = (
    "select",
    "ignore",
    "per_file_ignores",
    "severity",
    "people",
    "systems",
    "blame_phrases",
    "action_headings",
    "timeline_headings",
    "timeline_max_gap_minutes",
)
"""The settings of `blameless lint` (read by `blameless.lintconfig`)."""
SETTING_KEYS = frozenset({*LINT_KEYS, "database_url", "incident_id_format"})
"""Every key a settings table may hold, in underscore form: anything else is an error."""


@dataclass
class Settings:
    """Resolved settings. `table` is the raw `[tool.blameless]` table, for sub-configs."""

    database_url: str
    incident_id_format: str = DEFAULT_INCIDENT_ID_FORMAT
    source: Path | None = None
    table: dict[str, Any] = field(default_factory=dict)


def find_config_file(start: Path) -> Path | None:
    """The nearest `blameless.toml` or `pyproject.toml` with `[tool.blameless]`, walking up."""
    here = start if start.is_dir() else start.parent
    for folder in [here.resolve(), *here.resolve().parents]:
        candidate = folder / "blameless.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "blameless" in read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, naming the file and line on error."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as problem:
        # Python 3.11 only puts the position in the text: "Invalid value (at line 3, column 7)".
        found = re.search(r"^(.*?)(?: \(at line (\d+), column (\d+)\))?$", str(problem))
        message, line, column = found.groups() if found else (str(problem), None, None)
        raise ConfigError(
            f"invalid TOML: {message}",
            path=path,
            line=int(line) if line else None,
            column=int(column) if column else None,
        ) from None
    except OSError as problem:
        raise ConfigError(f"cannot read config: {problem.strerror}", path=path) from None


def config_table(path: Path) -> dict[str, Any]:
    """The blameless table of a config file (the whole file for `blameless.toml`)."""
    data = read_toml(path)
    table = data.get("tool", {}).get("blameless", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError("the blameless settings must be a table", path=path)
    return table


def setting_name(key: str) -> str:
    """A settings key in its canonical form: dashes and underscores are the same."""
    return key.replace("-", "_")


def check_keys(table: dict[str, Any], source: Path | None) -> None:
    """`ConfigError` naming the first key of `table` that no part of blameless reads."""
    unknown = [key for key in table if setting_name(key) not in SETTING_KEYS]
    if not unknown:
        return
    import difflib

    key = unknown[0]
    close = difflib.get_close_matches(setting_name(key), sorted(SETTING_KEYS), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise ConfigError(
        f"unknown setting {key!r} ({hint}known: {', '.join(sorted(SETTING_KEYS))}; "
        "dashes or underscores)",
        path=source,
        line=key_line(source, key),
    )


def key_line(source: Path | None, key: str) -> int | None:
    """The line where `key` is set in the TOML file, when it can be found."""
    if source is None:
        return None
    try:
        text = source.read_text(encoding="utf-8")
    except OSError:
        return None
    pattern = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?\s*[=.]", re.MULTILINE)
    header = re.compile(rf"^[ \t]*\[[^\]\n]*\b{re.escape(key)}[\"']?\]", re.MULTILINE)
    match = pattern.search(text) or header.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


_SQLITE_FILE_URL = re.compile(r"(sqlite(?:\+\w+)?:///)([^?]+)(.*)", re.DOTALL)


def _anchor_sqlite_path(url: str, folder: Path) -> str:
    """A relative SQLite path in a config file is relative to that file, not to the cwd."""
    found = _SQLITE_FILE_URL.fullmatch(url)
    if found is None or found[2] == ":memory:" or Path(found[2]).is_absolute():
        return url
    return f"{found[1]}{(folder / found[2]).as_posix()}{found[3]}"


def load_settings(start: Path | None = None, *, config_file: Path | None = None) -> Settings:
    """Settings for work rooted at `start` (default: the current directory)."""
    start = start or Path.cwd()
    source = config_file or find_config_file(start)
    table = config_table(source) if source else {}
    check_keys(table, source)
    values = {setting_name(key): (key, value) for key, value in table.items()}
    base = source.parent if source else start
    url_key, url = values.get("database_url", ("database_url", None))
    if isinstance(url, str) and source is not None:
        url = _anchor_sqlite_path(url, source.parent)
    url = os.environ.get("BLAMELESS_DATABASE_URL") or url
    if url is None:
        url = f"sqlite:///{(base / DEFAULT_DATABASE_FILE).as_posix()}"
    if not isinstance(url, str):
        raise ConfigError(
            f"{url_key} must be a string", path=source, line=key_line(source, url_key)
        )
    id_key, id_format = values.get(
        "incident_id_format", ("incident_id_format", DEFAULT_INCIDENT_ID_FORMAT)
    )
    if not isinstance(id_format, str) or "{seq" not in id_format:
        raise ConfigError(
            f"{id_key} must be a string containing {{seq}}",
            path=source,
            line=key_line(source, id_key),
        )
    return Settings(database_url=url, incident_id_format=id_format, source=source, table=table)
