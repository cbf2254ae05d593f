from datetime import date
from pathlib import Path

import pytest

from blameless.errors import ConfigError, InputError
from blameless.ids import (
    check_incident_id,
    files_with_id,
    ids_in_folder,
    next_incident_id,
    postmortem_filename,
    slugify,
)

TODAY = date(2026, 3, 4)


@pytest.mark.parametrize(
    ("id_format", "existing", "expected"),
    [
        ("INC-{year}-{seq:03d}", [], "INC-2026-001"),
        (
            "INC-{year}-{seq:03d}",
            ["INC-2026-009", "INC-2026-010-db-down", "INC-2025-300"],
            "INC-2026-011",
        ),
        ("INC-{year}-{seq:03d}", ["inc-2026-500", "INC-2026-x", "OTHER-2026-900"], "INC-2026-001"),
        ("{year}{month:02d}-{seq}", ["202603-4", "202602-9"], "202603-5"),
        ("PM-{seq:05d}", ["PM-00041", "PM-7"], "PM-00042"),
        ("{year}/{seq}/{year}", ["2026/3/2026", "2026/8/2025"], "2026/4/2026"),
    ],
)
def test_next_incident_id(id_format: str, existing: list[str], expected: str) -> None:
    assert next_incident_id(id_format, existing, today=TODAY) == expected


@pytest.mark.parametrize(
    ("id_format", "message"),
    [
        ("INC-{year}", r"must contain \{seq\}"),
        ("INC-{team}-{seq}", r"uses \{team\}"),
        ("{", "invalid"),
    ],
)
def test_bad_formats_are_config_errors(id_format: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        next_incident_id(id_format, [], today=TODAY)


def test_ids_in_folder_reads_names_and_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text('---\ntitle: x\nid: "INC-2026-004"\n---\nid: not-this\n')
    (tmp_path / "INC-2026-002-b.md").write_text("plain text")
    (tmp_path / "c.txt").write_text("---\nid: INC-2026-099\n---\n")
    assert ids_in_folder(tmp_path) == ["INC-2026-002-b", "a", "INC-2026-004"]
    assert ids_in_folder(tmp_path / "missing") == []


def test_slugs_and_file_names() -> None:
    assert slugify("Checkout down (EU)!") == "checkout-down-eu"
    assert slugify("Café über straße") == "cafe-uber-strae"
    assert slugify("???") == "postmortem"
    assert slugify("word " * 30) == "-".join(["word"] * 12)
    assert postmortem_filename("INC-2026-001", "DB failover") == "INC-2026-001-db-failover.md"


def test_ids_keep_their_case_and_lose_unsafe_characters() -> None:
    assert slugify("Ops/2026:7", lower=False) == "Ops-2026-7"
    assert postmortem_filename("Ops/2026:7", "Été!") == "Ops-2026-7-ete.md"


@pytest.mark.parametrize("good", ["INC-2026-001", "ops_7", "2026.03.a", "A" * 64])
def test_valid_ids(good: str) -> None:
    assert check_incident_id(good) == good


@pytest.mark.parametrize("bad", ["", "bad id", "a/b", "a\\b", ".hidden", "-x", "a:b", "A" * 65])
def test_invalid_ids(bad: str) -> None:
    with pytest.raises(InputError, match="invalid incident id"):
        check_incident_id(bad)


def test_files_with_id_read_front_matter_only(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\nid: INC-1\n---\n")
    (tmp_path / "INC-1-b.md").write_text("no front matter")
    (tmp_path / "c.md").write_text("---\nid: INC-10\n---\n")
    assert files_with_id(tmp_path, "INC-1") == [tmp_path / "a.md"]
    assert files_with_id(tmp_path / "missing", "INC-1") == []
