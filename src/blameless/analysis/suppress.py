"""Inline suppressions in HTML comments.

- `<!-- blameless-disable-next-line BL001, BL002 -->` silences the next non-blank line;
- `<!-- blameless-disable BL001 -->` ... `<!-- blameless-enable BL001 -->` silences a block
  (to the end of the file without an `enable`);
- without ids, a comment applies to every rule; ids may be prefixes (`BL`).

A suppression that silences nothing is reported by the meta rule X001 (unused-suppression).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from blameless.analysis.units import Comment, Document

_DIRECTIVE = re.compile(r"\s*blameless-(disable-next-line|disable|enable)(?![\w-])([^\n]*?)\s*$")
_SELECTORS = re.compile(r"[A-Za-z]+\d*")


class LineIndex:
    """Converts offsets into 1-based lines and columns (columns count characters)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def line(self, offset: int) -> int:
        """The 1-based line holding `offset`."""
        return bisect_right(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """`(line, column)` of `offset`, both 1-based."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        begin = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[begin:end].rstrip("\r")


@dataclass
class Suppression:
    """One suppression comment and the lines [first_line, last_line] it covers."""

    comment: Comment
    selectors: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int
    used: bool = False

    def covers(self, rule: str, line: int) -> bool:
        """Whether this comment silences `rule` on `line`."""
        if not self.first_line <= line <= self.last_line:
            return False
        return not self.selectors or rule.startswith(self.selectors)


def parse_suppressions(doc: Document, lines: LineIndex) -> list[Suppression]:
    """The suppressions written in the document's comments, in order."""
    last_line = len(lines.starts)
    found: list[Suppression] = []
    open_blocks: list[Suppression] = []
    for comment in doc.comments:
        directive = _DIRECTIVE.match(comment.body)
        if directive is None:
            continue
        verb = directive.group(1)
        selectors = tuple(s.upper() for s in _SELECTORS.findall(directive.group(2)))
        line = lines.line(comment.end - 1)
        if verb == "disable-next-line":
            target = _next_non_blank_line(lines, line + 1)
            found.append(Suppression(comment, selectors, target, target))
        elif verb == "disable":
            block = Suppression(comment, selectors, line, last_line)
            found.append(block)
            open_blocks.append(block)
        else:
            for block in list(open_blocks):
                if not selectors or set(selectors) & set(block.selectors):
                    block.last_line = line
                    open_blocks.remove(block)
    return found


def _next_non_blank_line(lines: LineIndex, line: int) -> int:
    while line < len(lines.starts) and not lines.line_text(line).strip():
        line += 1
    return line
