"""What the production process set (deploy/Procfile: 2 gunicorn workers, 2 rq workers, the cron) loses when things
break while citizens file: N reports through the public form over HTTP, while one fault is injected again and again.

    .venv/bin/python bench/faults_bench.py [--reports 300] [--faults none,worker-kill,redis-flush,redis-restart,
        pg-terminate] [--every 2] [--window 20] [--clients 8] [--database-url URL] [--model-dir DIR]

Faults, each injected every --every seconds for --window seconds from the first filing (or until the last filing,
whichever is later):
- worker-kill: SIGKILL of one rq worker, started again a moment later (systemd's Restart=always);
- redis-flush: FLUSHDB of the run's Redis db (queues, jobs, rate-limit counters: all gone);
- redis-restart: the bench's own redis-server killed and started again a second later, empty (no persistence), or
  with what its append-only file kept when --redis-aof gives it deploy/redis/phananh.conf's persistence;
- pg-terminate: pg_terminate_backend() of every connection of the service's processes to the database.
Any process that exits is started again within half a second, as systemd would, and counted.

For each fault it prints: receipts given; citizens without an answer (no HTTP answer at all, or a refusal that is
not a Vietnamese page); refusals with a Vietnamese page; reports lost (a receipt given, no row); reports routed more
than once (more than one classification event); reports never routed; outbox rows for the same report, recipient
and subject more than once, and messages the SMTP server received more than once; notifications still unsent at the
end; the time from the last fault until the last stuck report was routed; the restarts.

Each fault gets a fresh database (`<name>_<fault>` on the server of --database-url, default a PostgreSQL database
`bench_faults` on 127.0.0.1), a fresh redis-server of the bench on a spare port, and a fresh process set. The
classifier is --model-dir, or a small one trained once for the run (2,500 rows). The reconciler and the sweep run
every 10 s (RECONCILE_INTERVAL_SECONDS, SWEEP_INTERVAL_SECONDS) and a claimed notification is sent again after
15 s, so that recovery is measured in a minute rather than in the production's 60 s / 300 s / 600 s.
"""

import argparse
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from process_set import (  # noqa: E402
    ProcessSet,
    file_reports,
    free_port,
    fresh_database,
    install,
    routing_state,
    service_env,
)
from redis import Redis  # noqa: E402
from redis.exceptions import RedisError  # noqa: E402
from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.benchdb import machine_line  # noqa: E402
from core.models import Notification  # noqa: E402
from core.vocabulary import Delivery, Status  # noqa: E402

FAULTS = ("none", "worker-kill", "redis-flush", "redis-restart", "pg-terminate")
DEFAULT_DATABASE = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_faults"
RECOVERY_TIMEOUT = 240


