"""The notification outbox: rows are written with the event that causes them, sent later by jobs."""

import hashlib
import logging
from datetime import datetime, timedelta

from redis import Redis
from redis.exceptions import RedisError, WatchError
from rq import Queue, Retry
from rq.job import Job, JobStatus
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from core.models import Clock, Notification, Report, utcnow
from core.vocabulary import Delivery, NoticeChannel, Recipient
from triage.deadlines.messages import Message

log = logging.getLogger(__name__)

BACKOFF_SECONDS = (30, 120, 600, 1800, 3600)


def queue_notification(
    session: Session,
    report: Report,
    clock: Clock | None,
    event_key: str,
    recipient: str,
    role: str,
    message: Message,
    channel: NoticeChannel = NoticeChannel.EMAIL,
) -> Notification | None:
    """Add one outbox row unless this recipient already has one for this event (then None). Nothing goes to a
    reporter who asked not to be told (`Report.notify_reporter` False)."""
    if role == Recipient.CITIZEN and report.notify_reporter is False:
        return None
    recipient = recipient.strip().lower()
    exists = session.scalar(
        select(Notification.id).where(
            Notification.report_id == report.id,
            Notification.event_key == event_key,
            Notification.recipient == recipient,
        )
    )
    if exists:
        return None
    row = Notification(
        report_id=report.id,
        clock_id=clock.id if clock else None,
        event_key=event_key,
        channel=str(channel),
        recipient=recipient,
        recipient_role=role,
        subject=message.subject,
        body=message.body,
        status=Delivery.PENDING,
        next_attempt_at=utcnow(),
    )
    session.add(row)
    return row


def claim(session: Session, notification_id: int, now: datetime) -> bool:
    """Atomically take a row for sending; False if it is sent, dead, being sent by someone else, or failed and not
    yet due again (a second job for the same row must not spend one of its attempts before its backoff)."""
    result = session.execute(
        update(Notification)
        .where(
            Notification.id == notification_id,
            or_(
                Notification.status == Delivery.PENDING,
                (Notification.status == Delivery.FAILED) & (Notification.next_attempt_at <= now),
            ),
        )
        .values(status=Delivery.SENDING, claimed_at=now, attempts=Notification.attempts + 1)
    )
    return result.rowcount == 1


def mark_sent(session: Session, row: Notification, now: datetime) -> None:
    row.status, row.sent_at, row.last_error = Delivery.SENT, now, None


def mark_failed(session: Session, row: Notification, error: str, now: datetime, max_attempts: int) -> None:
    row.last_error = error[:500]
    if row.attempts >= max_attempts:
        row.status = Delivery.DEAD
    else:
        row.status = Delivery.FAILED
        row.next_attempt_at = now + timedelta(seconds=BACKOFF_SECONDS[min(row.attempts, len(BACKOFF_SECONDS)) - 1])


def release_stale_claims(session: Session, now: datetime, timeout_seconds: int) -> int:
    """Rows left 'sending' by a worker that died go back to be retried."""
    result = session.execute(
        update(Notification)
        .where(
            Notification.status == Delivery.SENDING, Notification.claimed_at < now - timedelta(seconds=timeout_seconds)
        )
        .values(status=Delivery.FAILED, last_error="worker stopped while sending", next_attempt_at=now)
    )
    return result.rowcount


def due_for_sending(session: Session, now: datetime, limit: int = 1000) -> list[int]:
    return list(
        session.scalars(
            select(Notification.id)
            .where(
                or_(
                    Notification.status == Delivery.PENDING,
                    (Notification.status == Delivery.FAILED) & (Notification.next_attempt_at <= now),
                )
            )
            .order_by(Notification.id)
            .limit(limit)
        )
    )


def retry_dead(session: Session, notification_id: int) -> bool:
    """An admin's retry of a delivery that gave up."""
    result = session.execute(
        update(Notification)
        .where(Notification.id == notification_id, Notification.status == Delivery.DEAD)
        .values(status=Delivery.PENDING, attempts=0, next_attempt_at=utcnow())
    )
    return result.rowcount == 1


def message_id(row: Notification, domain: str) -> str:
    """The row's Message-ID, the same at every attempt: a resend after a worker died between the server's
    acceptance and `mark_sent` carries the id of the copy already delivered, and receivers drop it."""
    digest = hashlib.sha256(f"{row.id}|{row.report_id}|{row.event_key}|{row.recipient}".encode()).hexdigest()[:16]
    return f"<notice-{row.id}.{digest}@{domain}>"


SEND_JOB = "triage.deadlines.jobs.send_notification"
# A job "started" is not waiting: it may be a killed worker's, whose row the sweep released to be sent again.
WAITING = (JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.DEFERRED)
ENQUEUE_TRIES = 5


def enqueue_send(redis: Redis, queue_name: str, notification_id: int) -> bool:
    """Enqueue the send job of one row (job id `notify-<id>`) unless one is already waiting in this queue. The look
    and the enqueue are one Redis transaction (WATCH on the job's key): callers racing for the same row (the creating
    transaction, the sweep, an admin's retry) leave one job, not one each, so a copy never runs behind another. False
    when Redis is down: the sweep finds the row again."""
    job_id = f"notify-{notification_id}"
    key = Job.key_for(job_id)
    queue = Queue(queue_name, connection=redis)
    try:
        with redis.pipeline() as pipe:
            for _ in range(ENQUEUE_TRIES):
                try:
                    pipe.watch(key)
                    origin, status = (
                        v.decode() if v is not None else None for v in pipe.hmget(key, "origin", "status")
                    )
                    if origin == queue_name and status in WAITING:
                        return True
                    pipe.multi()
                    queue.enqueue(
                        SEND_JOB,
                        notification_id,
                        job_id=job_id,
                        retry=Retry(max=4, interval=[30, 120, 600, 1800]),
                        result_ttl=3600,
                        pipeline=pipe,
                    )
                    pipe.execute()
                    return True
                except WatchError:
                    continue  # another caller changed the job meanwhile: look again
        return True  # lost every race: the winners enqueued it
    except RedisError as exc:
        log.warning("notification %s not enqueued (%s); the sweep will send it", notification_id, type(exc).__name__)
        return False
