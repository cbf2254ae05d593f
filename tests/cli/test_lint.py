"""`blameless lint`, `rules` and `rule`, with stand-in rules so the CLI is tested on its own."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from blameless.analysis import rules as rules_package
from blameless.analysis.context import Context
from blameless.analysis.finding import Fix, Level
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.units import Unit, UnitKind
from blameless.cli import app

runner = CliRunner()


class Fault(Rule):
    """Flags "fault".

    Why:
        Blame.

    Bad:
        - A [fault].

    Good:
        - A gap.
    """

    id: ClassVar[str] = "BL900"
    name: ClassVar[str] = "test-fault"
    message: ClassVar[str] = "Fault language."
    suggestion: ClassVar[str] = "Describe the conditions."
    applies_to = frozenset({UnitKind.SENTENCE})

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        for match in re.finditer(r"\bfault\b", unit.lower):
            yield Hit(match.start(), match.end())


class Named(Rule):
    """Flags rostered names.

    Why:
        Roles.

    Bad:
        - [Bo] left.

    Good:
        - The lead left.
    """

    id: ClassVar[str] = "NM900"
    name: ClassVar[str] = "test-named"
    message: ClassVar[str] = "A person is named."
    severity: ClassVar[Level] = Level.INFO
    applies_to = frozenset({UnitKind.SENTENCE})

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        for name, role in ctx.people.items():
            for match in re.finditer(rf"\b{re.escape(name)}\b", unit.text):
                yield Hit(match.start(), match.end(), fix=Fix(match.start(), match.end(), role))


@pytest.fixture(autouse=True)
def stand_in_rules(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(rules_package, "ALL_RULES", (Fault, Named), raising=False)
    monkeypatch.chdir(tmp_path)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_text_output_and_exit_1_on_warnings(tmp_path: Path) -> None:
    write(tmp_path / "pm.md", "# Outage\n\nIt was a fault.\n")
    result = runner.invoke(app, ["lint", "pm.md"])
    assert result.exit_code == 1
    assert "pm.md:3:10: BL900 Fault language. [test-fault]" in result.output
    assert "  3 | It was a fault.\n    |          ^^^^^" in result.output
    assert result.output.endswith("Found 1 finding (1 warning) in 1 file.\n")
    assert "\x1b[" not in result.output


def test_clean_files_and_fail_on(tmp_path: Path) -> None:
    write(tmp_path / "pm.md", "A fault.\n")
    assert runner.invoke(app, ["lint", "pm.md", "--fail-on", "error"]).exit_code == 0
    write(tmp_path / "pm.md", "All good.\n")
    result = runner.invoke(app, ["lint", "pm.md"])
    assert (result.exit_code, result.output) == (0, "No findings in 1 file.\n")


def test_folders_are_searched_for_markdown_skipping_hidden_and_vendored(tmp_path: Path) -> None:
    names = ("a.md", "sub/b.MARKDOWN", "sub/c.txt", ".hidden/d.md", "node_modules/e.md", "f.py")
    names += ("venv/g.md", "sub/.venv/h.md", ".i.md")
    for name in names:
        write(tmp_path / "docs" / name, "A fault.\n")
    result = runner.invoke(app, ["lint", "docs", "--format", "json"])
    paths = [entry["path"] for entry in json.loads(result.output)["files"]]
    assert paths == [str(Path("docs/a.md")), str(Path("docs/sub/b.MARKDOWN"))]


def test_a_folder_without_markdown_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["lint", "empty"])
    assert result.exit_code == 0
    assert result.stderr == "warning: no Markdown files found in empty\n"
    assert result.stdout == "No findings in 0 files.\n"


def test_plain_text_is_linted_when_named(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "notes.txt", "- It was a fault.\n")
    result = runner.invoke(app, ["lint", "docs", "docs/notes.txt", "--format", "json"])
    files = json.loads(result.stdout)["files"]
    assert [entry["path"] for entry in files] == [str(Path("docs/notes.txt"))]
    assert [(f["rule"], f["line"]) for f in files[0]["findings"]] == [("BL900", 1)]


def test_select_ignore_and_unknown_selector(tmp_path: Path) -> None:
    write(tmp_path / "pm.md", "---\nparticipants: [{name: Bo, role: the lead}]\n---\nBo: fault.\n")
    out = runner.invoke(app, ["lint", "pm.md", "-f", "json", "--select", "nm"]).output
    assert json.loads(out)["summary"]["by_rule"] == {"NM900": 1}
    out = runner.invoke(app, ["lint", "pm.md", "-f", "json", "--ignore", "NM900,X"]).output
    assert json.loads(out)["summary"]["by_rule"] == {"BL900": 1}


def test_unknown_selector_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    from blameless.cli import main

    with pytest.raises(SystemExit) as caught:
        main(["lint", "--select", "ZZ9", "-"])
    assert caught.value.code == 2
    assert "unknown rule or prefix: ZZ9" in capsys.readouterr().err


def test_fix_rewrites_files_and_reports(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pm.md", "---\nparticipants: [{name: Bo, role: the lead}]\n---\nBo left.\n"
    )
    result = runner.invoke(app, ["lint", "--fix", "pm.md"])
    assert path.read_text(encoding="utf-8").endswith("\nthe lead left.\n")
    assert result.output == "No findings in 1 file. Fixed 1 finding.\n"
    assert result.exit_code == 0


def test_fix_keeps_byte_order_mark_and_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_bytes(
        b"\xef\xbb\xbf---\r\nparticipants: [{name: Bo, role: the lead}]\r\n---\r\nBo left.\r\n"
    )
    assert runner.invoke(app, ["lint", "--fix", "pm.md"]).exit_code == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbf---\r\n")
    assert path.read_bytes().endswith(b"---\r\nthe lead left.\r\n")


def test_fix_of_a_read_only_file_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from blameless.cli import main

    write(tmp_path / "pm.md", "---\nparticipants: [{name: Bo, role: the lead}]\n---\nBo left.\n")

    def refuse(self: Path, data: bytes) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "write_bytes", refuse)  # chmod does not stop root
    with pytest.raises(SystemExit) as caught:
        main(["lint", "--fix", "pm.md"])
    assert caught.value.code == 2
    assert capsys.readouterr().err == "error: pm.md: cannot write file: Permission denied\n"


def test_stdin_with_filename_and_config(tmp_path: Path) -> None:
    write(tmp_path / "blameless.toml", "ignore = ['BL']\n")
    result = runner.invoke(app, ["lint", "-", "--stdin-filename", "x.md"], input="A fault.\n")
    assert (result.exit_code, result.output) == (0, "No findings in 1 file.\n")
    result = runner.invoke(app, ["lint", "--stdin-filename", "x.md"], input="A fault.\n")
    assert (result.exit_code, result.output) == (0, "No findings in 1 file.\n")


def test_stdin_filename_cannot_be_combined_with_paths(tmp_path: Path) -> None:
    write(tmp_path / "draft.md", "Fine.\n")
    result = runner.invoke(
        app, ["lint", "--stdin-filename", "x.md", "draft.md"], input="A fault.\n"
    )
    assert result.exit_code == 2
    message = " ".join(result.output.replace("│", " ").split())  # unwrap the error box
    assert "--stdin-filename reads stdin and cannot be combined with paths" in message


def test_without_paths_the_folder_is_linted_not_a_piped_stdin(tmp_path: Path) -> None:
    write(tmp_path / "pm.md", "A fault.\n")
    result = runner.invoke(app, ["lint"], input="")
    assert result.exit_code == 1
    assert result.output.startswith("pm.md:1:3: BL900 Fault language.")


def test_stdin_cannot_be_combined_with_files(tmp_path: Path) -> None:
    write(tmp_path / "pm.md", "Fine.\n")
    result = runner.invoke(app, ["lint", "-", "pm.md"], input="A fault.\n")
    assert result.exit_code == 2
    assert "- (stdin) cannot be combined with other paths" in result.output


def test_stdin_format_github_reports_dash(tmp_path: Path) -> None:
    result = runner.invoke(app, ["lint", "-f", "github", "-"], input="A fault.\n")
    assert result.output.startswith("::warning file=-,line=1,col=3,endLine=1,endColumn=8,")


def test_input_errors_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from blameless.cli import main

    (tmp_path / "bad.md").write_bytes(b"ok\n\xff\xfe\n")
    for args, message in (
        (["lint", "missing.md"], "error: missing.md: no such file or folder"),
        (["lint", "bad.md"], "error: bad.md:2: not UTF-8 text (byte 0xff cannot be decoded)"),
    ):
        with pytest.raises(SystemExit) as caught:
            main(args)
        assert caught.value.code == 2
        assert capsys.readouterr().err == message + "\n"


def test_front_matter_errors_exit_2_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from blameless.cli import main

    write(tmp_path / "pm.md", "---\nid: X\ntitle: [t\n---\nA fault.\n")
    with pytest.raises(SystemExit) as caught:
        main(["lint", "pm.md"])
    assert caught.value.code == 2
    assert capsys.readouterr().err.startswith("error: pm.md:4:1: invalid YAML in front matter")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_malformed_file_is_reported_and_the_others_are_linted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    from blameless.cli import main

    write(tmp_path / "docs" / "a.md", "A fault.\n")
    write(tmp_path / "docs" / "b.md", "---\nid: X\ntitle: [t\n---\nA fault.\n")
    write(tmp_path / "docs" / "c.md", "Another fault.\n")
    with pytest.raises(SystemExit) as caught:
        main(["lint", "docs", "missing.md", "--jobs", jobs])
    assert caught.value.code == 2
    captured = capsys.readouterr()
    bad = Path("docs/b.md")
    assert captured.err.splitlines()[0] == "error: missing.md: no such file or folder"
    assert captured.err.splitlines()[1].startswith(f"error: {bad}:4:1: invalid YAML")
    assert f"{Path('docs/a.md')}:1:3: BL900" in captured.out
    assert f"{Path('docs/c.md')}:1:9: BL900" in captured.out


def test_json_and_sarif_carry_the_errors_with_the_other_findings(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "A fault.\n")
    write(tmp_path / "b.md", "---\nid: X\ntitle: [t\n---\n")
    result = runner.invoke(app, ["lint", ".", "-f", "json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [entry["path"] for entry in report["files"]] == ["a.md"]
    assert report["summary"]["findings"] == 1
    [error] = report["errors"]
    assert (error["path"], error["line"]) == ("b.md", 4)
    assert error["message"].startswith("invalid YAML in front matter")
    run = json.loads(runner.invoke(app, ["lint", ".", "-f", "sarif"]).stdout)["runs"][0]
    assert [entry["ruleId"] for entry in run["results"]] == ["BL900"]
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    location = note["locations"][0]["physicalLocation"]
    assert (location["artifactLocation"]["uri"], location["region"]["startLine"]) == ("b.md", 4)


def test_json_has_an_empty_error_list_when_every_file_is_read(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "Fine.\n")
    result = runner.invoke(app, ["lint", "a.md", "-f", "json"])
    assert (result.exit_code, json.loads(result.stdout)["errors"]) == (0, [])


def test_config_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from blameless.cli import main

    write(tmp_path / "blameless.toml", "colour = 'red'\n")
    write(tmp_path / "pm.md", "Fine.\n")
    with pytest.raises(SystemExit) as caught:
        main(["lint", "pm.md"])
    assert caught.value.code == 2
    assert "blameless.toml:1: unknown setting 'colour'" in capsys.readouterr().err


def test_jobs_gives_the_same_results(tmp_path: Path) -> None:
    for index in range(4):
        write(tmp_path / f"{index}.md", "A fault.\n" * (index + 1))
    one = runner.invoke(app, ["lint", ".", "-f", "json"]).output
    two = runner.invoke(app, ["lint", ".", "-f", "json", "--jobs", "2"]).output
    assert json.loads(one)["summary"]["findings"] == 10
    assert two == one


def test_rules_lists_and_rule_shows_docs() -> None:
    listing = runner.invoke(app, ["rules"]).output.splitlines()
    assert listing[0].split()[:3] == ["BL900", "test-fault", "warning"]
    assert listing[-1].startswith("X001   unused-suppression  info")
    shown = runner.invoke(app, ["rule", "bl900"])
    assert shown.exit_code == 0
    assert shown.output.startswith("# BL900 test-fault\n")
    assert "## Bad\n\n```markdown\nA fault.\n```\n\nFlagged: `fault`" in shown.output


def test_unknown_rule_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    from blameless.cli import main

    with pytest.raises(SystemExit) as caught:
        main(["rule", "BL09"])
    assert caught.value.code == 2
    assert "unknown rule 'BL09'; did you mean BL900" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("color", "escapes"), [("always", True), ("never", False), ("auto", False)]
)
def test_color_always_survives_a_pipe(tmp_path: Path, color: str, escapes: bool) -> None:
    write(tmp_path / "pm.md", "A fault.\n")
    result = runner.invoke(app, ["lint", "pm.md", "--color", color])  # stdout is not a terminal
    assert result.exit_code == 1
    assert ("\x1b[" in result.stdout) is escapes


@pytest.mark.parametrize(("no_color", "expected"), [(None, True), ("1", False)])
def test_color_auto_on_a_terminal_respects_no_color(
    monkeypatch: pytest.MonkeyPatch, no_color: str | None, expected: bool
) -> None:
    from blameless.cli.lint import Color, OutputFormat, _use_color

    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert _use_color(Color.AUTO, OutputFormat.TEXT) is expected
    assert _use_color(Color.AUTO, OutputFormat.JSON) is False
