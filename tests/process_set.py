"""The production process set of deploy/Procfile, started from the Procfile's own command lines as honcho does, and
citizens filing through the public form over HTTP. Shared by tests/e2e/test_process_set.py and
bench/faults_bench.py (which puts tests/ on its path)."""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.request import urlopen

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from core.models import Report, ReportEvent
from core.vocabulary import EventKind, Status
from tests_support import Browser

ROOT = Path(__file__).resolve().parents[1]
PROCFILE = ROOT / "deploy" / "Procfile"
RECEIPT = re.compile(r'id="tracking-code">([^<]+)<.*?id="passphrase">([^<]+)<', re.S)
# Reports a citizen might write, varied by the filing's number (four stories, nine amounts).
STORIES = (
    "Cán bộ một cửa UBND xã Quảng Phú đòi {n}00 nghìn đồng mới nhận hồ sơ cấp giấy chứng nhận quyền sử dụng đất.",
    "Hồ sơ đăng ký khai sinh của con tôi nộp tại xã Ngọc Lặc đã quá hạn {n} ngày mà cán bộ tư pháp chưa trả kết quả.",
    "Cán bộ địa chính phường Hạc Thành hẹn lần hẹn lữa {n} tuần, không ghi phiếu hướng dẫn, gây phiền hà cho dân.",
    "Chủ tịch UBND xã Thiệu Hóa gợi ý nộp thêm {n} triệu đồng để được cấp phép xây dựng nhà ở nhanh hơn.",
)


def procfile(path: Path = PROCFILE) -> dict[str, str]:
    """The process types of a Procfile and their command lines (`name: command`; # comments and blanks skipped)."""
    commands = {}
    for line in path.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, command = line.partition(":")
        commands[name.strip()] = command.strip()
    return commands


