"""A line-based block scanner: just enough Markdown to find headings outside code and comments.

Fenced code blocks and HTML comments are opaque: a `## heading` or `- [ ] item` inside them is
text, never structure. Only ATX headings (`#`, `##`) are recognised; setext underlines are not,
because `---` is too easily a thematic break.
"""

from __future__ import annotations

import re
from enum import Enum

_FENCE_OPEN = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_HEADING = re.compile(r" {0,3}(#{1,2})(?:[ \t]+(.*?))?[ \t]*")
_COMMENT_OPEN = re.compile(r" {0,3}<!--")
_ITEM = re.compile(r"[-*+](?:[ \t]|$)")


class LineKind(Enum):
    """What a line is, for the structure of a postmortem."""

    TEXT = "text"
    OPAQUE = "opaque"
    """Inside (or delimiting) a fenced code block or an HTML comment."""
    H1 = "h1"
    H2 = "h2"


def split_lines(text: str) -> list[str]:
    """Lines with their endings; only `\\n` ends a line (unlike `str.splitlines`)."""
    lines = text.split("\n")
    last = lines.pop()
    result = [line + "\n" for line in lines]
    if last:
        result.append(last)
    return result


def content(line: str) -> str:
    """A line without its ending (`\\n` or `\\r\\n`)."""
    return line.rstrip("\r\n")


def classify(lines: list[str]) -> list[LineKind]:
    """The kind of each line, tracking fenced code blocks and HTML comments."""
    kinds: list[LineKind] = []
    fence: str | None = None
    in_comment = False
    for line in lines:
        body = content(line)
        if fence is not None:
            kinds.append(LineKind.OPAQUE)
            stripped = body.strip()
            if len(body) - len(body.lstrip(" ")) <= 3 and _closes(stripped, fence):
                fence = None
            continue
        if in_comment:
            kinds.append(LineKind.OPAQUE)
            in_comment = "-->" not in body
            continue
        first = body.lstrip(" ")[:1]
        if first in ("`", "~"):
            opened = _FENCE_OPEN.fullmatch(body)
            if opened and not (opened[1][0] == "`" and "`" in opened[2]):
                fence = opened[1]
                kinds.append(LineKind.OPAQUE)
                continue
        elif first == "<" and _COMMENT_OPEN.match(body):
            start = body.index("<!--") + 4
            in_comment = "-->" not in body[start:]
            kinds.append(LineKind.OPAQUE)
            continue
        elif first == "#":
            heading = _HEADING.fullmatch(body)
            if heading:
                kinds.append(LineKind.H1 if len(heading[1]) == 1 else LineKind.H2)
                continue
        kinds.append(LineKind.TEXT)
    return kinds


def _closes(stripped: str, fence: str) -> bool:
    return (
        len(stripped) >= len(fence)
        and stripped[0] == fence[0]
        and stripped == fence[0] * len(stripped)
    )


def heading_text(line: str) -> str:
    """The text of an ATX heading line, without markers and surrounding spaces."""
    match = _HEADING.fullmatch(content(line))
    if match is None:
        raise ValueError(f"not a heading: {line!r}")
    return match[2] or ""


def is_list_item(line: str) -> bool:
    """Whether a line starts a top-level bullet list item (`- `, `* ` or `+ ` at column 1)."""
    return _ITEM.match(line) is not None
