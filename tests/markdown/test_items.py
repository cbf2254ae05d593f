from datetime import UTC, date, datetime

import pytest

from blameless.markdown.items import (
    parse_action,
    parse_event,
    parse_factor,
    render_action,
    render_event,
    render_factor,
)
from blameless.markdown.tags import ItemError
from blameless.model import (
    ActionItem,
    ActionKind,
    ActionStatus,
    ContributingFactor,
    FactorCategory,
    Milestone,
    Priority,
    TimelineEvent,
)


def test_event_canonical_line_round_trips() -> None:
    line = (
        "- 2026-03-04 13:58 UTC — **Priya Natarajan**: Ran the cleanup script. "
        "[source: shell] [id: 17] [kind: command] [milestone: started] [link: https://x/1]"
    )
    event = parse_event(line)
    assert event == TimelineEvent(
        timestamp=datetime(2026, 3, 4, 13, 58, tzinfo=UTC),
        text="Ran the cleanup script.",
        actor="Priya Natarajan",
        source="shell",
        source_id="17",
        kind="command",
        link="https://x/1",
        milestone=Milestone.STARTED,
    )
    assert render_event(event) == line


@pytest.mark.parametrize(
    "line",
    [
        "- 2026-03-04T15:58:00+02:00 - Alert fired.",
        "* 2026-03-04 13:58 UTC -- Alert fired.",
        "- 2026-03-04 13:58 UTC—Alert fired.",
        "- 2026-03-04 13:58:00 UTC – Alert fired.",
    ],
)
def test_event_accepts_lenient_forms(line: str) -> None:
    event = parse_event(line)
    assert event.timestamp == datetime(2026, 3, 4, 13, 58, tzinfo=UTC)
    assert render_event(event) == "- 2026-03-04 13:58 UTC — Alert fired."


def test_event_actor_with_colon_inside_bold() -> None:
    assert parse_event("- 2026-03-04 13:58 UTC — **Sam:** Paged the DBA.").actor == "Sam"


def test_bold_text_without_colon_is_not_an_actor() -> None:
    event = parse_event("- 2026-03-04 13:58 UTC — **Alert** fired.")
    assert event.actor is None
    assert event.text == "**Alert** fired."


@pytest.mark.parametrize(
    ("line", "message", "column"),
    [
        ("- Alert fired at noon", "expected '- YYYY-MM-DD HH:MM UTC — text'", 3),
        ("- 2026-03-04 13:58 — Alert.", "has no time zone", 3),
        ("- 2026-03-04 13:58 UTC — ", "the text is empty", None),
        ("- 2026-03-04 13:58 UTC — A. [milestone: fixed]", "is not one of started", 29),
        ("- 2026-03-04 13:58 UTC — A. [owner: x]", r"unknown tag \[owner: x\]", 29),
        ("- 2026-03-04 13:58 UTC — A. [source: a] [source: b]", "given twice", 41),
        ("- 2026-03-04 13:58 UTC — A. [source: ]", "has no value", 29),
        ("- 2026-03-04 13:58 UTC — A [source: x] then more", "must come at the end", 28),
    ],
)
def test_event_errors(line: str, message: str, column: int | None) -> None:
    with pytest.raises(ItemError, match=message) as caught:
        parse_event(line)
    if column is not None:
        assert caught.value.column == column


def test_factor_by_label_or_slug() -> None:
    expected = ContributingFactor(FactorCategory.ACCESS_CONTROL, "One shared role.", [1, 3])
    for label in ("Access control", "access-control", "ACCESS CONTROL"):
        assert parse_factor(f"- **{label}**: One shared role. [events: 1, 3]") == expected
    assert render_factor(expected) == "- **Access control**: One shared role. [events: 1, 3]"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("- The script accepted any name.", r"expected '- \*\*Category\*\*: description'"),
        ("- **Human error**: Alex typed the wrong name.", "unknown contributing-factor category"),
        ("- **Testing**: No test. [events: one]", "must list positive numbers"),
        ("- **Testing**: No test. [events: 0]", "must list positive numbers"),
    ],
)
def test_factor_errors(line: str, message: str) -> None:
    with pytest.raises(ItemError, match=message):
        parse_factor(line)


def test_action_canonical_line_round_trips() -> None:
    line = (
        "- [ ] Split the service accounts. [kind: prevent] [owner: @alex] [due: 2026-04-01] "
        "[priority: P1] [status: in-progress] [tracker: https://t/1] [factors: 1, 2]"
    )
    item = parse_action(line)
    assert item == ActionItem(
        text="Split the service accounts.",
        kind=ActionKind.PREVENT,
        owner="@alex",
        due=date(2026, 4, 1),
        priority=Priority.P1,
        status=ActionStatus.IN_PROGRESS,
        tracker_url="https://t/1",
        linked_factors=[1, 2],
    )
    assert render_action(item) == line


@pytest.mark.parametrize(
    ("line", "status", "canonical"),
    [
        ("- [x] Add an alert.", ActionStatus.DONE, "- [x] Add an alert."),
        ("- [X] Add an alert. [status: done]", ActionStatus.DONE, "- [x] Add an alert."),
        ("- [ ] Add an alert. [status: open]", ActionStatus.OPEN, "- [ ] Add an alert."),
        (
            "- [ ] Add an alert. [status: Wont-Do]",
            ActionStatus.WONT_DO,
            "- [ ] Add an alert. [status: wont-do]",
        ),
    ],
)
def test_action_status_and_checkbox(line: str, status: ActionStatus, canonical: str) -> None:
    item = parse_action(line)
    assert item.status is status
    assert render_action(item) == canonical


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "- [ ] Add it. [prio: P1]",
            r"unknown tag \[prio: P1\] \(expected one of kind, owner, due, priority, status, "
            r"tracker, factors\)",
        ),
        ("- [x] Add it. [status: open]", r"checked \[x\] but has \[status: open\]"),
        ("- [ ] Add it. [status: done]", "not checked"),
        ("- Add it.", r"expected '- \[ \] text'"),
        ("- [ ] Add it. [due: next week]", "not a date"),
        ("- [ ] Add it. [due: 2026-02-30]", "not a date"),
        ("- [ ] Add it. [priority: P9]", "is not one of P0, P1, P2, P3"),
        ("- [ ] [owner: @a]", "the text is empty"),
    ],
)
def test_action_errors(line: str, message: str) -> None:
    with pytest.raises(ItemError, match=message):
        parse_action(line)
