"""The cron scheduler's fixed-time jobs after a takeover or a restart: a time that passed with no scheduler
enqueuing it is run once at once; a time already run is not run again."""

from datetime import UTC, datetime, timedelta

import pytest
from croniter import croniter
from redis import Redis
from rq import Queue

from triage import cron

PURGE = "triage.casework.jobs.purge_contacts"


def _last_time(expression: str) -> datetime:
    """The latest time `expression` named before now (cron fields are the server's local time, as rq reads them)."""
    local = croniter(expression, datetime.now().astimezone().replace(tzinfo=None)).get_prev(datetime)
    return datetime.fromtimestamp(local.timestamp(), UTC)


@pytest.fixture
def scheduler(app):
    redis = Redis.from_url(app.config["REDIS_URL"])
    scheduler = cron.build_scheduler(app.config, redis)
    for job in scheduler.get_jobs():
        redis.delete(job.job_history_key)
    Queue(app.config["JOBS_QUEUE"], connection=redis).empty()
    yield scheduler, redis, next(job for job in scheduler.get_jobs() if job.func_name == PURGE)
    for job in scheduler.get_jobs():
        redis.delete(job.job_history_key)
    Queue(app.config["JOBS_QUEUE"], connection=redis).empty()


def _purges_enqueued(app, redis) -> int:
    queue = Queue(app.config["JOBS_QUEUE"], connection=redis)
    return sum(1 for job in queue.get_jobs() if job.func_name == PURGE)


def test_a_nightly_time_missed_while_no_scheduler_was_active_runs_once_at_once(app, scheduler):
    scheduler, redis, purge = scheduler
    missed = _last_time(purge.cron)
    redis.zadd(purge.job_history_key, {"the-night-before": (missed - timedelta(days=1)).timestamp()})
    assert purge.name in cron.resume_fixed_times(scheduler, redis)
    scheduler.enqueue_jobs()
    scheduler.enqueue_jobs()  # the next turn: nothing more, however many nights were missed
    assert _purges_enqueued(app, redis) == 1
    assert purge.next_enqueue_time > datetime.now(UTC)


def test_a_nightly_time_already_run_is_not_run_again_by_the_scheduler_taking_over(app, scheduler):
    scheduler, redis, purge = scheduler
    done = _last_time(purge.cron)
    redis.zadd(purge.job_history_key, {"last-night": done.timestamp()})
    assert cron.resume_fixed_times(scheduler, redis) == []
    scheduler.enqueue_jobs()
    assert _purges_enqueued(app, redis) == 0
    assert datetime.now(UTC) < purge.next_enqueue_time <= done + timedelta(days=1, hours=1)  # the next night


def test_a_job_never_run_waits_for_its_time(app, scheduler):
    scheduler, redis, purge = scheduler
    assert cron.resume_fixed_times(scheduler, redis) == []
    scheduler.enqueue_jobs()
    assert _purges_enqueued(app, redis) == 0
    assert purge.next_enqueue_time > datetime.now(UTC)


def test_each_deployment_on_one_redis_keeps_its_own_history(app, scheduler):
    scheduler, redis, purge = scheduler
    other = cron.build_scheduler({**app.config, "JOBS_QUEUE": app.config["JOBS_QUEUE"] + "-other"}, redis)
    theirs = next(job for job in other.get_jobs() if job.func_name == PURGE)
    assert theirs.job_history_key != purge.job_history_key
