"""What happens when a clock's time comes: reminders to the unit, and on a breach the escalation."""

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Clock, Report, Unit, User
from core.vocabulary import ClockStatus, EventKind, Recipient, Role
from triage.deadlines import messages
from triage.deadlines.calendar import WorkingCalendar
from triage.deadlines.clocks import clock_key, done_points, schedule
from triage.deadlines.outbox import queue_notification
from triage.deadlines.reminders import reminder_points

FALLBACK_FOLLOWER = "Thanh tra tỉnh"


def due_clock_ids(session: Session, today: date, limit: int | None = None) -> list[int]:
    """Running clocks whose next reminder or breach date has come (index ix_clocks_status_next_action_on)."""
    query = (
        select(Clock.id)
        .where(Clock.status == ClockStatus.RUNNING, Clock.next_action_on <= today)
        .order_by(Clock.next_action_on, Clock.id)
    )
    return list(session.scalars(query.limit(limit) if limit else query))


def process_clock(
    session: Session,
    clock: Clock,
    today: date,
    now: datetime,
    *,
    calendar: WorkingCalendar,
    points: tuple[str, ...],
    links,
) -> str:
    """Send the reminder that is due, or record the breach. Running it twice for the same day does nothing."""
    if clock.status != ClockStatus.RUNNING or clock.next_action_on is None or clock.next_action_on > today:
        return "nothing"
    report: Report = session.get(Report, clock.report_id)
    if today > clock.due_on:
        _breach(session, report, clock, now, links)
        return "breach"
    plan = reminder_points(clock.starts_on, clock.due_on, clock.amount, clock.unit, calendar, points)
    done = done_points(report, clock)
    due_now = [p for p in plan if p.on <= today and p.key not in done]
    if due_now:
        point = due_now[-1]  # after an outage, one reminder for the latest point, not a burst
        for skipped in due_now[:-1]:
            report.record(EventKind.REMINDER, stage=clock.stage, clock_id=clock.id, point=skipped.key, skipped=True)
        report.record(
            EventKind.REMINDER, stage=clock.stage, clock_id=clock.id, point=point.key, on=point.on.isoformat()
        )
        left = calendar.working_days_between(today, clock.due_on)
        message = messages.reminder_to_unit(report, clock, point.reason_vi, links.staff(report), left)
        key = f"{clock_key(clock)}:reminder:{point.key}"
        for address, role in _unit_recipients(session, report):
            queue_notification(session, report, clock, key, address, role, message)
        done |= {p.key for p in due_now}
    schedule(clock, calendar, points, done)
    return "reminder" if due_now else "nothing"


def _breach(session: Session, report: Report, clock: Clock, now: datetime, links) -> None:
    clock.status, clock.breached_at, clock.next_action_on = ClockStatus.BREACHED, now, None
    report.overdue_at = report.overdue_at or now
    follower_unit = report.unit.parent if report.unit and report.unit.parent else _inspectorate(session)
    follower = follower_unit.name if follower_unit else FALLBACK_FOLLOWER
    report.record(
        EventKind.BREACH,
        public=True,
        stage=clock.stage,
        label=clock.label,
        due_on=clock.due_on.isoformat(),
        follower=follower,
    )
    key = f"{clock_key(clock)}:breach"
    staff_recipients = list(_unit_recipients(session, report))
    if follower_unit:
        staff_recipients.append((follower_unit.email, Recipient.ESCALATION))
    staff_recipients += [
        (u.email, Recipient.SUPERVISOR)
        for u in session.scalars(
            select(User).where(User.role == Role.SUPERVISOR, User.active.is_(True), User.email.is_not(None))
        )
    ]
    for address, role in staff_recipients:
        message = messages.breach_to_staff(report, clock, follower, links.staff(report), role)
        queue_notification(session, report, clock, key, address, role, message)
    if report.reporter_email:
        message = messages.breach_to_citizen(report, clock, follower, links.status())
        queue_notification(session, report, clock, key, report.reporter_email, Recipient.CITIZEN, message)


def _inspectorate(session: Session) -> Unit | None:
    return session.scalar(select(Unit).where(Unit.code == "thanh-tra-tinh"))


def _unit_recipients(session: Session, report: Report):
    """The responsible unit's address and its inspectors' own addresses (triage officers when unassigned)."""
    if report.unit is not None:
        yield report.unit.email, Recipient.UNIT
        users = select(User).where(User.unit_id == report.unit_id, User.role.in_([Role.INSPECTOR, Role.LEADER]))
    else:
        inspectorate = _inspectorate(session)
        if inspectorate:
            yield inspectorate.email, Recipient.UNIT
        users = select(User).where(User.role == Role.TRIAGE)
    for user in session.scalars(users.where(User.active.is_(True), User.email.is_not(None))):
        yield user.email, Recipient.UNIT
