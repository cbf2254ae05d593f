import time
from pathlib import Path

import pytest

import blameless
from blameless.analysis import rules as rules_package
from blameless.analysis.context import LintConfig
from blameless.api import lint_file, lint_text
from blameless.errors import FormatError, InputError


@pytest.fixture(autouse=True)
def rules_or_none(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real rules once they exist; none before (the engine alone is under test here)."""
    existing = getattr(rules_package, "ALL_RULES", ())
    monkeypatch.setattr(rules_package, "ALL_RULES", existing, raising=False)


def test_public_api_lints_text_and_files(tmp_path: Path) -> None:
    assert blameless.lint_text is lint_text
    text = "<!-- blameless-disable-next-line BL -->\nThe deploy finished.\n"
    [finding] = lint_text(text, path="pm.md")
    assert (finding.rule, finding.line, finding.column) == ("X001", 1, 1)
    path = tmp_path / "pm.md"
    path.write_text(text, encoding="utf-8")
    assert [f.as_dict() for f in lint_file(path)] == [finding.as_dict()]


def test_lint_file_reads_the_nearest_config(tmp_path: Path) -> None:
    (tmp_path / "blameless.toml").write_text("ignore = ['X001']\n", encoding="utf-8")
    path = tmp_path / "pm.md"
    path.write_text("<!-- blameless-disable -->\nFine.\n", encoding="utf-8")
    assert lint_file(path) == []
    assert [f.rule for f in lint_file(path, config=LintConfig())] == ["X001"]


def test_lint_file_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        lint_file(tmp_path / "missing.md")


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("started: 2026-02-30T25:00:00Z\nparticipants: [{name: A, role: r}]\n", None, None),
        ("a: &x 1\nb: *x\n", 2, "YAML aliases are not allowed in front matter"),
        ("x: " + "[" * 5000 + "]" * 5000 + "\n", 2, "nested more than"),
    ],
)
def test_front_matter_problems_raise_format_error_not_crash(
    front: str, line: int | None, message: str | None
) -> None:
    text = f"---\n{front}---\nFine.\n"
    if message is None:  # invalid dates are check-format's business, not the linter's
        assert lint_text(text, path="pm.md", config=LintConfig(select=["BL"])) == []
        return
    with pytest.raises(FormatError) as caught:
        lint_text(text, path="pm.md")
    assert (caught.value.path, caught.value.line) == ("pm.md", line)
    assert message in caught.value.message


def test_a_one_megabyte_line_without_sentence_end_lints_quickly() -> None:
    lint_text("Warm up the rules.")
    line = "the deploy pipeline applied the change to the cluster, and the alert fired " * 14_000
    started = time.perf_counter()
    lint_text(line[:1_000_000] + "\n", path="big.md")
    assert time.perf_counter() - started < 2.5  # quadratic before sentences were capped: > 120 s
