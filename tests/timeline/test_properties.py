"""Property tests: whatever the bytes, every importer returns events or raises InputError."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blameless.errors import InputError
from blameless.timeline import ImportContext, ImportOptions, importer_names, read_events

FILE_SOURCES = [name for name in importer_names() if name != "slack"]
_json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
_json = st.recursive(
    _json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "type",
                    "ts",
                    "user",
                    "text",
                    "alerts",
                    "status",
                    "labels",
                    "startsAt",
                    "endsAt",
                    "stage",
                    "verb",
                    "created_at",
                    "log_entries",
                    "timestamp",
                    "auditID",
                    "objectRef",
                    "stageTimestamp",
                    "requestReceivedTimestamp",
                    "message",
                    "subtype",
                ]
            )
            | st.text(max_size=8),
            inner,
            max_size=6,
        )
    ),
    max_leaves=20,
)
_texts = st.one_of(
    st.binary(max_size=400),
    st.lists(_json, max_size=4).map(lambda vs: "\n".join(json.dumps(v) for v in vs).encode()),
    _json.map(lambda v: json.dumps(v).encode()),
    st.text(max_size=300).map(str.encode),
)
_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _run(source: str, path: Path, skip: bool) -> None:
    context = ImportContext(ImportOptions(skip_invalid=skip))
    try:
        for event in read_events(source, path, context):
            assert event.timestamp.tzinfo is not None
            assert event.source_id
    except InputError:
        pass


@_settings
@given(data=_texts, source=st.sampled_from(FILE_SOURCES), skip=st.booleans())
def test_file_importers_never_crash(
    tmp_path_factory: object, data: bytes, source: str, skip: bool
) -> None:
    folder = tmp_path_factory.mktemp("prop")  # type: ignore[attr-defined]
    path = folder / "input"
    path.write_bytes(data)
    _run(source, path, skip)


@_settings
@given(users=_texts, day=_texts, skip=st.booleans())
def test_slack_never_crashes(
    tmp_path_factory: object, users: bytes, day: bytes, skip: bool
) -> None:
    folder = tmp_path_factory.mktemp("slack")  # type: ignore[attr-defined]
    archive = folder / "export.zip"
    with zipfile.ZipFile(archive, "w") as writer:
        writer.writestr("users.json", users)
        writer.writestr("channels.json", b'[{"id": "C1", "name": "ops"}]')
        writer.writestr("ops/2026-03-04.json", day)
    _run("slack", archive, skip)


@given(st.datetimes(timezones=st.timezones()) | st.datetimes())
def test_parse_iso_accepts_any_datetime_or_refuses_cleanly(value: object) -> None:
    from datetime import UTC, datetime, timedelta

    from blameless.timeline.base import RecordError, parse_iso

    assert isinstance(value, datetime)
    try:
        parsed = parse_iso(value.isoformat())
    except RecordError:
        return
    assert parsed.tzinfo is UTC
    # Through the printed offset: a zone's fold or gap makes aware `==` false on purpose.
    offset = value.utcoffset() or timedelta(0)
    assert parsed == (value.replace(tzinfo=None) - offset).replace(tzinfo=UTC)
