"""The importer registry: every source module registered, unknown names refused."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest

import blameless.timeline
from blameless.errors import InputError
from blameless.timeline import get_importer, importer_names, read_events
from blameless.timeline.registry import Importer, register

PLUMBING = {
    "base",
    "records",
    "registry",
    "merge",
    "milestones",
    "checks",
    "people",
    "render",
    "splice",
}


def test_every_source_module_is_registered() -> None:
    modules = {m.name for m in pkgutil.iter_modules(blameless.timeline.__path__)} - PLUMBING
    registered = {get_importer(name).read.__module__.rsplit(".", 1)[1] for name in importer_names()}
    assert registered == modules


def test_cli_sources_match_the_registry() -> None:
    from blameless.cli.timeline_options import Source

    assert [s.value for s in Source] == importer_names()


def test_unknown_and_duplicate_names() -> None:
    with pytest.raises(InputError, match="unknown timeline source 'syslog' \\(known: slack, "):
        get_importer("syslog")
    with pytest.raises(ValueError, match="already registered"):
        register(Importer("git", get_importer("git").read, "again"))


def test_event_texts_come_out_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_text(
        '{"timestamp": 1772636400, "text": "first line\\r\\n\\n  second line \\\\\\n"}\n'
    )
    (event,) = read_events("jsonl", path)
    assert event.text == "first line second line"
