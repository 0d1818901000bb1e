"""indexes for the reports counted by /metrics

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 17:00:00

/metrics counts at each scrape the reports waiting for manual triage or for routing, by channel
(ix_reports_status_channel), and those no unit has been given yet, by channel (ix_reports_unrouted_channel, partial:
only the few reports without `routed_at`), so that neither walks the table.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

UNROUTED = sa.text("routed_at IS NULL")


def upgrade() -> None:
    op.create_index("ix_reports_status_channel", "reports", ["status", "channel"], unique=False)
    op.create_index(
        "ix_reports_unrouted_channel",
        "reports",
        ["channel"],
        unique=False,
        postgresql_where=UNROUTED,
        sqlite_where=UNROUTED,
    )


def downgrade() -> None:
    op.drop_index("ix_reports_unrouted_channel", table_name="reports")
    op.drop_index("ix_reports_status_channel", table_name="reports")
