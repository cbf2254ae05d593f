"""Postmortem files: export replaces older files of an incident; imports record revisions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from blameless.errors import FormatError, InputError
from blameless.markdown import read_postmortem, render_postmortem
from blameless.model import Incident, Postmortem
from blameless.services.postmortem_files import export_postmortems, record_revision
from blameless.services.postmortems import get_postmortem, import_postmortems, save_postmortem


def test_export_after_a_title_change_replaces_the_old_file(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    source = tmp_path / "in.md"
    source.write_text(render_postmortem(sample_postmortem), encoding="utf-8")
    import_postmortems(session, [source])
    out = tmp_path / "out"
    (old,) = export_postmortems(session, out).written
    (out / "notes.md").write_text("# Not a postmortem\n", encoding="utf-8")
    pm, version = get_postmortem(session, "INC-2026-001")
    retitled = replace(pm, incident=replace(pm.incident, title="Namespace deleted"))
    save_postmortem(session, retitled, expected_version=version)
    report = export_postmortems(session, out)
    new = out / "INC-2026-001-namespace-deleted.md"
    assert (report.written, report.replaced) == ([new], {old: new})
    assert sorted(p.name for p in out.iterdir()) == [new.name, "notes.md"]
    assert import_postmortems(session, [out / new.name]).unchanged == ["INC-2026-001"]


def test_export_keeps_files_of_other_incidents(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    source = tmp_path / "in.md"
    source.write_text(render_postmortem(sample_postmortem), encoding="utf-8")
    import_postmortems(session, [source])
    out = tmp_path / "out"
    out.mkdir()
    other = Postmortem(incident=Incident(id="INC-2026-009", title="Elsewhere"))
    (out / "mine.md").write_text(render_postmortem(other), encoding="utf-8")
    assert export_postmortems(session, out).replaced == {}
    assert (out / "mine.md").is_file()


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_record_revision_changes_only_that_line(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "pm.md"
    text = (
        f"---{newline}id: X{newline}title: T{newline}revision: 2{newline}---{newline}# T{newline}"
    )
    path.write_bytes(text.encode())
    record_revision(path, 3)
    assert path.read_bytes() == text.replace("revision: 2", "revision: 3").encode()
    assert read_postmortem(path).revision == 3


def test_record_revision_adds_the_line_when_missing(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_text("---\nid: X\ntitle: T\n---\n# T\n\nrevision: not front matter\n")
    record_revision(path, 2)
    assert path.read_text() == (
        "---\nid: X\ntitle: T\nrevision: 2\n---\n# T\n\nrevision: not front matter\n"
    )
    assert read_postmortem(path).revision == 2


def test_record_revision_needs_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_text("# No front matter\n")
    with pytest.raises(InputError, match="no front matter"):
        record_revision(path, 2)


def test_an_id_that_new_would_refuse_is_refused_on_import_with_its_line(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: Odd\nid: bad id\n---\n# Odd\n", encoding="utf-8")
    with pytest.raises(FormatError) as refused:
        import_postmortems(session, [path])
    assert (refused.value.path, refused.value.line) == (str(path), 3)
    assert refused.value.message.startswith("front matter 'id': invalid incident id 'bad id'")
