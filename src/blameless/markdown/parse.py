"""Reading a postmortem file into the model: front matter, title, preamble and sections."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from blameless.errors import FormatError
from blameless.files import read_text as read_text  # re-exported for check-format
from blameless.markdown.blocks import (
    LineKind,
    classify,
    content,
    heading_text,
    is_list_item,
    split_lines,
)
from blameless.markdown.frontmatter import (
    key_lines,
    load_yaml,
    read_front_matter,
    split_front_matter,
)
from blameless.markdown.items import parse_action, parse_event, parse_factor
from blameless.markdown.tags import ItemError
from blameless.model import Incident, Postmortem, Section

STRUCTURED: dict[str, tuple[str, ...]] = {
    "timeline": ("timeline",),
    "factors": ("why it happened", "contributing factors"),
    "actions": ("how we prevent it", "action items"),
}
_WHAT = {
    "timeline": "timeline events",
    "factors": "contributing factors",
    "actions": "action items",
}
_READERS: dict[str, Callable[[str], object]] = {
    "timeline": parse_event,
    "factors": parse_factor,
    "actions": parse_action,
}


def structured_kind(title: str) -> str | None:
    """`timeline`, `factors` or `actions` for a structured section title, else None."""
    wanted = title.strip().casefold()
    return next((kind for kind, titles in STRUCTURED.items() if wanted in titles), None)


def parse_postmortem(text: str, *, path: str | None = None) -> Postmortem:
    """Read a postmortem; raise `FormatError` (with path, line, column) at the first problem."""
    postmortem, errors = _parse(text)
    if errors:
        raise _located(errors[0], path)
    return postmortem


def check_postmortem(text: str, *, path: str | None = None) -> list[FormatError]:
    """Every problem of a postmortem file, in line order (empty when the file is well formed)."""
    return [_located(error, path) for error in _parse(text)[1]]


def read_postmortem(path: Path) -> Postmortem:
    """Read and parse a UTF-8 postmortem file; `InputError` when it cannot be read."""
    return parse_postmortem(read_text(path), path=str(path))


def _located(error: FormatError, path: str | None) -> FormatError:
    if path is not None and error.path is None:
        error.path = path
    return error


def _parse(text: str) -> tuple[Postmortem, list[FormatError]]:
    lines = split_lines(text.removeprefix("\ufeff"))
    try:
        closing = split_front_matter(lines)
    except FormatError as problem:
        return Postmortem(incident=Incident(id="", title="")), [problem]
    errors: list[FormatError] = []
    try:
        data = load_yaml("".join(lines[1:closing]))
    except FormatError as problem:
        errors.append(problem)
        postmortem = Postmortem(incident=Incident(id="", title=""))
    else:
        postmortem, found = read_front_matter(data, key_lines(lines[1:closing]))
        errors.extend(found)
    _Body(postmortem, lines[closing + 1 :], first_number=closing + 2, errors=errors).read()
    errors.sort(key=lambda error: (error.line or 0, error.column or 0))
    return postmortem, errors


class _Body:
    """Reads everything after the front matter into `postmortem`, collecting problems."""

    def __init__(
        self, postmortem: Postmortem, lines: list[str], first_number: int, errors: list[FormatError]
    ) -> None:
        self.pm = postmortem
        self.lines = lines
        self.kinds = classify(lines)
        self.first_number = first_number
        self.errors = errors
        self.seen: dict[str, int] = {}

    def read(self) -> None:
        starts = [i for i, kind in enumerate(self.kinds) if kind is LineKind.H2]
        self.pm.preamble = self._preamble(starts[0] if starts else len(self.lines))
        ends = [*starts[1:], len(self.lines)]
        for start, end in zip(starts, ends, strict=False):
            self._section(start, end)

    def _preamble(self, end: int) -> str:
        first = 0
        while first < end and not content(self.lines[first]).strip():
            first += 1
        if (
            first < end
            and self.kinds[first] is LineKind.H1
            and heading_text(self.lines[first]) == self.pm.incident.title
        ):
            first += 1
        return "".join(self.lines[first:end])

    def _section(self, start: int, end: int) -> None:
        title = heading_text(self.lines[start])
        kind = structured_kind(title)
        number = self.first_number + start
        if kind is not None and kind in self.seen:
            self.errors.append(
                FormatError(
                    f"a second section of {_WHAT[kind]} ('{title}'); the first starts on line "
                    f"{self.seen[kind]}: merge them into one",
                    line=number,
                )
            )
            kind = None
        if kind is None:
            self.pm.sections.append(Section(title=title, body="".join(self.lines[start + 1 : end])))
            return
        self.seen[kind] = number
        self.pm.sections.append(self._structured(kind, title, start + 1, end))

    def _structured(self, kind: str, title: str, start: int, end: int) -> Section:
        items = [i for i in range(start, end) if self._is_item(i)]
        if not items:
            return Section(title=title, body="".join(self.lines[start:end]))
        first, last = items[0], items[-1]
        for i in range(first, last):
            if not self._is_item(i) and content(self.lines[i]).strip():
                self.errors.append(
                    FormatError(
                        f"this line interrupts the list of {_WHAT[kind]}: keep each item on one "
                        "line and the items together (blank lines between items are fine)",
                        line=self.first_number + i,
                        column=1,
                    )
                )
                break
        target: list[object] = getattr(self.pm, _TARGETS[kind])
        for i in items:
            try:
                target.append(_READERS[kind](content(self.lines[i])))
            except ItemError as problem:
                self.errors.append(
                    FormatError(problem.message, line=self.first_number + i, column=problem.column)
                )
        return Section(
            title=title,
            body="".join(self.lines[start:first]),
            trailer="".join(self.lines[last + 1 : end]),
        )

    def _is_item(self, index: int) -> bool:
        return self.kinds[index] is LineKind.TEXT and is_list_item(content(self.lines[index]))


_TARGETS = {"timeline": "timeline", "factors": "factors", "actions": "action_items"}
