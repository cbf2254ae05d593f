"""The registry: the explicit list of rule classes, and rule selection by id or prefix.

Built-in rules come from `blameless.analysis.rules.ALL_RULES`; the meta rules (X001) are added
here because the engine itself reports them.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Sequence
from fnmatch import fnmatch
from pathlib import Path, PurePath

from blameless.analysis.context import LintConfig
from blameless.analysis.meta import UnusedSuppression
from blameless.analysis.rule import Rule
from blameless.errors import NotFoundError

RULE_ID = re.compile(r"(?:BL|AC|ST|NM|X)\d{3}")
META_RULES: tuple[type[Rule], ...] = (UnusedSuppression,)


def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule class, built-in rules first, in a stable order."""
    from blameless.analysis.rules import ALL_RULES

    return (*ALL_RULES, *META_RULES)


def get_rule(rule_id: str, rules: Sequence[type[Rule]] | None = None) -> type[Rule]:
    """The rule with this id (case-insensitive), or `NotFoundError` with a "did you mean"."""
    rules = all_rules() if rules is None else rules
    wanted = rule_id.strip().upper()
    for rule in rules:
        if rule.id == wanted:
            return rule
    hint = _close_rule(rule_id.strip(), rules)
    raise NotFoundError(f"unknown rule {rule_id!r}{hint} (see `blameless rules`)")


def _close_rule(wanted: str, rules: Sequence[type[Rule]]) -> str:
    """ "; did you mean ..." for a near miss: an id of the same family, or a similar name."""
    import difflib

    family = re.match(r"[A-Za-z]*", wanted)
    letters = family.group().upper() if family else ""
    same_family = {rule.id: rule for rule in rules if letters and rule.id.startswith(letters)}
    close = difflib.get_close_matches(wanted.upper(), list(same_family), n=1, cutoff=0.5)
    if not close:
        names = {rule.name: rule for rule in rules}
        close = difflib.get_close_matches(wanted.lower(), list(names), n=1, cutoff=0.75)
        same_family = names
    if not close:
        return ""
    rule = same_family[close[0]]
    return f"; did you mean {rule.id} ({rule.name})?"


def matches(rule_id: str, selectors: Iterable[str]) -> bool:
    """Whether a rule id is chosen by any selector: an id, a prefix (`BL`, `BL00`) or `ALL`."""
    return any(s == "ALL" or rule_id.startswith(s) for s in selectors)


def unknown_selectors(selectors: Iterable[str], rules: Sequence[type[Rule]]) -> list[str]:
    """The selectors that choose no registered rule."""
    return [s for s in selectors if not any(matches(rule.id, [s]) for rule in rules)]


def select_rules(
    config: LintConfig, path: str | None, rules: Sequence[type[Rule]] | None = None
) -> list[type[Rule]]:
    """The rules enabled for one file: `select` (or the defaults) minus all ignores."""
    rules = all_rules() if rules is None else rules
    if config.select:
        chosen = [rule for rule in rules if matches(rule.id, config.select)]
    else:
        chosen = [rule for rule in rules if rule.default_enabled]
    ignored = list(config.ignore)
    if path is not None and config.per_file_ignores:
        for pattern, selectors in config.per_file_ignores.items():
            if _path_matches(path, pattern, config.root):
                ignored.extend(selectors)
    return [rule for rule in chosen if not matches(rule.id, ignored)]


def _path_matches(path: str, pattern: str, root: str | None) -> bool:
    """Whether `pattern` (relative to the config file's folder `root`) matches `path`.

    A relative `path` is taken from the current directory, so the result does not depend on
    where the linter is run from.
    """
    candidate: PurePath = PurePath(path)
    if root is not None:
        absolute = Path(path).absolute()
        with contextlib.suppress(ValueError, OSError):
            candidate = (absolute.parent.resolve() / absolute.name).relative_to(root)
    text = candidate.as_posix()
    return fnmatch(text, pattern) or fnmatch(candidate.name, pattern) or candidate.match(pattern)


_INSTANCES: dict[type[Rule], Rule] = {}


def instance(rule: type[Rule]) -> Rule:
    """One shared instance per rule class (rules keep no per-document state)."""
    if rule not in _INSTANCES:
        _INSTANCES[rule] = rule()
    return _INSTANCES[rule]
