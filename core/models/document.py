from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base, UTCDateTime, utcnow
from core.models.unit import Unit


class Document(Base):
    """A numbered official document of a case ("Số: 12/TB-UBND"): what was issued, by which unit, when and under
    whose title; the generated PDF kept with its SHA-256, and the signed scan when one is uploaded."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("unit_id", "year", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))  # the issuing unit: its series of numbers
    kind: Mapped[str] = mapped_column(String(40))  # a DocumentKind
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(60))  # "12/TB-UBND"
    title: Mapped[str] = mapped_column(String(300))
    public: Mapped[bool] = mapped_column(Boolean, default=False)  # the reporter receives it (status page)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    signer_title: Mapped[str] = mapped_column(String(200), default="")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[dict] = mapped_column(JSON, default=dict)  # what the PDF says, to show it again
    storage_key: Mapped[str] = mapped_column(String(80), unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    scan_storage_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    scan_sha256: Mapped[str | None] = mapped_column(String(64))
    scan_content_type: Mapped[str | None] = mapped_column(String(60))
    scan_size: Mapped[int | None] = mapped_column(BigInteger)
    scan_uploaded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    scan_uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    unit: Mapped[Unit] = relationship()


class DocumentCounter(Base):
    """The last number a unit gave its documents in a year: numbers run from 1 each year, per issuing unit."""

    __tablename__ = "document_counters"

    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)
