"""`python -m triage.cron`: the periodic jobs, enqueued by rq's cron scheduler.

Several may run (one per machine): exactly one is active, the one holding a lease in Redis (CRON_LEASE_SECONDS, renewed
every third of it); the others stand by and try to take the lease every second, so when the active one dies a standby
takes over within the lease and the sweep keeps its times. The one that takes over builds its schedule afresh: the jobs
run at an interval (reconcilers, the deadline sweep) run at once, the others at their next time. A Redis outage is
waited out, with a growing pause, instead of ending the process.

The jobs at a fixed time (the nightly contact purge and backup, the audit anchor, the periodic reports) take up
where the last active scheduler left them (`resume_fixed_times`): a time that passed while no scheduler was active,
or in the seconds a standby took to take over, is run once at once rather than skipped until the next.
"""

import logging
import os
import signal
import socket
import sys
import threading
from datetime import UTC, datetime

from redis import Redis
from redis.exceptions import LockError, RedisError
from redis.lock import Lock
from rq.cron import CronScheduler

from core.config import load_config
from core.logs import configure_logging
from core.queueing import redis_connection
from triage.audit_jobs import anchor_audit_trail
from triage.backup.jobs import back_up_instance
from triage.casework.evidence_jobs import reconcile_uncleaned
from triage.casework.jobs import purge_contacts, reconcile_reporter_requests
from triage.deadlines.jobs import sweep_deadlines
from triage.heartbeat import beat_on_each_turn
from triage.reporting.jobs import build_due_periodic_reports
from triage.routing.jobs import reconcile_unrouted

log = logging.getLogger(__name__)

STANDBY_POLL_SECONDS = 1.0
MAX_OUTAGE_PAUSE_SECONDS = 10.0


def build_scheduler(config, redis: Redis) -> CronScheduler:
    scheduler = CronScheduler(connection=redis)
    beat_on_each_turn(scheduler)  # heartbeat:cron in Redis, read by /readyz and /metrics
    scheduler.register(reconcile_unrouted, config["ROUTING_QUEUE"], interval=config["RECONCILE_INTERVAL_SECONDS"])
    scheduler.register(reconcile_reporter_requests, config["JOBS_QUEUE"], interval=config["RECONCILE_INTERVAL_SECONDS"])
    scheduler.register(reconcile_uncleaned, config["JOBS_QUEUE"], interval=config["RECONCILE_INTERVAL_SECONDS"])
    scheduler.register(sweep_deadlines, config["JOBS_QUEUE"], interval=config["SWEEP_INTERVAL_SECONDS"])
    jobs = config["JOBS_QUEUE"]

    def at(cron: str, func, **options) -> None:
        """A fixed-time job, named for this deployment's queue: its history (`resume_fixed_times`) is its own."""
        scheduler.register(func, jobs, cron=cron, name=f"{func.__module__}.{func.__name__}@{jobs}", **options)

    at("30 2 * * *", purge_contacts)  # nightly
    at("*/10 * * * *", anchor_audit_trail)
    # Periodic reports: due on the first working day of a month/quarter/year (Vietnamese date); every 6 hours,
    # whatever the server's time zone, and idempotent (a period already built is left alone).
    at("20 */6 * * *", build_due_periodic_reports, job_timeout=1800)
    at("45 2 * * *", back_up_instance, job_timeout=3600)  # nightly
    return scheduler


def resume_fixed_times(scheduler: CronScheduler, redis: Redis) -> list[str]:
    """Count each fixed-time job's next time from its last enqueue, which rq keeps in Redis (the job's history),
    instead of from now as rq does: a job whose time passed unenqueued is due at once, once however many times
    were missed. A job never enqueued keeps its next time. The names of the jobs due now."""
    due = []
    for job in scheduler.get_jobs():
        if not job.cron:
            continue
        last = redis.zrange(job.job_history_key, -1, -1, withscores=True)
        if last:
            job.set_enqueue_time(datetime.fromtimestamp(last[0][1], UTC))
            if job.should_run():
                due.append(job.name)
    return due


def lease_key(config) -> str:
    """One lease per deployment: the queues the periodic jobs go to name it."""
    return f"triage:cron-lease:{config['ROUTING_QUEUE']}:{config['JOBS_QUEUE']}"


def lease_holder(redis: Redis, config) -> str | None:
    """The holder of the lease ("host:pid"), or None when no cron scheduler is active."""
    value = redis.get(lease_key(config))
    return value.decode() if isinstance(value, bytes) else value


class Cron:
    """One cron process: standby until it holds the lease, then the active scheduler until it loses it or stops."""

    def __init__(self, config, redis: Redis):
        self.config, self.redis = config, redis
        self.ttl = max(3, config["CRON_LEASE_SECONDS"])  # renewed every third of it: a second at least
        self.name = f"{socket.gethostname()}:{os.getpid()}"
        self.lease = Lock(redis, lease_key(config), timeout=self.ttl, thread_local=False)
        self.scheduler: CronScheduler | None = None
        self.stopping = threading.Event()

    def _take_or_renew(self) -> bool:
        """True while this process holds the lease."""
        if self.scheduler is not None:
            try:
                self.lease.reacquire()
                return True
            except LockError:
                log.warning("cron %s: lost the lease; standing by", self.name)
                self.scheduler = None
        if not self.lease.acquire(blocking=False, token=self.name):
            return False
        log.info("cron %s: took the lease; active", self.name)
        self.scheduler = build_scheduler(self.config, self.redis)
        if missed := resume_fixed_times(self.scheduler, self.redis):
            log.warning("cron %s: running now what no scheduler ran at its time: %s", self.name, ", ".join(missed))
        self.scheduler.register_birth()
        return True

    def turn(self) -> float:
        """One turn of the loop; the seconds to wait before the next."""
        if not self._take_or_renew():
            return STANDBY_POLL_SECONDS
        assert self.scheduler is not None
        if self.scheduler.enqueue_jobs():
            self.scheduler.save()  # the jobs' times, as rq's own loop keeps them
        self.scheduler.heartbeat()
        return min(self.scheduler.calculate_sleep_interval(), self.ttl / 3)

    def run(self) -> None:
        log.info("cron %s: standing by for the lease (%d s)", self.name, self.ttl)
        pause = 0.5
        while not self.stopping.is_set():
            try:
                wait = self.turn()
                pause = 0.5
            except RedisError as exc:
                log.warning(
                    "cron %s: Redis unreachable (%s); trying again in %.1f s", self.name, type(exc).__name__, pause
                )
                wait, pause = pause, min(pause * 2, MAX_OUTAGE_PAUSE_SECONDS)
            self.stopping.wait(wait)
        self.release()

    def release(self) -> None:
        """Give the lease up at once, so that a standby takes over now rather than when it runs out."""
        if self.scheduler is None:
            return
        try:
            self.lease.release()
            self.scheduler.register_death()
        except (LockError, RedisError):
            pass  # gone with Redis, or already taken: nothing to give up
        log.info("cron %s: stopped; lease released", self.name)
        self.scheduler = None


def main() -> int:
    configure_logging("cron")
    config = load_config()
    cron = Cron(config, redis_connection(config["REDIS_URL"]))
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: cron.stopping.set())
    cron.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