class RedisServer:
    """A redis-server of the bench's own on a spare loopback port: without persistence a restart loses it all; with
    `aof`, the append-only file of deploy/redis/phananh.conf (fsync every second) keeps it."""

    def __init__(self, folder: Path, aof: bool = False):
        self.folder, self.port, self.process, self.aof = folder, free_port(), None, aof
        folder.mkdir(parents=True, exist_ok=True)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "yes", "--appendfsync", "everysec"] if self.aof else ["--appendonly", "no"]
        command += ["--dir", str(self.folder)]
        self.process = subprocess.Popen(command, stdout=open(self.folder / "redis.log", "a"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if Redis.from_url(self.url, socket_connect_timeout=0.5).ping():
                    return self
            except RedisError:  # not listening yet, or still loading
                pass
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


class SmtpSink:
    """A loopback SMTP server (aiosmtpd) counting what it receives by recipient and subject."""

    def __init__(self):
        from aiosmtpd.controller import Controller  # dev dependency, only the bench needs it

        self.received: Counter = Counter()
        self.lock = threading.Lock()
        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())
        self.controller.start()
        self.port = self.controller.port

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        subject = str(message_from_bytes(envelope.content, policy=policy.default)["Subject"])
        with self.lock:
            for recipient in envelope.rcpt_tos:
                self.received[(recipient, subject)] += 1
        return "250 Message accepted"

    def stop(self) -> None:
        self.controller.stop()


def train_model(folder: Path) -> str:
    from ml.train import train_and_publish

    train_and_publish(out_dir=folder, max_rows=2500, progress=False, evaluate_test=False)
    return str(folder)


def terminate_connections(database_url: str) -> int:
    name = make_url(database_url).database
    admin = create_engine(make_url(database_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            return len(
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": name},
                ).all()
            )
    finally:
        admin.dispose()


class Injector(threading.Thread):
    """Injects one fault every `every` seconds until stopped; keeps every process alive (Restart=always)."""

    def __init__(self, fault: str, every: float, processes: ProcessSet, redis: RedisServer, database_url: str):
        super().__init__(daemon=True)
        self.fault, self.every, self.processes = fault, every, processes
        self.redis, self.database_url = redis, database_url
        self.injecting, self.done = threading.Event(), threading.Event()
        self.injected, self.restarts, self.last_fault_at = 0, Counter(), None
        self.rng = random.Random(1)

    def run(self) -> None:
        next_fault = time.monotonic() + self.every
        while not self.done.is_set():
            self.restarts.update(self.processes.revive())
            if self.injecting.is_set() and self.fault != "none" and time.monotonic() >= next_fault:
                self.inject()
                self.injected += 1
                self.last_fault_at = time.monotonic()
                next_fault = self.last_fault_at + self.every
            time.sleep(0.5)

    def inject(self) -> None:
        if self.fault == "worker-kill":
            workers = self.processes.of("worker")
            if workers:
                self.rng.choice(workers).popen.send_signal(signal.SIGKILL)
        elif self.fault == "redis-flush":
            Redis.from_url(self.redis.url).flushdb()
        elif self.fault == "redis-restart":
            self.redis.kill()
            time.sleep(1)
            self.redis.start()
        elif self.fault == "pg-terminate":
            terminate_connections(self.database_url)


def outbox_figures(database_url: str) -> tuple[int, int, int]:
    """(outbox rows, rows repeating a report/recipient/subject, notifications not sent)."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.scalar(select(func.count()).select_from(Notification))
            repeated = conn.execute(
                select(func.count() - 1)
                .select_from(Notification)
                .group_by(Notification.report_id, Notification.recipient, Notification.subject)
                .having(func.count() > 1)
            ).all()
            unsent = conn.scalar(
                select(func.count()).select_from(Notification).where(Notification.status != Delivery.SENT)
            )
        return rows, sum(n for (n,) in repeated), unsent
    finally:
        engine.dispose()


def run_fault(fault: str, args, model_dir: str, scratch: Path) -> dict:
    folder = scratch / fault
    logs = folder / "logs"
    logs.mkdir(parents=True)
    base_url = make_url(args.database_url)
    database = fresh_database(args.database_url, f"{base_url.database}_{fault.replace('-', '_')}")
    redis = RedisServer(folder / "redis", aof=args.redis_aof).start()
    smtp = SmtpSink()
    port = free_port()
    env = service_env(
        database,
        redis.url,
        model_dir,
        folder / "instance",
        port,
        RECONCILE_INTERVAL_SECONDS="10",
        SWEEP_INTERVAL_SECONDS="10",
        MAIL_CLAIM_TIMEOUT_SECONDS="15",
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=str(smtp.port),
        LOG_LEVEL="WARNING",
    )
    install(env, logs)
    processes = ProcessSet(env, logs, {"web": 1, "worker": 2, "cron": 1}).start()
    injector = Injector(fault, args.every, processes, redis, database)
    try:
        processes.wait_web(f"http://127.0.0.1:{port}/")
        injector.start()
        started = time.monotonic()
        injector.injecting.set()
        filings = file_reports(f"http://127.0.0.1:{port}", args.reports, args.clients)
        filed_in = time.monotonic() - started
        while time.monotonic() - started < args.window:
            time.sleep(0.2)
        injector.injecting.clear()
        calm_from = injector.last_fault_at or time.monotonic()
        state, routed_at = _wait_routed(database, RECOVERY_TIMEOUT)
        time.sleep(args.settle)  # notifications of the last routings
        rows, repeated, unsent = outbox_figures(database)
    finally:
        injector.done.set()
        injector.join(5)
        processes.stop()
        redis.kill()
        smtp.stop()
    receipts = {f.code for f in filings if f.code}
    vietnamese = Counter(f.status for f in filings if not f.code and f.status and 'lang="vi"' in f.page)
    return {
        "fault": fault,
        "injected": injector.injected,
        "filed_in": filed_in,
        "receipts": len(receipts),
        "unanswered": sum(1 for f in filings if not f.code and not (f.status and 'lang="vi"' in f.page)),
        "vietnamese_refusals": dict(vietnamese),
        "lost": len(receipts - set(state)),
        "twice": sum(1 for _, n in state.values() if n > 1),
        "never_routed": sum(1 for status, _ in state.values() if status == Status.RECEIVED),
        "outbox_rows": rows,
        "outbox_repeated": repeated,
        "smtp_repeated": sum(n - 1 for n in smtp.received.values() if n > 1),
        "unsent": unsent,
        "recovery_s": None if routed_at is None else max(0.0, routed_at - calm_from),
        "restarts": dict(injector.restarts),
    }


def _wait_routed(database_url: str, timeout: float) -> tuple[dict, float | None]:
    """The routing state once nothing waits (and when that was), or at the timeout (and None)."""
    deadline = time.monotonic() + timeout
    while True:
        state = routing_state(database_url)
        if not any(status == Status.RECEIVED for status, _ in state.values()):
            return state, time.monotonic()
        if time.monotonic() > deadline:
            return state, None
        time.sleep(0.25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=300, help="reports filed through the form per fault")
    parser.add_argument("--faults", default=",".join(FAULTS), help=f"comma-separated, among {', '.join(FAULTS)}")
    parser.add_argument("--every", type=float, default=2.0, help="seconds between two injections")
    parser.add_argument("--window", type=float, default=20.0, help="seconds of injections from the first filing")
    parser.add_argument("--settle", type=float, default=20.0, help="seconds left to the outbox after routing")
    parser.add_argument("--clients", type=int, default=8, help="citizens filing at once")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE, help="server and base name of the databases")
    parser.add_argument("--redis-aof", action="store_true", help="Redis with the recipe's append-only file")
    parser.add_argument("--model-dir", help="a published classifier (default: a small one trained for the run)")
    args = parser.parse_args()
    faults = [f.strip() for f in args.faults.split(",") if f.strip()]
    unknown = set(faults) - set(FAULTS)
    if unknown:
        parser.error(f"unknown fault(s): {', '.join(sorted(unknown))}")
    if not shutil.which("redis-server"):
        parser.error("redis-server is not installed")

    scratch = Path(tempfile.mkdtemp(prefix="faults-bench-"))
    print(machine_line())
    print(
        f"{args.reports} reports by {args.clients} citizens; a fault every {args.every:g} s for {args.window:g} s; "
        f"Redis {'with its append-only file' if args.redis_aof else 'without persistence'}"
    )
    model_dir = args.model_dir or train_model(scratch / "models")
    results = []
    for fault in faults:
        result = run_fault(fault, args, model_dir, scratch)
        results.append(result)
        show(result)
    print(f"logs under {scratch}")


def show(r: dict) -> None:
    recovery = "never" if r["recovery_s"] is None else f"{r['recovery_s']:.1f} s"
    print(
        f"\n{r['fault']}: {r['injected']} injection(s); {r['receipts']} receipt(s) in {r['filed_in']:.1f} s; "
        f"restarts {r['restarts'] or 'none'}\n"
        f"  citizens without an answer: {r['unanswered']}; refused with a Vietnamese page: "
        f"{r['vietnamese_refusals'] or 'none'}\n"
        f"  reports lost: {r['lost']}; routed twice: {r['twice']}; never routed: {r['never_routed']}; "
        f"last stuck report routed {recovery} after the {'last fault' if r['injected'] else 'window'}\n"
        f"  outbox: {r['outbox_rows']} row(s), {r['outbox_repeated']} repeated; messages received twice: "
        f"{r['smtp_repeated']}; notifications unsent at the end: {r['unsent']}"
    )


if __name__ == "__main__":
    main()
