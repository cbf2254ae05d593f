"""Markdown-aware segmentation: a document becomes units with exact offsets into its text.

A hand-written line scanner (faster than a full Markdown parser, and all the linter needs):

- front matter is skipped, but parsed for the roster (`participants`);
- fenced and indented code blocks, HTML blocks and link definitions are not prose;
- block quotes are skipped: quoted words are someone else's, and quoting blame to reject it
  is clean writing;
- inline code, URLs, link targets, HTML comments and item metadata (`[owner: @sam]`) are
  masked with spaces inside units, so rules never match them and offsets stay exact;
- each table cell is a unit; list items under action-item headings become `ACTION_ITEM` units
  and under timeline headings `TIMELINE_ENTRY` units (as do table cells there); all other prose
  is split into `SENTENCE` units; headings are `HEADING` units in `Document.headings`.
"""

from __future__ import annotations

import itertools
import re

from blameless.analysis.context import LintConfig
from blameless.analysis.sentences import split_sentences
from blameless.analysis.units import Comment, Document, Unit, UnitKind
from blameless.errors import FormatError

_MASK = re.compile(
    # Every alternative starts with one of these characters: testing them first lets the
    # scan skip plain prose quickly (three times faster on a postmortem; same matches).
    r"(?=[<`(hfw\[])(?:"
    r"<!--[\s\S]*?(?:-->|\Z)"  # HTML comments
    r"|(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)"  # inline code on one line
    r"|<(?:https?|mailto|ftp):[^>\s]*>"  # autolinks
    r"|(?<=\])\([^)\n]*\)"  # link targets
    r"|\b(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[^\s<>()\[\]]+"  # bare URLs
    r"|\[(?:source|id|kind|milestone|link|events|owner|due|priority|status|tracker|factors):"
    r"[^\]\n]*\]"  # item metadata of the postmortem format (docs/format.md)
    r")"
)
_COMMENT = re.compile(r"<!--([\s\S]*?)-->")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_QUOTE = re.compile(r" {0,3}>")
_LIST = re.compile(r"([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(\[[ xX]\][ \t]+)?(?=\S)")
_RULE_LINE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE_DELIMITER = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HTML_BLOCK = re.compile(r"[ \t]*</?[A-Za-z][\w-]*(?:\s[^>]*)?/?>[ \t]*$")
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:[ \t]*\S")
_LIST_MARKER_LINE = re.compile(r"[ \t]*(?:[-*][ \t]+\S|[-*]$)")


def mask(text: str) -> str:
    """`text` with inline code, URLs, link targets and comments blanked (newlines kept)."""
    return _MASK.sub(_blank, text)


def _blank(match: re.Match[str]) -> str:
    found = match.group()
    if "\n" not in found:
        return " " * len(found)
    return "".join("\n" if char == "\n" else " " for char in found)


