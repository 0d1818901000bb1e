from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, UTCDateTime, utcnow
from core.vocabulary import LinkKind


class ReportLink(Base):
    """Two reports an inspector tied together: related (each its own case) or merged (the second is handled in
    the case of the first, `Report.case_id`). Stored once per pair, the lower id first."""

    __tablename__ = "report_links"
    __table_args__ = (
        UniqueConstraint("report_id", "other_id"),
        CheckConstraint("report_id < other_id", name="ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default=LinkKind.RELATED)
    linked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
