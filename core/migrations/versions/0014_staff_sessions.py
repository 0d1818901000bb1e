"""staff sessions held on the server

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 16:40:00

A staff member's session is a row keyed by the SHA-256 of the random id in the cookie: signing out ends it for
every copy of the cookie.
"""

import sqlalchemy as sa
from alembic import op

import core.models.base

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

UTC = core.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "staff_sessions",
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("started_at", UTC, nullable=False),
        sa.Column("ended_at", UTC, nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_staff_sessions_user_id_users")),
        sa.PrimaryKeyConstraint("id_hash", name=op.f("pk_staff_sessions")),
    )
    op.create_index(op.f("ix_staff_sessions_user_id"), "staff_sessions", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_staff_sessions_user_id"), table_name="staff_sessions")
    op.drop_table("staff_sessions")
