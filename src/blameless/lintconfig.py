"""Lint settings: build a validated `LintConfig` from the `[tool.blameless]` table.

Keys (dashes or underscores): `select`, `ignore`, `per-file-ignores`, `severity`, `people`,
`systems`, `blame-phrases`, `action-headings`, `timeline-headings`, `timeline-max-gap-minutes`.
Other modules' keys are allowed by name (one allow-list: `blameless.config.SETTING_KEYS`); any
other key, and any rule id or prefix no rule has, is a `ConfigError` naming it, with its line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from blameless.analysis.context import LintConfig
from blameless.config import LINT_KEYS, check_keys, key_line, setting_name
from blameless.errors import ConfigError

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


def lint_config_from_table(table: dict[str, Any], *, source: Path | None = None) -> LintConfig:
    """A validated `LintConfig` from a settings table; errors name `source` and the line."""
    check_keys(table, source)
    config = LintConfig(root=str(source.parent.resolve()) if source else None)
    for raw_key, value in table.items():
        key = setting_name(raw_key)
        if key not in LINT_KEYS:
            continue  # another part of blameless reads it

        def fail(message: str, key_name: str = raw_key, table_key: str = raw_key) -> ConfigError:
            # An entry of an inline table shares its line with the table's key.
            line = key_line(source, key_name) or key_line(source, table_key)
            return ConfigError(message, path=source, line=line)

        if key in _LIST_KEYS:
            items = _string_list(value, raw_key, fail)
            if key in _SELECTOR_KEYS:
                items = [item.strip().upper() for item in items]
                _check_selectors(items, raw_key, fail)
            setattr(config, key, items)
        elif key == "per_file_ignores":
            config.per_file_ignores = {}
            for glob, ids in _table(value, raw_key, fail).items():
                selectors = [s.upper() for s in _string_list(ids, f"{raw_key}.{glob}", fail)]
                _check_selectors(selectors, f"{raw_key} {glob!r}", lambda m, g=glob: fail(m, g))
                config.per_file_ignores[glob] = selectors
        elif key == "severity":
            config.severity = {}
            for raw_id, level in _table(value, raw_key, fail).items():
                rule_id = str(raw_id).upper()
                if level not in LEVELS:
                    raise fail(f"severity of {rule_id} must be one of {', '.join(LEVELS)}", raw_id)
                if rule_id not in _rule_ids():
                    raise fail(f"severity: unknown rule {rule_id} (see `blameless rules`)", raw_id)
                config.severity[rule_id] = level
        elif key == "people":
            people = _table(value, raw_key, fail)
            if not all(isinstance(role, str) for role in people.values()):
                raise fail("people must map a name or handle to a role (a string)")
            config.people = dict(people)
        elif key == "timeline_max_gap_minutes":
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise fail(f"{raw_key} must be a positive number of minutes")
            config.timeline_max_gap_minutes = float(value)
    return config


def _rule_ids() -> set[str]:
    from blameless.analysis.registry import all_rules

    return {rule.id for rule in all_rules()}


def _check_selectors(selectors: list[str], where: str, fail: Any) -> None:
    from blameless.analysis.registry import all_rules, unknown_selectors

    unknown = unknown_selectors(selectors, all_rules())
    if unknown:
        raise fail(f"{where}: unknown rule or prefix {', '.join(unknown)} (see `blameless rules`)")


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
