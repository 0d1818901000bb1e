"""indexes for the decisions and deadlines of a period

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 13:10:00

The dashboard and the periodic reports count the decisions taken on each đơn in a period (status, reopened,
sign-off events by their time) and the on-time rate of each deadline stage (clocks met or breached in it).
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_report_events_kind_at", "report_events", ["kind", "at"], unique=False)
    op.create_index("ix_clocks_status_stopped_at", "clocks", ["status", "stopped_at"], unique=False)
    op.create_index("ix_clocks_status_breached_at", "clocks", ["status", "breached_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_clocks_status_breached_at", table_name="clocks")
    op.drop_index("ix_clocks_status_stopped_at", table_name="clocks")
    op.drop_index("ix_report_events_kind_at", table_name="report_events")
