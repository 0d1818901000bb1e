"""Handing work to the rq workers. Redis carries work, never state: a failure here loses nothing."""

import logging

from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, Retry

log = logging.getLogger(__name__)

ROUTE_JOB = "triage.routing.jobs.route_report"
RESUME_JOB = "triage.deadlines.jobs.resume_after_reply"
REQUEST_JOB = "triage.casework.jobs.apply_reporter_request"


def redis_connection(url: str) -> Redis:
    return Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)


def enqueue_routing(redis: Redis, queue_name: str, report_id: int) -> bool:
    """Enqueue the routing of one report; False when Redis is unreachable (the reconciler catches up)."""
    try:
        Queue(queue_name, connection=redis).enqueue(
            ROUTE_JOB,
            report_id,
            job_id=f"route-{report_id}",
            retry=Retry(max=3, interval=[5, 30, 120]),
            job_timeout=120,
            result_ttl=3600,
            failure_ttl=7 * 86400,
        )
        return True
    except RedisError as exc:
        log.warning(
            "routing of report %s not enqueued (%s); the reconciler will pick it up", report_id, type(exc).__name__
        )
        return False


def enqueue_resume(redis: Redis, queue_name: str, report_id: int) -> bool:
    """The reporter answered: resume the paused clocks (the reconciler catches up if Redis is down)."""
    try:
        Queue(queue_name, connection=redis).enqueue(
            RESUME_JOB, report_id, retry=Retry(max=3, interval=[5, 30, 120]), result_ttl=3600
        )
        return True
    except RedisError as exc:
        log.warning("resume of report %s not enqueued (%s)", report_id, type(exc).__name__)
        return False


def enqueue_reporter_request(redis: Redis, queue_name: str, report_id: int) -> bool:
    """The reporter asked, on the status page, to withdraw the đơn or for a second instance: apply it (the cron's
    reconciler catches up if Redis is down)."""
    try:
        Queue(queue_name, connection=redis).enqueue(
            REQUEST_JOB,
            report_id,
            job_id=f"reporter-request-{report_id}",
            retry=Retry(max=3, interval=[5, 30, 120]),
            result_ttl=3600,
        )
        return True
    except RedisError as exc:
        log.warning("reporter request of report %s not enqueued (%s)", report_id, type(exc).__name__)
        return False