class _Scanner:
    """One pass over the lines of a Markdown document."""

    def __init__(self, text: str, config: LintConfig) -> None:
        self.text = text
        self.masked = mask(text)
        self.lines = text.splitlines(keepends=True)
        self.masked_lines = self.masked.splitlines(keepends=True)
        self.starts: list[int] = []
        position = 0
        for line in self.lines:
            self.starts.append(position)
            position += len(line)
        self.action_headings = {h.lower() for h in config.action_headings}
        self.timeline_headings = {h.lower() for h in config.timeline_headings}
        self.doc = Document(text=text)
        self.code: list[tuple[int, int]] = []
        self.mode = UnitKind.SENTENCE
        self.section: str | None = None

    def is_blank(self, index: int) -> bool:
        return not self.masked_lines[index].strip()

    def line_end(self, index: int) -> int:
        """Offset of the end of line `index`, without its line break."""
        return self.starts[index] + len(self.lines[index].rstrip("\r\n"))

    def add_prose(self, start: int, end: int, kind: UnitKind) -> None:
        """Units for the prose in [start, end): one item unit, or its sentences."""
        if kind is UnitKind.SENTENCE:
            for begin, stop in split_sentences(self.masked, start, end):
                self.doc.units.append(self._unit(kind, begin, stop))
            return
        while start < end and self.masked[start].isspace():
            start += 1
        while end > start and self.masked[end - 1].isspace():
            end -= 1
        if end > start:
            self.doc.units.append(self._unit(kind, start, end))

    def _unit(self, kind: UnitKind, start: int, end: int) -> Unit:
        return Unit(kind, self.masked[start:end], start, end, self.section)

    def starts_block(self, index: int) -> bool:
        line = self.lines[index]
        return bool(
            _FENCE.match(line)
            or _HEADING.match(line)
            or _QUOTE.match(line)
            or _LIST.match(line)
            or _RULE_LINE.match(line)
            or _HTML_BLOCK.match(line)
            or self.is_table_start(index)
        )

    def is_table_start(self, index: int) -> bool:
        return (
            "|" in self.lines[index]
            and index + 1 < len(self.lines)
            and "-" in self.lines[index + 1]
            and bool(_TABLE_DELIMITER.match(self.lines[index + 1]))
        )

    def run(self, first: int) -> Document:
        index, count = first, len(self.lines)
        after_blank, in_list = True, False
        while index < count:
            line = self.lines[index]
            if self.is_blank(index):
                index, after_blank = index + 1, True
                continue
            if fence := _FENCE.match(line):
                index = self.skip_fence(index, fence.group(1))
            elif line.startswith(("    ", "\t")) and after_blank and not in_list:
                index = self.skip_indented_code(index)
            elif heading := _HEADING.match(line):
                self.heading(index, len(heading.group(1)), heading.end())
                index, in_list = index + 1, False
            elif _QUOTE.match(line):
                while index < count and not self.is_blank(index):
                    index += 1
            elif self.is_table_start(index):
                index = self.table(index)
            elif item := _LIST.match(line):
                index, in_list = self.list_item(index, item.end()), True
            elif _RULE_LINE.match(line) or _HTML_BLOCK.match(line) or _LINK_DEFINITION.match(line):
                index += 1
            else:
                in_list = in_list and line[:1] in " \t"
                index = self.paragraph(index)
            after_blank = False
        self.doc.comments = [
            Comment(m.start(), m.end(), m.group(1))
            for m in _COMMENT.finditer(self.text)
            if not any(begin <= m.start() < stop for begin, stop in self.code)
        ]
        return self.doc

    def skip_fence(self, index: int, marker: str) -> int:
        begin = self.starts[index]
        closing = re.compile(rf" {{0,3}}{marker[0]}{{{len(marker)},}}[ \t]*$")
        index += 1
        while index < len(self.lines) and not closing.match(self.lines[index]):
            index += 1
        index = min(index + 1, len(self.lines))
        self.code.append((begin, self.starts[index - 1] + len(self.lines[index - 1])))
        return index

    def skip_indented_code(self, index: int) -> int:
        begin = self.starts[index]
        while index < len(self.lines) and (
            self.is_blank(index) or self.lines[index].startswith(("    ", "\t"))
        ):
            index += 1
        self.code.append((begin, self.starts[index - 1] + len(self.lines[index - 1])))
        return index

    def heading(self, index: int, level: int, content: int) -> None:
        begin = self.starts[index] + content
        end = self.line_end(index)
        title = self.text[begin:end].rstrip().rstrip("#").rstrip()
        end = begin + len(title)
        if level <= 2:
            self.section = title.strip() if level == 2 else None
        if end > begin:
            unit = Unit(UnitKind.HEADING, self.masked[begin:end], begin, end, self.section)
            self.doc.headings.append(unit)
        key = title.strip().rstrip(":").strip().lower()
        if key in self.action_headings:
            self.mode = UnitKind.ACTION_ITEM
        elif key in self.timeline_headings:
            self.mode = UnitKind.TIMELINE_ENTRY
        else:
            self.mode = UnitKind.SENTENCE

    def table(self, index: int) -> int:
        index += 2  # the header row labels columns; the delimiter row is markup
        kind = (
            UnitKind.TIMELINE_ENTRY if self.mode is UnitKind.TIMELINE_ENTRY else UnitKind.SENTENCE
        )
        while index < len(self.lines) and not self.is_blank(index) and "|" in self.lines[index]:
            self.table_row(index, kind)
            index += 1
        return index

    def table_row(self, index: int, kind: UnitKind) -> None:
        begin, masked = self.starts[index], self.masked_lines[index].rstrip("\r\n")
        pipes = [i for i, char in enumerate(masked) if char == "|" and masked[i - 1 : i] != "\\"]
        edges = [-1, *pipes, len(masked)]
        for left, right in itertools.pairwise(edges):
            if masked[left + 1 : right].strip():
                self.add_prose(begin + left + 1, begin + right, kind)

    def list_item(self, index: int, content: int) -> int:
        begin = self.starts[index] + content
        index += 1
        while (
            index < len(self.lines)
            and not self.is_blank(index)
            and not _LIST.match(self.lines[index])
            and not (self.starts_block(index) and self.lines[index][:1] not in " \t")
        ):
            index += 1
        kind = self.mode
        self.add_prose(begin, self.line_end(index - 1), kind)
        return index

    def paragraph(self, index: int) -> int:
        begin = self.starts[index]
        index += 1
        while index < len(self.lines) and not self.is_blank(index) and not self.starts_block(index):
            index += 1
        self.add_prose(begin, self.line_end(index - 1), UnitKind.SENTENCE)
        return index


