"""The YAML front matter: locating it, reading it into the model, writing it canonically."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from blameless.errors import FormatError
from blameless.markdown.blocks import content
from blameless.markdown.timestamps import parse_timestamp
from blameless.markdown.yamlload import TimestampText, load_front_matter, timestamp_value
from blameless.model import (
    Incident,
    IncidentStatus,
    Participant,
    Postmortem,
    PostmortemStatus,
    Severity,
)

TIMESTAMP_KEYS = ("started", "detected", "acknowledged", "mitigated", "resolved")
KNOWN_KEYS = (
    "id",
    "title",
    "severity",
    "status",
    "services",
    *TIMESTAMP_KEYS,
    "impact",
    "postmortem_status",
    "authors",
    "reviewers",
    "revision",
    "participants",
)
PARTICIPANT_KEYS = ("name", "role", "handle")
_KEY_LINE = re.compile(r"([^\s#:][^:]*?)[ \t]*:(?:[ \t]|$)")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
E = TypeVar("E", bound=StrEnum)


def split_front_matter(lines: list[str]) -> int:
    """The index of the closing `---` line; `FormatError` when the file has no front matter."""
    if not lines or content(lines[0]).rstrip() != "---":
        raise FormatError(
            "missing front matter: a postmortem starts with a '---' line, "
            "YAML with at least 'id' and 'title', and a closing '---' line",
            line=1,
            column=1,
        )
    for index in range(1, len(lines)):
        if content(lines[index]).rstrip() in ("---", "..."):
            return index
    raise FormatError("the front matter opened on line 1 is never closed with '---'", line=1)


def load_yaml(text: str) -> dict[Any, Any]:
    """The front matter as a mapping; YAML errors carry their line, counted in the whole file."""
    data = load_front_matter(text)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FormatError("the front matter must be a mapping of keys to values", line=2)
    return data


def key_lines(yaml_lines: list[str]) -> dict[str, int]:
    """The file line of each top-level key (first occurrence), for error messages."""
    found: dict[str, int] = {}
    for offset, line in enumerate(yaml_lines):
        match = _KEY_LINE.match(line)
        if match:
            found.setdefault(match[1].strip("'\""), offset + 2)
    return found


class _Reader:
    """Reads known keys one by one, collecting every problem instead of stopping at the first."""

    def __init__(self, data: dict[Any, Any], lines: dict[str, int]) -> None:
        self.data = data
        self.lines = lines
        self.errors: list[FormatError] = []

    def fail(self, key: str, message: str) -> None:
        self.errors.append(
            FormatError(f"front matter '{key}': {message}", line=self.lines.get(key, 1))
        )

    def get(self, key: str, convert: Callable[[Any], Any], default: Any = None) -> Any:
        value = self.data.get(key)
        if value is None:
            return default
        try:
            return convert(value)
        except ValueError as problem:
            self.fail(key, str(problem))
            return default

    def required(self, key: str) -> str:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            self.errors.append(
                FormatError(
                    f"front matter has no '{key}' (it is required, e.g. {key}: {_EXAMPLES[key]})",
                    line=self.lines.get(key, 1),
                )
            )
            return ""
        text: str = self.get(key, _text, "")
        return text


_EXAMPLES = {"id": "INC-2026-001", "title": "Checkout unavailable for EU customers"}


def _text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"expected text, got {_shown(value)}")
    return str(value).strip()


def _texts(value: Any) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ValueError(f"expected a list of names, got {_shown(value)}")
    return [_text(item) for item in items]


def _enum(kind: type[E]) -> Callable[[Any], E]:
    def convert(value: Any) -> E:
        wanted = str(value).strip().casefold()
        if kind is Severity and wanted.isdigit():
            wanted = f"sev{wanted}"
        for member in kind:
            if member.value.casefold() == wanted:
                return member
        expected = ", ".join(member.value for member in kind)
        raise ValueError(f"{value!r} is not one of {expected}")

    return convert


def _timestamp(value: Any) -> datetime:
    if not isinstance(value, str):  # the loader keeps timestamps as text
        raise ValueError(f"expected a timestamp, got {_shown(value)}")
    text = value.strip()
    if _DATE_ONLY.fullmatch(text):
        raise ValueError(f"{text} is a date; give a time and zone, e.g. {text}T14:00:00Z")
    return parse_timestamp(text)


def _extra(value: Any) -> Any:
    """An unknown key's value as YAML means it: unquoted timestamps become dates and times."""
    if isinstance(value, TimestampText):
        return timestamp_value(value)
    if isinstance(value, list):
        return [_extra(item) for item in value]
    if isinstance(value, dict):
        return {key: _extra(item) for key, item in value.items()}
    return value


def _revision(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"expected a positive integer, got {value!r}")
    return value


def _participants(value: Any) -> list[Participant]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list of {{name, role, handle}}, got {_shown(value)}")
    people: list[Participant] = []
    for item in value:
        if isinstance(item, str):
            people.append(Participant(name=item.strip()))
            continue
        if not isinstance(item, dict) or "name" not in item:
            raise ValueError(f"each participant needs a 'name', got {item!r}")
        unknown = [key for key in item if key not in PARTICIPANT_KEYS]
        if unknown:
            raise ValueError(
                f"unknown participant key {unknown[0]!r} (expected name, role, handle)"
            )
        handle = item.get("handle")
        people.append(
            Participant(
                name=_text(item["name"]),
                role=_text(item.get("role") or ""),
                handle=None if handle is None else _text(handle),
            )
        )
    return people


def _shown(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", bool: "true/false"}
    return names.get(type(value), repr(value))


def read_front_matter(
    data: dict[Any, Any], lines: dict[str, int]
) -> tuple[Postmortem, list[FormatError]]:
    """A `Postmortem` (without sections) from the front-matter mapping, and every problem found."""
    read = _Reader(data, lines)
    incident = Incident(
        id=read.required("id"),
        title=read.required("title"),
        severity=read.get("severity", _enum(Severity)),
        status=read.get("status", _enum(IncidentStatus), IncidentStatus.RESOLVED),
        services=read.get("services", _texts, []),
        impact=read.get("impact", _text),
        **{key: read.get(key, _timestamp) for key in TIMESTAMP_KEYS},
    )
    postmortem = Postmortem(
        incident=incident,
        status=read.get("postmortem_status", _enum(PostmortemStatus), PostmortemStatus.DRAFT),
        authors=read.get("authors", _texts, []),
        reviewers=read.get("reviewers", _texts, []),
        revision=read.get("revision", _revision, 1),
        participants=read.get("participants", _participants, []),
        extra={
            str(key): read.get(key, _extra, value) if value is not None else None
            for key, value in data.items()
            if key not in KNOWN_KEYS
        },
    )
    return postmortem, read.errors
