"""`python -m triage.worker`: one rq worker (with rq's scheduler) that holds the classifier in memory.

It rides out a Redis restart instead of quitting: rq's worker waits for Redis inside its blocking wait for a job, but
quits when Redis goes away anywhere else (a job ending, the suspension check, the state it writes, a heartbeat);
`ResilientWorker` waits there too and carries on. When Redis comes back without its data, the worker registers again
and runs the reconciler (a job Redis lost comes back from the database). rq's scheduler, a child process that dies
with the connection, is started again within seconds instead of at rq's next maintenance (ten minutes).
"""

import logging
import os
import sys
import time
from collections.abc import Callable

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rq import Queue, SimpleWorker, worker_registration

from core.extensions import db
from core.logs import configure_logging
from triage.context import create_base_app
from triage.lifeline import die_with_parent
from triage.routing.jobs import reconcile_unrouted

log = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)
# rq's worker takes a turn (heartbeat, maintenance, the scheduler's check) each time its blocking wait for a job ends:
# its TTL less 15 s. A short one makes a dead scheduler noticed within seconds; the heartbeat it costs is one write.
WORKER_TTL_SECONDS = 20
MAX_WAIT_SECONDS = 5.0  # longest pause between two attempts to reach Redis


class ResilientWorker(SimpleWorker):
    """A SimpleWorker that waits for Redis to come back wherever rq would quit, and keeps its scheduler alive."""

    max_connection_wait_time = MAX_WAIT_SECONDS
    on_reconnect: Callable[[], object] | None = None  # run when a restarted Redis turns out to have lost its data

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("worker_ttl", WORKER_TTL_SECONDS)
        super().__init__(*args, **kwargs)

    def wait_for_redis(self) -> None:
        """Block until Redis answers (or a stop is requested), trying again with a growing pause."""
        pause, waited = 0.5, False
        while not self._stop_requested:
            try:
                self.connection.ping()
                break
            except REDIS_DOWN as exc:
                log.warning("Redis unreachable (%s); trying again in %.1f s", type(exc).__name__, pause)
                time.sleep(pause)
                pause, waited = min(pause * 2, self.max_connection_wait_time), True
        if waited and not self._stop_requested:
            log.info("Redis answers again")

    def _riding_out(self, step: Callable[..., object], *args) -> None:
        try:
            step(*args)
        except REDIS_DOWN as exc:
            log.warning("Redis went away (%s); waiting for it", type(exc).__name__)
            self.executions.clear()  # its job stays in rq's started registry, or the reconciler enqueues it again
            self.wait_for_redis()

    def _beat(self, timeout: int | None) -> None:
        super().heartbeat(timeout)
        if self.connection.sismember(worker_registration.REDIS_WORKER_KEYS, self.key):
            return
        # A Redis restarted without its data has forgotten this worker, and the jobs it carried.
        log.warning("Redis has forgotten this worker: registering it again and reconciling")
        with self.connection.pipeline() as pipeline:
            pipeline.hset(self.key, mapping=self.serialize())
            worker_registration.register(self, pipeline)
            pipeline.expire(self.key, self.worker_ttl + 60)
            pipeline.execute()
        if self.on_reconnect is not None:
            self.on_reconnect()

    def heartbeat(self, timeout: int | None = None, pipeline=None):
        if pipeline is not None:  # part of rq's bookkeeping of a job: its own errors are handled there
            super().heartbeat(timeout, pipeline)
        else:
            self._riding_out(self._beat, timeout)

    def dequeue_job_and_maintain_ttl(self, timeout, max_idle_time=None):
        # rq waits for Redis inside its blocking pop, but not at the state it writes before it: waited for here.
        while True:
            try:
                return super().dequeue_job_and_maintain_ttl(timeout, max_idle_time)
            except REDIS_DOWN as exc:
                log.warning("Redis went away (%s); waiting for it", type(exc).__name__)
                self.wait_for_redis()
                if self._stop_requested:
                    return None

    def execute_job(self, job, queue):
        self._riding_out(super().execute_job, job, queue)

    def check_for_suspension(self, burst: bool):
        self._riding_out(super().check_for_suspension, burst)

    def teardown(self):
        try:
            super().teardown()
        except REDIS_DOWN as exc:  # stopped during an outage: its entry in Redis expires on its own
            log.warning("Redis unreachable at shutdown (%s); stopped all the same", type(exc).__name__)

    def _scheduler_down(self) -> bool:
        """rq's scheduler process has died and should be started again; never once a stop is requested (rq stops
        the scheduler itself then, and one started again would outlive the worker's stop)."""
        if self._stop_requested or self.scheduler is None:
            return False
        process = self.scheduler._process
        return process is None or not process.is_alive()

    def _revive_scheduler(self) -> None:
        """Start rq's scheduler again if this worker gets its locks (another worker's scheduler may hold them)."""
        assert self.scheduler is not None
        dead = self.scheduler._process
        if dead is not None:
            log.warning("rq's scheduler exited (status %s); starting it again", dead.exitcode)
            self.scheduler._process = None
        if self.scheduler.acquire_locks():
            db.engine.dispose()  # as at start: no pooled database connection is shared with the forked scheduler
            self.scheduler.start()

    @property
    def should_run_maintenance_tasks(self) -> bool:
        return super().should_run_maintenance_tasks or (self.last_cleaned_at is not None and self._scheduler_down())

    def run_maintenance_tasks(self):
        if self.last_cleaned_at is not None and self._scheduler_down():
            self._riding_out(self._revive_scheduler)
        if super().should_run_maintenance_tasks:
            self._riding_out(super().run_maintenance_tasks)


def _reconcile(app) -> Callable[[], None]:
    def reconcile() -> None:
        with app.app_context():
            reconcile_unrouted()

    return reconcile


def main(argv: list[str] | None = None) -> int:
    configure_logging("worker")
    os.register_at_fork(after_in_child=die_with_parent)  # rq forks its scheduler: it must not outlive the worker
    app = create_base_app()
    with app.app_context():
        # Load the model once, before any job (a forking worker would reload it in every child).
        app.extensions["services"].classifier()
        reconcile_unrouted()  # whatever Redis lost while nobody was looking
        db.engine.dispose()  # no pooled connection is shared with the scheduler process forked below
        redis = app.extensions["redis"]
        queues = [Queue(name, connection=redis) for name in (app.config["ROUTING_QUEUE"], app.config["JOBS_QUEUE"])]
        worker = ResilientWorker(queues, connection=redis)
        worker.on_reconnect = _reconcile(app)
        worker.wait_for_redis()  # at start too: waiting beats a crash loop while Redis is down
        worker.work(with_scheduler=True, logging_level=app.config["LOG_LEVEL"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
