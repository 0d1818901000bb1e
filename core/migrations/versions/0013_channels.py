"""every way in and out: channels, staff entry, reporter notices by e-mail and SMS, linked reports, API keys

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 16:30:00

Reports gain the channel they came in by, who entered them at the reception desk and when, the API key of the
partner system that filed them, the reporter's choice to be told of each step, and the case a merged report is
handled in. Notifications gain their channel (e-mail or SMS). `report_links` ties related or merged reports;
`api_keys` and `api_key_uses` hold the partners' keys (hashed) and every use of them.
"""

import sqlalchemy as sa
from alembic import op

import core.models.base

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

UTC = core.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("prefix", sa.String(length=12), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("rate_limit", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=True),
        sa.Column("revoked_at", UTC, nullable=True),
        sa.Column("last_used_at", UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
        sa.UniqueConstraint("name", name=op.f("uq_api_keys_name")),
    )
    op.create_index(op.f("ix_api_keys_prefix"), "api_keys", ["prefix"], unique=False)
    with op.batch_alter_table("reports") as batch_op:
        batch_op.add_column(sa.Column("channel", sa.String(length=20), nullable=False, server_default="web"))
        batch_op.add_column(sa.Column("entered_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("entered_at", UTC, nullable=True))
        batch_op.add_column(sa.Column("api_key_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("notify_reporter", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column("case_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(op.f("fk_reports_entered_by_id_users"), "users", ["entered_by_id"], ["id"])
        batch_op.create_foreign_key(op.f("fk_reports_api_key_id_api_keys"), "api_keys", ["api_key_id"], ["id"])
        batch_op.create_foreign_key(op.f("fk_reports_case_id_reports"), "reports", ["case_id"], ["id"])
        batch_op.create_index(batch_op.f("ix_reports_api_key_id"), ["api_key_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reports_case_id"), ["case_id"], unique=False)
    with op.batch_alter_table("notifications") as batch_op:
        batch_op.add_column(sa.Column("channel", sa.String(length=10), nullable=False, server_default="email"))
    op.create_table(
        "report_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("linked_by_id", sa.Integer(), nullable=True),
        sa.Column("linked_at", UTC, nullable=False),
        sa.CheckConstraint("report_id < other_id", name=op.f("ck_report_links_ordered")),
        sa.ForeignKeyConstraint(["linked_by_id"], ["users.id"], name=op.f("fk_report_links_linked_by_id_users")),
        sa.ForeignKeyConstraint(["other_id"], ["reports.id"], name=op.f("fk_report_links_other_id_reports")),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_report_links_report_id_reports")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_links")),
        sa.UniqueConstraint("report_id", "other_id", name=op.f("uq_report_links_report_id")),
    )
    op.create_index(op.f("ix_report_links_report_id"), "report_links", ["report_id"], unique=False)
    op.create_index(op.f("ix_report_links_other_id"), "report_links", ["other_id"], unique=False)
    op.create_table(
        "api_key_uses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("api_key_id", sa.Integer(), nullable=False),
        sa.Column("at", UTC, nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("endpoint", sa.String(length=200), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["api_key_id"], ["api_keys.id"], name=op.f("fk_api_key_uses_api_key_id_api_keys")),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_api_key_uses_report_id_reports")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_key_uses")),
    )
    op.create_index(op.f("ix_api_key_uses_api_key_id"), "api_key_uses", ["api_key_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_api_key_uses_api_key_id"), table_name="api_key_uses")
    op.drop_table("api_key_uses")
    op.drop_index(op.f("ix_report_links_other_id"), table_name="report_links")
    op.drop_index(op.f("ix_report_links_report_id"), table_name="report_links")
    op.drop_table("report_links")
    with op.batch_alter_table("notifications") as batch_op:
        batch_op.drop_column("channel")
    with op.batch_alter_table("reports") as batch_op:
        batch_op.drop_index(batch_op.f("ix_reports_case_id"))
        batch_op.drop_index(batch_op.f("ix_reports_api_key_id"))
        batch_op.drop_constraint(op.f("fk_reports_case_id_reports"), type_="foreignkey")
        batch_op.drop_constraint(op.f("fk_reports_api_key_id_api_keys"), type_="foreignkey")
        batch_op.drop_constraint(op.f("fk_reports_entered_by_id_users"), type_="foreignkey")
        batch_op.drop_column("case_id")
        batch_op.drop_column("notify_reporter")
        batch_op.drop_column("api_key_id")
        batch_op.drop_column("entered_at")
        batch_op.drop_column("entered_by_id")
        batch_op.drop_column("channel")
    op.drop_index(op.f("ix_api_keys_prefix"), table_name="api_keys")
    op.drop_table("api_keys")
