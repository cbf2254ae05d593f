"""Trailing `[name: value]` tags of item lines: reading, checking and writing them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

_TAG = re.compile(r"\[([A-Za-z][\w-]*):([^\]]*)\]")
E = TypeVar("E", bound=StrEnum)


class ItemError(ValueError):
    """An item line that cannot be read; `column` is 1-based within the line."""

    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass(frozen=True)
class Tag:
    name: str
    value: str
    column: int


def split_tags(line: str, start: int, allowed: Sequence[str]) -> tuple[str, dict[str, Tag]]:
    """Split `line[start:]` into its text and trailing tags, checked against `allowed` names.

    Tags are only read at the end of the line; a known tag followed by more text is an error
    rather than silently becoming part of the text.
    """
    rest = line[start:].rstrip()
    found: list[Tag] = []
    while rest.endswith("]"):
        opening = rest.rfind("[")
        match = _TAG.fullmatch(rest, opening) if opening >= 0 else None
        if match is None:
            break
        found.append(Tag(match[1].lower(), match[2].strip(), start + opening + 1))
        rest = rest[:opening].rstrip()
    tags: dict[str, Tag] = {}
    for tag in reversed(found):
        if tag.name not in allowed:
            expected = ", ".join(allowed)
            raise ItemError(
                f"unknown tag [{tag.name}: {tag.value}] (expected one of {expected})", tag.column
            )
        if tag.name in tags:
            raise ItemError(f"tag [{tag.name}: …] is given twice", tag.column)
        if not tag.value:
            raise ItemError(f"tag [{tag.name}: …] has no value", tag.column)
        tags[tag.name] = tag
    for match in _TAG.finditer(rest):
        if match[1].lower() in allowed:
            raise ItemError(
                f"tag {match[0]} must come at the end of the line, after the text",
                start + match.start() + 1,
            )
    return rest[len(rest) - len(rest.lstrip()) :], tags


def enum_value(kind: type[E], tag: Tag) -> E:
    """The enum member named by a tag value, case-insensitively."""
    wanted = tag.value.casefold()
    for member in kind:
        if member.value.casefold() == wanted:
            return member
    expected = ", ".join(member.value for member in kind)
    raise ItemError(f"[{tag.name}: {tag.value}] is not one of {expected}", tag.column)


def positions(tag: Tag) -> list[int]:
    """1-based positions listed in a tag such as `[events: 1, 3]`."""
    numbers: list[int] = []
    for part in re.split(r"[,\s]+", tag.value):
        if not part.isdigit() or int(part) < 1:
            raise ItemError(
                f"[{tag.name}: {tag.value}] must list positive numbers, e.g. [{tag.name}: 1, 2]",
                tag.column,
            )
        numbers.append(int(part))
    return numbers


def render_tags(pairs: Iterable[tuple[str, object | None]]) -> str:
    """` [name: value]` for each pair whose value is set (lists are comma-separated)."""
    parts: list[str] = []
    for name, value in pairs:
        if value is None or value == []:
            continue
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        parts.append(f" [{name}: {value}]")
    return "".join(parts)
