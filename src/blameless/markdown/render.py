"""Writing the model back as a postmortem file, in the canonical form of docs/format.md."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import yaml

from blameless.errors import FormatError
from blameless.markdown.blocks import LineKind, classify, heading_text
from blameless.markdown.frontmatter import TIMESTAMP_KEYS
from blameless.markdown.items import render_action, render_event, render_factor
from blameless.markdown.parse import STRUCTURED, structured_kind
from blameless.markdown.timestamps import format_iso_timestamp
from blameless.model import IncidentStatus, Postmortem, PostmortemStatus, Section

_DEFAULT_TITLES = {
    "timeline": "Timeline",
    "factors": "Why it happened",
    "actions": "How we prevent it",
}


class _CanonicalDumper(yaml.SafeDumper):
    """Safe YAML with `Z` timestamps, one-line lists of plain values, indented block lists."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_datetime(dumper: yaml.SafeDumper, value: datetime) -> yaml.Node:
    if value.tzinfo is None:
        return dumper.represent_datetime(value)
    offset = value.utcoffset()
    text = format_iso_timestamp(value) if not offset else value.isoformat()
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", text)


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    flat = all(not isinstance(item, dict | list) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


_CanonicalDumper.add_representer(datetime, _represent_datetime)
_CanonicalDumper.add_representer(list, _represent_list)


def front_matter_data(pm: Postmortem) -> dict[str, Any]:
    """The front-matter mapping in canonical key order, without default or empty values."""
    incident = pm.incident
    data: dict[str, Any] = {"id": incident.id, "title": incident.title}
    if incident.severity is not None:
        data["severity"] = incident.severity.value
    if incident.status is not IncidentStatus.RESOLVED:
        data["status"] = incident.status.value
    if incident.services:
        data["services"] = list(incident.services)
    for key in TIMESTAMP_KEYS:
        if (moment := getattr(incident, key)) is not None:
            data[key] = moment
    if incident.impact is not None:
        data["impact"] = incident.impact
    if pm.status is not PostmortemStatus.DRAFT:
        data["postmortem_status"] = pm.status.value
    for key in ("authors", "reviewers"):
        if names := getattr(pm, key):
            data[key] = list(names)
    if pm.revision != 1:
        data["revision"] = pm.revision
    if pm.participants:
        data["participants"] = [
            {"name": p.name}
            | ({"role": p.role} if p.role else {})
            | ({"handle": p.handle} if p.handle is not None else {})
            for p in pm.participants
        ]
    data.update(pm.extra)
    return data


def render_front_matter(pm: Postmortem) -> str:
    """The `---` fenced YAML front matter of a postmortem."""
    try:
        text = yaml.dump(
            front_matter_data(pm),
            Dumper=_CanonicalDumper,
            sort_keys=False,
            allow_unicode=True,
            default_flow_style=False,
            width=1_000_000,
        )
    except yaml.YAMLError as problem:
        raise FormatError(f"cannot write the front matter as YAML: {problem}") from None
    return f"---\n{text}---\n"


def render_postmortem(pm: Postmortem) -> str:
    """The postmortem as Markdown: front matter, `# Title`, preamble, then each section.

    Structured sections get their items between `body` and `trailer`; items whose section is
    missing from `pm.sections` get a section of their own at the end.
    """
    out = _Output()
    out.add(render_front_matter(pm))
    out.add("\n")
    if not _opens_with_other_title(pm.preamble, pm.incident.title):
        out.line(f"# {pm.incident.title}")
    out.add(pm.preamble)
    items = {
        "timeline": [render_event(event) for event in pm.timeline],
        "factors": [render_factor(factor) for factor in pm.factors],
        "actions": [render_action(item) for item in pm.action_items],
    }
    placed: set[str] = set()
    for section in pm.sections:
        kind = structured_kind(section.title)
        if kind is not None and kind not in placed:
            placed.add(kind)
            _section(out, section, items[kind])
        else:
            _section(out, section, [])
    for kind in STRUCTURED:
        if kind not in placed and items[kind]:
            _section(out, Section(title=_DEFAULT_TITLES[kind], body="\n"), items[kind])
    return out.text()


def _section(out: _Output, section: Section, lines: list[str]) -> None:
    out.line(f"## {section.title}".rstrip())
    out.add(section.body)
    for line in lines:
        out.line(line)
    out.add(section.trailer)


def _opens_with_other_title(preamble: str, title: str) -> bool:
    """Whether the preamble's first line is a `# Heading` other than the title (kept as prose)."""
    first = preamble.split("\n", 1)[0]
    return classify([first]) == [LineKind.H1] and heading_text(first) != title


class _Output:
    """Collects text, starting each line-level piece on a line of its own."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.at_line_start = True

    def add(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.at_line_start = text.endswith("\n")

    def line(self, text: str) -> None:
        if not self.at_line_start:
            self.add("\n")
        self.add(text + "\n")

    def text(self) -> str:
        return "".join(self.parts)
