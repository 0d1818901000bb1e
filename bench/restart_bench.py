"""How fast the runner of `make run` (python -m triage.run) gets back to work after a fault: Redis restarted without its
data (the worker idle, then busy with a job), the active cron process killed while others stand by, and how long a
stop takes (SIGTERM to the runner; SIGKILL of the runner until Redis and every child are gone).

    .venv/bin/python bench/restart_bench.py [--blips 3] [--down 3] [--lease 20] [--model-dir DIR]

The service runs on SQLite in a temporary instance folder and a redis-server of the bench's own (no persistence) on a
spare port; the classifier is --model-dir, or a small one trained for the run (400 rows). For each Redis blip it
prints the time from Redis answering again until rq's scheduler holds its lock again, until a job scheduled then has
run, and until a cron process holds the lease again, and whether the worker is still the same process.
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from process_tree import RedisServer, alive, child_running, descendants, free_port, wait_until  # noqa: E402
from redis import Redis  # noqa: E402
from redis.exceptions import RedisError  # noqa: E402
from rq import Queue  # noqa: E402
from rq.job import JobStatus  # noqa: E402

from bench.benchdb import machine_line  # noqa: E402
from triage.cron import lease_holder  # noqa: E402
from triage.lifeline import tied_to_this_process  # noqa: E402

QUEUES = {"ROUTING_QUEUE": "routing", "JOBS_QUEUE": "default"}
SCHEDULER_LOCK = "rq:scheduler-lock:default"


def start_runner(env: dict, log: Path, redis_url: str) -> subprocess.Popen:
    runner = subprocess.Popen(
        [sys.executable, "-m", "triage.run"],
        cwd=ROOT,
        env=env,
        stdout=open(log, "a"),
        stderr=subprocess.STDOUT,
        preexec_fn=tied_to_this_process(),
    )
    redis = Redis.from_url(redis_url)

    def up() -> bool:
        try:
            return bool(redis.exists(SCHEDULER_LOCK) and lease_holder(redis, QUEUES))
        except RedisError:  # the embedded one is not there yet
            return False

    wait_until(up, 300, "the service is up")
    return runner


def blip(server: RedisServer, runner: subprocess.Popen, down: float, busy: bool) -> dict:
    redis = Redis.from_url(server.url)
    jobs = Queue("default", connection=redis)
    worker = child_running(runner.pid, "triage.worker")
    if busy:
        job = jobs.enqueue("time.sleep", down + 1)
        wait_until(lambda: job.get_status(refresh=True) == JobStatus.STARTED, 30, "the job starts")
    server.stop()
    time.sleep(down)
    server.start()
    back = time.monotonic()
    wait_until(lambda: redis.exists(SCHEDULER_LOCK), 900, "rq's scheduler", step=0.05)
    scheduler = time.monotonic() - back
    scheduled = jobs.enqueue_in(timedelta(seconds=0), "time.sleep", 0)
    wait_until(lambda: scheduled.get_status(refresh=True) == JobStatus.FINISHED, 900, "the scheduled job", step=0.05)
    job_done = time.monotonic() - back
    wait_until(lambda: lease_holder(redis, QUEUES), 900, "a cron holds the lease", step=0.05)
    cron = time.monotonic() - back
    same = child_running(runner.pid, "triage.worker") == worker
    return {"scheduler": scheduler, "job": job_done, "cron": cron, "same worker": same}


def cron_takeover(server: RedisServer, env: dict, runner: subprocess.Popen, scratch: Path) -> float:
    """A second cron process stands by; the active one is killed: seconds until another process holds the lease."""
    redis = Redis.from_url(server.url)
    standby = subprocess.Popen(
        [sys.executable, "-m", "triage.cron"],
        cwd=ROOT,
        env=env,
        stdout=open(scratch / "standby.log", "w"),
        stderr=subprocess.STDOUT,
        preexec_fn=tied_to_this_process(),
    )
    try:
        wait_until(lambda: "standing by" in (scratch / "standby.log").read_text(), 120, "the standby starts")
        active = int(lease_holder(redis, QUEUES).rsplit(":", 1)[1])
        os.kill(active, signal.SIGKILL)
        killed = time.monotonic()
        wait_until(
            lambda: (holder := lease_holder(redis, QUEUES)) and not holder.endswith(f":{active}"),
            300,
            "a standby takes the lease",
            step=0.05,
        )
        return time.monotonic() - killed
    finally:
        standby.terminate()
        standby.wait(30)


def stop_times(env: dict, log: Path) -> tuple[float, float]:
    """Seconds until the runner and its tree (its embedded Redis included) are gone after SIGTERM, and after SIGKILL
    of the runner."""
    env = {k: v for k, v in env.items() if k != "REDIS_URL"}  # the embedded Redis, as on a newcomer's machine
    embedded = f"unix://{env['INSTANCE_PATH']}/redis/redis.sock"
    figures = []
    for sig in (signal.SIGTERM, signal.SIGKILL):
        runner = start_runner(env, log, embedded)
        tree = [runner.pid, *descendants(runner.pid)]
        os.kill(runner.pid, sig)
        started = time.monotonic()
        wait_until(lambda: not any(alive(pid) for pid in tree), 120, "the tree is gone", step=0.05)  # noqa: B023
        figures.append(time.monotonic() - started)
        runner.wait(10)
    return figures[0], figures[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--blips", type=int, default=3, help="Redis restarts with the worker idle, then as many busy")
    parser.add_argument("--down", type=float, default=3.0, help="seconds Redis stays down each time")
    parser.add_argument("--lease", type=int, default=20, help="CRON_LEASE_SECONDS")
    parser.add_argument("--model-dir", help="a classifier directory (default: a small one trained for the run)")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="restart-bench-"))
    server = RedisServer(scratch).start()
    model_dir = args.model_dir or str(scratch / "models")
    if not args.model_dir:
        subprocess.run(
            [sys.executable, "-m", "ml", "train", "--out", model_dir, "--max-rows", "400"],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TEST_DATABASE_URL")}
    env.update(
        REDIS_URL=server.url,
        INSTANCE_PATH=str(scratch / "instance"),
        ML_MODEL_DIR=model_dir,
        PORT=str(free_port()),
        WEB_CONCURRENCY="1",
        CRON_LEASE_SECONDS=str(args.lease),
    )
    log = scratch / "run.log"
    print(machine_line())
    runner = start_runner(env, log, server.url)
    try:
        print(f"| Redis down {args.down:g} s | scheduler lock back | scheduled job ran | cron active | same worker |")
        print("|---|---:|---:|---:|---|")
        for busy in (False, True):
            for _ in range(args.blips):
                time.sleep(6)  # the worker settles into its blocking wait (or is given a job)
                row = blip(server, runner, args.down, busy)
                print(
                    f"| worker {'busy' if busy else 'idle'} | {row['scheduler']:.1f} s | {row['job']:.1f} s"
                    f" | {row['cron']:.1f} s | {'yes' if row['same worker'] else 'NO'} |",
                    flush=True,
                )
        takeover = cron_takeover(server, env, runner, scratch)
        print(f"\nactive cron killed (lease {args.lease} s): a standby holds the lease {takeover:.1f} s later")
    finally:
        runner.send_signal(signal.SIGTERM)
        runner.wait(60)
    term, kill = stop_times(env, log)
    print(f"SIGTERM to the runner: the whole tree gone after {term:.1f} s")
    print(f"SIGKILL of the runner: Redis and every child gone after {kill:.1f} s")
    restarts = log.read_text().count("starting it again in")
    print(f"children started again by the runner during the run: {restarts}")
    server.stop()


if __name__ == "__main__":
    main()
