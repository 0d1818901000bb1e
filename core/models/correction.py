from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, UTCDateTime, utcnow


class Correction(Base):
    """An inspector's rerouting, kept as a labelled example for the classifier (`ml train --with-corrections`)."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    agency: Mapped[str] = mapped_column(String(40))
    ward_code: Mapped[str | None] = mapped_column(String(5))
    category: Mapped[str] = mapped_column(String(30))
    escalate: Mapped[bool] = mapped_column(Boolean, default=False)
    predicted_agency: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(500))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
