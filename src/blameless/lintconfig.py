"""Lint settings: build a validated `LintConfig` from the `[tool.blameless]` table.

Keys (dashes or underscores): `select`, `ignore`, `per-file-ignores`, `severity`, `people`,
`systems`, `blame-phrases`, `action-headings`, `timeline-headings`, `timeline-max-gap-minutes`.
Other modules' keys are allowed by name; any other key is a `ConfigError` naming it, with its
line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from blameless.analysis.context import LintConfig
from blameless.errors import ConfigError

# Top-level keys owned by other parts of blameless (see blameless.config).
OTHER_KEYS = frozenset({"database_url", "incident_id_format"})
LEVELS = ("error", "warning", "info")
_LIST_KEYS = (
    "select",
    "ignore",
    "systems",
    "blame_phrases",
    "action_headings",
    "timeline_headings",
)
_SELECTOR_KEYS = ("select", "ignore")
_SCALAR_KEYS = ("per_file_ignores", "severity", "people", "timeline_max_gap_minutes")


def lint_config_from_table(table: dict[str, Any], *, source: Path | None = None) -> LintConfig:
    """A validated `LintConfig` from a settings table; errors name `source` and the line."""
    config = LintConfig(root=str(source.parent.resolve()) if source else None)
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if raw_key in OTHER_KEYS:
            continue

        def fail(message: str, key_name: str = raw_key) -> ConfigError:
            return ConfigError(message, path=source, line=_line_of(source, key_name))

        if key in _LIST_KEYS:
            items = _string_list(value, raw_key, fail)
            if key in _SELECTOR_KEYS:
                items = [item.strip().upper() for item in items]
            setattr(config, key, items)
        elif key == "per_file_ignores":
            config.per_file_ignores = {
                glob: [s.upper() for s in _string_list(ids, f"{raw_key}.{glob}", fail)]
                for glob, ids in _table(value, raw_key, fail).items()
            }
        elif key == "severity":
            severity = {str(k).upper(): v for k, v in _table(value, raw_key, fail).items()}
            for rule_id, level in severity.items():
                if level not in LEVELS:
                    raise fail(f"severity of {rule_id} must be one of {', '.join(LEVELS)}")
            config.severity = severity
        elif key == "people":
            people = _table(value, raw_key, fail)
            if not all(isinstance(role, str) for role in people.values()):
                raise fail("people must map a name or handle to a role (a string)")
            config.people = dict(people)
        elif key == "timeline_max_gap_minutes":
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise fail(f"{raw_key} must be a positive number of minutes")
            config.timeline_max_gap_minutes = float(value)
        else:
            known = ", ".join(sorted({*_LIST_KEYS, *_SCALAR_KEYS}))
            raise fail(f"unknown setting {raw_key!r} (lint settings: {known.replace('_', '-')})")
    return config


def load_lint_config(path: Path, *, config_file: Path | None = None) -> LintConfig:
    """The lint settings that apply to `path`: `config_file`, or the nearest config upward."""
    from blameless.config import config_table, find_config_file

    source = config_file or find_config_file(path)
    if source is None:
        return LintConfig()
    if config_file is not None and not config_file.is_file():
        raise ConfigError("config file not found", path=config_file)
    return lint_config_from_table(config_table(source), source=source)


def _string_list(value: Any, key: str, fail: Any) -> list[str]:
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail(f"{key} must be a list of strings")
    return [item.strip() for item in value]


def _table(value: Any, key: str, fail: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail(f"{key} must be a table")
    return value


def _line_of(source: Path | None, key: str) -> int | None:
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
