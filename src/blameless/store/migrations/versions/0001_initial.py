"""Initial schema: incidents, postmortems and their revisions, timeline, factors, actions.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("services", sa.JSON(), nullable=False),
        sa.Column("started", sa.DateTime(timezone=True), nullable=True),
        sa.Column("detected", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged", sa.DateTime(timezone=True), nullable=True),
        sa.Column("mitigated", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved", sa.DateTime(timezone=True), nullable=True),
        sa.Column("impact", sa.Text(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_incidents")),
        sa.UniqueConstraint("public_id", name=op.f("uq_incidents_public_id")),
    )
    op.create_table(
        "postmortems",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("incident_pk", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("reviewers", sa.JSON(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("preamble", sa.Text(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_pk"],
            ["incidents.pk"],
            name=op.f("fk_postmortems_incident_pk_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_postmortems")),
        sa.UniqueConstraint("incident_pk", name=op.f("uq_postmortems_incident_pk")),
    )
    op.create_table(
        "timeline_events",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("incident_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("timestamp", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("source_id", sa.String(length=200), nullable=True),
        sa.Column("kind", sa.String(length=100), nullable=True),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("milestone", sa.String(length=32), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_pk"],
            ["incidents.pk"],
            name=op.f("fk_timeline_events_incident_pk_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_timeline_events")),
        sa.UniqueConstraint(
            "incident_pk",
            "source",
            "source_id",
            name=op.f("uq_timeline_events_incident_pk_source_source_id"),
        ),
    )
    op.create_index(
        op.f("ix_timeline_events_incident_pk_position"),
        "timeline_events",
        ["incident_pk", "position"],
        unique=False,
    )
    op.create_index(
        op.f("ix_timeline_events_incident_pk_timestamp"),
        "timeline_events",
        ["incident_pk", "timestamp"],
        unique=False,
    )
    op.create_table(
        "action_items",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("postmortem_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=True),
        sa.Column("owner", sa.Text(), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("priority", sa.String(length=8), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("tracker_url", sa.Text(), nullable=True),
        sa.Column("linked_factors", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["postmortem_pk"],
            ["postmortems.pk"],
            name=op.f("fk_action_items_postmortem_pk_postmortems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_action_items")),
    )
    op.create_index(
        op.f("ix_action_items_postmortem_pk_position"),
        "action_items",
        ["postmortem_pk", "position"],
        unique=False,
    )
    op.create_table(
        "contributing_factors",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("postmortem_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("linked_events", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["postmortem_pk"],
            ["postmortems.pk"],
            name=op.f("fk_contributing_factors_postmortem_pk_postmortems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_contributing_factors")),
    )
    op.create_index(
        op.f("ix_contributing_factors_postmortem_pk_position"),
        "contributing_factors",
        ["postmortem_pk", "position"],
        unique=False,
    )
    op.create_table(
        "participants",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("postmortem_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("handle", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["postmortem_pk"],
            ["postmortems.pk"],
            name=op.f("fk_participants_postmortem_pk_postmortems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_participants")),
    )
    op.create_index(
        op.f("ix_participants_postmortem_pk_position"),
        "participants",
        ["postmortem_pk", "position"],
        unique=False,
    )
    op.create_table(
        "postmortem_revisions",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("postmortem_pk", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("markdown", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["postmortem_pk"],
            ["postmortems.pk"],
            name=op.f("fk_postmortem_revisions_postmortem_pk_postmortems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_postmortem_revisions")),
        sa.UniqueConstraint(
            "postmortem_pk", "revision", name=op.f("uq_postmortem_revisions_postmortem_pk_revision")
        ),
    )
    op.create_table(
        "sections",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("postmortem_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("trailer", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["postmortem_pk"],
            ["postmortems.pk"],
            name=op.f("fk_sections_postmortem_pk_postmortems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_sections")),
    )
    op.create_index(
        op.f("ix_sections_postmortem_pk_position"),
        "sections",
        ["postmortem_pk", "position"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_sections_postmortem_pk_position"), table_name="sections")
    op.drop_table("sections")
    op.drop_table("postmortem_revisions")
    op.drop_index(op.f("ix_participants_postmortem_pk_position"), table_name="participants")
    op.drop_table("participants")
    op.drop_index(
        op.f("ix_contributing_factors_postmortem_pk_position"), table_name="contributing_factors"
    )
    op.drop_table("contributing_factors")
    op.drop_index(op.f("ix_action_items_postmortem_pk_position"), table_name="action_items")
    op.drop_table("action_items")
    op.drop_index(op.f("ix_timeline_events_incident_pk_timestamp"), table_name="timeline_events")
    op.drop_index(op.f("ix_timeline_events_incident_pk_position"), table_name="timeline_events")
    op.drop_table("timeline_events")
    op.drop_table("postmortems")
    op.drop_table("incidents")
