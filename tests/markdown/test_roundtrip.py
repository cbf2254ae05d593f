"""Round trip: model -> file -> model is lossless; file -> model -> file keeps all prose."""

import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blameless.errors import FormatError
from blameless.markdown import parse_postmortem, render_postmortem
from blameless.markdown.items import ACTION_TAGS, EVENT_TAGS
from blameless.markdown.parse import STRUCTURED, structured_kind
from blameless.model import (
    ActionItem,
    ActionKind,
    ActionStatus,
    ContributingFactor,
    FactorCategory,
    Incident,
    IncidentStatus,
    Milestone,
    Participant,
    Postmortem,
    PostmortemStatus,
    Priority,
    Section,
    Severity,
    TimelineEvent,
)

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parents[2]
_TRAILING_TAG = re.compile(r"\[[A-Za-z][\w-]*:[^\]]*\]$")
_TAG_NAMES = "|".join({*EVENT_TAGS, *ACTION_TAGS, "events"})
_KNOWN_TAG = re.compile(rf"\[({_TAG_NAMES}):[^\]]*\]", re.I)
_ACTOR_LEAD = re.compile(r"\*\*[^*]+?(?::\*\*|\*\*:)")

# One-line texts: any characters but line breaks and controls; stripped and not empty.
line_text = (
    st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=30)
    .map(str.strip)
    .filter(bool)
)
item_text = line_text.filter(lambda t: not _TRAILING_TAG.search(t) and not _KNOWN_TAG.search(t))
tag_value = line_text.filter(lambda t: "[" not in t and "]" not in t)
prose_line = line_text.filter(lambda t: t[0] not in "#-*+<`~").map(lambda t: t + "\n")
prose_chunk = st.one_of(
    prose_line,
    st.just("\n"),
    st.just("```\n## not a heading\n- [ ] not an item\n```\n"),
    st.just("<!--\n## not a heading either\n- [x] nor an item\n-->\n"),
    st.just("### A subsection\n"),
)
prose = st.lists(prose_chunk, max_size=5).map("".join)
utc_datetimes = st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
optional = st.none().__or__  # optional(x) == st.none() | x
positions = st.lists(st.integers(min_value=1, max_value=50), max_size=3)

events = st.builds(
    TimelineEvent,
    timestamp=utc_datetimes,
    text=item_text.filter(lambda t: not _ACTOR_LEAD.match(t)),
    actor=optional(line_text.filter(lambda t: "*" not in t and not t.endswith(":"))),
    source=optional(tag_value),
    source_id=optional(tag_value),
    kind=optional(tag_value),
    link=optional(tag_value),
    milestone=optional(st.sampled_from(Milestone)),
)
factors = st.builds(
    ContributingFactor,
    category=st.sampled_from(FactorCategory),
    description=item_text,
    linked_events=positions,
)
actions = st.builds(
    ActionItem,
    text=item_text,
    kind=optional(st.sampled_from(ActionKind)),
    owner=optional(tag_value),
    due=optional(st.dates()),
    priority=optional(st.sampled_from(Priority)),
    status=st.sampled_from(ActionStatus),
    tracker_url=optional(tag_value),
    linked_factors=positions,
)
incidents = st.builds(
    Incident,
    id=line_text,
    title=line_text,
    severity=optional(st.sampled_from(Severity)),
    status=st.sampled_from(IncidentStatus),
    services=st.lists(line_text, max_size=3),
    started=optional(utc_datetimes),
    detected=optional(utc_datetimes),
    acknowledged=optional(utc_datetimes),
    mitigated=optional(utc_datetimes),
    resolved=optional(utc_datetimes),
    impact=optional(line_text),
)
participants = st.builds(
    Participant, name=line_text, role=st.just("") | line_text, handle=optional(line_text)
)
extra_values = st.recursive(
    st.none() | st.booleans() | st.integers() | line_text | utc_datetimes,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(line_text, inner, max_size=3),
    max_leaves=6,
)
section_titles = st.sampled_from(
    [
        "Summary",
        "Timeline",
        "Why it happened",
        "Contributing factors",
        "How we prevent it",
        "action items",
        "What went well",
        "Impact ##",
    ]
) | line_text.filter(lambda t: not t.startswith("#"))


@st.composite
def postmortems(draw: st.DrawFn) -> Postmortem:
    incident = draw(incidents)
    items = {
        "timeline": draw(st.lists(events, max_size=4)),
        "factors": draw(st.lists(factors, max_size=4)),
        "actions": draw(st.lists(actions, max_size=4)),
    }
    sections: list[Section] = []
    placed: set[str] = set()
    for title in draw(st.lists(section_titles, max_size=6)):
        kind = structured_kind(title)
        if kind in placed:
            continue
        if kind is not None:
            placed.add(kind)
        has_items = kind is not None and bool(items[kind])
        sections.append(Section(title, body=draw(prose), trailer=draw(prose) if has_items else ""))
    default_titles = {
        "timeline": "Timeline",
        "factors": "Why it happened",
        "actions": "Action items",
    }
    for kind in STRUCTURED:
        if kind not in placed and items[kind]:
            sections.append(Section(default_titles[kind], body="\n"))
    other_title = line_text.filter(lambda t: t != incident.title).map(lambda t: f"# {t}\n")
    preamble = draw(prose | st.tuples(other_title, prose).map("".join))
    return Postmortem(
        incident=incident,
        status=draw(st.sampled_from(PostmortemStatus)),
        authors=draw(st.lists(line_text, max_size=3)),
        reviewers=draw(st.lists(line_text, max_size=3)),
        revision=draw(st.integers(min_value=1, max_value=10**6)),
        participants=draw(st.lists(participants, max_size=3)),
        sections=sections,
        timeline=items["timeline"],
        factors=items["factors"],
        action_items=items["actions"],
        extra=draw(st.dictionaries(st.from_regex(r"x_[a-z]{1,8}", fullmatch=True), extra_values)),
        preamble=preamble,
    )


