"""dashboard indexes: covering indexes for the supervisors' figures (triage/reporting/stats.py)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 22:05:00

Each figure of the dashboard is a range on one timestamp (received_at, accepted_at, resolved_at) or the open
backlog (status IN the open statuses, received before a date), aggregated per unit, category, agency, ward or
officer. With 1,000,000 reports (bench/dashboard_bench.py) the accepted_at / resolved_at ranges were sequential
scans, and the received_at and backlog ranges fetched every heap row for the grouped columns. These indexes
carry those columns (INCLUDE) so that PostgreSQL answers with index-only scans:

- ix_reports_received_figures (received_at) INCLUDE the grouping/filter columns and overdue_at;
- ix_reports_accepted_figures (accepted_at) INCLUDE the acceptance figures;
- ix_reports_resolved_figures (resolved_at) INCLUDE the resolution figures and resolved_by_id;
- ix_reports_open_figures (status, received_at) INCLUDE the backlog's columns.

PostgreSQL only (INCLUDE); on SQLite, the small embedded database, plain indexes on accepted_at and
resolved_at give the ranges an index (received_at and (status, unit_id) are indexed already).
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

FILTERS = ["unit_id", "category", "agency", "ward_code", "track", "accused_unit_id"]
PG_INDEXES = {
    "ix_reports_received_figures": (["received_at"], FILTERS + ["overdue_at", "status"]),
    "ix_reports_accepted_figures": (["accepted_at"], FILTERS + ["accepted_on_time", "accepted_wd"]),
    "ix_reports_resolved_figures": (
        ["resolved_at"],
        FILTERS + ["resolved_on_time", "resolved_wd", "outcome", "resolved_by_id"],
    ),
    "ix_reports_open_figures": (["status", "received_at"], FILTERS + ["overdue_at"]),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, (columns, include) in PG_INDEXES.items():
            op.create_index(name, "reports", columns, unique=False, postgresql_include=include)
    else:
        op.create_index("ix_reports_accepted_figures", "reports", ["accepted_at"], unique=False)
        op.create_index("ix_reports_resolved_figures", "reports", ["resolved_at"], unique=False)


def downgrade() -> None:
    names = (
        PG_INDEXES
        if op.get_bind().dialect.name == "postgresql"
        else ("ix_reports_accepted_figures", "ix_reports_resolved_figures")
    )
    for name in names:
        op.drop_index(name, table_name="reports")
