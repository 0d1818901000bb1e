from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, event, inspect
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from core.models.attachment import Attachment
from core.models.base import Base, UTCDateTime, utcnow
from core.models.clock import Clock
from core.models.event import ReportEvent
from core.models.unit import Unit, is_body
from core.models.user import User
from core.states import check_transition
from core.vocabulary import FINISHED, Channel, ClockStatus, EventKind, Status


class Report(Base):
    __tablename__ = "reports"
    __table_args__ = (
        Index("ix_reports_status_unit", "status", "unit_id"),
        Index("ix_reports_unit_received", "unit_id", "received_at"),
        Index("ix_reports_received_unit_category", "received_at", "unit_id", "category"),
        # The staff queue (migration 0007): "most urgent first" walks this index; the facet counts read
        # the covering one (index-only on PostgreSQL).
        Index("ix_reports_next_due", "next_due_on", "received_at", "id"),
        # /metrics counts at each scrape the reports waiting (manual triage, routing) and those without a unit yet,
        # by channel (migration 0016).
        Index("ix_reports_status_channel", "status", "channel"),
        Index(
            "ix_reports_unrouted_channel",
            "channel",
            postgresql_where=sql_text("routed_at IS NULL"),
            sqlite_where=sql_text("routed_at IS NULL"),
        ),
        Index(
            "ix_reports_queue_facets",
            "status",
            "track",
            "category",
            "assignee_id",
            "ward_code",
            "next_due_on",
            postgresql_include=["id"],
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tracking_code: Mapped[str] = mapped_column(String(20), unique=True)
    passphrase_hash: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    # What the citizen wrote and chose.
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))  # the kind the citizen chose
    track: Mapped[str] = mapped_column(String(20))  # the legal track it is handled on
    ward_code_given: Mapped[str | None] = mapped_column(String(5))
    office: Mapped[str | None] = mapped_column(String(300))
    occurred_on: Mapped[date | None] = mapped_column(Date)
    reporter_name: Mapped[str | None] = mapped_column(String(200))
    reporter_address: Mapped[str | None] = mapped_column(String(300))
    reporter_phone: Mapped[str | None] = mapped_column(String(20))
    reporter_email: Mapped[str | None] = mapped_column(String(200))

    # How it came in: the channel, who entered it at the reception desk and when (a paper đơn is entered after it
    # was received: `received_at` is the legal date, the clocks count from it), the API key of a partner system,
    # and whether the reporter wants to be told of each step at the contact details given.
    channel: Mapped[str] = mapped_column(String(20), default=Channel.WEB)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    entered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"), index=True)
    notify_reporter: Mapped[bool] = mapped_column(Boolean, default=True)
    # A report merged into another is handled in that report's case: the case is the report it points to.
    case_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id"), index=True)

    text_folded: Mapped[str] = mapped_column(Text, default="")  # lower case, no diacritics: for search

    # Routing.
    status: Mapped[str] = mapped_column(String(20), default=Status.RECEIVED, index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    # For an escalated report (or one waiting in triage because a head may be accused): the body whose head is
    # accused. It must never receive or see the report (`accuses`). The unit when it is known; the agency and
    # ward as far as the text says (agency `xa` without a ward: no commune may receive it).
    accused_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    accused_agency: Mapped[str | None] = mapped_column(String(40))
    accused_ward_code: Mapped[str | None] = mapped_column(String(5))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    agency: Mapped[str | None] = mapped_column(String(40))
    ward_code: Mapped[str | None] = mapped_column(String(5))
    category: Mapped[str | None] = mapped_column(String(30))
    escalate: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float | None] = mapped_column(Float)
    labels: Mapped[dict | None] = mapped_column(JSON)  # runners-up and probabilities
    model_version: Mapped[str | None] = mapped_column(String(80))
    routed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(40))
    overdue_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)  # first breach of any clock
    # The earliest due date among the pending clocks (open, or breached while the report is not resolved);
    # None if none. Kept by `_keep_next_due_on` on every flush that changes a clock or the status.
    next_due_on: Mapped[date | None] = mapped_column(Date)

    # Figures for KPIs and dashboards, kept by the services that accept and resolve (working days).
    accepted_wd: Mapped[int | None] = mapped_column(Integer)  # received → accepted
    accepted_on_time: Mapped[bool | None] = mapped_column(Boolean)
    resolved_wd: Mapped[int | None] = mapped_column(Integer)  # received → resolved
    resolved_on_time: Mapped[bool | None] = mapped_column(Boolean)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reopened: Mapped[int] = mapped_column(Integer, default=0)

    # The legal procedure: the instance of a khiếu nại (2: lần hai) and when the đơn of this instance was received
    # (None: `received_at`); the complexity decided; a withdrawal the reporter asked for; the result drafted by the
    # inspector and approved by the unit's leader.
    instance: Mapped[int] = mapped_column(Integer, default=1)
    instance_received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    complexity: Mapped[str] = mapped_column(String(20), default="normal")
    withdrawal_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    proposed_outcome: Mapped[str | None] = mapped_column(String(40))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    # "6 rõ" (Công văn 443-CV/TU): who, what, responsible unit, authority, when, result.
    sixclear_task: Mapped[str | None] = mapped_column(Text)
    sixclear_responsibility: Mapped[str | None] = mapped_column(String(300))
    sixclear_authority: Mapped[str | None] = mapped_column(String(300))
    sixclear_due_on: Mapped[date | None] = mapped_column(Date)
    findings: Mapped[str | None] = mapped_column(Text)
    response: Mapped[str | None] = mapped_column(Text)  # the answer to the reporter

    unit: Mapped[Unit | None] = relationship(foreign_keys=[unit_id])
    accused_unit: Mapped[Unit | None] = relationship(foreign_keys=[accused_unit_id])
    assignee: Mapped["User | None"] = relationship(foreign_keys=[assignee_id])
    resolved_by: Mapped["User | None"] = relationship(foreign_keys=[resolved_by_id])
    approved_by: Mapped["User | None"] = relationship(foreign_keys=[approved_by_id])
    entered_by: Mapped["User | None"] = relationship(foreign_keys=[entered_by_id])
    events: Mapped[list[ReportEvent]] = relationship(order_by=ReportEvent.id, cascade="all, delete-orphan")
    clocks: Mapped[list[Clock]] = relationship(order_by=Clock.due_on, cascade="all, delete-orphan")
    attachments: Mapped[list[Attachment]] = relationship(order_by=Attachment.id, cascade="all, delete-orphan")

    def accuses(self, unit: Unit | None) -> bool:
        """True when `unit` is (or may be) the body whose head this report accuses: it must never handle it."""
        if unit is None:
            return False
        if self.accused_unit_id is not None and unit.id == self.accused_unit_id:
            return True
        return is_body(unit, self.accused_agency, self.accused_ward_code)

    def set_accused(self, unit: Unit | None, agency: str | None, ward_code: str | None) -> None:
        """Record the accused body (None, None, None: nobody is accused). The id is set with the relationship, so
        that `accuses` (and the flush guard, which runs before the relationship is written) read the new body."""
        self.accused_unit = unit
        self.accused_unit_id = unit.id if unit is not None else None
        self.accused_agency = agency or (unit.agency if unit else None)
        self.accused_ward_code = ward_code if agency else (unit.ward_code if unit else None)

    @property
    def instance_received(self) -> datetime:
        """When the đơn of the current instance was received: the clocks of its acceptance count from it."""
        return self.instance_received_at or self.received_at

    def clock(self, stage: str) -> Clock | None:
        """The current clock of a stage: of the current track and cycle (the last one started)."""
        found = [c for c in self.clocks if c.stage == stage]
        # the last cycle, the second instance, then the newest (a clock not yet flushed has no id)
        return (
            max(found, key=lambda c: (c.cycle or 0, (c.track or "").endswith("-2"), c.id is None, c.id or 0))
            if found
            else None
        )

    @property
    def is_anonymous(self) -> bool:
        return not (self.reporter_name or self.reporter_phone or self.reporter_email)

    def record(
        self, event_kind: EventKind, /, *, public: bool = False, actor_id: int | None = None, **data
    ) -> ReportEvent:
        event = ReportEvent(kind=event_kind, public=public, actor_id=actor_id, data=data, at=utcnow())
        self.events.append(event)
        return event

    def move_to(self, status: Status, *, actor_id: int | None = None, public: bool = True, **data) -> ReportEvent:
        """Change status along the state machine and record the transition as an event."""
        check_transition(self.status, status)
        previous, self.status = self.status, Status(status)
        return self.record(
            EventKind.STATUS, public=public, actor_id=actor_id, previous=str(previous), status=str(status), **data
        )


