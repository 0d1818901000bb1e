"""rq jobs of deadlines and notifications: the periodic sweep, one due clock, one outbox row, resuming clocks.

The conventions are those of triage.routing.jobs.
"""

import logging
import smtplib
from datetime import date

from flask import Flask
from redis.exceptions import RedisError
from rq import Retry
from sqlalchemy import select

from core.extensions import db
from core.logs import logged_job
from core.models import Clock, Notification, Report, utcnow
from core.vietnamese import legal_date
from core.vocabulary import ClockStatus, Delivery, EventKind, NoticeChannel
from triage.context import job_app, jobs_queue
from triage.deadlines.clocks import resume_clocks
from triage.deadlines.outbox import (
    claim,
    due_for_sending,
    enqueue_send,
    mark_failed,
    mark_sent,
    message_id,
    release_stale_claims,
)
from triage.deadlines.sweep import due_clock_ids, process_clock
from triage.notices.sms import SmsError

log = logging.getLogger(__name__)


@logged_job
def sweep_deadlines(today: str | None = None, inline: bool = False) -> dict:
    """The periodic sweep: every due clock and every unsent notification, found from the database.

    It enqueues idempotent jobs (or, with inline=True, runs them here). Whatever Redis lost is found
    again on the next sweep.
    """
    app = job_app()
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
            jobs_queue(app).enqueue(
                process_due_clock,
                clock_id,
                day.isoformat(),
                job_id=f"clock-{clock_id}-{day}",
                retry=Retry(max=3, interval=[10, 60, 300]),
                result_ttl=3600,
            )
    sent = enqueue_pending_notifications(inline=inline)
    return {"today": day.isoformat(), "clocks": len(clock_ids), "notifications": sent, "released": released}


@logged_job
def process_due_clock(clock_id: int, today: str, enqueue_sends: bool = True) -> str:
    app = job_app()
    services = app.extensions["services"]
    try:
        clock = db.session.scalar(select(Clock).where(Clock.id == clock_id).with_for_update())
        if clock is None:
            return "missing"
        outcome = process_clock(
            db.session,
            clock,
            date.fromisoformat(today),
            utcnow(),
            calendar=services.calendar,
            points=services.points,
            links=services.links,
        )
        db.session.commit()
        new = db.session.scalars(
            select(Notification.id).where(Notification.clock_id == clock_id, Notification.status == Delivery.PENDING)
        ).all()
    finally:
        db.session.remove()
    for notification_id in new if enqueue_sends else ():  # sent right away; the sweep would find them too
        _enqueue_send(app, notification_id)
    return outcome


def _enqueue_send(app: Flask, notification_id: int) -> None:
    enqueue_send(app.extensions["redis"], app.config["JOBS_QUEUE"], notification_id)


@logged_job(count="notifications")
def enqueue_pending_notifications(inline: bool = False) -> int:
    app = job_app()
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


def _deliver(app: Flask, row: Notification) -> str:
    """One attempt at delivering a row on its channel, under the row's stable Message-ID (or SMS reference)."""
    services = app.extensions["services"]
    reference = message_id(row, app.config["MAIL_FROM"].rsplit("@", 1)[-1])
    if row.channel == NoticeChannel.SMS:
        return services.sms.send(row.recipient, row.body, reference.strip("<>").split("@")[0])
    return services.mailer.send(row.recipient, row.subject, row.body, message_id=reference)


# How long the note that a message was handed over outlives it in Redis: longer than any claim timeout or retry.
DELIVERED_NOTE_SECONDS = 14 * 86400


def _delivered_note(app: Flask, row: Notification) -> str:
    domain = app.config["MAIL_FROM"].rsplit("@", 1)[-1]
    return f"outbox-delivered:{app.config['JOBS_QUEUE']}:{message_id(row, domain)}"


def _was_delivered(app: Flask, row: Notification) -> bool:
    try:
        return bool(app.extensions["redis"].exists(_delivered_note(app, row)))
    except RedisError:
        return False  # unknown: deliver (at least once), under the same Message-ID


def _note_delivered(app: Flask, row: Notification) -> None:
    try:
        app.extensions["redis"].set(_delivered_note(app, row), 1, ex=DELIVERED_NOTE_SECONDS)
    except RedisError:
        pass


@logged_job
def send_notification(notification_id: int) -> str:
    """Deliver one outbox row: it is claimed atomically before the SMTP conversation (or the SMS gateway's), so
    two jobs never send it at once; a worker killed mid-send leaves it claimed until the sweep releases it.

    The hand-over is noted in Redis the moment the server accepts the message, before the row is marked sent: when
    the database loses that mark (a connection gone, a worker killed between the two), the next attempt finds the
    note and only marks the row. Only when both stores lose it does the message go again, under the same
    Message-ID, so receivers can drop the copy."""
    app = job_app()
    try:
        if not claim(db.session, notification_id, utcnow()):
            db.session.rollback()
            return "skipped"
        db.session.commit()
        row = db.session.get(Notification, notification_id)
        if _was_delivered(app, row):
            mark_sent(db.session, row, utcnow())
            db.session.commit()
            return "already-delivered"
        try:
            _deliver(app, row)
        except (smtplib.SMTPException, OSError, SmsError) as exc:
            mark_failed(db.session, row, f"{type(exc).__name__}: {exc}", utcnow(), app.config["MAIL_MAX_ATTEMPTS"])
            db.session.commit()
            # Neither the address nor the server's words (which may repeat it) reach rq's log; the row has them.
            failure = f"notification {notification_id} ({row.recipient_role}): {type(exc).__name__}"
            raise DeliveryError(failure) from None
        _note_delivered(app, row)
        mark_sent(db.session, row, utcnow())
        db.session.commit()
        return "sent"
    finally:
        db.session.remove()


@logged_job
def resume_after_reply(report_id: int) -> str:
    """The reporter answered an information request on the status page: the paused clocks run again."""
    app = job_app()
    services = app.extensions["services"]
    try:
        report = db.session.scalar(select(Report).where(Report.id == report_id).with_for_update())
        replies = [e for e in report.events if e.kind == EventKind.INFORMATION_RECEIVED]
        asked = [e for e in report.events if e.kind == EventKind.INFORMATION_REQUESTED]
        answered = replies and (not asked or replies[-1].id > asked[-1].id)
        if not answered or not any(c.status == ClockStatus.PAUSED for c in report.clocks):
            db.session.rollback()
            return "nothing-paused"
        resume_clocks(report, replies[-1].at, services.calendar, services.points)
        db.session.commit()
        return "resumed"
    finally:
        db.session.remove()
