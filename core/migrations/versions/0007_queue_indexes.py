"""staff queue at scale: reports.next_due_on (backfilled) and the indexes the queue's plans use

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 21:30:00

- reports.next_due_on: the earliest due date among the report's pending clocks (open, or breached while the
  report is not resolved), kept by the ORM on every flush (core.models.report._keep_next_due_on);
- ix_reports_next_due (next_due_on, received_at, id): "most urgent first" is an index walk;
- ix_reports_queue_facets (status, track, category, assignee_id, ward_code, next_due_on) [INCLUDE (id) on
  PostgreSQL]: the facet counts are index-only scans;
- ix_clocks_status_due_report (status, due_on, report_id): the "due soon" filter;
- PostgreSQL only: pg_trgm and a trigram GIN index on reports.text_folded for the diacritics-blind search
  (LIKE '%...%'); SQLite keeps the plain LIKE.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("next_due_on", sa.Date(), nullable=True))
    op.execute("""
        UPDATE reports SET next_due_on = (
            SELECT min(c.due_on) FROM clocks c
            WHERE c.report_id = reports.id
              AND (c.status IN ('running', 'paused')
                   OR (c.status = 'breached' AND reports.status NOT IN ('resolved', 'closed'))))
    """)
    op.create_index("ix_reports_next_due", "reports", ["next_due_on", "received_at", "id"], unique=False)
    op.create_index(
        "ix_reports_queue_facets",
        "reports",
        ["status", "track", "category", "assignee_id", "ward_code", "next_due_on"],
        unique=False,
        postgresql_include=["id"],
    )
    op.create_index("ix_clocks_status_due_report", "clocks", ["status", "due_on", "report_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_reports_text_folded_trgm ON reports USING gin (text_folded gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_reports_text_folded_trgm")
    op.drop_index("ix_clocks_status_due_report", table_name="clocks")
    op.drop_index("ix_reports_queue_facets", table_name="reports")
    op.drop_index("ix_reports_next_due", table_name="reports")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("next_due_on")
