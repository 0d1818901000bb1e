from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, UTCDateTime, utcnow


class Correction(Base):
    """A person's correction of a report's labels, kept as a labelled example for the classifier
    (`ml train --with-corrections`): a reroute, a label correction, or escalation set or cleared.

    The label fields are the report's labels after the correction (agency: the body that handles it, the body
    above the accused one for an escalated report); `predicted_*` what the classifier read, for measuring it.
    """

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    source: Mapped[str] = mapped_column(String(20), default="reroute")  # a CorrectionSource of triage.casework.actions
    text: Mapped[str] = mapped_column(Text)
    agency: Mapped[str] = mapped_column(String(40))
    ward_code: Mapped[str | None] = mapped_column(String(5))
    category: Mapped[str] = mapped_column(String(30))
    escalate: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str | None] = mapped_column(String(20))
    accused_agency: Mapped[str | None] = mapped_column(String(40))
    accused_ward_code: Mapped[str | None] = mapped_column(String(5))
    predicted_agency: Mapped[str | None] = mapped_column(String(40))
    predicted_ward_code: Mapped[str | None] = mapped_column(String(5))
    predicted_category: Mapped[str | None] = mapped_column(String(30))
    predicted_escalate: Mapped[bool | None] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(500))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
