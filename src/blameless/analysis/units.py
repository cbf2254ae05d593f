"""The pieces of a document that rules look at, with exact offsets into the original text."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class UnitKind(StrEnum):
    SENTENCE = "sentence"  # prose, split into sentences
    ACTION_ITEM = "action-item"  # a list item under an action-items heading
    TIMELINE_ENTRY = "timeline-entry"  # a list item or table row under a timeline heading
    HEADING = "heading"


@dataclass(frozen=True)
class Unit:
    """A sentence, list item or heading. `start`/`end` index the whole document's text."""

    kind: UnitKind
    text: str
    start: int
    end: int
    section: str | None = None  # the title of the enclosing `##` section, if any

    @cached_property
    def lower(self) -> str:
        """`text` lowercased, computed once and shared by every rule."""
        return self.text.lower()


@dataclass(frozen=True)
class Comment:
    """An HTML comment outside code, where suppressions live. `body` is between the marks."""

    start: int
    end: int
    body: str


@dataclass
class Document:
    """A segmented document: its text, the units to check, and the headings found."""

    text: str
    units: list[Unit] = field(default_factory=list)
    headings: list[Unit] = field(default_factory=list)
    front_matter: dict[str, object] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
