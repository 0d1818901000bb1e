"""accused body: the agency and ward of the body whose head a report accuses

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 08:00:00

`accused_unit_id` names the accused body when it is a known unit. A text can accuse "the chairman of the
commune" without saying which commune; `accused_agency` and `accused_ward_code` keep what is known (agency
`xa`, ward unknown), so that no commune at all may receive the report until a person settles it
(`Report.accuses`). Existing escalated reports take the agency and ward of their accused unit.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch_op:
        batch_op.add_column(sa.Column("accused_agency", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("accused_ward_code", sa.String(length=5), nullable=True))
    op.execute(
        "UPDATE reports SET accused_agency = (SELECT agency FROM units WHERE units.id = reports.accused_unit_id), "
        "accused_ward_code = (SELECT ward_code FROM units WHERE units.id = reports.accused_unit_id) "
        "WHERE accused_unit_id IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch_op:
        batch_op.drop_column("accused_ward_code")
        batch_op.drop_column("accused_agency")
