"""Faults the processes must survive: Redis restarted (its data gone) while the worker runs a job, and the active cron
process killed while a standby waits. The service is the runner of `make run` (python -m triage.run) on the test
database and a redis-server of the test's own, restarted on the same port."""

import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from random import Random

import pytest
from process_tree import TEXT, RedisServer, alive, child_running, descendants, file_report, free_port, wait_until
from redis import Redis
from rq import Queue
from rq.job import Job, JobStatus
from sqlalchemy import select

from core.extensions import db
from core.models import Report
from intake.submission import submit_report
from triage.cron import lease_holder
from triage.lifeline import tied_to_this_process

ROOT = Path(__file__).resolve().parents[2]
SWEEP = "triage.deadlines.jobs.sweep_deadlines"


@pytest.fixture(scope="module")
def own_redis(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("own-redis")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def service(own_redis, database_url, model_dir, tmp_path_factory, service_env):
    """The runner with its web, worker and cron on `own_redis`."""
    scratch, port = tmp_path_factory.mktemp("faults"), free_port()
    env = service_env(database_url, own_redis.url, model_dir, scratch, PORT=str(port), WEB_CONCURRENCY="1")
    log = scratch / "run.log"
    runner = subprocess.Popen(
        [sys.executable, "-m", "triage.run"],
        cwd=ROOT,
        env=env,
        stdout=open(log, "w"),
        stderr=subprocess.STDOUT,
        preexec_fn=tied_to_this_process(),
    )
    handle = {"runner": runner, "env": env, "base": f"http://127.0.0.1:{port}", "log": log}
    try:
        wait_until(lambda: runner.poll() is None and child_running(runner.pid, "triage.worker"), 180, "a worker")
        yield handle
    finally:
        runner.send_signal(signal.SIGTERM)
        try:
            runner.wait(30)
        except subprocess.TimeoutExpired:
            runner.kill()


def _scheduler_running(redis: Redis, queue: str) -> bool:
    return bool(redis.exists(f"rq:scheduler-lock:{queue}"))


def test_a_redis_restart_while_a_job_runs_leaves_the_worker_working(service, own_redis, make_app):
    env, runner = service["env"], service["runner"]
    app = make_app(ROUTING_QUEUE=env["ROUTING_QUEUE"], JOBS_QUEUE=env["JOBS_QUEUE"], REDIS_URL=own_redis.url)
    redis = Redis.from_url(own_redis.url)
    jobs = Queue(env["JOBS_QUEUE"], connection=redis)
    wait_until(lambda: _scheduler_running(redis, env["JOBS_QUEUE"]), 180, "rq's scheduler runs")
    worker = child_running(runner.pid, "triage.worker")

    # A job that ends while Redis is away: rq's worker would quit on the failed bookkeeping.
    job = jobs.enqueue("time.sleep", 2)
    wait_until(lambda: job.get_status(refresh=True) == JobStatus.STARTED, 60, "the job starts")
    own_redis.stop()
    with app.app_context():  # a report whose routing job Redis never got (filed while it was down)
        lost = submit_report(db.session, text=TEXT, kind="phan-anh").tracking_code
        db.session.commit()
    time.sleep(3)  # the blip: the job ends meanwhile
    own_redis.start()
    back = time.monotonic()

    # rq's scheduler is back within seconds, not at rq's next maintenance ten minutes later.
    wait_until(lambda: _scheduler_running(redis, env["JOBS_QUEUE"]), 120, "rq's scheduler runs again")
    print(f"\nscheduler back {time.monotonic() - back:.1f} s after Redis")
    scheduled = jobs.enqueue_in(timedelta(seconds=1), "time.sleep", 0)
    wait_until(lambda: scheduled.get_status(refresh=True) == JobStatus.FINISHED, 120, "the scheduled job ran")
    print(f"scheduled job done {time.monotonic() - back:.1f} s after Redis")
    assert child_running(runner.pid, "triage.worker") == worker and alive(worker)  # the same worker, never restarted

    def status(code):
        with app.app_context():
            value = db.session.scalar(select(Report.status).where(Report.tracking_code == code))
            db.session.remove()
            return value

    wait_until(lambda: status(lost) == "routed", 60, "the report Redis lost is routed")
    code = file_report(service["base"])
    wait_until(lambda: status(code) == "routed", 60, "a report filed after the restart is routed")
    assert "Redis went away" in service["log"].read_text()
    assert Job.fetch(scheduled.id, connection=redis).is_finished


def test_redis_restarted_again_and_again_under_load_leaves_the_same_worker(service, own_redis):
    env, runner = service["env"], service["runner"]
    redis = Redis.from_url(own_redis.url, socket_connect_timeout=0.5, socket_timeout=1)
    jobs = Queue(env["JOBS_QUEUE"], connection=redis)
    worker = child_running(runner.pid, "triage.worker")
    random = Random(8)
    for _ in range(6):  # the outage meets the worker at a different step each time
        for pause in (0, 0.01, 0.2):
            jobs.enqueue("time.sleep", pause)
        time.sleep(random.uniform(0.1, 1.0))
        own_redis.stop()
        time.sleep(random.uniform(0.1, 1.0))
        own_redis.start()
    scheduled = jobs.enqueue_in(timedelta(seconds=1), "time.sleep", 0)
    wait_until(lambda: scheduled.get_status(refresh=True) == JobStatus.FINISHED, 120, "a scheduled job ran")
    assert child_running(runner.pid, "triage.worker") == worker and alive(worker)
    assert "worker exited" not in service["log"].read_text()


def _cron(env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "triage.cron"],
        cwd=ROOT,
        env=env,
        stdout=open(log, "w"),
        stderr=subprocess.STDOUT,
        preexec_fn=tied_to_this_process(),
    )


