"""workspace: assignee, accused unit, 6 ro, search text, corrections, login throttling

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 20:49:19.516801
"""

import sqlalchemy as sa
from alembic import op

import core.models.base

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("agency", sa.String(length=40), nullable=False),
        sa.Column("ward_code", sa.String(length=5), nullable=True),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("escalate", sa.Boolean(), nullable=False),
        sa.Column("predicted_agency", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", core.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_corrections_created_by_users")),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_corrections_report_id_reports")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_corrections_report_id"), ["report_id"], unique=False)

    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text_folded", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("accused_unit_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("assignee_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("sixclear_task", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("sixclear_responsibility", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("sixclear_authority", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("sixclear_due_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("findings", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("response", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_reports_accused_unit_id"), ["accused_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reports_assignee_id"), ["assignee_id"], unique=False)
        batch_op.create_index("ix_reports_unit_received", ["unit_id", "received_at"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_reports_accused_unit_id_units"), "units", ["accused_unit_id"], ["id"]
        )
        batch_op.create_foreign_key(batch_op.f("fk_reports_assignee_id_users"), "users", ["assignee_id"], ["id"])

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("locked_until", core.models.base.UTCDateTime(timezone=True), nullable=True))

    _fold_existing_texts()


def _fold_existing_texts() -> None:
    from core.search import fold

    bind = op.get_bind()
    reports = sa.table(
        "reports", sa.column("id", sa.Integer), sa.column("text", sa.Text), sa.column("text_folded", sa.Text)
    )
    for row in bind.execute(sa.select(reports.c.id, reports.c.text)).all():
        bind.execute(reports.update().where(reports.c.id == row.id).values(text_folded=fold(row.text)))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_logins")

    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_reports_assignee_id_users"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_reports_accused_unit_id_units"), type_="foreignkey")
        batch_op.drop_index("ix_reports_unit_received")
        batch_op.drop_index(batch_op.f("ix_reports_assignee_id"))
        batch_op.drop_index(batch_op.f("ix_reports_accused_unit_id"))
        batch_op.drop_column("response")
        batch_op.drop_column("findings")
        batch_op.drop_column("sixclear_due_on")
        batch_op.drop_column("sixclear_authority")
        batch_op.drop_column("sixclear_responsibility")
        batch_op.drop_column("sixclear_task")
        batch_op.drop_column("assignee_id")
        batch_op.drop_column("accused_unit_id")
        batch_op.drop_column("text_folded")

    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_corrections_report_id"))

    op.drop_table("corrections")
