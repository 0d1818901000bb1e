"""evidence cleaned by a job

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 17:30:00

Attachment.clean_state: pending until the job has written the metadata-free copy, then clean (or failed when the
file does not parse). Images stored before already have their copy; the PDFs, recordings and videos stored before
had none, so they start pending and the cron's reconciler has them cleaned.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        batch.add_column(sa.Column("clean_state", sa.String(length=10), nullable=False, server_default="pending"))
        batch.create_index(batch.f("ix_attachments_clean_state"), ["clean_state"], unique=False)
    op.execute(sa.text("UPDATE attachments SET clean_state = 'clean' WHERE has_clean_copy"))


def downgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        batch.drop_index(batch.f("ix_attachments_clean_state"))
        batch.drop_column("clean_state")
