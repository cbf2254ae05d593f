from pathlib import Path

import pytest

from blameless.errors import ConfigError
from blameless.lintconfig import lint_config_from_table, load_lint_config


def test_builds_config_from_dashed_keys(tmp_path: Path) -> None:
    (tmp_path / "blameless.toml").write_text(
        'database_url = "sqlite://"\n'
        'select = ["bl", "AC"]\nignore = "NM001, ST"\n'
        '[per-file-ignores]\n"drafts/*.md" = ["BL001"]\n'
        "[severity]\nBL001 = 'error'\n[people]\nPriya = 'on-call engineer'\n",
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    config = load_lint_config(tmp_path / "docs" / "a.md")
    assert config.select == ["BL", "AC"]
    assert config.ignore == ["NM001", "ST"]
    assert config.per_file_ignores == {"drafts/*.md": ["BL001"]}
    assert config.severity == {"BL001": "error"}
    assert config.people == {"Priya": "on-call engineer"}
    assert config.root == str(tmp_path.resolve())


def test_pyproject_table_is_found_upward(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.blameless]\naction-headings = ['Next steps']\n", encoding="utf-8"
    )
    assert load_lint_config(tmp_path / "x.md").action_headings == ["Next steps"]


def test_unknown_key_names_key_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "blameless.toml"
    path.write_text('select = ["BL"]\n\nselcet = ["AC"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_lint_config(path)
    assert caught.value.line == 3
    assert str(caught.value).startswith(f"{path}:3: unknown setting 'selcet'")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"select": 3}, "select must be a list of strings"),
        ({"severity": {"BL001": "fatal"}}, "severity of BL001 must be one of"),
        ({"people": {"Priya": 1}}, "people must map"),
        ({"per-file-ignores": ["x"]}, "per-file-ignores must be a table"),
        ({"timeline-max-gap-minutes": 0}, "timeline-max-gap-minutes must be a positive number"),
        ({"timeline-max-gap-minutes": "45"}, "timeline-max-gap-minutes must be a positive"),
        ({"timeline-max-gap-minutes": True}, "timeline-max-gap-minutes must be a positive"),
    ],
)
def test_wrong_types_are_config_errors(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        lint_config_from_table(table)


def test_no_config_file_gives_defaults(tmp_path: Path) -> None:
    config = load_lint_config(tmp_path / "a.md")
    assert config.select == [] and "action items" in config.action_headings
    assert config.timeline_max_gap_minutes == 30


def test_timeline_gap_threshold_in_minutes() -> None:
    assert lint_config_from_table({"timeline-max-gap-minutes": 45}).timeline_max_gap_minutes == 45
    assert lint_config_from_table({"timeline_max_gap_minutes": 7.5}).timeline_max_gap_minutes == 7.5


@pytest.mark.parametrize(
    ("toml", "line", "message"),
    [
        ('select = ["BL", "ZZ9"]\n', 1, "select: unknown rule or prefix ZZ9"),
        ('\nignore = "zz"\n', 2, "ignore: unknown rule or prefix ZZ"),
        ('severity = { ZZ001 = "info" }\n', 1, "severity: unknown rule ZZ001"),
        ('[severity]\nBL001 = "info"\nzz001 = "info"\n', 3, "severity: unknown rule ZZ001"),
        (
            '[per-file-ignores]\n"a/*.md" = ["ST"]\n"drafts/*.md" = ["ZZ1"]\n',
            3,
            "per-file-ignores 'drafts/*.md': unknown rule or prefix ZZ1",
        ),
    ],
)
def test_rule_ids_are_checked_against_the_registry(
    tmp_path: Path, toml: str, line: int, message: str
) -> None:
    path = tmp_path / "blameless.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_lint_config(tmp_path / "a.md")
    assert (caught.value.path, caught.value.line) == (str(path), line)
    assert caught.value.message.startswith(message)
