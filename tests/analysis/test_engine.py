from pathlib import Path

import pytest

from blameless.analysis.context import LintConfig
from blameless.analysis.engine import lint_text
from blameless.analysis.finding import Level
from blameless.analysis.registry import get_rule, select_rules
from blameless.analysis.rule import Rule
from blameless.errors import NotFoundError

pytestmark = pytest.mark.usefixtures("test_rules")


def ids(text: str, config: LintConfig | None = None, path: str | None = "a.md") -> list[str]:
    return [f.rule for f in lint_text(text, config or LintConfig(), path=path)]


def test_finding_has_positions_text_message_and_suggestion() -> None:
    [finding] = lint_text("Intro.\nIt was Sam's fault.\n", LintConfig(), path="a.md")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 8, 2, 19)
    assert finding.text == "Sam's fault"
    assert (finding.rule, finding.name, finding.severity) == ("BL900", "test-fault", Level.WARNING)
    assert finding.message == "Fault language."
    assert finding.suggestion == "Describe the conditions."
    assert finding.path == "a.md"


def test_findings_are_in_document_order() -> None:
    text = "# Title\n\nA fault. Another fault.\n\n## Action items\n\n- Remind them.\n"
    assert ids(text) == ["ST900", "BL900", "BL900", "AC900"]


def test_select_ignore_and_prefixes() -> None:
    text = "# T\n\nA fault.\n"
    assert ids(text, LintConfig(select=["BL"])) == ["BL900"]
    assert ids(text, LintConfig(ignore=["BL9"])) == ["ST900"]
    assert ids(text, LintConfig(select=["ALL"], ignore=["ST900"])) == ["BL900"]


def test_per_file_ignores_match_globs() -> None:
    config = LintConfig(per_file_ignores={"drafts/*.md": ["BL"]})
    assert ids("A fault.", config, path="drafts/x.md") == []
    assert ids("A fault.", config, path="final/x.md") == ["BL900"]


def test_per_file_ignores_are_relative_to_the_config_folder_not_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "drafts").mkdir()
    config = LintConfig(root=str(tmp_path.resolve()), per_file_ignores={"drafts/*.md": ["BL"]})
    monkeypatch.chdir(tmp_path / "drafts")
    assert ids("A fault.", config, path="x.md") == []
    assert ids("A fault.", config, path=str(tmp_path / "drafts" / "x.md")) == []
    monkeypatch.chdir(tmp_path)
    assert ids("A fault.", config, path="drafts/x.md") == []
    assert ids("A fault.", config, path="x.md") == ["BL900"]


def test_severity_override() -> None:
    [finding] = lint_text("A fault.", LintConfig(severity={"BL900": "error"}))
    assert finding.severity is Level.ERROR


def test_people_come_from_config_and_front_matter() -> None:
    text = "---\nparticipants:\n  - {name: Priya, role: SRE}\n---\nPriya and Bo met.\n"
    findings = lint_text(text, LintConfig(people={"Bo": "the lead"}))
    assert [(f.text, f.suggestion) for f in findings] == [
        ("Priya", "Write 'SRE'."),
        ("Bo", "Write 'the lead'."),
    ]


def test_nothing_is_flagged_in_code_quotes_or_links() -> None:
    text = "`fault`\n\n> fault\n\n```\nfault\n```\n\nSee [docs](https://x/fault) and http://fault.io.\n"
    assert ids(text) == []


def test_plain_text_files() -> None:
    assert ids("One fault.\n\n- a fault\n- two", path="notes.txt") == ["BL900", "BL900"]


def test_disable_next_line_and_blocks() -> None:
    text = (
        "<!-- blameless-disable-next-line BL900 -->\n\nA fault.\n"
        "<!-- blameless-disable -->\nA fault.\n<!-- blameless-enable -->\nA fault here.\n"
    )
    findings = lint_text(text, LintConfig())
    assert [(f.rule, f.line) for f in findings] == [("BL900", 7)]


def test_unused_suppressions_are_reported_as_x001() -> None:
    text = "<!-- blameless-disable-next-line BL900 -->\nAll clean.\n<!-- blameless-disable AC -->\n"
    findings = lint_text(text, LintConfig())
    assert [(f.rule, f.severity, f.line, f.text) for f in findings] == [
        ("X001", Level.INFO, 1, "<!-- blameless-disable-next-line BL900 -->"),
        ("X001", Level.INFO, 3, "<!-- blameless-disable AC -->"),
    ]
    assert ids(text, LintConfig(ignore=["X001"])) == []


def test_suppression_of_a_rule_that_is_off_is_not_unused() -> None:
    text = "<!-- blameless-disable-next-line BL900 -->\nAll clean.\n"
    assert ids(text, LintConfig(ignore=["NM", "BL900"])) == []
    assert ids(text, LintConfig(select=["ST", "X"])) == []
    mixed = "<!-- blameless-disable-next-line BL900, ST900 -->\nAll clean.\n"
    assert ids(mixed, LintConfig(ignore=["BL900"])) == ["X001"]


def test_suppression_naming_an_unknown_rule_says_so() -> None:
    text = "<!-- blameless-disable-next-line ZZ999, BL900 -->\nA fault.\n"
    [finding] = lint_text(text, LintConfig())
    assert (finding.rule, finding.line) == ("X001", 1)
    assert finding.message == "This suppression names unknown rule ZZ999."
    assert "blameless rules" in finding.suggestion


def test_fix_offsets_are_absolute() -> None:
    text = "---\nparticipants:\n  - {name: Priya, role: SRE}\n---\nThen Priya left.\n"
    [finding] = lint_text(text, LintConfig())
    assert finding.fix is not None
    assert text[finding.fix.start : finding.fix.end] == "Priya"


def test_get_rule_suggests_close_ids(test_rules: tuple[type[Rule], ...]) -> None:
    assert get_rule("bl900").id == "BL900"
    with pytest.raises(NotFoundError, match="did you mean BL900"):
        get_rule("BL090")
    with pytest.raises(NotFoundError, match="did you mean NM900 \\(test-named\\)"):
        get_rule("test-nmed")
    with pytest.raises(NotFoundError) as caught:
        get_rule("ZZ001")  # no family ZZ: X001 and BL001 share digits, not meaning
    assert caught.value.message == "unknown rule 'ZZ001' (see `blameless rules`)"


def test_default_disabled_rules_need_explicit_select(
    test_rules: tuple[type[Rule], ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = test_rules[0]
    monkeypatch.setattr(rule, "default_enabled", False)
    assert rule not in select_rules(LintConfig(), None)
    assert rule in select_rules(LintConfig(select=["BL900"]), None)
