"""The CLI's edge: errors become one line and an exit code, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module

import pytest

import blameless.cli  # noqa: F401  (registers every command)
from blameless.errors import InputError

cli_app = import_module("blameless.cli.app")


def _run(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as stop:
        cli_app.main(argv)
    return int(stop.value.code or 0)


@pytest.fixture
def broken_command() -> Iterator[None]:
    @cli_app.app.command("zz-broken", hidden=True)
    def _broken(kind: str) -> None:
        if kind == "input":
            raise InputError("cannot read it", path="x.md", line=3)
        raise ZeroDivisionError("division by zero")

    yield
    cli_app.app.registered_commands[:] = [
        c for c in cli_app.app.registered_commands if c.name != "zz-broken"
    ]


def test_a_blameless_error_is_one_line_with_file_and_line(
    broken_command: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(["zz-broken", "input"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "error: x.md:3: cannot read it"


def test_an_unexpected_exception_is_reported_as_a_bug_without_traceback(
    broken_command: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(["zz-broken", "other"]) == 3
    err = capsys.readouterr().err
    assert "internal error (ZeroDivisionError: division by zero)" in err
    assert "Traceback" not in err


def test_version_flag_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["--version"]) == 0
    assert capsys.readouterr().out.startswith("blameless ")


@pytest.mark.parametrize(("kind", "code"), [("input", 2), ("other", 3)])
def test_debug_prints_the_traceback_and_keeps_the_exit_code(
    broken_command: None, capsys: pytest.CaptureFixture[str], kind: str, code: int
) -> None:
    assert _run(["--debug", "zz-broken", kind]) == code
    captured = capsys.readouterr()
    assert captured.err.startswith("Traceback (most recent call last):")
    assert captured.err.splitlines()[-1].startswith("error: ")
    assert captured.out == ""
