"""corrections of every label: kind, accused body, what the classifier read, and where the correction came from

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 08:00:00

A correction used to be a reroute only. Staff now correct every label of a report (agency, ward, category,
kind) and set or clear escalation, choosing the accused body; each correction keeps the labels after it, the
accused body, what the classifier read (`predicted_*`) and its `source` (reroute, labels, escalation-set,
escalation-clear). Existing rows are reroutes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("corrections") as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=20), nullable=False, server_default="reroute"))
        batch_op.add_column(sa.Column("kind", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("accused_agency", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("accused_ward_code", sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column("predicted_ward_code", sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column("predicted_category", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("predicted_escalate", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("corrections") as batch_op:
        for name in (
            "predicted_escalate",
            "predicted_category",
            "predicted_ward_code",
            "accused_ward_code",
            "accused_agency",
            "kind",
            "source",
        ):
            batch_op.drop_column(name)
