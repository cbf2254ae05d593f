import json
from pathlib import Path

import jsonschema
import pytest

from blameless.analysis.context import LintConfig
from blameless.analysis.engine import FileResult, lint_text
from blameless.analysis.output import format_github, format_json, format_sarif, format_text
from blameless.analysis.registry import all_rules

pytestmark = pytest.mark.usefixtures("test_rules")
SCHEMA = Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json"
TEXT = "# Notes\n\nIt was a fault, ok.\n\n## Action items\n\n- Remind, the team: now.\n"


def results() -> list[FileResult]:
    return [
        FileResult("docs/a b.md", TEXT, lint_text(TEXT, LintConfig(), path="docs/a b.md")),
        FileResult("clean.md", "Fine.", []),
    ]


def test_text_underlines_the_span_and_summarizes() -> None:
    out = format_text(results())
    assert "docs/a b.md:3:10: BL900 Fault language. [test-fault]" in out
    assert "  3 | It was a fault, ok.\n    |          ^^^^^\n" in out
    assert "  suggestion: Describe the conditions." in out
    assert out.endswith("Found 3 findings (1 error, 2 warnings) in 1 file.\n")
    assert "\x1b[" not in out and "\x1b[" in format_text(results(), color=True)


def test_text_summary_when_clean() -> None:
    assert format_text([FileResult("a.md", "", [])]) == "No findings in 1 file.\n"


def test_json_shape() -> None:
    data = json.loads(format_json(results()))
    assert [f["path"] for f in data["files"]] == ["docs/a b.md", "clean.md"]
    first = data["files"][0]["findings"][1]
    assert first == {
        "rule": "BL900",
        "name": "test-fault",
        "severity": "warning",
        "line": 3,
        "column": 10,
        "end_line": 3,
        "end_column": 15,
        "text": "fault",
        "message": "Fault language.",
        "suggestion": "Describe the conditions.",
    }
    assert data["summary"]["files"] == 2
    assert data["summary"]["findings"] == 3
    assert data["summary"]["by_severity"] == {"error": 1, "warning": 2, "info": 0}
    assert data["summary"]["by_rule"] == {"AC900": 1, "BL900": 1, "ST900": 1}


def test_sarif_is_valid_against_the_official_schema() -> None:
    log = json.loads(format_sarif(results(), all_rules(), version="0.1.0"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in all_rules()]
    assert rules[0]["defaultConfiguration"] == {"level": "warning"}
    assert rules[0]["helpUri"].endswith("/docs/rules/BL900.md")
    result = run["results"][1]
    assert result["ruleId"] == "BL900" and rules[result["ruleIndex"]]["id"] == "BL900"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/a%20b.md"
    assert location["region"]["startColumn"] == 10 and location["region"]["endColumn"] == 15


def test_github_annotations_escape_properties_and_data() -> None:
    lines = format_github(results()).splitlines()
    assert lines[1] == (
        "::warning file=docs/a b.md,line=3,col=10,endLine=3,endColumn=15,"
        "title=BL900 test-fault::Fault language. Describe the conditions."
    )
    assert lines[2].startswith("::error file=docs/a b.md,line=7,col=3,")
    assert format_github([FileResult("a,b:c.md", "", [])]) == ""


def test_long_lines_are_cut_around_the_span() -> None:
    text = "x " * 100 + "a fault " + "y " * 100
    out = format_text([FileResult("a.md", text, lint_text(text, LintConfig()))])
    shown, marks = out.splitlines()[1:3]
    assert shown.startswith("  1 | …") and shown.endswith("…")
    assert shown[marks.index("^") : marks.index("^") + 5] == "fault"
