"""`timeline show` output: the terminal report (layouts by width, compact times) and Markdown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from blameless.markdown import parse_postmortem
from blameless.model import Milestone, TimelineEvent
from blameless.timeline.checks import TimelineIssue
from blameless.timeline.milestones import MilestoneTime, compute_durations
from blameless.timeline.render import TimelineReport, render_report, timeline_markdown

T0 = datetime(2026, 3, 4, 13, 58, 5, tzinfo=UTC)
EVENTS = [
    TimelineEvent(
        T0,
        "delete namespaces billing → 200 (kubectl/v1.29.2)",
        actor="system:serviceaccount:ops:staging-cleanup",
        source="k8s-audit",
    ),
    TimelineEvent(
        T0 + timedelta(minutes=5),
        "#inc-billing-eu: `kubectl get ns` shows no `billing` namespace.\nDeclaring SEV2.",
        actor="Priya Natarajan",
        source="slack",
    ),
]
MILESTONES = {
    Milestone.STARTED: MilestoneTime(Milestone.STARTED, T0, "marker", "marked on event 1", 1),
    Milestone.RESOLVED: MilestoneTime(
        Milestone.RESOLVED, T0 + timedelta(hours=1), "front matter", "as written"
    ),
}


def _report(events: list[TimelineEvent] = EVENTS) -> TimelineReport:
    issues = [TimelineIssue("gap", "no event for 55m 00s", 2)]
    durations = compute_durations(MILESTONES)
    return TimelineReport("INC-2026-001 — Billing", events, MILESTONES, durations, issues)


def test_wide_layout_is_one_row_per_event() -> None:
    lines = render_report(_report(), width=100).splitlines()
    assert lines == [
        "INC-2026-001 — Billing",
        "2 events, 2026-03-04, times UTC",
        "",
        "#  time      source  actor            event",
        "1  13:58:05  k8s     staging-cleanup  [started] delete namespaces billing → 200 "
        "(kubectl/v1.29.2)",
        "2  14:03:05  slack   Priya Natarajan  #inc-billing-eu: `kubectl get ns` shows no "
        "`billing`",
        "                                      namespace. Declaring SEV2.",
        "",
        "Milestones",
        "  started   13:58:05  marker #1",
        "  resolved  14:58:05  front matter",
        "Durations",
        "  Time to detect — · Time to acknowledge — · Time to mitigate — · Time to resolve —",
        "  Duration 1h 00m",
        "warning: gap: no event for 55m 00s (event 2)",
    ]


def test_narrow_layout_stacks_each_event() -> None:
    lines = render_report(_report(), width=50).splitlines()
    assert lines[3:8] == [
        "  1 13:58:05  k8s  staging-cleanup",
        "    [started] delete namespaces billing → 200",
        "    (kubectl/v1.29.2)",
        "  2 14:03:05  slack  Priya Natarajan",
        "    #inc-billing-eu: `kubectl get ns` shows no",
    ]
    assert max(len(line) for line in lines) <= 50


def test_several_days_show_the_date_and_long_actors_are_cut() -> None:
    later = TimelineEvent(
        datetime(2026, 3, 5, 9, 0, tzinfo=UTC), "Postmortem review.", actor="A" * 40
    )
    lines = render_report(_report([*EVENTS, later]), width=80).splitlines()
    assert lines[1] == "3 events, 2026-03-04 to 2026-03-05, times UTC"
    assert (
        "1  03-04 13:58:05  k8s     staging-cleanup   [started] delete namespaces billing" in lines
    )
    assert "3  03-05 09:00:00          " + "A" * 15 + "…  Postmortem review." in lines


def test_colours_only_when_asked() -> None:
    assert "\x1b[" not in render_report(_report(), width=100)
    coloured = render_report(_report(), width=100, color=True)
    assert "\x1b[1;35m[started]\x1b[0m" in coloured
    assert "\x1b[33mwarning: gap" in coloured


def test_empty_timeline() -> None:
    report = TimelineReport("INC-1 — t", [], {}, compute_durations({}), [])
    assert render_report(report).splitlines()[:5] == [
        "INC-1 — t",
        "0 events, times UTC",
        "",
        "Milestones",
        "  none found",
    ]


def test_markdown_is_paste_ready_under_a_timeline_heading() -> None:
    durations = compute_durations(MILESTONES)
    items = timeline_markdown(EVENTS, MILESTONES, durations)
    document = "---\nid: INC-2026-001\ntitle: Billing\n---\n\n## Timeline\n\n" + items
    pm = parse_postmortem(document)
    assert [(e.timestamp, e.actor, e.milestone) for e in pm.timeline] == [
        (T0, "system:serviceaccount:ops:staging-cleanup", Milestone.STARTED),
        (T0 + timedelta(minutes=5), "Priya Natarajan", None),
    ]
    assert pm.timeline[1].text.endswith("namespace. Declaring SEV2.")  # one line
    assert items.splitlines()[2:] == [
        "",
        "<!-- blameless timeline show",
        "Milestones:",
        "  started: 2026-03-04 13:58:05 UTC (marker: marked on event 1)",
        "  resolved: 2026-03-04 14:58:05 UTC (front matter)",
        "Durations:",
        "  Time to detect: —",
        "  Time to acknowledge: —",
        "  Time to mitigate: —",
        "  Time to resolve: —",
        "  Duration: 1h 00m",
        "-->",
    ]
    assert "##" not in items


def test_markdown_comment_cannot_be_closed_early() -> None:
    odd = {
        Milestone.DETECTED: MilestoneTime(Milestone.DETECTED, T0, "inferred", "alert --> page", 1)
    }
    items = timeline_markdown(EVENTS[:1], odd, compute_durations(odd))
    assert items.count("-->") == 1 and items.endswith("-->\n")
    pm = parse_postmortem("---\nid: INC-1\ntitle: T\n---\n\n## Timeline\n\n" + items)
    assert pm.timeline[0].milestone is Milestone.DETECTED