def pending_due_on(report: Report, gone=()) -> date | None:
    """The earliest due date among the report's pending clocks: open (running/paused), or breached on a report
    not yet resolved. The staff queue's "most urgent first" order and its overdue filter read it."""
    finished = report.status in FINISHED
    dues = [
        c.due_on
        for c in report.clocks
        if c not in gone
        and c.due_on is not None
        and (
            c.status in (ClockStatus.RUNNING, ClockStatus.PAUSED) or (c.status == ClockStatus.BREACHED and not finished)
        )
    ]
    return min(dues, default=None)


class AccusedBodyError(RuntimeError):
    """A report was about to be given to the body whose head it accuses."""


@event.listens_for(Session, "before_flush")
def _never_to_the_accused_body(session: Session, _flush_context, _instances) -> None:
    """The last guard of the one rule routing must never break: whatever path changed a report's unit, it is
    not the accused body (Luật Tố cáo Art. 8, 12-13)."""
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Report) and obj.accuses(obj.unit):
            raise AccusedBodyError(f"report {obj.id}: {obj.unit.code} is the accused body")


@event.listens_for(Session, "before_flush")
def _keep_next_due_on(session: Session, _flush_context, _instances) -> None:
    """Keep `Report.next_due_on` right whatever changed a clock (start, stop, pause, resume, extend, breach, a
    clock added or removed) or the status (a resolved report's old breach no longer counts)."""
    touched: dict[int, Report] = {}
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Report):
            if obj in session.deleted:
                continue
            state = inspect(obj)
            if state.pending or state.attrs.status.history.has_changes() or state.attrs.clocks.history.has_changes():
                touched[id(obj)] = obj
        elif isinstance(obj, Clock) and obj.report_id is not None:
            report = session.get(Report, obj.report_id)
            if report is not None and report not in session.deleted:
                touched[id(report)] = report
    for report in touched.values():
        value = pending_due_on(report, gone=session.deleted)
        if report.next_due_on != value:
            report.next_due_on = value