def segment_markdown(text: str, config: LintConfig, *, path: str | None = None) -> Document:
    """Segment a Markdown postmortem (front matter, code, quotes and tables handled)."""
    scanner = _Scanner(text, config)
    first = 0
    lines = scanner.lines
    if lines and lines[0].rstrip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                front = text[scanner.starts[1] : scanner.starts[index]]
                scanner.doc.front_matter = _parse_front_matter(front, path)
                first = index + 1
                break
    return scanner.run(first)


def segment_plain(text: str, config: LintConfig) -> Document:
    """Segment plain text: blank lines separate paragraphs; all `- `/`* ` lines make a list."""
    masked = mask(text)
    doc = Document(text=text)
    for paragraph in re.finditer(r"\S(?:[^\n]|\n(?![ \t\r]*\n))*", masked):
        lines = [m for m in re.finditer(r"[^\n]+", paragraph.group())]
        if all(_LIST_MARKER_LINE.match(line.group()) for line in lines):
            for line in lines:
                begin = (
                    paragraph.start()
                    + line.start()
                    + len(line.group())
                    - len(line.group().lstrip()[2:].lstrip())
                )
                _add_sentences(doc, masked, begin, paragraph.start() + line.end())
        else:
            _add_sentences(doc, masked, paragraph.start(), paragraph.end())
    return doc


def _add_sentences(doc: Document, masked: str, start: int, end: int) -> None:
    for begin, stop in split_sentences(masked, start, end):
        doc.units.append(Unit(UnitKind.SENTENCE, masked[begin:stop], begin, stop))


def _parse_front_matter(front: str, path: str | None) -> dict[str, object]:
    # Only documents with front matter pay for importing YAML.
    from blameless.markdown.yamlload import load_front_matter

    try:
        data = load_front_matter(front)
    except FormatError as problem:
        problem.path = path
        raise
    return data if isinstance(data, dict) else {}


def roster(front_matter: dict[str, object]) -> dict[str, str]:
    """Names and handles of the `participants` in front matter, mapped to their roles."""
    people: dict[str, str] = {}
    participants = front_matter.get("participants")
    if not isinstance(participants, list):
        return people
    for person in participants:
        if not isinstance(person, dict) or not isinstance(person.get("role"), str):
            continue
        for key in ("name", "handle"):
            value = person.get(key)
            if isinstance(value, str) and value.strip():
                people[value.strip()] = person["role"]
    return people
