"""End to end: import a Slack export, a PagerDuty log and a k8s audit log, then show them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from blameless.cli import app, main
from blameless.markdown import parse_postmortem

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FIXTURES = EXAMPLES / "traces" / "INC-2026-001"
POSTMORTEM = EXAMPLES / "INC-2026-001-production-namespace-deleted.md"
TITLE = "Production billing namespace deleted"


def _ok(*args: str, columns: int = 200) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def _import_traces(db: list[str], *create: str) -> None:
    """The demo's imports: Slack (the incident channel only), PagerDuty, the audit log."""
    out = _ok(
        "timeline",
        "import",
        "INC-2026-001",
        str(FIXTURES / "slack"),
        "-s",
        "slack",
        "--channel",
        "inc-billing-eu",
        *create,
        *db,
    )
    assert out == (
        "INC-2026-001: 19 events imported from slack (19 read, 0 already stored, "
        "6 filtered out, 0 invalid skipped).\n"
    )
    out = _ok(
        "timeline",
        "import",
        "INC-2026-001",
        str(FIXTURES / "pagerduty.json"),
        "-s",
        "pagerduty",
        *db,
    )
    assert "5 events imported from pagerduty (5 read" in out
    out = _ok(
        "timeline",
        "import",
        "INC-2026-001",
        str(FIXTURES / "k8s-audit.jsonl"),
        "-s",
        "k8s-audit",
        *db,
    )
    assert out == (
        "INC-2026-001: 13 events imported from k8s-audit (13 read, 0 already stored, "
        "8 filtered out, 0 invalid skipped).\n"
    )


@pytest.fixture
def imported(db_url: str) -> str:
    """INC-2026-001 with its Slack, PagerDuty and Kubernetes audit traces imported."""
    _import_traces(["--database-url", db_url], "--title", TITLE)
    return db_url


def test_demo_postmortem_and_traces_tell_one_story(db_url: str) -> None:
    """`blameless import examples/…md`, the three imports, `timeline show`: nothing disagrees."""
    db = ["--database-url", db_url]
    _ok("import", str(POSTMORTEM), *db)
    _import_traces(db)
    data = json.loads(_ok("timeline", "show", "INC-2026-001", "-f", "json", *db))
    assert len(data["events"]) == 15 + 19 + 5 + 13  # the file's own events and the imports
    assert data["issues"] == []
    milestones = {name: (m["timestamp"], m["origin"]) for name, m in data["milestones"].items()}
    assert milestones == {
        "started": ("2026-03-04T13:58:00Z", "front matter"),
        "detected": ("2026-03-04T14:01:00Z", "front matter"),
        "acknowledged": ("2026-03-04T14:03:00Z", "front matter"),
        "mitigated": ("2026-03-04T14:40:00Z", "front matter"),
        "resolved": ("2026-03-04T15:10:00Z", "front matter"),
    }
    deletion = next(e for e in data["events"] if e["kind"] == "k8s-delete")
    assert (deletion["timestamp"], deletion["actor"], deletion["text"]) == (
        "2026-03-04T13:58:05.689142Z",
        "ramesh.iyer@acme.example",
        "delete namespaces billing → 200 (kubectl/v1.29.2)",
    )
    people = {e["actor"] for e in data["events"] if e["source"] in ("slack", "pagerduty")}
    assert {"Priya Natarajan", "Ramesh Iyer", "Lucía Fernández", "Kenji Watanabe"} <= people


def test_traces_alone_infer_the_postmortem_milestones(imported: str) -> None:
    data = json.loads(
        _ok("timeline", "show", "INC-2026-001", "-f", "json", "--database-url", imported)
    )
    inferred = {name: m["timestamp"] for name, m in data["milestones"].items()}
    assert inferred == {
        # The namespace controller's clean-up, a minute after the delete: a candidate to confirm.
        "started": "2026-03-04T13:59:03.397511Z",
        "detected": "2026-03-04T14:01:05Z",  # the page
        "acknowledged": "2026-03-04T14:03:00Z",
        "resolved": "2026-03-04T15:10:00Z",
    }
    assert {m["origin"] for m in data["milestones"].values()} == {"inferred"}
    assert data["durations"]["time_to_resolve"] == 4135.0
    assert data["durations"]["time_to_mitigate"] is None  # no alerts imported: unknown


