from datetime import UTC, datetime
from pathlib import Path

import pytest

from blameless.errors import FormatError, InputError
from blameless.markdown import check_postmortem, parse_postmortem, read_postmortem
from blameless.model import (
    ActionStatus,
    IncidentStatus,
    Participant,
    PostmortemStatus,
    Section,
    Severity,
)

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = "---\nid: INC-1\ntitle: T\n---\n\n# T\n"


def error_of(text: str) -> FormatError:
    with pytest.raises(FormatError) as caught:
        parse_postmortem(text, path="pm.md")
    assert caught.value.path == "pm.md"
    return caught.value


def test_front_matter_fields() -> None:
    pm = parse_postmortem(
        "---\nid: INC-7\ntitle: Outage\nseverity: sev1\nstatus: Monitoring\n"
        "services: checkout\nstarted: 2026-03-04T15:58:00+02:00\nresolved: 2026-03-04 14:30 UTC\n"
        "postmortem_status: in-review\nauthors: [A]\nrevision: 3\n"
        "participants:\n  - name: Priya\n    role: on-call engineer\n    handle: '@p'\n  - Sam\n"
        "custom: {a: 1}\nmitigated:\n---\n"
    )
    incident = pm.incident
    assert (incident.id, incident.title, incident.severity) == ("INC-7", "Outage", Severity.SEV1)
    assert incident.status is IncidentStatus.MONITORING
    assert incident.services == ["checkout"]
    assert incident.started == datetime(2026, 3, 4, 13, 58, tzinfo=UTC)
    assert incident.resolved == datetime(2026, 3, 4, 14, 30, tzinfo=UTC)
    assert incident.mitigated is None
    assert pm.status is PostmortemStatus.IN_REVIEW
    assert (pm.authors, pm.revision) == (["A"], 3)
    assert pm.participants == [Participant("Priya", "on-call engineer", "@p"), Participant("Sam")]
    assert pm.extra == {"custom": {"a": 1}}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# no front matter\n", 1, "missing front matter"),
        ("---\nid: X\ntitle: T\n", 1, "never closed"),
        ("---\nid: X\ntitle: [a\n---\n", 4, "invalid YAML in front matter"),
        ("---\nid: X\n  title: T\n---\n", 3, "invalid YAML"),
        ("---\n- a\n---\n", 2, "must be a mapping"),
        ("---\ntitle: T\n---\n", 1, "front matter has no 'id'"),
        ("---\nid: X\ntitle: ''\n---\n", 3, "front matter has no 'title'"),
        ("---\nid: X\ntitle: T\nseverity: P1\n---\n", 4, "'severity': 'P1' is not one of SEV1"),
        ("---\nid: X\ntitle: T\nstatus: done\n---\n", 4, "is not one of investigating"),
        ("---\nid: X\ntitle: T\n\nstarted: 2026-03-04T13:58:00\n---\n", 5, "has no time zone"),
        ("---\nid: X\ntitle: T\nstarted: 2026-03-04\n---\n", 4, "is a date; give a time"),
        ("---\nid: X\ntitle: T\nstarted: soon\n---\n", 4, "cannot read timestamp"),
        ("---\nid: X\ntitle: T\nstarted: 2026-02-30\n---\n", 4, "2026-02-30 is a date"),
        ("---\nid: X\ntitle: T\nstarted: 2026-03-04T25:00:00Z\n---\n", 4, "not a real date"),
        ("---\nid: X\ntitle: T\nx_due: 2026-02-30\n---\n", 4, "'2026-02-30' is not a real"),
        ("---\nid: X\ntitle: T\na: &a 1\nb: *a\n---\n", 4, "YAML aliases are not allowed"),
        ("---\nid: X\ntitle: T\nrevision: 0\n---\n", 4, "expected a positive integer"),
        ("---\nid: X\ntitle: T\nrevision: true\n---\n", 4, "expected a positive integer"),
        ("---\nid: X\ntitle: T\nauthors: {a: 1}\n---\n", 4, "expected a list of names"),
        ("---\nid: X\ntitle: T\nparticipants: [{role: x}]\n---\n", 4, "needs a 'name'"),
        (
            "---\nid: X\ntitle: T\nparticipants: [{name: a, age: 3}]\n---\n",
            4,
            "unknown participant",
        ),
    ],
)
def test_front_matter_errors_name_the_line(text: str, line: int, message: str) -> None:
    error = error_of(text)
    assert error.line == line
    assert message in error.message


