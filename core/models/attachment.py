from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, UTCDateTime, utcnow


class Attachment(Base):
    """Evidence a reporter sent: the original kept byte for byte (with its SHA-256), and a copy without metadata
    (images re-encoded; PDFs, recordings and videos rewritten without their tags), which is what handlers see by
    default. The copy is made by a job: until then `clean_state` is pending and there is no copy to see."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("report_events.id"))  # sent with a reply
    kind: Mapped[str] = mapped_column(String(20))  # image | pdf | video | audio
    content_type: Mapped[str] = mapped_column(String(60))  # detected from the content, never from the name
    display_name: Mapped[str] = mapped_column(String(120))  # sanitised; never used as a path
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(80), unique=True)
    has_clean_copy: Mapped[bool] = mapped_column(Boolean, default=False)
    clean_content_type: Mapped[str | None] = mapped_column(String(60))
    clean_state: Mapped[str] = mapped_column(String(10), default="pending", index=True)  # core.vocabulary.CleanState
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