def test_show_table_lists_merged_events_with_milestones(imported: str) -> None:
    out = _ok("timeline", "show", "INC-2026-001", "--max-gap", "15", "--database-url", imported)
    lines = out.splitlines()
    assert lines[:2] == [f"INC-2026-001 — {TITLE}", "37 events, 2026-03-04, times UTC"]
    order = [
        next(i for i, line in enumerate(lines) if needle in line)
        for needle in ("delete namespaces billing", "Triggered", "Acknowledged by", "Resolved by")
    ]
    assert order == sorted(order)
    assert lines[3:7] == [
        " #  time      source  actor                         event",
        " 1  13:58:05  k8s     ramesh.iyer@acme.example      delete namespaces billing → 200 "
        "(kubectl/v1.29.2)",
        " 2  13:59:02  k8s     namespace-controller          deletecollection pods in billing → "
        "200 (kube-controller-manager/v1.29.2)",
        " 3  13:59:03  k8s     namespace-controller          [started] deletecollection "
        "persistentvolumeclaims in billing → 200 (kube-controller-manager/v1.29.2)",
    ]
    assert " 4  14:01:05  pd      Alertmanager (prod-eu-1)      [detected] Triggered" in out
    milestones = lines.index("Milestones")
    assert lines[milestones : milestones + 8] == [
        "Milestones",
        "  started       13:59:03  inferred #3: last change before detection (a candidate: "
        "confirm it)",
        "  detected      14:01:05  inferred #4: first firing alert or page",
        "  acknowledged  14:03:00  inferred #6: first PagerDuty acknowledge",
        "  resolved      15:10:00  inferred #36: last PagerDuty resolve",
        "Durations",
        "  Time to detect 2m 01s · Time to acknowledge 1m 55s · Time to mitigate — · "
        "Time to resolve 1h 08m · Duration 1h 10m",
        "warning: gap: no event for 16m 29s between 2026-03-04 14:52:18 UTC and "
        "2026-03-04 15:08:47 UTC, inside the incident (event 35)",
    ]


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_show_table_fits_the_terminal(imported: str, columns: int) -> None:
    out = _ok("timeline", "show", "INC-2026-001", "--database-url", imported, columns=columns)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert all(line == line.rstrip() for line in lines)
    assert "\x1b[" not in out  # not a terminal: no colours
    # Long texts wrap under their column (or, stacked when narrow, under the event line).
    deletion = next(i for i, line in enumerate(lines) if "delete namespaces billing" in line)
    assert lines[deletion].lstrip().startswith("1 " if columns > 60 else "delete")
    ack = next(line for line in lines if "[acknowledged]" in line)
    assert ("Priya Natarajan" in ack.split("[acknowledged]")[0]) is (columns > 60)


def test_show_json_and_markdown(imported: str) -> None:
    data = json.loads(
        _ok("timeline", "show", "INC-2026-001", "-f", "json", "--database-url", imported)
    )
    assert {e["source"] for e in data["events"]} == {"slack", "pagerduty", "k8s-audit"}
    assert len(data["events"]) == 37
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
    # Pasted under `## Timeline`, the output is a valid timeline with its milestone markers.
    pasted = parse_postmortem(
        f"---\nid: INC-2026-001\ntitle: {TITLE}\n---\n\n## Timeline\n\n{markdown}"
    )
    assert len(pasted.timeline) == 5
    assert [e.milestone.value for e in pasted.timeline if e.milestone] == [
        "detected",
        "acknowledged",
        "resolved",
    ]
    assert "  Time to resolve: 1h 08m" in markdown.split("<!--")[1]


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


@pytest.mark.parametrize(
    ("option", "source", "expected"),
    [
        (
            ["--channel", "inc-billing-eu"],
            "pagerduty",
            "'--channel': applies to --source slack only, not to --source pagerduty",
        ),
        (["--include-joins"], "csv", "'--include-joins': applies to --source slack only"),
        (
            ["--map", "text=what"],
            "pagerduty",
            "'--map': applies to --source csv or --source jsonl only",
        ),
        (["--actor", "Ramesh"], "git", "'--actor': applies to --source shell only"),
        (["--all-verbs"], "slack", "'--all-verbs': applies to --source k8s-audit only"),
    ],
)
def test_import_options_of_another_source_are_usage_errors(
    option: list[str], source: str, expected: str
) -> None:
    args = ["timeline", "import", "INC-2026-001", str(FIXTURES / "pagerduty.json")]
    result = CliRunner().invoke(app, [*args, "-s", source, *option], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert expected in " ".join(result.stderr.split())  # before any database is opened


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--dedupe-window", "-5"],
            "'--dedupe-window': Input should be greater than or equal to 0",
        ),
        (["--max-gap", "0"], "'--max-gap': Input should be greater than or equal to 1"),
    ],
)
def test_show_rejects_bad_numbers(args: list[str], expected: str) -> None:
    command = ["timeline", "show", "INC-2026-001", *args]
    result = CliRunner().invoke(app, command, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert expected in " ".join(result.stderr.split())


def test_show_unknown_source(imported: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["timeline", "show", "INC-2026-001", "-s", "nosuch", "--database-url", imported])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "error: --source nosuch: no event of INC-2026-001 has this source and no importer has "
        "this name (its sources: k8s-audit, pagerduty, slack)\n"
    )
    # A known importer without events is a filter that matches nothing, not a typo.
    assert (
        json.loads(
            _ok(
                "timeline",
                "show",
                "INC-2026-001",
                "-s",
                "git",
                "-f",
                "json",
                "--database-url",
                imported,
            )
        )["events"]
        == []
    )


