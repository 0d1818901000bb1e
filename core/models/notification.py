from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, UTCDateTime, utcnow
from core.vocabulary import Delivery, NoticeChannel


class Notification(Base):
    """The outbox: one row per recipient per event, so nothing is sent twice."""

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("report_id", "event_key", "recipient"),
        Index("ix_notifications_status_next_attempt_at", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    clock_id: Mapped[int | None] = mapped_column(ForeignKey("clocks.id"))
    event_key: Mapped[str] = mapped_column(String(80))  # e.g. "acceptance:reminder:half", "acceptance:breach"
    channel: Mapped[str] = mapped_column(String(10), default=NoticeChannel.EMAIL)
    recipient: Mapped[str] = mapped_column(String(200))  # an e-mail address, or a phone number for SMS
    recipient_role: Mapped[str] = mapped_column(String(20))  # a Recipient
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=Delivery.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
