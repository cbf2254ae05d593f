"""`blameless db upgrade|current`, run in-process through `main` (exit codes and messages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from blameless.cli import main
from blameless.store import migrate
from blameless.store.engine import sqlite_file


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI; returns (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def test_upgrade_is_idempotent_and_current_reports_the_head(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    head = migrate.head_revision()
    code, out, err = run(capsys, "db", "current", "--database-url", empty_db_url)
    file = sqlite_file(empty_db_url)
    if file is None:
        assert (code, "not initialised (run `blameless db upgrade`)" in out) == (0, True)
    else:  # `db current` never creates the file
        assert (code, out) == (2, "")
        assert err == f"error: no database at {file}: run `blameless db upgrade`\n"
        assert not file.exists()
    code, out, _ = run(capsys, "db", "upgrade", "--database-url", empty_db_url)
    assert code == 0 and f"upgraded from an empty database to revision {head}" in out
    code, out, _ = run(capsys, "db", "upgrade", "--database-url", empty_db_url)
    assert code == 0 and f"already at revision {head} (head)" in out
    code, out, _ = run(capsys, "db", "current", "--database-url", empty_db_url)
    assert code == 0 and out.endswith(f": revision {head} (head)\n")


def test_the_default_database_is_blameless_db_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("BLAMELESS_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "db", "upgrade")[0] == 0
    assert (tmp_path / "blameless.db").is_file()


def test_a_relative_sqlite_path_is_relative_to_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("BLAMELESS_DATABASE_URL", raising=False)
    (tmp_path / "blameless.toml").write_text('database_url = "sqlite:///data/team.db"\n')
    (tmp_path / "data").mkdir()
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "sub")
    assert run(capsys, "db", "upgrade")[0] == 0
    monkeypatch.chdir(tmp_path / "sub" / "deeper")
    code, out, _ = run(capsys, "db", "current")
    assert code == 0 and out.endswith("(head)\n")
    assert (tmp_path / "data" / "team.db").is_file()
    assert [p.name for p in tmp_path.rglob("*.db")] == ["team.db"]


def test_the_environment_overrides_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BLAMELESS_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert run(capsys, "db", "upgrade")[0] == 0
    assert (tmp_path / "env.db").is_file()
    assert not (tmp_path / "blameless.db").exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("nonsense", "error: invalid database URL 'nonsense'"),
        (
            "postgresql://u:secret@127.0.0.1:1/x",
            "error: cannot use the database at postgresql://u:***@",
        ),
    ],
)
def test_a_bad_database_is_one_error_line(
    url: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "db", "current", "--database-url", url)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1
    assert "secret" not in err
