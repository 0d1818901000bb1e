from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, UTCDateTime, utcnow


class PeriodicReport(Base):
    """A month's, quarter's or year's report for the Ban Nội chính, built once and kept for download."""

    __tablename__ = "periodic_reports"
    __table_args__ = (UniqueConstraint("period", "starts_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(10))  # month | quarter | year
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)  # inclusive
    file_key: Mapped[str] = mapped_column(String(80))  # the XLSX under PERIODIC_REPORTS_DIR
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # None: the scheduled job
