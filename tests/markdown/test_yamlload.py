"""The shared front-matter YAML loader: strict, bounded, and every problem a `FormatError`."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from blameless.errors import FormatError
from blameless.markdown.yamlload import (
    MAX_DEPTH,
    TimestampText,
    load_front_matter,
    timestamp_value,
)


def test_timestamps_load_as_the_text_written() -> None:
    data = load_front_matter("started: 2026-02-30\nresolved: 2026-03-04T25:00:00Z\n")
    assert data == {"started": "2026-02-30", "resolved": "2026-03-04T25:00:00Z"}
    assert isinstance(data["started"], TimestampText)
    assert not isinstance(load_front_matter("a: '2026-03-04'\n")["a"], TimestampText)


def test_timestamp_value_converts_real_dates_and_refuses_others() -> None:
    assert timestamp_value(TimestampText("2026-03-04")) == date(2026, 3, 4)
    assert timestamp_value(TimestampText("2026-03-04T10:00:00Z")) == datetime(
        2026, 3, 4, 10, tzinfo=UTC
    )
    with pytest.raises(ValueError, match="'2026-02-30' is not a real date or time"):
        timestamp_value(TimestampText("2026-02-30"))


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: &x 1\nb: *x\n", 2, "YAML aliases are not allowed in front matter (&x defines one)"),
        ("a: 1\nb: *x\n", 3, "YAML aliases are not allowed in front matter (*x)"),
        ("a: [b\n", 3, "invalid YAML in front matter"),
        ("a: !!float x\n", 1, "invalid YAML in front matter"),
        ("? [a]\n: 1\n", 2, "invalid YAML in front matter: found unhashable key"),
    ],
)
def test_problems_are_format_errors_with_the_file_line(text: str, line: int, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        load_front_matter(text)
    assert caught.value.line == line
    assert message in caught.value.message


def test_billion_laughs_is_refused_at_once() -> None:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        rows.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    with pytest.raises(FormatError, match="YAML aliases are not allowed"):
        load_front_matter("\n".join(rows) + "\n")


@pytest.mark.parametrize(
    "text",
    [
        "x: " + "[" * 5000 + "]" * 5000 + "\n",
        "x:\n" + "".join("  " * depth + "- \n" for depth in range(1, 3000)),
    ],
)
def test_deep_nesting_is_refused_without_recursion_error(text: str) -> None:
    with pytest.raises(FormatError, match=f"nested more than {MAX_DEPTH} levels deep"):
        load_front_matter(text)


def test_the_nesting_the_format_uses_loads() -> None:
    data = load_front_matter("participants:\n  - {name: A, role: r}\ncustom: {a: [1, {b: 2}]}\n")
    assert data["participants"] == [{"name": "A", "role": "r"}]
