"""Incident ids and postmortem file names.

The id pattern is the `incident_id_format` setting, e.g. `INC-{year}-{seq:03d}`: the next id
takes the highest sequence number already used in the same period (year, and month or day when
the pattern has them) plus one.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from blameless.errors import ConfigError, InputError

_PERIOD_FIELDS = ("year", "month", "day")
ID_LENGTH = 64
"""The longest incident id the database stores."""
_VALID_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_FRONT_MATTER_ID = re.compile(r"""^id:[ \t]*['"]?(.*?)['"]?[ \t]*$""", re.MULTILINE)


def id_pattern(id_format: str) -> re.Pattern[str]:
    """A regex matching ids made by `id_format`, with groups for its fields."""
    parts: list[str] = []
    used: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(id_format))
    except ValueError as problem:
        raise ConfigError(f"incident_id_format {id_format!r} is invalid: {problem}") from None
    for literal, field, spec, _conversion in parsed:
        parts.append(re.escape(literal))
        if field is None:
            continue
        if field not in (*_PERIOD_FIELDS, "seq"):
            raise ConfigError(
                f"incident_id_format uses {{{field}}}; the known fields are year, month, day, seq"
            )
        parts.append(f"(?P={field})" if field in used else f"(?P<{field}>{_digits(field, spec)})")
        used.add(field)
    if "seq" not in used:
        raise ConfigError("incident_id_format must contain {seq}")
    return re.compile("".join(parts))


def _digits(field: str, spec: str | None) -> str:
    """Digits of a field; fixed widths keep `{year}{month:02d}` unambiguous."""
    padded = re.fullmatch(r"0(\d+)d", spec or "")
    if field == "seq":
        return rf"\d{{{padded[1]},}}" if padded else r"\d+"
    if padded:
        return rf"\d{{{padded[1]}}}"
    return r"\d{4}" if field == "year" else r"\d{1,2}"


def next_incident_id(id_format: str, existing: Iterable[str], *, today: date) -> str:
    """The next id of `id_format` for `today`, after every id of the same period in `existing`.

    `existing` may hold ids or file names that start with an id (`INC-2026-004-db-outage`).
    """
    pattern = id_pattern(id_format)
    period = {name: getattr(today, name) for name in _PERIOD_FIELDS}
    highest = 0
    for candidate in existing:
        match = pattern.match(candidate)
        if match is None:
            continue
        found = match.groupdict()
        if all(int(found[name]) == period[name] for name in _PERIOD_FIELDS if name in found):
            highest = max(highest, int(found["seq"]))
    return id_format.format(**period, seq=highest + 1)


def check_incident_id(incident_id: str) -> str:
    """`incident_id` if it is a valid id: letters, digits, `-`, `_` and `.`, at most 64 long.

    Ids name files and URLs, so spaces, slashes and other punctuation are refused (`InputError`).
    """
    if not _VALID_ID.fullmatch(incident_id):
        raise InputError(
            f"invalid incident id {incident_id!r}: use letters, digits, '-', '_' and '.', "
            "starting with a letter or digit"
        )
    if len(incident_id) > ID_LENGTH:
        raise InputError(f"invalid incident id {incident_id!r}: longer than {ID_LENGTH} characters")
    return incident_id


def files_with_id(folder: Path, incident_id: str) -> list[Path]:
    """The `*.md` files of a folder whose front matter has this `id:`."""
    if not folder.is_dir():
        return []
    return [path for path in sorted(folder.glob("*.md")) if front_matter_id(path) == incident_id]


def ids_in_folder(folder: Path) -> list[str]:
    """Ids used by the `*.md` files of a folder: front-matter ids and file-name stems."""
    found: list[str] = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.md")):
        found.append(path.stem)
        front_id = front_matter_id(path)
        if front_id:
            found.append(front_id)
    return found


def front_matter_id(path: Path) -> str | None:
    """The `id:` of a file's front matter, read cheaply (no YAML parse); None if absent."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    match = _FRONT_MATTER_ID.search(text, 0, end if end >= 0 else len(text))
    return match[1] if match else None


def slugify(text: str, max_length: int = 60, *, lower: bool = True) -> str:
    """An ASCII slug for file names: `Checkout down (EU)!` -> `checkout-down-eu`.

    Accents are dropped, every other run of characters becomes one `-`, and a long slug is cut
    at a word boundary so that file names stay readable. `lower=False` keeps the case (ids).
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text.lower() if lower else ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_length]
    return slug or "postmortem"


def postmortem_filename(incident_id: str, title: str) -> str:
    """`<id>-<slug>.md`, the file name of a postmortem, safe on every file system."""
    return f"{slugify(incident_id, ID_LENGTH, lower=False)}-{slugify(title)}.md"
