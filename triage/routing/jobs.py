"""rq jobs of routing: classify and assign one report; find again every report still waiting to be routed.

Conventions of every job module (here, triage.deadlines.jobs, triage.casework.jobs, triage.reporting.jobs):
importable functions taking ids and ISO dates, safe to run twice, each logging `job=… report_id=… outcome=…`,
the session removed in `finally`.
"""

import logging

from sqlalchemy import select

from core.extensions import db
from core.logs import logged_job
from core.models import Clock, Report, ReportEvent
from core.queueing import enqueue_routing
from core.vocabulary import ClockStatus, EventKind, Status
from triage.context import job_app
from triage.deadlines.jobs import resume_after_reply
from triage.routing.service import route

log = logging.getLogger(__name__)


@logged_job
def route_report(report_id: int) -> str:
    """Classify, assign and start the clocks of one report. Routing it again changes nothing."""
    app = job_app()
    try:
        report = db.session.scalar(select(Report).where(Report.id == report_id).with_for_update())
        if report is None:
            return "missing"
        if report.status != Status.RECEIVED:
            db.session.rollback()
            return "already-routed"
        outcome = route(db.session, report, app.extensions["services"])
        db.session.commit()
        return outcome
    finally:
        db.session.remove()


@logged_job(count="enqueued")
def reconcile_unrouted() -> int:
    """Enqueue every report still waiting to be routed (whatever Redis may have lost)."""
    app = job_app()
    try:
        ids = db.session.scalars(select(Report.id).where(Report.status == Status.RECEIVED).order_by(Report.id)).all()
    finally:
        db.session.remove()
    redis = app.extensions["redis"]
    for report_id in ids:
        enqueue_routing(redis, app.config["ROUTING_QUEUE"], report_id)
    if ids:
        log.info("reconciler: %d report(s) waiting to be routed were enqueued", len(ids))
    _resume_answered()
    return len(ids)


def _resume_answered() -> None:
    """Clocks still paused although the reporter has answered (the job was lost): resume them now."""
    try:
        answered = db.session.scalars(
            select(Clock.report_id)
            .distinct()
            .join(ReportEvent, ReportEvent.report_id == Clock.report_id)
            .where(Clock.status == ClockStatus.PAUSED, ReportEvent.kind == EventKind.INFORMATION_RECEIVED)
        ).all()
    finally:
        db.session.remove()
    for report_id in answered:
        resume_after_reply(report_id)