@settings(max_examples=300, deadline=None)
@given(postmortems())
def test_model_to_file_to_model_is_lossless(pm: Postmortem) -> None:
    text = render_postmortem(pm)
    assert parse_postmortem(text) == pm
    assert render_postmortem(parse_postmortem(text)) == text


def canonical_files() -> list[Path]:
    return [FIXTURES / "handwritten.canonical.md"]


def test_canonical_files_come_back_byte_identical() -> None:
    for path in canonical_files():
        text = path.read_text(encoding="utf-8")
        assert render_postmortem(parse_postmortem(text)) == text, path


def test_format_doc_example_is_canonical() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    example = re.search(r"```markdown\n(.*?)\n```\n", doc, re.S)
    assert example is not None
    text = example[1] + "\n"
    pm = parse_postmortem(text)
    assert (len(pm.timeline), len(pm.factors), len(pm.action_items)) == (2, 2, 2)
    assert render_postmortem(pm) == text


def corpus_files() -> list[Path]:
    found = [*(ROOT / "examples").glob("*.md"), *(ROOT / "tests" / "corpus").rglob("*.md")]
    return sorted(path for path in found if path.name != "README.md")


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_corpus_round_trip_keeps_prose(path: Path) -> None:
    pm = parse_postmortem(path.read_text(encoding="utf-8"))
    rendered = render_postmortem(pm)
    assert parse_postmortem(rendered) == pm
    assert render_postmortem(parse_postmortem(rendered)) == rendered
    for section in pm.sections:
        assert section.body in rendered
        assert section.trailer in rendered


def test_hand_written_file_keeps_every_prose_line() -> None:
    original = (FIXTURES / "handwritten.md").read_text(encoding="utf-8")
    rendered = render_postmortem(parse_postmortem(original))
    assert rendered == (FIXTURES / "handwritten.canonical.md").read_text(encoding="utf-8")
    body = original.split("\n---\n", 1)[1]
    prose = [line for line in body.split("\n") if line.strip() and not _is_item_line(line)]
    out_lines = iter(rendered.split("\n"))
    for line in prose[1:]:  # the first is the "# Title" line that differs from `title`
        assert any(out == line for out in out_lines), f"lost or reordered: {line!r}"
    assert "# Checkout errors — config push (May 2)\n" in rendered
    assert "Written by the checkout team.   \n" in rendered


def _is_item_line(line: str) -> bool:
    return line.startswith(("- 2026", "* 2026", "- **", "- [")) or line.startswith("##")


def test_parsing_5000_words_is_fast() -> None:
    text = _large_postmortem()
    assert len(text.split()) >= 5000
    parse_postmortem(text)
    start = time.perf_counter()
    for _ in range(10):
        pm = parse_postmortem(text)
    per_parse = (time.perf_counter() - start) / 10
    assert len(pm.timeline) == 120
    assert per_parse < 0.05, f"{per_parse * 1000:.1f} ms per parse"


def _large_postmortem() -> str:
    text = (FIXTURES / "handwritten.canonical.md").read_text(encoding="utf-8")
    paragraph = "The rollout tool pushed the bundle to every pool while checks were green. " * 8
    prose = "".join(f"## Section {n}\n\n{paragraph}\n\n```\n## code\n```\n\n" for n in range(60))
    timeline = "".join(
        f"- 2026-05-02 09:{n % 60:02d} UTC — **bot**: Step {n} ran. [source: ci]\n"
        for n in range(117)
    )
    text = text.replace("[milestone: acknowledged]\n", "[milestone: acknowledged]\n" + timeline)
    return text.replace("## Notes from the review", prose + "## Notes")


line_soup = st.lists(
    st.sampled_from(
        [
            "---",
            "id: X",
            "title: T",
            "# T",
            "## Timeline",
            "## Action items",
            "## Why it happened",
            "```",
            "~~~",
            "<!--",
            "-->",
            "",
            "- ",
            "- [x] a [status: open]",
            "- [ ] b [owner: @a]",
            "- **Testing**: c [events: 1]",
            "- 2026-03-04 13:58 UTC — d",
            "- 2026-03-04 — e",
            "started: 2026-01-01",
            "revision: -1",
            "x: [",
            "participants: [1]",
        ]
    )
    | st.text(max_size=20),
    max_size=25,
).map("\n".join)
line_soup = line_soup | line_soup.map(lambda body: "---\nid: X\ntitle: T\n---\n" + body)


@settings(max_examples=500, deadline=None)
@given(line_soup)
def test_any_text_parses_or_raises_format_error(text: str) -> None:
    try:
        pm = parse_postmortem(text)
    except FormatError as problem:
        assert problem.line is None or problem.line >= 1
        return
    assert parse_postmortem(render_postmortem(pm)) == pm