def test_item_error_names_the_line_in_the_whole_file() -> None:
    text = HEAD + "\n## Action items\n\nProse.\n\n- [ ] Fine.\n- [ ] Add it. [prio: P1]\n"
    error = error_of(text)
    assert (error.line, error.column) == (13, 15)
    assert str(error) == (
        "pm.md:13:15: unknown tag [prio: P1] (expected one of kind, owner, due, priority, "
        "status, tracker, factors)"
    )


def test_check_postmortem_reports_every_problem_in_line_order() -> None:
    text = (
        "---\nid: X\ntitle: T\nseverity: huge\n---\n# T\n## Timeline\n"
        "- 2026-03-04 13:58 — a\n- 2026-03-04 13:59 UTC — b [who: me]\n"
        "## Why it happened\n- **Blame**: Alex.\n"
    )
    errors = check_postmortem(text, path="f.md")
    assert [(e.path, e.line) for e in errors] == [
        ("f.md", 4),
        ("f.md", 8),
        ("f.md", 9),
        ("f.md", 11),
    ]
    assert check_postmortem(HEAD) == []


def test_structured_section_splits_body_items_and_trailer() -> None:
    text = HEAD + "\n## Timeline\n\nAll times UTC.\n\n- 2026-03-04 13:58 UTC — a\n\n"
    text += "- 2026-03-04 13:59 UTC — b\n\nAfter.\n\n## Summary\nS.\n"
    pm = parse_postmortem(text)
    assert [event.text for event in pm.timeline] == ["a", "b"]
    assert pm.sections == [
        Section("Timeline", body="\nAll times UTC.\n\n", trailer="\nAfter.\n\n"),
        Section("Summary", body="S.\n"),
    ]


def test_lists_in_unstructured_sections_and_code_are_not_items() -> None:
    text = HEAD + "## Lessons learned\n- [ ] not parsed [prio: x]\n## How we prevent it\n"
    text += "```\n- [ ] in code\n```\n<!-- - [ ] in a comment -->\n- [x] Real one.\n"
    pm = parse_postmortem(text)
    assert [item.text for item in pm.action_items] == ["Real one."]
    assert pm.action_items[0].status is ActionStatus.DONE
    assert pm.sections[1].body == "```\n- [ ] in code\n```\n<!-- - [ ] in a comment -->\n"


def test_a_line_between_items_is_an_error() -> None:
    text = HEAD + "## Timeline\n- 2026-03-04 13:58 UTC — a\n  more detail\n"
    text += "- 2026-03-04 13:59 UTC — b\n"
    error = error_of(text)
    assert error.line == 9
    assert "interrupts the list of timeline events" in error.message


def test_a_second_section_of_the_same_kind_is_an_error() -> None:
    text = (
        HEAD + "## Why it happened\n- **Testing**: a\n## Contributing factors\n- **Testing**: b\n"
    )
    error = error_of(text)
    assert error.line == 9
    assert "a second section of contributing factors" in error.message
    assert "line 7" in error.message


def test_title_heading_is_consumed_only_when_it_matches() -> None:
    assert parse_postmortem(HEAD + "\nIntro.\n\n## S\n").preamble == "\nIntro.\n\n"
    other = parse_postmortem("---\nid: X\ntitle: T\n---\n\n# Other\nIntro.\n")
    assert other.preamble == "# Other\nIntro.\n"
    assert parse_postmortem("---\nid: X\ntitle: T\n---\nIntro.\n").preamble == "Intro.\n"


def test_crlf_file_keeps_its_prose_bytes() -> None:
    text = HEAD.replace("\n", "\r\n") + "## Summary\r\nProse.\r\n## Timeline\r\n"
    text += "- 2026-03-04 13:58 UTC — a\r\n"
    pm = parse_postmortem(text)
    assert pm.sections[0] == Section("Summary", body="Prose.\r\n")
    assert pm.timeline[0].text == "a"


def test_read_postmortem(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "handwritten.md").read_bytes())
    assert read_postmortem(path).incident.id == "INC-2026-014"


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [(None, "no such file", None), (b"---\nid: caf\xe9\n", r"not UTF-8 text \(byte 0xe9", 2)],
)
def test_read_postmortem_input_errors(
    tmp_path: Path, content: bytes | None, message: str, line: int | None
) -> None:
    path = tmp_path / "pm.md"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        read_postmortem(path)
    assert (caught.value.path, caught.value.line) == (str(path), line)


def test_read_postmortem_of_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        read_postmortem(tmp_path)