def fresh_database(server_url: str, name: str) -> str:
    """An empty PostgreSQL database `name` on the server of `server_url` (dropped first if it exists); its URL."""
    base = make_url(server_url)
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            for statement in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
                conn.execute(text(statement))
    finally:
        admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def install(env: dict, logs: Path) -> None:
    """The recipe's installation step (deploy/README.md): migrations, the units, the classifier if none."""
    with open(logs / "setup.log", "w") as out:
        subprocess.run(
            [str(Path(sys.executable).parent / "flask"), "--app", "wsgi", "setup"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=300,
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def service_env(database_url: str, redis_url: str, model_dir: str, instance: Path, port: int, **settings) -> dict:
    """The environment of one run of the process set, `settings` on top: its database, Redis, classifier and
    instance folder; queues, limiter namespace and keys of its own; the web app on 127.0.0.1:`port` with two
    processes; the per-client limits out of reach (every citizen of a run comes from 127.0.0.1); the virtualenv's
    programs first on PATH (the Procfile names `gunicorn` and `python`, as an activated virtualenv gives them)."""
    tag = uuid.uuid4().hex[:8]
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "ML_MODEL_DIR": model_dir,
        "INSTANCE_PATH": str(instance),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "ROUTING_QUEUE": f"routing-{tag}",
        "JOBS_QUEUE": f"jobs-{tag}",
        "RATELIMIT_KEY_PREFIX": f"rl-{tag}",
        "SECRET_KEY": f"secret-{tag}",
        "AUDIT_KEY": f"audit-{tag}",
        "PASSPHRASE_KEY": f"passphrase-{tag}",
        "SUBMIT_RATE_LIMIT": "100000 per minute",
        "STATUS_RATE_LIMIT": "100000 per minute",
        **settings,
        "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
    }


@dataclass
class Process:
    kind: str
    index: int
    popen: subprocess.Popen
    log: Path


@dataclass
class ProcessSet:
    """The Procfile's processes, `counts[kind]` of each (honcho's `-c worker=2`), each in its own process group."""

    env: dict
    logs: Path
    counts: dict[str, int]
    processes: list[Process] = field(default_factory=list)

    def start(self) -> "ProcessSet":
        for kind, command in procfile().items():
            for index in range(self.counts.get(kind, 1)):
                self.start_one(kind, command, index)
        return self

    def start_one(self, kind: str, command: str, index: int) -> Process:
        log = self.logs / f"{kind}.{index + 1}.log"
        popen = subprocess.Popen(
            ["/bin/sh", "-c", command],
            cwd=ROOT,
            env=self.env,
            stdout=open(log, "a"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process = Process(kind, index, popen, log)
        self.processes.append(process)
        return process

    def of(self, kind: str) -> list[Process]:
        return [p for p in self.processes if p.kind == kind and p.popen.poll() is None]

    def restart(self, process: Process) -> Process:
        """A process that died, started again (as systemd's Restart=always does)."""
        self.processes.remove(process)
        return self.start_one(process.kind, procfile()[process.kind], process.index)

    def revive(self) -> list[str]:
        """Start again every process that exited (systemd's Restart=always); the kinds started."""
        exited = [p for p in self.processes if p.popen.poll() is not None]
        return [self.restart(process).kind for process in exited]

    def dead(self) -> list[str]:
        return [
            f"{p.kind}.{p.index + 1} (status {p.popen.returncode})"
            for p in self.processes
            if p.popen.poll() is not None
        ]

    def wait_web(self, url: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.dead():
                raise RuntimeError(f"exited: {', '.join(self.dead())}\n{self.tail()}")
            try:
                with urlopen(url, timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{url} did not answer in {timeout} s\n{self.tail()}")

    def tail(self, chars: int = 1500) -> str:
        return "\n".join(f"--- {p.log.name}\n{p.log.read_text()[-chars:]}" for p in self.processes if p.log.exists())

    def stop(self, timeout: float = 15) -> None:
        """TERM to every process group, as systemd and honcho stop them; KILL to what is left after `timeout`."""
        for process in self.processes:
            _signal_group(process.popen, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for process in self.processes:
            try:
                process.popen.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            _signal_group(process.popen, signal.SIGKILL)  # the group's stragglers too (rq's scheduler, gunicorn's)
            process.popen.wait()


def _signal_group(popen: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(popen.pid, signum)
    except ProcessLookupError:
        pass


@dataclass
class Filing:
    """What one citizen's POST of the form got: a receipt (code, passphrase) or the status and page."""

    number: int
    status: int = 0
    code: str | None = None
    passphrase: str | None = None
    page: str = ""


def report_fields(number: int) -> dict:
    fields = {"text": STORIES[number % len(STORIES)].format(n=number % 9 + 1), "kind": "phan-anh", "website": ""}
    if number % 3 == 0:  # some reporters leave an e-mail address: their notices go through the outbox
        fields["reporter_email"] = f"nguoidan{number}@example.vn"
    return fields


def file_reports(base: str, count: int, clients: int) -> list[Filing]:
    """`count` reports filed through the public form by `clients` threads, each a citizen's browser (GET the form
    for its cookie and CSRF token, then POST; a form that does not come is the filing's answer)."""
    filings = [Filing(n) for n in range(count)]

    def citizen(first: int) -> None:
        browser, token = Browser(base), None
        for filing in filings[first::clients]:
            try:
                if token is None:
                    filing.status, filing.page = browser.get("/")
                    token = Browser.token(filing.page) if filing.status == 200 else None
                if token is not None:
                    fields = {"csrf_token": token, **report_fields(filing.number)}
                    filing.status, filing.page = browser.post("/", fields)
            except (OSError, AttributeError) as exc:  # no answer, or a form without its token
                filing.status, filing.page, token = 0, repr(exc), None
            receipt = RECEIPT.search(filing.page) if filing.status == 201 else None
            if receipt:
                filing.code, filing.passphrase = receipt.group(1), receipt.group(2)

    threads = [threading.Thread(target=citizen, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return filings


def routing_state(database_url: str) -> dict[str, tuple[str, int]]:
    """Every report's tracking code → (status, how many times it was classified)."""
    engine = create_engine(database_url)
    classified = func.count(ReportEvent.id)
    query = (
        select(Report.tracking_code, Report.status, classified)
        .outerjoin(ReportEvent, (ReportEvent.report_id == Report.id) & (ReportEvent.kind == EventKind.CLASSIFIED))
        .group_by(Report.id)
    )
    try:
        with engine.connect() as conn:
            return {code: (status, n) for code, status, n in conn.execute(query)}
    finally:
        engine.dispose()


def wait_until_routed(database_url: str, timeout: float) -> dict:
    """The routing state once no report waits to be routed any more (or when `timeout` runs out)."""
    deadline = time.monotonic() + timeout
    while True:
        state = routing_state(database_url)
        waiting = [code for code, (status, _) in state.items() if status == Status.RECEIVED]
        if not waiting or time.monotonic() > deadline:
            return state
        time.sleep(0.5)
