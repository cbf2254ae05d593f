"""Document helpers for the structure and action-quality rules: headings, sections, tags."""

from __future__ import annotations

import re

from blameless.analysis.units import Document, Unit

_WORDS = re.compile(r"[a-z]+")


def heading_level(doc: Document, heading: Unit) -> int:
    """The number of `#` before a heading (0 for setext or unknown)."""
    line_start = doc.text.rfind("\n", 0, heading.start) + 1
    line = doc.text[line_start : heading.start].lstrip()
    return len(line) - len(line.lstrip("#"))


# Words of the usual postmortem sections, to tell a postmortem from a README.
_SECTION_WORDS = frozenset(
    {
        "summary", "timeline", "impact", "happened", "why", "cause", "causes", "contributing",
        "prevent", "action", "actions", "follow", "remediation", "lessons",
    }
)  # fmt: skip


def looks_like_postmortem(doc: Document) -> bool:
    """Front matter, or `##` sections of which one is a usual postmortem section."""
    if doc.front_matter:
        return True
    sections = [h for h in doc.headings if heading_level(doc, h) == 2]
    return any(_SECTION_WORDS & set(normalise(h.text).split()) for h in sections)


def normalise(title: str) -> str:
    """A heading title as lowercase words ("3. Root cause(s)" -> "root cause s")."""
    return " ".join(_WORDS.findall(title.lower()))


def find_heading(doc: Document, synonyms: tuple[str, ...]) -> Unit | None:
    """The first heading whose title contains one of `synonyms` (as whole words)."""
    for heading in doc.headings:
        title = f" {normalise(heading.text)} "
        if any(f" {synonym} " in title for synonym in synonyms):
            return heading
    return None


def anchor(doc: Document) -> tuple[int, int]:
    """Where a document-level finding points: the title heading, else the first line."""
    for heading in doc.headings:
        if heading_level(doc, heading) == 1:
            return heading.start, heading.end
    if doc.headings:
        return doc.headings[0].start, doc.headings[0].end
    end = doc.text.find("\n")
    return 0, len(doc.text) if end < 0 else end


def item_line(doc: Document, unit: Unit) -> str:
    """The whole source line(s) of a list item, including the tags the segmenter strips."""
    start = doc.text.rfind("\n", 0, unit.start) + 1
    end = doc.text.find("\n", unit.end)
    return doc.text[start : len(doc.text) if end < 0 else end]
