"""rq jobs: importable functions that take ids and are safe to run twice."""
import logging
import smtplib
from datetime import UTC, date, datetime
from functools import cache

from flask import Flask, current_app, has_app_context
from redis.exceptions import RedisError
from rq import Queue, Retry
from sqlalchemy import select

from intake.extensions import db
from intake.models import Clock, Delivery, Notification, Report, utcnow
from intake.queueing import enqueue_routing
from intake.states import Status
from triage.calendar import legal_date
from triage.deadline_service import due_clock_ids, process_clock
from triage.outbox import claim, due_for_sending, mark_failed, mark_sent, release_stale_claims
from triage.routing_service import route

log = logging.getLogger(__name__)


@cache
def _standalone_app() -> Flask:
    from triage.app import create_app

    app = create_app()
    app.app_context().push()
    return app


def _app() -> Flask:
    return current_app._get_current_object() if has_app_context() else _standalone_app()


def route_report(report_id: int) -> str:
    """Classify, assign and start the clocks of one report. Routing it again changes nothing."""
    app = _app()
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


def reconcile_unrouted() -> int:
    """Enqueue every report still waiting to be routed (whatever Redis may have lost)."""
    app = _app()
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
    from intake.models import ClockStatus, ReportEvent

    try:
        answered = db.session.scalars(
            select(Clock.report_id).distinct().join(ReportEvent, ReportEvent.report_id == Clock.report_id)
            .where(Clock.status == ClockStatus.PAUSED, ReportEvent.kind == "information-received")).all()
    finally:
        db.session.remove()
    for report_id in answered:
        resume_after_reply(report_id)


# --- deadlines -------------------------------------------------------------------------------

def _queue(app: Flask) -> Queue:
    return Queue(app.config["JOBS_QUEUE"], connection=app.extensions["redis"])


def sweep_deadlines(today: str | None = None, inline: bool = False) -> dict:
    """The periodic sweep: every due clock and every unsent notification, found from the database.

    It enqueues idempotent jobs (or, with inline=True, runs them here). Whatever Redis lost is found
    again on the next sweep.
    """
    app = _app()
    now = utcnow()
    day = date.fromisoformat(today) if today else legal_date(now)
    try:
        released = release_stale_claims(db.session, now, app.config["MAIL_CLAIM_TIMEOUT_SECONDS"])
        db.session.commit()
        clock_ids = due_clock_ids(db.session, day)
        db.session.rollback()
    finally:
        db.session.remove()
    for clock_id in clock_ids:
        if inline:
            process_due_clock(clock_id, day.isoformat(), enqueue_sends=False)
        else:
            _queue(app).enqueue(process_due_clock, clock_id, day.isoformat(), job_id=f"clock-{clock_id}-{day}",
                                retry=Retry(max=3, interval=[10, 60, 300]), result_ttl=3600)
    sent = enqueue_pending_notifications(inline=inline)
    return {"today": day.isoformat(), "clocks": len(clock_ids), "notifications": sent, "released": released}


def process_due_clock(clock_id: int, today: str, enqueue_sends: bool = True) -> str:
    app = _app()
    services = app.extensions["services"]
    try:
        clock = db.session.scalar(select(Clock).where(Clock.id == clock_id).with_for_update())
        if clock is None:
            return "missing"
        outcome = process_clock(db.session, clock, date.fromisoformat(today), utcnow(), calendar=services.calendar,
                                points=services.points, links=services.links)
        db.session.commit()
        new = db.session.scalars(select(Notification.id).where(
            Notification.clock_id == clock_id, Notification.status == Delivery.PENDING)).all()
    finally:
        db.session.remove()
    for notification_id in new if enqueue_sends else ():  # sent right away; the sweep would find them too
        _enqueue_send(app, notification_id)
    return outcome


def _enqueue_send(app: Flask, notification_id: int) -> None:
    _queue(app).enqueue(send_notification, notification_id, job_id=f"notify-{notification_id}",
                        retry=Retry(max=4, interval=[30, 120, 600, 1800]), result_ttl=3600)


