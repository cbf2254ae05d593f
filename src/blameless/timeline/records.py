"""Streaming readers: lines, JSON Lines and JSON values, with line numbers and progress.

Memory stays bounded whatever the input size: files are read line by line or in chunks. A
top-level JSON array is parsed element by element, and so is the array of a paged API response
(`unwrap`: a PagerDuty page's `log_entries`); any other value is held whole, and one larger
than `MAX_VALUE_BYTES` is refused. A value cut off by the end of the buffer is parsed again
after the buffer has doubled, so the work stays linear in the input size.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from blameless.timeline.base import ImportContext, check_file, input_error

MAX_VALUE_BYTES = 64 * 1024 * 1024
PROGRESS_EVERY_BYTES = 1 << 20
_CHUNK_CHARS = 1 << 16
_NOT_BLANK = re.compile(r"[^ \t\r\n]")
_decoder = json.JSONDecoder()


def iter_lines(path: Path, context: ImportContext) -> Iterator[tuple[int, bytes]]:
    """(1-based line number, raw line) of a file, reporting progress in bytes."""
    total = check_file(path)
    try:
        handle = path.open("rb")
    except OSError as problem:
        raise input_error(f"cannot read input: {problem.strerror}", path) from None
    with handle:
        done = reported = 0
        for number, line in enumerate(handle, start=1):
            done += len(line)
            if done - reported >= PROGRESS_EVERY_BYTES:
                context.progress(done, total)
                reported = done
            yield number, line
        context.progress(done, total)


def decode_line(raw: bytes, where: str | Path, number: int) -> str:
    """A line as text; invalid UTF-8 is an `InputError` naming the line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise input_error("line is not valid UTF-8", where, number) from None


