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


RETRY = Retry(max=3, interval=[5, 30, 120])


def enqueue(redis: Redis, queue_name: str, func: str, *args, **options) -> None:
    """One rq job, written and queued in a single round trip to Redis (a pipeline: a filing pays one, not two).
    Raises RedisError when Redis is unreachable."""
    with redis.pipeline() as pipe:
        Queue(queue_name, connection=redis).enqueue(func, *args, pipeline=pipe, **options)
        pipe.execute()


def enqueue_routing(redis: Redis, queue_name: str, report_id: int) -> bool:
    """Enqueue the routing of one report; False when Redis is unreachable (the reconciler catches up)."""
    try:
        enqueue(
            redis,
            queue_name,
            ROUTE_JOB,
            report_id,
            job_id=f"route-{report_id}",
            retry=RETRY,
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
        enqueue(redis, queue_name, RESUME_JOB, report_id, retry=RETRY, result_ttl=3600)
        return True
    except RedisError as exc:
        log.warning("resume of report %s not enqueued (%s)", report_id, type(exc).__name__)
        return False


def enqueue_reporter_request(redis: Redis, queue_name: str, report_id: int) -> bool:
    """The reporter asked, on the status page, to withdraw the đơn or for a second instance: apply it (the cron's
    reconciler catches up if Redis is down)."""
    try:
        enqueue(
            redis,
            queue_name,
            REQUEST_JOB,
            report_id,
            job_id=f"reporter-request-{report_id}",
            retry=RETRY,
            result_ttl=3600,
        )
        return True
    except RedisError as exc:
        log.warning("reporter request of report %s not enqueued (%s)", report_id, type(exc).__name__)
        return False