def enqueue_pending_notifications(inline: bool = False) -> int:
    app = _app()
    try:
        ids = due_for_sending(db.session, utcnow())
    finally:
        db.session.remove()
    for notification_id in ids:
        if inline:
            try:
                send_notification(notification_id)
            except DeliveryError:
                pass  # recorded on the row; the next sweep retries it
        else:
            _enqueue_send(app, notification_id)
    return len(ids)


class DeliveryError(RuntimeError):
    """A message could not be delivered this time (the row says when it will be retried)."""


def send_notification(notification_id: int) -> str:
    """Deliver one outbox row at most once: it is claimed atomically before the SMTP conversation."""
    app = _app()
    services = app.extensions["services"]
    try:
        if not claim(db.session, notification_id, utcnow()):
            db.session.rollback()
            return "skipped"
        db.session.commit()
        row = db.session.get(Notification, notification_id)
        try:
            services.mailer.send(row.recipient, row.subject, row.body)
        except (smtplib.SMTPException, OSError) as exc:
            mark_failed(db.session, row, f"{type(exc).__name__}: {exc}", utcnow(), app.config["MAIL_MAX_ATTEMPTS"])
            db.session.commit()
            raise DeliveryError(f"notification {notification_id} to {row.recipient}: {exc}") from exc
        mark_sent(db.session, row, utcnow())
        db.session.commit()
        return "sent"
    finally:
        db.session.remove()


# --- corrections and replies ----------------------------------------------------------------------

def export_corrections() -> int:
    """Write every correction to ML_CORRECTIONS (JSON Lines) for `python -m ml train --with-corrections`."""
    import json
    import os
    from pathlib import Path

    from intake.models import Correction

    app = _app()
    try:
        rows = db.session.scalars(select(Correction).order_by(Correction.id)).all()
        lines = [json.dumps({"id": f"correction-{c.id}", "text": c.text, "agency": c.agency, "ward_code": c.ward_code,
                             "category": c.category, "escalate": c.escalate, "source": "reroute",
                             "reason": c.reason}, ensure_ascii=False) for c in rows]
    finally:
        db.session.remove()
    path = Path(app.config["ML_CORRECTIONS"])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    os.replace(tmp, path)  # readers never see half a file
    return len(lines)


def enqueue_export_corrections() -> None:
    app = _app()
    try:
        _queue(app).enqueue(export_corrections, job_id="export-corrections", result_ttl=600)
    except RedisError:
        log.warning("corrections export not enqueued; run `flask corrections export`")


def resume_after_reply(report_id: int) -> str:
    """The reporter answered an information request on the status page: the paused clocks run again."""
    from triage.clocks import resume_clocks

    app = _app()
    services = app.extensions["services"]
    try:
        report = db.session.scalar(select(Report).where(Report.id == report_id).with_for_update())
        replies = [e for e in report.events if e.kind == "information-received"]
        asked = [e for e in report.events if e.kind == "information-requested"]
        answered = replies and (not asked or replies[-1].id > asked[-1].id)
        if not answered or not any(c.status == "paused" for c in report.clocks):
            db.session.rollback()
            return "nothing-paused"
        resume_clocks(report, replies[-1].at, services.calendar, services.points)
        db.session.commit()
        return "resumed"
    finally:
        db.session.remove()


def purge_contacts(today: str | None = None) -> int:
    """Erase reporters' contact details from reports closed longer ago than CONTACT_RETENTION_DAYS.

    The anonymised report stays for statistics."""
    from datetime import timedelta

    app = _app()
    days = app.config["CONTACT_RETENTION_DAYS"]
    if days <= 0:
        return 0
    now = utcnow()
    cutoff = (now if not today else datetime.combine(date.fromisoformat(today), datetime.min.time(), UTC)) - timedelta(days=days)
    try:
        reports = db.session.scalars(select(Report).where(
            Report.status == Status.CLOSED, Report.closed_at < cutoff,
            (Report.reporter_name.is_not(None) | Report.reporter_address.is_not(None)
             | Report.reporter_phone.is_not(None) | Report.reporter_email.is_not(None)))).all()
        for report in reports:
            report.reporter_name = report.reporter_address = report.reporter_phone = report.reporter_email = None
            report.record("contact-purged", retention_days=days)
        db.session.commit()
        return len(reports)
    finally:
        db.session.remove()
