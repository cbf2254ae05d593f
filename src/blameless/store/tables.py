"""The database schema: one table per domain object, mirroring `blameless.model`.

Editable rows carry a `version` used for optimistic locking. `postmortem_revisions` is
append-only: a row is added whenever a postmortem's content changes and is never updated.
Enum values are stored as their plain strings so that the schema does not change with a taxonomy.
"""

from __future__ import annotations

from datetime import date, datetime
from hashlib import blake2b
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from blameless.store.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with constraint names that migrations can refer to."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class IncidentRow(Base):
    __tablename__ = "incidents"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text)
    severity: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(32))
    services: Mapped[list[Any]]
    started: Mapped[datetime | None]
    detected: Mapped[datetime | None]
    acknowledged: Mapped[datetime | None]
    mitigated: Mapped[datetime | None]
    resolved: Mapped[datetime | None]
    impact: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class PostmortemRow(Base):
    __tablename__ = "postmortems"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_pk: Mapped[int] = mapped_column(
        ForeignKey("incidents.pk", ondelete="CASCADE"), unique=True
    )
    status: Mapped[str] = mapped_column(String(32))
    authors: Mapped[list[Any]]
    reviewers: Mapped[list[Any]]
    revision: Mapped[int] = mapped_column(Integer)
    preamble: Mapped[str] = mapped_column(Text)
    extra: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy declarative API)


class RevisionRow(Base):
    __tablename__ = "postmortem_revisions"
    __table_args__ = (UniqueConstraint("postmortem_pk", "revision"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    postmortem_pk: Mapped[int] = mapped_column(ForeignKey("postmortems.pk", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    markdown: Mapped[str] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class ParticipantRow(Base):
    __tablename__ = "participants"
    __table_args__ = (Index(None, "postmortem_pk", "position"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    postmortem_pk: Mapped[int] = mapped_column(ForeignKey("postmortems.pk", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text)
    handle: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy declarative API)


class SectionRow(Base):
    __tablename__ = "sections"
    __table_args__ = (Index(None, "postmortem_pk", "position"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    postmortem_pk: Mapped[int] = mapped_column(ForeignKey("postmortems.pk", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    trailer: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy declarative API)


def source_key(source: str | None, source_id: str | None) -> int | None:
    """The de-duplication key of an event: a signed 64-bit BLAKE2b hash of its source and id.

    None when either is missing, so that such events never collide. Keys are stored: this
    function must never change.
    """
    if source is None or source_id is None:
        return None
    # The length prefix keeps ("ab", "c") and ("a", "bc") apart.
    text = f"{len(source)}:{source}{source_id}".encode("utf-8", "surrogatepass")
    return int.from_bytes(blake2b(text, digest_size=8).digest(), "big", signed=True)


def table_of(entity: type[Any]) -> Table:
    """The Core table of a mapped class, typed (for statements that bypass the ORM)."""
    table: Table = entity.__table__
    return table


class TimelineEventRow(Base):
    """Events belong to the incident, so that imported sources can add them in bulk.

    `(incident_pk, source_key)` is unique for de-duplication (see `source_key`); rows without a
    source id (NULL key) never collide. An 8-byte key keeps the unique index about three times
    denser than `(source, source_id)` text, which is what bounds the speed of large imports:
    their ids (audit ids, UUIDs) land at random places in the index.
    """

    __tablename__ = "timeline_events"
    __table_args__ = (
        UniqueConstraint("incident_pk", "source_key"),
        Index(None, "incident_pk", "position"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_pk: Mapped[int] = mapped_column(ForeignKey("incidents.pk", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    timestamp: Mapped[datetime]
    text: Mapped[str] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(200))
    source_id: Mapped[str | None] = mapped_column(String(200))
    source_key: Mapped[int | None] = mapped_column(BigInteger)
    kind: Mapped[str | None] = mapped_column(String(100))
    link: Mapped[str | None] = mapped_column(Text)
    milestone: Mapped[str | None] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy declarative API)


class FactorRow(Base):
    __tablename__ = "contributing_factors"
    __table_args__ = (Index(None, "postmortem_pk", "position"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    postmortem_pk: Mapped[int] = mapped_column(ForeignKey("postmortems.pk", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text)
    linked_events: Mapped[list[Any]]
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy declarative API)


class ActionItemRow(Base):
    __tablename__ = "action_items"
    __table_args__ = (Index(None, "postmortem_pk", "position"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    postmortem_pk: Mapped[int] = mapped_column(ForeignKey("postmortems.pk", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(32))
    owner: Mapped[str | None] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date)
    priority: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(32))
    tracker_url: Mapped[str | None] = mapped_column(Text)
    linked_factors: Mapped[list[Any]]
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy declarative API)
