from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, UniqueConstraint, and_
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base, UTCDateTime
from core.vocabulary import ClockStatus


class Clock(Base):
    """A legal deadline of one report for one stage (acceptance, resolution...)."""

    __tablename__ = "clocks"
    __table_args__ = (
        # One clock per stage of a track, per cycle: a second instance has its own track, a reopened case a new cycle.
        UniqueConstraint("report_id", "track", "stage", "cycle"),
        # The sweep's query: running clocks whose next reminder or breach date has come.
        Index("ix_clocks_status_next_action_on", "status", "next_action_on"),
        # The staff queue's "due soon" filter (open clocks due in the next days) and per-report look-ups.
        Index("ix_clocks_status_due_report", "status", "due_on", "report_id"),
        # The on-time rate of each stage: clocks met, or breached, in a period (migration 0012).
        Index("ix_clocks_status_stopped_at", "status", "stopped_at"),
        Index("ix_clocks_status_breached_at", "status", "breached_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    stage: Mapped[str] = mapped_column(String(30))
    track: Mapped[str] = mapped_column(String(20), default="")  # policy track key, e.g. "to-cao", "khieu-nai-1"
    label: Mapped[str] = mapped_column(String(100))
    starts_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    nominal_due_on: Mapped[date | None] = mapped_column(Date)  # before moving off a day off (calendar-day pauses)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)  # end of due_on in Vietnam, in UTC
    amount: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(20))  # working_days | calendar_days
    policy_version: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default=ClockStatus.RUNNING, index=True)
    extensions: Mapped[int] = mapped_column(Integer, default=0)
    paused_days: Mapped[int] = mapped_column(Integer, default=0)  # in the clock's unit, summed over pauses
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    breached_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The next date the sweep must look at this clock (a reminder point or the breach); None when stopped.
    next_action_on: Mapped[date | None] = mapped_column(Date)
    cycle: Mapped[int] = mapped_column(Integer, default=0)  # 0, then 1, 2... for each reopening (xử lý lại)

    @hybrid_property
    def is_open(self) -> bool:
        return self.status in (ClockStatus.RUNNING, ClockStatus.PAUSED)

    @is_open.inplace.expression
    @classmethod
    def _is_open_expression(cls):
        return cls.status.in_([ClockStatus.RUNNING, ClockStatus.PAUSED])

    @classmethod
    def overdue_on(cls, today: date):
        """SQL condition: open and past its due date."""
        return and_(cls._is_open_expression(), cls.due_on < today)
