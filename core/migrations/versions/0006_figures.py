"""figures for dashboards and periodic reports

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 21:22:49.613528
"""

import sqlalchemy as sa
from alembic import op

import core.models.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "periodic_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("file_key", sa.String(length=80), nullable=False),
        sa.Column("created_at", core.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_periodic_reports_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_periodic_reports")),
        sa.UniqueConstraint("period", "starts_on", name=op.f("uq_periodic_reports_period")),
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("accepted_wd", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("accepted_on_time", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("resolved_wd", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("resolved_on_time", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("resolved_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("reopened", sa.Integer(), nullable=False, server_default="0"))
        batch_op.create_index("ix_reports_received_unit_category", ["received_at", "unit_id", "category"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_reports_resolved_by_id_users"), "users", ["resolved_by_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_reports_resolved_by_id_users"), type_="foreignkey")
        batch_op.drop_index("ix_reports_received_unit_category")
        batch_op.drop_column("reopened")
        batch_op.drop_column("resolved_by_id")
        batch_op.drop_column("resolved_on_time")
        batch_op.drop_column("resolved_wd")
        batch_op.drop_column("accepted_on_time")
        batch_op.drop_column("accepted_wd")

    op.drop_table("periodic_reports")
