"""Settings: one allow-list of keys for every command, dashes or underscores alike."""

from pathlib import Path

import pytest

from blameless.config import load_settings
from blameless.errors import ConfigError
from blameless.lintconfig import load_lint_config


def test_unknown_key_is_an_error_everywhere_with_line_and_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "blameless.toml"
    path.write_text('select = ["BL"]\ndatabse_url = "sqlite://"\n', encoding="utf-8")
    for load in (load_settings, load_lint_config):
        with pytest.raises(ConfigError) as caught:
            load(tmp_path)
        assert (caught.value.path, caught.value.line) == (str(path), 2)
        assert caught.value.message.startswith(
            "unknown setting 'databse_url' (did you mean 'database_url'?"
        )


def test_dashes_and_underscores_are_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BLAMELESS_DATABASE_URL", raising=False)
    (tmp_path / "blameless.toml").write_text(
        'database-url = "sqlite:///x.db"\nincident-id-format = "PM-{seq}"\n'
        'per_file_ignores = { "a.md" = ["BL"] }\n',
        encoding="utf-8",
    )
    settings = load_settings(tmp_path)
    database_url = f"sqlite:///{(tmp_path / 'x.db').resolve().as_posix()}"
    assert (settings.database_url, settings.incident_id_format) == (database_url, "PM-{seq}")
    assert load_lint_config(tmp_path / "a.md").per_file_ignores == {"a.md": ["BL"]}


def test_wrong_type_names_the_key_as_written_and_its_line(tmp_path: Path) -> None:
    (tmp_path / "blameless.toml").write_text("\nincident-id-format = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="incident-id-format must be a string") as caught:
        load_settings(tmp_path)
    assert caught.value.line == 2


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("sqlite:///team.db?timeout=3", "sqlite:///{folder}/team.db?timeout=3"),
        ("sqlite:////srv/team.db", "sqlite:////srv/team.db"),
        ("sqlite:///:memory:", "sqlite:///:memory:"),
        ("postgresql://u@db/x", "postgresql://u@db/x"),
    ],
)
def test_relative_sqlite_paths_are_anchored_at_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str, expected: str
) -> None:
    monkeypatch.delenv("BLAMELESS_DATABASE_URL", raising=False)
    (tmp_path / "blameless.toml").write_text(f'database_url = "{written}"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    folder = tmp_path.resolve().as_posix()
    assert load_settings(tmp_path / "sub").database_url == expected.format(folder=folder)
    monkeypatch.setenv("BLAMELESS_DATABASE_URL", "sqlite:///env.db")  # the cwd's, as usual
    assert load_settings(tmp_path / "sub").database_url == "sqlite:///env.db"
