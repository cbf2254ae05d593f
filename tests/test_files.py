"""Reading text files and finding Markdown files: the one implementation every command uses."""

from pathlib import Path

import pytest

from blameless.errors import InputError
from blameless.files import collect_files, markdown_files, read_text, write_text


def make(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x\n", encoding="utf-8")


def test_markdown_files_skip_hidden_and_vendored_folders(tmp_path: Path) -> None:
    make(tmp_path, "b.md", "a/c.markdown", "a/d.txt", ".git/e.md", "venv/f.md", ".venv/g.md")
    make(tmp_path, "node_modules/h.md", "a/__pycache__/i.md", ".j.md", "README.md")
    assert markdown_files(tmp_path) == [
        tmp_path / "README.md",
        tmp_path / "a/c.markdown",
        tmp_path / "b.md",
    ]
    assert markdown_files(tmp_path, postmortems_only=True) == [
        tmp_path / "a/c.markdown",
        tmp_path / "b.md",
    ]


def test_collect_files_keeps_named_files_once_and_refuses_missing(tmp_path: Path) -> None:
    make(tmp_path, "a.md", "notes.txt")
    assert collect_files([tmp_path / "notes.txt", tmp_path, tmp_path / "a.md"]) == [
        tmp_path / "notes.txt",
        tmp_path / "a.md",
    ]
    with pytest.raises(InputError, match="no such file or folder"):
        collect_files([tmp_path / "gone"])


def test_read_text_drops_bom_and_names_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbfok\r\n")
    assert read_text(path) == "ok\r\n"
    path.write_bytes(b"ok\n\xff\n")
    with pytest.raises(InputError, match=r"not UTF-8 text \(byte 0xff") as caught:
        read_text(path)
    assert caught.value.line == 2
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_text(tmp_path)


def test_write_text_keeps_line_endings_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    write_text(path, "a\r\nb\n", bom=True)
    assert path.read_bytes() == b"\xef\xbb\xbfa\r\nb\n"
    with pytest.raises(InputError, match="cannot write file"):
        write_text(tmp_path / "missing" / "a.md", "x")
