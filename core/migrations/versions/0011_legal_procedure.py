"""the whole legal procedure: instances, complexity, withdrawal, sign-off, numbered documents, clock cycles

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 12:00:00

Reports gain the instance of a khiếu nại (2: lần hai) and when it was received, the complexity decided, the
withdrawal asked for by the reporter and the sign-off of the result (proposed outcome, submitted, approved by).
Clocks are unique per report, track, stage and cycle (a second instance has its own track; a reopened case
starts a new cycle). Documents are the numbered official documents of a case, numbered per issuing unit and year
through `document_counters`.
"""

import sqlalchemy as sa
from alembic import op

import core.models.base

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

UTC = core.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch_op:
        batch_op.add_column(sa.Column("instance", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("instance_received_at", UTC, nullable=True))
        batch_op.add_column(sa.Column("complexity", sa.String(length=20), nullable=False, server_default="normal"))
        batch_op.add_column(sa.Column("withdrawal_requested_at", UTC, nullable=True))
        batch_op.add_column(sa.Column("proposed_outcome", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("submitted_at", UTC, nullable=True))
        batch_op.add_column(sa.Column("approved_at", UTC, nullable=True))
        batch_op.add_column(sa.Column("approved_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(op.f("fk_reports_approved_by_id_users"), "users", ["approved_by_id"], ["id"])
    with op.batch_alter_table("clocks") as batch_op:
        batch_op.add_column(sa.Column("cycle", sa.Integer(), nullable=False, server_default="0"))
        batch_op.drop_constraint("uq_clocks_report_id", type_="unique")
        batch_op.create_unique_constraint(op.f("uq_clocks_report_id"), ["report_id", "track", "stage", "cycle"])
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("issued_at", UTC, nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column("signer_title", sa.String(length=200), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("storage_key", sa.String(length=80), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("scan_storage_key", sa.String(length=80), nullable=True),
        sa.Column("scan_sha256", sa.String(length=64), nullable=True),
        sa.Column("scan_content_type", sa.String(length=60), nullable=True),
        sa.Column("scan_size", sa.BigInteger(), nullable=True),
        sa.Column("scan_uploaded_at", UTC, nullable=True),
        sa.Column("scan_uploaded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_documents_report_id_reports")),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_documents_unit_id_units")),
        sa.ForeignKeyConstraint(["issued_by_id"], ["users.id"], name=op.f("fk_documents_issued_by_id_users")),
        sa.ForeignKeyConstraint(
            ["scan_uploaded_by_id"], ["users.id"], name=op.f("fk_documents_scan_uploaded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("unit_id", "year", "number", name=op.f("uq_documents_unit_id")),
        sa.UniqueConstraint("storage_key", name=op.f("uq_documents_storage_key")),
        sa.UniqueConstraint("scan_storage_key", name=op.f("uq_documents_scan_storage_key")),
    )
    op.create_index(op.f("ix_documents_report_id"), "documents", ["report_id"], unique=False)
    op.create_table(
        "document_counters",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_document_counters_unit_id_units")),
        sa.PrimaryKeyConstraint("unit_id", "year", name=op.f("pk_document_counters")),
    )


def downgrade() -> None:
    op.drop_table("document_counters")
    op.drop_index(op.f("ix_documents_report_id"), table_name="documents")
    op.drop_table("documents")
    with op.batch_alter_table("clocks") as batch_op:
        batch_op.drop_constraint("uq_clocks_report_id", type_="unique")
        batch_op.create_unique_constraint(op.f("uq_clocks_report_id"), ["report_id", "stage"])
        batch_op.drop_column("cycle")
    with op.batch_alter_table("reports") as batch_op:
        batch_op.drop_constraint(op.f("fk_reports_approved_by_id_users"), type_="foreignkey")
        for name in (
            "approved_by_id",
            "approved_at",
            "submitted_at",
            "proposed_outcome",
            "withdrawal_requested_at",
            "complexity",
            "instance_received_at",
            "instance",
        ):
            batch_op.drop_column(name)
