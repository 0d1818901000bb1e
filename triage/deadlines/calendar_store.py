"""The working-day calendar in force: the shipped override table plus the rows admins edit in the database."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import CalendarOverride
from triage.deadlines.calendar import Override, WorkingCalendar, load_overrides


def load_calendar(session: Session) -> WorkingCalendar:
    """Shipped defaults, then database rows (a database row wins for its day)."""
    by_day = {o.day: o for o in load_overrides()}
    for row in session.scalars(select(CalendarOverride)):
        by_day[row.day] = Override(day=row.day, working=row.working, reason=row.reason)
    return WorkingCalendar(by_day.values())


def set_override(session: Session, day: date, working: bool, reason: str) -> CalendarOverride:
    row = session.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
    if row is None:
        row = CalendarOverride(day=day, working=working, reason=reason)
        session.add(row)
    else:
        row.working, row.reason = working, reason
    session.flush()
    return row