def test_write_refuses_to_drop_lines_that_exist_only_in_the_file(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--database-url", db_url]
    file = tmp_path / "INC-2026-001.md"
    file.write_bytes(POSTMORTEM.read_bytes())
    _ok("import", str(file), *db)
    added = "- 2026-03-04 14:05 UTC — **Kenji Watanabe**: Paged the database team. [source: notes]"
    anchor = "\n- 2026-03-04 13:52 UTC"
    edited = file.read_text(encoding="utf-8").replace(anchor, f"\n{added}{anchor}", 1)
    file.write_text(edited, encoding="utf-8")

    def refused() -> str:
        with pytest.raises(SystemExit) as exited:
            main(["timeline", "write", "INC-2026-001", str(file), *db])
        assert exited.value.code == 2
        return capsys.readouterr().err

    assert refused() == (
        f"error: {file}: the file lists 1 timeline event that is not stored for INC-2026-001 "
        "(added or edited in the file; first: 2026-03-04 14:05 UTC — Paged the database team.), "
        f"which writing would lose: run `blameless import {file}` first, or pass --force to "
        "overwrite it\n"
    )
    assert file.read_text(encoding="utf-8") == edited  # nothing written
    # With imported events the file does not list yet, a plain import would be refused.
    _import_traces(db)
    assert f"run `blameless import {file} --replace-timeline` first and import the sources " in (
        refused()
    )

    _ok("import", str(file), "--replace-timeline", *db)
    _import_traces(db)
    _ok("timeline", "write", "INC-2026-001", str(file), *db)
    assert added in file.read_text(encoding="utf-8")
    _ok("timeline", "write", "INC-2026-001", str(file), *db)  # its own markers: no refusal

    # An edited text of an imported event is a change the store does not have either.
    text = file.read_text(encoding="utf-8")
    assert "delete namespaces billing → 200" in text
    file.write_text(text.replace("delete namespaces billing → 200", "deleted billing", 1))
    assert "lists 1 timeline event that is not stored" in refused()
    _ok("timeline", "write", "INC-2026-001", str(file), "--force", *db)
    assert "delete namespaces billing → 200" in file.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["import", "show", "write"])
def test_until_before_since_is_a_usage_error(command: str, tmp_path: Path) -> None:
    args = {
        "import": [str(FIXTURES / "pagerduty.json"), "-s", "pagerduty"],
        "show": [],
        "write": [str(POSTMORTEM)],
    }[command]
    window = ["--since", "2026-03-05", "--until", "2026-03-01"]
    db = ["--database-url", f"sqlite:///{tmp_path / 'unused.db'}"]
    result = CliRunner().invoke(app, ["timeline", command, "INC-2026-001", *args, *window, *db])
    assert result.exit_code == 2
    assert "Invalid value for '--until': 2026-03-01 is before --since 2026-03-05" in result.output
    assert not (tmp_path / "unused.db").exists()


def test_write_with_a_source_filter_keeps_other_events_or_refuses(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--database-url", db_url]
    file = tmp_path / "INC-2026-001.md"
    file.write_bytes(POSTMORTEM.read_bytes())
    _ok("import", str(file), *db)
    _import_traces(db)
    _ok("timeline", "write", "INC-2026-001", str(file), *db)
    _ok("import", str(file), *db)
    written = file.read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["timeline", "write", "INC-2026-001", str(file), "--source", "slack", *db])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "that --source, --since or --until leave out" in error
    assert "write without these filters, or pass --force" in error
    assert file.read_text(encoding="utf-8") == written  # nothing dropped
    _ok("timeline", "write", "INC-2026-001", str(file), "--source", "slack", "--force", *db)
    sources = {e.source for e in parse_postmortem(file.read_text(encoding="utf-8")).timeline}
    assert sources == {"slack"}
