"""an index for the reports counted by /metrics

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 17:00:00

/metrics counts the reports by channel at each scrape (received, routed, waiting for manual triage): one pass over
this covering index (channel, status, routed_at) instead of the table.
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_reports_channel_status_routed", "reports", ["channel", "status", "routed_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_reports_channel_status_routed", table_name="reports")
