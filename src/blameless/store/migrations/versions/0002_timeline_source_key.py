"""Timeline de-duplication on a 64-bit key; the unused (incident, timestamp) index is dropped.

`timeline_events.source_key` replaces the unique `(incident_pk, source, source_id)` with a unique
`(incident_pk, source_key)`: an 8-byte key makes a far denser index, and large imports with random
ids (audit ids, UUIDs) were bounded by inserts into the text index. Existing rows get their key.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from blameless.store.tables import source_key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    op.add_column("timeline_events", sa.Column("source_key", sa.BigInteger(), nullable=True))
    _fill_source_keys()
    with op.batch_alter_table("timeline_events") as batch:
        batch.drop_constraint("uq_timeline_events_incident_pk_source_source_id", type_="unique")
        batch.drop_index("ix_timeline_events_incident_pk_timestamp")
        batch.create_unique_constraint(
            "uq_timeline_events_incident_pk_source_key", ["incident_pk", "source_key"]
        )


def downgrade() -> None:
    with op.batch_alter_table("timeline_events") as batch:
        batch.drop_constraint("uq_timeline_events_incident_pk_source_key", type_="unique")
        batch.create_unique_constraint(
            "uq_timeline_events_incident_pk_source_source_id",
            ["incident_pk", "source", "source_id"],
        )
        batch.create_index(
            "ix_timeline_events_incident_pk_timestamp", ["incident_pk", "timestamp"], unique=False
        )
        batch.drop_column("source_key")


def _fill_source_keys() -> None:
    events = sa.table(
        "timeline_events",
        sa.column("pk", sa.Integer()),
        sa.column("source", sa.String()),
        sa.column("source_id", sa.String()),
        sa.column("source_key", sa.BigInteger()),
    )
    connection = op.get_bind()
    update = (
        sa.update(events)
        .where(events.c.pk == sa.bindparam("row_pk"))
        .values(source_key=sa.bindparam("key"))
    )
    last = 0
    # Pages by primary key, so that memory stays flat for any number of rows.
    while page := connection.execute(
        sa.select(events.c.pk, events.c.source, events.c.source_id)
        .where(events.c.pk > last, events.c.source.is_not(None), events.c.source_id.is_not(None))
        .order_by(events.c.pk)
        .limit(_BATCH)
    ).all():
        connection.execute(
            update, [{"row_pk": pk, "key": source_key(src, sid)} for pk, src, sid in page]
        )
        last = page[-1].pk
