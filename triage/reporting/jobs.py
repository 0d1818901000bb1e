"""rq jobs of the periodic reports (the conventions of triage.routing.jobs: importable functions taking ids and ISO
dates, safe to run twice, the session removed in finally).

`build_due_periodic_reports` runs every few hours from the cron scheduler (triage.cron). On or after the first
working day of a month, quarter or year it builds the report of the period just ended if it does not exist yet;
otherwise it does nothing. So it builds each report exactly once, on the first working day of the next period,
and a day the scheduler missed (an outage) is caught up on its next run within that period.
"""

import logging
from datetime import date

from sqlalchemy.exc import IntegrityError

from core.extensions import db
from core.logs import logged_job
from core.vietnamese import PERIOD_KINDS, Period, today_in_vietnam
from triage.context import job_app
from triage.reporting.periodic import build_report, discard_file, find_report, first_working_day

log = logging.getLogger(__name__)


def due_periods(today: date, calendar) -> list[Period]:
    """The periods just ended whose report is due today: for each kind, the previous period, once today has
    reached the first working day of the current one."""
    due = []
    for kind in PERIOD_KINDS:
        current = Period.containing(kind, today)
        if today >= first_working_day(current, calendar):
            due.append(current.previous())
    return due


@logged_job(count="built")
def build_due_periodic_reports(today: str | None = None) -> list[str]:
    """Build the reports due today that do not exist yet; return the labels of those built."""
    app = job_app()
    calendar = app.extensions["services"].calendar
    day = date.fromisoformat(today) if today else today_in_vietnam()
    built = []
    try:
        for period in due_periods(day, calendar):
            if find_report(db.session, period) is not None:
                continue
            if build_periodic_report(period.kind, period.starts_on.isoformat(), as_of=day.isoformat()) == "built":
                built.append(period.label)
    finally:
        db.session.remove()
    if built:
        log.info("periodic reports built: %s", ", ".join(built))
    return built


@logged_job(also=("kind", "starts_on"))
def build_periodic_report(
    kind: str, starts_on: str, user_id: int | None = None, replace: bool = False, as_of: str | None = None
) -> str:
    """Build one period's report ("built", or "exists" when it was there and `replace` is false)."""
    app = job_app()
    period = Period.parse(kind, starts_on)
    result = None
    try:
        try:
            result = build_report(
                db.session,
                app.config,
                period,
                calendar=app.extensions["services"].calendar,
                created_by=user_id,
                replace=replace,
                as_of=date.fromisoformat(as_of) if as_of else None,
            )
            if result is None:
                db.session.rollback()
                return "exists"
            new_key = result.row.file_key
            db.session.commit()
        except IntegrityError:  # another worker recorded the same period first: keep theirs
            db.session.rollback()
            if result is not None:
                discard_file(app.config, new_key)
            return "exists"
        discard_file(app.config, result.replaced_key)
        log.info("periodic report %s built in %.2f s", period.label, result.seconds)
        return "built"
    finally:
        db.session.remove()
