"""Streaming JSON readers: arrays across chunk boundaries, line numbers, limits, UTF-8."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blameless.errors import InputError
from blameless.timeline import ImportContext, ImportOptions, records
from blameless.timeline.records import iter_json_lines, iter_json_values


def test_array_elements_stream_with_their_lines(tmp_path: Path) -> None:
    # Values far larger than a chunk, so that every element crosses a chunk boundary.
    items = [{"n": i, "pad": "é" * 70_000} for i in range(3)]
    path = tmp_path / "a.json"
    path.write_text("[\n" + ",\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n]")
    seen: list[tuple[int, int]] = []
    got = [
        (line, v["n"])
        for line, v in iter_json_values(
            path, ImportContext(progress=lambda d, t: seen.append((d, t)))
        )
    ]
    assert got == [(2, 0), (3, 1), (4, 2)]
    assert seen[-1][0] == seen[-1][1] == path.stat().st_size


def test_concatenated_pretty_documents(tmp_path: Path) -> None:
    path = tmp_path / "docs.json"
    path.write_text('{\n  "a": 1\n}\n{\n  "a": 2\n}\n')
    assert list(iter_json_values(path, ImportContext())) == [(1, {"a": 1}), (4, {"a": 2})]


def test_unterminated_array(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text('[{"a": 1},\n{"a": 2}')
    with pytest.raises(InputError, match="unexpected end of input inside a JSON array"):
        list(iter_json_values(path, ImportContext()))


def test_syntax_error_inside_array_stops_even_when_skipping(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"a": 1},\n{"a": nope}]')
    context = ImportContext(ImportOptions(skip_invalid=True))
    with pytest.raises(InputError) as caught:
        list(iter_json_values(path, context))
    assert caught.value.line == 2


def test_value_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "MAX_VALUE_BYTES", 100_000)
    path = tmp_path / "big.json"
    path.write_text('{"a": "' + "x" * 300_000 + '"}')
    with pytest.raises(InputError, match="larger than"):
        list(iter_json_values(path, ImportContext()))


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"a": "caf\xe9"}\n')
    with pytest.raises(InputError, match="not valid UTF-8"):
        list(iter_json_values(path, ImportContext()))
    with pytest.raises(InputError, match="invalid JSON") as caught:
        list(iter_json_lines(path, ImportContext()))
    assert caught.value.line == 1


def test_json_lines_skips_blank_lines_and_counts_invalid(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"a": 1}\n\n[1,\n{"a": 2}\n')
    context = ImportContext(ImportOptions(skip_invalid=True))
    assert list(iter_json_lines(path, context)) == [(1, {"a": 1}), (4, {"a": 2})]
    assert context.stats.invalid == 1
    assert context.stats.errors[0].line == 3


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b'\xef\xbb\xbf[{"a": 1}]')
    assert list(iter_json_values(path, ImportContext())) == [(1, {"a": 1})]
