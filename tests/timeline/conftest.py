"""Fixtures of the timeline tests: the INC-2026-001 traces and a reader helper."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from blameless.model import TimelineEvent
from blameless.timeline import ImportContext, ImportOptions, read_events

FIXTURES = Path(__file__).resolve().parents[2] / "examples" / "traces" / "INC-2026-001"


@pytest.fixture
def fixtures() -> Path:
    """The folder of INC-2026-001 traces: Slack export, PagerDuty, alerts, audit log..."""
    return FIXTURES


@pytest.fixture
def read() -> Callable[..., list[TimelineEvent]]:
    """`read(source, path, **options)`: every event of one input."""

    def run(source: str, path: Path, **options: object) -> list[TimelineEvent]:
        context = ImportContext(ImportOptions(**options))  # type: ignore[arg-type]
        return list(read_events(source, path, context))

    return run


@pytest.fixture
def zip_folder() -> Callable[[Path, Path, str], Path]:
    """`zip_folder(folder, target, prefix)`: zip as Slack does (prefix: as a user zipping it)."""

    def run(folder: Path, target: Path, prefix: str = "") -> Path:
        with zipfile.ZipFile(target, "w") as archive:
            for file in sorted(folder.rglob("*")):
                if file.is_file():
                    archive.write(file, prefix + file.relative_to(folder).as_posix())
        return target

    return run
