"""The one YAML loader for front matter, shared by the file format and the linter.

Front matter is small, hand-written and sometimes untrusted (a pull request, an upload), so the
loader is stricter than `yaml.safe_load`:

- timestamps stay strings (`TimestampText`): the format's own parser validates them with a clear
  message, where PyYAML would raise a bare `ValueError` for `2026-02-30`;
- anchors and aliases are refused: they are never needed in front matter and make a 1 KB file
  expand into gigabytes ("billion laughs");
- nesting is capped, so a deeply nested file cannot exhaust the stack;
- every problem becomes a `FormatError` with the line, counted in the whole file.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent

from blameless.errors import FormatError

MAX_DEPTH = 32
"""Deepest nesting of lists and mappings accepted in front matter (the format needs 3)."""


class FrontMatterLoader(yaml.SafeLoader):
    """A `SafeLoader` without timestamps, anchors or aliases, and with a depth limit."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event: Any = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            raise _refused(f"YAML aliases are not allowed in front matter (*{event.anchor})", event)
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor is not None:
            raise _refused(
                f"YAML aliases are not allowed in front matter (&{event.anchor} defines one)", event
            )
        if self.depth >= MAX_DEPTH:
            raise _refused(f"front matter is nested more than {MAX_DEPTH} levels deep", event)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class TimestampText(str):
    """An unquoted YAML timestamp, kept as written: `timestamp_value` converts it when needed."""

    __slots__ = ()


def _construct_timestamp(loader: FrontMatterLoader, node: yaml.ScalarNode) -> TimestampText:
    return TimestampText(loader.construct_scalar(node))


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def timestamp_value(text: TimestampText) -> date | datetime:
    """The date or datetime YAML means by `text`; `ValueError` when it is no real date."""
    try:
        value = yaml.safe_load(text)
    except ValueError:
        raise ValueError(f"{str(text)!r} is not a real date or time") from None
    if not isinstance(value, date):
        raise ValueError(f"{str(text)!r} is not a date or time")
    return value


class _Refused(yaml.MarkedYAMLError):
    pass


def _refused(problem: str, event: Any) -> _Refused:
    return _Refused(problem=problem, problem_mark=event.start_mark)


def load_front_matter(text: str, *, first_line: int = 2) -> Any:
    """The YAML document in `text`; `FormatError` for any problem, with the file line.

    `first_line` is the file line of the first line of `text` (2: just after the opening `---`).
    """
    try:
        return yaml.load(text, Loader=FrontMatterLoader)
    except yaml.MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        line = mark.line + first_line if mark else first_line - 1
        column = mark.column + 1 if mark else None
        what = problem.problem or "invalid YAML"
        if problem.context and problem.context_mark and problem.problem_mark:
            what += f" ({problem.context} started on line {problem.context_mark.line + first_line})"
        message = what if isinstance(problem, _Refused) else f"invalid YAML in front matter: {what}"
        raise FormatError(message, line=line, column=column) from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as problem:
        # Constructors can still raise plain errors (e.g. `!!float x`): no mark, but no crash.
        raise FormatError(f"invalid YAML in front matter: {problem}", line=first_line - 1) from None
