"""End to end: import a Slack export, a PagerDuty log and a k8s audit log, then show them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from blameless.cli import app, main

FIXTURES = Path(__file__).resolve().parents[2] / "examples" / "traces" / "INC-2026-001"
TITLE = "Production namespace deleted"


def _ok(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def imported(db_url: str) -> str:
    """INC-2026-001 with its Slack, PagerDuty and Kubernetes audit traces imported."""
    db = ["--database-url", db_url]
    out = _ok(
        "timeline",
        "import",
        "INC-2026-001",
        str(FIXTURES / "slack"),
        "-s",
        "slack",
        "--channel",
        "incident-checkout",
        "--title",
        TITLE,
        *db,
    )
    assert out == (
        "INC-2026-001: 5 events imported from slack (5 read, 0 already stored, "
        "2 filtered out, 0 invalid skipped).\n"
    )
    _ok(
        "timeline",
        "import",
        "INC-2026-001",
        str(FIXTURES / "pagerduty.json"),
        "--source",
        "pagerduty",
        *db,
    )
    _ok(
        "timeline",
        "import",
        "INC-2026-001",
        str(FIXTURES / "k8s-audit.jsonl"),
        "--source",
        "k8s-audit",
        *db,
    )
    return db_url


def test_show_table_lists_merged_events_with_milestones(imported: str) -> None:
    out = _ok("timeline", "show", "INC-2026-001", "--max-gap", "20", "--database-url", imported)
    lines = out.splitlines()
    order = [
        next(i for i, line in enumerate(lines) if needle in line)
        for needle in ("delete namespaces", "Triggered", "Acknowledged", "Resolved by")
    ]
    assert order == sorted(order)
    assert "started: 2026-03-04 13:58:31 UTC" in out
    assert "acknowledged: 2026-03-04 14:03:00 UTC" in out
    assert "Time to acknowledge: 1m 55s" in out
    assert "Duration: 1h 11m" in out
    assert "gap: no event for 29m 59s between 2026-03-04 14:40:00 UTC" in out


def test_show_json_and_markdown(imported: str) -> None:
    data = json.loads(
        _ok("timeline", "show", "INC-2026-001", "-f", "json", "--database-url", imported)
    )
    assert {e["source"] for e in data["events"]} == {"slack", "pagerduty", "k8s-audit"}
    assert data["milestones"]["mitigated"]["origin"] == "marker"
    assert data["durations"]["time_to_resolve"] == 4135.0
    markdown = _ok(
        "timeline",
        "show",
        "INC-2026-001",
        "--format",
        "markdown",
        "-s",
        "pagerduty",
        "--database-url",
        imported,
    )
    assert "- 2026-03-04 14:03 UTC — **Priya Natarajan**: Acknowledged by Priya Natarajan." in (
        markdown
    )
    assert "[milestone: acknowledged]" in markdown


def test_show_with_roles(imported: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "blameless.toml").write_text('[people]\n"Priya Natarajan" = "on-call engineer"\n')
    monkeypatch.chdir(tmp_path)
    out = _ok(
        "timeline", "show", "INC-2026-001", "-f", "json", "--roles", "--database-url", imported
    )
    assert "Priya" not in out
    assert "on-call engineer" in out


def test_errors_are_one_line(
    imported: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "audit.jsonl"
    bad.write_text('{"kind": "Event"}\n')
    with pytest.raises(SystemExit) as exited:
        main(
            [
                "timeline",
                "import",
                "INC-2026-001",
                str(bad),
                "-s",
                "k8s-audit",
                "--database-url",
                imported,
            ]
        )
    assert exited.value.code == 2
    assert capsys.readouterr().err == (f"error: {bad}:1: missing required field 'stage'\n")
    with pytest.raises(SystemExit):
        main(["timeline", "show", "INC-2026-404", "--database-url", imported])
    assert "no incident INC-2026-404" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(
            [
                "timeline",
                "import",
                "INC-2026-001",
                str(bad),
                "-s",
                "csv",
                "--tz",
                "Mars/Base",
                "--database-url",
                imported,
            ]
        )
    assert "unknown time zone 'Mars/Base'" in capsys.readouterr().err


def test_sources_lists_every_importer() -> None:
    out = _ok("timeline", "sources")
    assert [line.split()[0] for line in out.splitlines()] == [
        "slack",
        "pagerduty",
        "alertmanager",
        "k8s-audit",
        "git",
        "shell",
        "csv",
        "jsonl",
    ]