def _sweeps(queue: Queue) -> int:
    return sum(
        1 for job in Job.fetch_many(queue.get_job_ids(), connection=queue.connection) if job and job.func_name == SWEEP
    )


def test_a_standby_cron_takes_over_when_the_active_one_is_killed(
    own_redis, database_url, model_dir, tmp_path, service_env
):
    # Queues of their own and no worker: the jobs the cron processes enqueue stay there to be counted.
    env = service_env(database_url, own_redis.url, model_dir, tmp_path, CRON_LEASE_SECONDS="3")
    config = {"ROUTING_QUEUE": env["ROUTING_QUEUE"], "JOBS_QUEUE": env["JOBS_QUEUE"]}
    redis = Redis.from_url(own_redis.url)
    jobs = Queue(env["JOBS_QUEUE"], connection=redis)
    first = _cron(env, tmp_path / "cron1.log")
    second = None
    try:
        holder = wait_until(lambda: lease_holder(redis, config), 120, "a cron process takes the lease")
        assert holder.endswith(f":{first.pid}")
        wait_until(lambda: _sweeps(jobs) == 1, 60, "the active one enqueues the sweep")
        second = _cron(env, tmp_path / "cron2.log")
        wait_until(lambda: "standing by" in (tmp_path / "cron2.log").read_text(), 120, "the standby starts")
        time.sleep(2)  # a few of its attempts at the lease
        assert lease_holder(redis, config).endswith(f":{first.pid}")
        assert _sweeps(jobs) == 1  # the standby enqueued nothing

        first.kill()
        killed = time.monotonic()
        wait_until(lambda: (lease_holder(redis, config) or "").endswith(f":{second.pid}"), 60, "the standby takes over")
        print(f"\nstandby took over {time.monotonic() - killed:.1f} s after the kill (lease 3 s)")
        wait_until(lambda: _sweeps(jobs) == 2, 60, "the new active one enqueues the sweep")

        second.send_signal(signal.SIGTERM)
        second.wait(15)
        assert lease_holder(redis, config) is None  # given up on a clean stop, not left to run out
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()


def test_sigterm_stops_the_runner_and_every_process_it_started(service):
    runner = service["runner"]
    tree = [runner.pid, *descendants(runner.pid)]
    assert len(tree) >= 5  # runner, gunicorn (master and worker), worker (and its scheduler), cron
    runner.send_signal(signal.SIGTERM)
    assert runner.wait(60) == 0
    wait_until(lambda: not any(alive(pid) for pid in tree), 60, "every process of the tree has stopped")
