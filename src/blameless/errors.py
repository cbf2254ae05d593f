"""One exception tree. Each error carries a message fit for the user, and file/line when known.

The edges (CLI, web) translate these once: a `BlamelessError` is never shown as a traceback.
"""

from __future__ import annotations

from pathlib import Path


class BlamelessError(Exception):
    """Base of every error the program raises on purpose."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        return f"{where}{self.message}"


class FormatError(BlamelessError):
    """A postmortem file that cannot be read: bad front matter, timestamp or item line."""


class ConfigError(BlamelessError):
    """A configuration file or setting that is invalid."""


class InputError(BlamelessError):
    """Input that cannot be read: a missing file, an unreadable export, a malformed record."""


class NotFoundError(BlamelessError):
    """A requested record (incident, postmortem, rule) does not exist."""


class ConflictError(BlamelessError):
    """A write based on a stale version: someone else changed the record first."""


class StorageError(BlamelessError):
    """The database cannot be reached or is not migrated."""
