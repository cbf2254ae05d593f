"""Document helpers for the structure and action-quality rules: headings, sections, tags, and
the timeline and front-matter milestones read as domain objects for `blameless.timeline.checks`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from blameless.analysis.segment import mask
from blameless.analysis.units import Document, Unit, UnitKind
from blameless.model import Incident, Milestone, TimelineEvent

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


# A timeline stamp at the start of an entry: `2026-03-04 14:01 UTC`, `2026-03-04T14:01:00Z`,
# `14:01`, `2:01 pm`, optionally with a zone (`UTC`, `Z`, `+02:00`).
_STAMP = re.compile(
    r"^\W*(?:(?P<date>\d{4}-\d{2}-\d{2})[ T])?(?P<clock>(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,6}))?)?(?:\s*(?P<meridiem>[AaPp])\.?[Mm]\b)?)"
    r"(?:\s*(?P<zone>Z\b|UTC\b|GMT\b|[+-]\d{2}:?\d{2}\b))?"
)
_EVENT_TAG = re.compile(r"\[(milestone|kind|source|id):[ \t]*([^\]\n]*?)[ \t]*\]")
_FRONT_MATTER_MILESTONES = tuple(m.value for m in Milestone)
_HALF_DAY = timedelta(hours=12)
_NO_DATE = date(1970, 1, 1)


@dataclass(frozen=True)
class TimelineEntry:
    """A timeline entry read as an event, with the span of its time stamp in the document."""

    event: TimelineEvent
    stamp_start: int
    stamp_end: int


@dataclass(frozen=True)
class DocumentTimeline:
    """The timeline entries of a document that start with a time stamp, in document order.

    `dated` is false when a stamp carried no date and no front-matter milestone gave one: the
    events then sit on a placeholder day, fit for ordering but not for showing dates.
    """

    entries: list[TimelineEntry]
    incident: Incident
    dated: bool


def document_timeline(doc: Document) -> DocumentTimeline:
    """The document's timeline as events, and its front matter as an incident.

    Stamps without a date take the day of the entry before (or of the first front-matter
    milestone); a time that goes back by more than 12 hours is read as the next day. Stamps
    without a zone are read as UTC. Tags (`[milestone: …]`, `[kind: …]`) are read from the line.
    """
    incident = incident_from_front_matter(doc.front_matter)
    known = [incident.milestone(m) for m in Milestone if incident.milestone(m) is not None]
    day = known[0].date() if known and known[0] is not None else None
    dated = day is not None
    entries: list[TimelineEntry] = []
    seen_lines: set[int] = set()
    previous: datetime | None = None
    for unit in doc.units:
        if unit.kind is not UnitKind.TIMELINE_ENTRY:
            continue
        line_start = doc.text.rfind("\n", 0, unit.start) + 1
        match = _STAMP.match(unit.text)
        if match is None or line_start in seen_lines:
            continue
        seen_lines.add(line_start)  # a table row is one entry, whatever its cells
        when = _stamp_time(match, day or _NO_DATE)
        if when is None:
            continue
        if match["date"] is None and previous is not None and when < previous - _HALF_DAY:
            when += timedelta(days=1)
        dated = dated or match["date"] is not None
        day, previous = when.date(), when
        line = item_line(doc, unit)
        text = mask(line)[unit.start - line_start + match.end() :]
        first = match.start("date") if match["date"] else match.start("clock")
        entries.append(
            TimelineEntry(
                _event(when, line, text), unit.start + first, unit.start + match.end("clock")
            )
        )
    return DocumentTimeline(entries, incident, dated)


def incident_from_front_matter(front_matter: dict[str, object]) -> Incident:
    """An incident with the id, title and milestone times of the front matter (others ignored)."""

    def when(key: str) -> datetime | None:
        return moment(front_matter.get(key))

    return Incident(
        id=str(front_matter.get("id") or ""),
        title=str(front_matter.get("title") or ""),
        started=when("started"),
        detected=when("detected"),
        acknowledged=when("acknowledged"),
        mitigated=when("mitigated"),
        resolved=when("resolved"),
    )


def moment(value: object) -> datetime | None:
    """A front-matter value as an aware UTC datetime (naive values are read as UTC)."""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
        return moment(parsed)
    return None


def front_matter_line(doc: Document, key: str) -> tuple[int, int] | None:
    """The span of the `key: value` line in the front matter, without trailing spaces."""
    match = re.search(rf"^{re.escape(key)}\s*:.*$", doc.text, re.MULTILINE)
    if match is None:
        return None
    return match.start(), match.start() + len(match.group().rstrip())


def _stamp_time(match: re.Match[str], day: date) -> datetime | None:
    hour, minute = int(match["hour"]), int(match["minute"])
    if match["meridiem"]:
        hour = hour % 12 + (12 if match["meridiem"].lower() == "p" else 0)
    fraction = (match["fraction"] or "").ljust(6, "0")
    try:
        if match["date"]:
            day = date.fromisoformat(match["date"])
        when = datetime(
            day.year, day.month, day.day, hour, minute, int(match["second"] or 0),
            int(fraction), tzinfo=UTC,
        )  # fmt: skip
    except ValueError:
        return None  # 25:70 or 2026-02-30 is no time stamp
    zone = match["zone"]
    if zone and zone[0] in "+-":
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        when -= sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return when


def _event(when: datetime, line: str, text: str) -> TimelineEvent:
    tags = {name: value for name, value in _EVENT_TAG.findall(line)}
    milestone = tags.get("milestone", "").lower()
    return TimelineEvent(
        timestamp=when,
        text=text.strip(" \t—–-|"),
        source=tags.get("source") or None,
        source_id=tags.get("id") or None,
        kind=tags.get("kind") or None,
        milestone=Milestone(milestone) if milestone in _FRONT_MATTER_MILESTONES else None,
    )