def iter_json_lines(path: Path, context: ImportContext) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) of a JSON Lines file; blank lines are skipped."""
    loads = json.loads
    for number, raw in iter_lines(path, context):
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if raw.isspace() or not raw:
            continue
        try:
            value = loads(raw)
        except (ValueError, RecursionError) as problem:
            context.reject(input_error(f"invalid JSON: {_reason(problem)}", path, number))
            continue
        yield number, value


def iter_json_values(
    path: Path, context: ImportContext, *, unwrap: str | None = None
) -> Iterator[tuple[int, Any]]:
    """(line, value) for each element of a top-level array, or each of a stream of values.

    Accepts one JSON document, a top-level array (streamed element by element), JSON Lines
    or concatenated documents. With `unwrap`, a top-level object that holds an array under
    that key (a page of an API response, `{"log_entries": [...], "more": false}`) gives the
    elements of that array, streamed one by one, and its other members are dropped; an object
    without such an array is yielded whole. With `skip_invalid`, a syntax error outside an
    array skips to the next line; inside an array it cannot be resynchronised and stops the
    import.
    """
    total = check_file(path)
    try:
        handle = path.open("rb")
    except OSError as problem:
        raise input_error(f"cannot read input: {problem.strerror}", path) from None
    with handle:
        yield from iter_json_stream(handle, str(path), context, total, unwrap=unwrap)


def iter_json_stream(
    handle: IO[bytes],
    where: str,
    context: ImportContext,
    total: int,
    *,
    unwrap: str | None = None,
) -> Iterator[tuple[int, Any]]:
    """`iter_json_values` over an open binary stream named `where` (a file or archive member)."""
    reader = _ChunkReader(handle, where, context, total)
    first = True
    while reader.skip_whitespace():
        char = reader.peek()
        items: Iterator[tuple[int, Any]]
        if first and char == "[":
            reader.advance(1)
            items, resumable = _elements(reader), False
        elif unwrap is not None and char == "{":
            items, resumable = _unwrapped(reader, unwrap), True
        else:
            items, resumable = _single(reader), True
        first = False
        count = 0
        try:
            for item in items:
                count += 1
                yield item
        except _SyntaxProblem as problem:
            error = input_error(f"invalid JSON: {problem}", where, problem.line)
            if not resumable or count:
                raise error from None
            context.reject(error)
            reader.skip_line()


def _single(reader: _ChunkReader) -> Iterator[tuple[int, Any]]:
    line = reader.line
    yield line, reader.decode_value()


def _elements(reader: _ChunkReader) -> Iterator[tuple[int, Any]]:
    """The elements of the array whose `[` was just read, up to and including its `]`."""
    if reader.next_char("array") == "]":
        reader.advance(1)
        return
    while True:
        reader.next_char("array")
        line = reader.line
        yield line, reader.decode_value()
        char = reader.next_char("array")
        reader.advance(1)
        if char == "]":
            return
        if char != ",":
            raise _SyntaxProblem("Expecting ',' delimiter", reader.line)


def _unwrapped(reader: _ChunkReader, key: str) -> Iterator[tuple[int, Any]]:
    """An object read member by member: the elements of its `key` array, else the object."""
    line = reader.line
    reader.advance(1)
    members: dict[str, Any] = {}
    streamed = False
    char = reader.next_char("object")
    while char != "}":
        if char != '"':
            raise _SyntaxProblem("Expecting property name enclosed in double quotes", reader.line)
        name = reader.decode_value()
        if reader.next_char("object") != ":":
            raise _SyntaxProblem("Expecting ':' delimiter", reader.line)
        reader.advance(1)
        if name == key and not streamed and reader.next_char("object") == "[":
            # The page may be far larger than a chunk: never hold (or re-parse) it whole.
            reader.advance(1)
            streamed = True
            yield from _elements(reader)
        else:
            reader.next_char("object")
            members[name] = reader.decode_value()
        char = reader.next_char("object")
        if char == ",":
            reader.advance(1)
            char = reader.next_char("object")
            if char == "}":
                raise _SyntaxProblem("Illegal trailing comma before end of object", reader.line)
        elif char != "}":
            raise _SyntaxProblem("Expecting ',' delimiter", reader.line)
    reader.advance(1)
    if not streamed:
        yield line, members


class _SyntaxProblem(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


class _ChunkReader:
    """A text buffer over a binary stream that tracks the line of its read position."""

    def __init__(self, handle: IO[bytes], where: str, context: ImportContext, total: int) -> None:
        self._handle = handle
        self._where = where
        self._context = context
        self._total = total
        self._buffer = ""
        self._pos = 0
        self._read_bytes = 0
        self._eof = False
        self._pending = b""
        self.line = 1

    def _fill(self, at_least: int = _CHUNK_CHARS) -> bool:
        if self._eof:
            return False
        chunk = self._handle.read(max(_CHUNK_CHARS, at_least))
        self._read_bytes += len(chunk)
        self._context.progress(self._read_bytes, self._total)
        if not chunk:
            self._eof = True
            if self._pending:
                raise input_error("input is not valid UTF-8", self._where, self.line)
            return False
        data = self._pending + chunk
        try:
            text = data.decode("utf-8")
            self._pending = b""
        except UnicodeDecodeError as problem:
            if problem.start < len(data) - 3:
                raise input_error("input is not valid UTF-8", self._where, self.line) from None
            text, self._pending = data[: problem.start].decode("utf-8"), data[problem.start :]
        if self._read_bytes == len(chunk):  # the first chunk
            text = text.removeprefix("\ufeff")
        self._buffer = self._buffer[self._pos :] + text
        self._pos = 0
        return True

    def skip_whitespace(self) -> bool:
        """Move to the next non-blank character; False at the end of the input."""
        while True:
            found = _NOT_BLANK.search(self._buffer, self._pos)
            end = found.start() if found else len(self._buffer)
            self.advance(end - self._pos)
            if found:
                return True
            if not self._fill():
                return False

    def next_char(self, inside: str) -> str:
        """The next non-blank character, which must exist inside an open array or object."""
        if not self.skip_whitespace():
            raise _SyntaxProblem(f"unexpected end of input inside a JSON {inside}", self.line)
        return self._buffer[self._pos]

    def peek(self) -> str:
        return self._buffer[self._pos]

    def advance(self, count: int) -> None:
        self.line += self._buffer.count("\n", self._pos, self._pos + count)
        self._pos += count

    def skip_line(self) -> None:
        while True:
            end = self._buffer.find("\n", self._pos)
            if end >= 0:
                self.advance(end + 1 - self._pos)
                return
            self._pos = len(self._buffer)
            if not self._fill():
                return

    def decode_value(self) -> Any:
        """The JSON value at the read position, reading more input while it is cut off."""
        while True:
            try:
                value, end = _decoder.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError as problem:
                if self._truncated(problem) and self._grow():
                    continue
                line = self.line + self._buffer.count("\n", self._pos, problem.pos)
                raise _SyntaxProblem(problem.msg, line) from None
            except RecursionError:
                raise _SyntaxProblem("nesting too deep", self.line) from None
            # A number at the very end of the buffer may continue in the next chunk.
            if end == len(self._buffer) and not self._eof and self._fill():
                continue
            self.advance(end - self._pos)
            return value

    def _grow(self) -> bool:
        """Read more of a value cut off by the buffer's end; False at the end of the input.

        The buffer doubles, so a value is re-parsed O(log size) times, not once per chunk; and
        its size is checked before it is parsed again.
        """
        pending = len(self._buffer) - self._pos
        if pending > MAX_VALUE_BYTES:
            raise input_error(
                f"a JSON value is larger than {MAX_VALUE_BYTES // (1 << 20)} MB; "
                "split the input into JSON Lines",
                self._where,
                self.line,
            )
        return self._fill(pending)

    def _truncated(self, problem: json.JSONDecodeError) -> bool:
        """Whether the error may only mean that the value continues in the next chunk."""
        if self._eof:
            return False
        # An escape sequence or literal may be cut by the chunk end, hence the small margin.
        return problem.pos >= len(self._buffer) - 8 or problem.msg.startswith("Unterminated")


def _reason(problem: BaseException) -> str:
    if isinstance(problem, json.JSONDecodeError):
        return f"{problem.msg} (column {problem.colno})"
    if isinstance(problem, RecursionError):
        return "nesting too deep"
    return str(problem)
