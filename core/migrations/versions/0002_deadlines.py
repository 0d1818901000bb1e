"""deadlines: clock sweep columns, outbox, calendar overrides

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 20:36:32.674019
"""

import sqlalchemy as sa
from alembic import op

import core.models.base

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("working", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("updated_at", core.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_overrides")),
        sa.UniqueConstraint("day", name=op.f("uq_calendar_overrides_day")),
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("clock_id", sa.Integer(), nullable=True),
        sa.Column("event_key", sa.String(length=80), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("recipient_role", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.Column("created_at", core.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", core.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", core.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("sent_at", core.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["clock_id"], ["clocks.id"], name=op.f("fk_notifications_clock_id_clocks")),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_notifications_report_id_reports")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
        sa.UniqueConstraint("report_id", "event_key", "recipient", name=op.f("uq_notifications_report_id")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notifications_report_id"), ["report_id"], unique=False)
        batch_op.create_index("ix_notifications_status_next_attempt_at", ["status", "next_attempt_at"], unique=False)

    with op.batch_alter_table("clocks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("track", sa.String(length=20), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("nominal_due_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("paused_days", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("paused_at", core.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("breached_at", core.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("next_action_on", sa.Date(), nullable=True))
        batch_op.create_index("ix_clocks_status_next_action_on", ["status", "next_action_on"], unique=False)

    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("overdue_at", core.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_reports_overdue_at"), ["overdue_at"], unique=False)

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("email")

    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reports_overdue_at"))
        batch_op.drop_column("overdue_at")

    with op.batch_alter_table("clocks", schema=None) as batch_op:
        batch_op.drop_index("ix_clocks_status_next_action_on")
        batch_op.drop_column("next_action_on")
        batch_op.drop_column("breached_at")
        batch_op.drop_column("paused_at")
        batch_op.drop_column("paused_days")
        batch_op.drop_column("nominal_due_on")
        batch_op.drop_column("track")

    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_status_next_attempt_at")
        batch_op.drop_index(batch_op.f("ix_notifications_report_id"))

    op.drop_table("notifications")
    op.drop_table("calendar_overrides")
