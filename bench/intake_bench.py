"""What a citizen's filing and status look-up cost against the cheapest form POST Flask can serve: the real service
(`wsgi:app`) and a bare Flask app with one Flask-WTF form (CSRF on, a text area with a length validator, a radio
field; a valid POST answers 201), both under gunicorn with the same settings (`-w 2`, sync workers, the service's
access log) on loopback ports, side by side in the same run.

    .venv/bin/python bench/intake_bench.py [--clients 16] [--seconds 20] [--database-url URL] [--redis-url URL]

Each of N client threads GETs the form once for its session cookie and CSRF token, then POSTs for a fixed time: to
the real form a Vietnamese report (text, kind, commune), which is validated, stored and its routing enqueued; to
the status page (/tra-cuu) the tracking code and passphrase of a receipt filed during set-up; to the bare app its
form. Prints requests/s, p50/p95 latency and errors of each, the ratios real/bare, and checks that every filing
answered 201 and that the database holds exactly one report per 201 (nothing lost).

The database is SQLite in a temporary instance folder unless --database-url names a PostgreSQL database, whose
public schema is dropped and rebuilt (give the bench a database of its own). Redis is --redis-url (default
127.0.0.1:6379 db 10, an embedded one when that is unreachable); the run's queue, jobs and limiter counters are
deleted at the end. The rate limits are raised out of reach: the bench measures the work, not the throttle.
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.benchdb import machine_line  # noqa: E402

DEFAULT_REDIS = "redis://127.0.0.1:6379/10"
CSRF = re.compile(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"|<input[^>]*value="([^"]+)"[^>]*name="csrf_token"')
OPTION = re.compile(r'<option[^>]*value="([^"]+)"')
RECEIPT = re.compile(r'id="tracking-code">([^<]+)<.*?id="passphrase">([^<]+)<', re.S)
KINDS = ("phan-anh", "khieu-nai", "to-cao")

STORIES = (
    "Ngày {d}/{m}, tôi đến bộ phận một cửa UBND xã để làm thủ tục cấp giấy chứng nhận quyền sử dụng đất. Cán bộ tiếp "
    "nhận nói hồ sơ thiếu giấy tờ nhưng không ghi phiếu hướng dẫn, và gợi ý nộp thêm {n}00 nghìn đồng để làm nhanh.",
    "Tôi nộp hồ sơ đăng ký khai sinh cho con từ ngày {d}/{m} nhưng đến nay đã quá hạn {n} ngày vẫn chưa có kết quả. "
    "Khi hỏi, cán bộ tư pháp trả lời thiếu tôn trọng và yêu cầu quay lại nhiều lần mà không nói rõ lý do.",
    "Cán bộ địa chính xã đòi {n} triệu đồng mới đo đạc lại thửa đất của gia đình tôi, ngoài lệ phí theo quy định. "
    "Việc này xảy ra vào ngày {d}/{m} tại trụ sở xã, có người hàng xóm chứng kiến.",
)


def bare_app():
    """The baseline: one Flask-WTF form, CSRF on, a POST that validates and answers 201 (a gunicorn factory)."""
    from flask import Flask, render_template_string
    from flask_wtf import FlaskForm
    from flask_wtf.csrf import CSRFProtect
    from wtforms import RadioField, TextAreaField
    from wtforms.validators import DataRequired, Length

    class BareForm(FlaskForm):
        text = TextAreaField("Nội dung", validators=[DataRequired(), Length(min=20, max=10_000)])
        kind = RadioField("Loại đơn", choices=[(k, k) for k in KINDS], default=KINDS[0])

    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    CSRFProtect(app)
    page = "<form method=post>{{ form.hidden_tag() }}{{ form.text() }}{{ form.kind() }}</form>"

    @app.route("/", methods=["GET", "POST"])
    def form():
        form = BareForm()
        if form.validate_on_submit():
            return "đã nhận", 201
        return render_template_string(page, form=form), 400 if form.is_submitted() else 200

    return app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A gunicorn of `app` on a free loopback port, with the service's settings."""

    def __init__(self, name: str, app: str, env: dict, logs: Path, pythonpath: Path):
        from triage.run import WEB_LOGGING

        self.name, self.port, self.log = name, free_port(), logs / f"{name}.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "2", "-k", "sync", "--pythonpath", str(pythonpath)]
            + ["-b", f"127.0.0.1:{self.port}", *WEB_LOGGING, app],
            cwd=ROOT,
            env=env,
            stdout=open(self.log, "w"),
            stderr=subprocess.STDOUT,
        )

    def wait(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with {self.process.returncode}:\n{self.log.read_text()[-3000:]}"
                )
            try:
                status, _ = Client(self.port).request("GET", "/")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer in {timeout} s")

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the workers have used so far: the cost of the requests, whatever else the
        machine is running."""
        import psutil

        workers = psutil.Process(self.process.pid).children()
        return sum(t.user + t.system for t in (w.cpu_times() for w in workers))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Client:
    """One browser: its own connection and cookies (gunicorn's sync workers close after each answer, so every
    request opens a connection, as a browser behind no proxy would)."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, fields: dict | None = None) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
            body = None
            if fields is not None:
                body = urlencode(fields).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, text
        finally:
            conn.close()

    def token(self, path: str) -> str:
        status, page = self.request("GET", path)
        match = CSRF.search(page)
        if status != 200 or not match:
            raise RuntimeError(f"GET {path} answered {status} without a CSRF token")
        return match.group(1) or match.group(2)


def report_fields(rng: random.Random, wards: list[str]) -> dict:
    kind = rng.choice(KINDS)
    fields = {
        "text": rng.choice(STORIES).format(d=rng.randint(1, 28), m=rng.randint(1, 12), n=rng.randint(2, 9)),
        "kind": kind,
        "ward": rng.choice(wards),
        "website": "",
    }
    if kind != "phan-anh":
        fields |= {"reporter_name": "Lê Thị Hoa", "reporter_address": "Thôn 3, xã Quảng Phú"}
    return fields


def drive(server: Server, path: str, clients: int, seconds: float, make_fields, expected: int) -> dict:
    """N clients POSTing to `path` for `seconds`: requests/s, latency percentiles, the workers' CPU time per
    request, statuses other than expected."""
    port = server.port
    latencies: list[list[float]] = [[] for _ in range(clients)]
    wrong: list[dict] = [{} for _ in range(clients)]
    ready = threading.Barrier(clients + 1)
    stop = threading.Event()

    def run(i: int) -> None:
        client, rng = Client(port), random.Random(i)
        token = client.token(path)
        ready.wait()
        while not stop.is_set():
            t = time.perf_counter()
            status, _ = client.request("POST", path, {"csrf_token": token, **make_fields(rng, i)})
            latencies[i].append(time.perf_counter() - t)
            if status != expected:
                wrong[i][status] = wrong[i].get(status, 0) + 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    ready.wait()
    start, cpu = time.perf_counter(), server.cpu_seconds()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed, cpu = time.perf_counter() - start, server.cpu_seconds() - cpu
    times = sorted(t for per in latencies for t in per)
    errors: dict[int, int] = {}
    for per in wrong:
        for status, n in per.items():
            errors[status] = errors.get(status, 0) + n
    return {
        "requests": len(times),
        "per_second": round(len(times) / elapsed, 1),
        "p50_ms": round(statistics.median(times) * 1000, 1),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))] * 1000, 1),
        "cpu_ms": round(cpu / len(times) * 1000, 2),
        "errors": errors,
    }


def prepare_database(url: str | None, instance: Path, redis_url: str):
    """An app on the run's database (SQLite under the instance unless `url`), migrated, with the units loaded."""
    from sqlalchemy import create_engine, text

    from triage.app import create_app
    from triage.cli import prepare_database as migrate_and_load

    if url is None:
        url = f"sqlite:///{instance / 'bench.db'}"
    else:  # the bench's own PostgreSQL database: start from an empty schema
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(instance), "REDIS_URL": redis_url, "SECRET_KEY": "x"}
    )
    migrate_and_load(app)
    return app


def count_reports(app) -> int:
    from sqlalchemy import func, select

    from core.extensions import db
    from core.models import Report

    with app.app_context():
        count = db.session.scalar(select(func.count()).select_from(Report))
        db.session.remove()
        return count


def redis_for(url: str, scratch: Path):
    """The machine's Redis at `url` when it answers, else an embedded one (and the server to stop)."""
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        Redis.from_url(url, socket_connect_timeout=1).ping()
        return url, None
    except RedisError:
        from triage.embedded_redis import EmbeddedRedis

        server = EmbeddedRedis(scratch / "redis", persistent=False).start()
        return server.url, server


def clean_redis(url: str, queue: str, prefix: str) -> None:
    from redis import Redis
    from rq import Queue

    redis = Redis.from_url(url)
    Queue(queue, connection=redis).empty()
    for pattern in (f"rq:*{queue}*", f"*{prefix}*"):
        for key in redis.scan_iter(pattern):
            redis.delete(key)


class BenchInstance:
    """A bench run's own instance: a scratch folder (instance, logs, models), Redis (`redis_for`), a migrated
    database with the units (`prepare_database`), and the environment of the service's processes on them, with
    queues, keys and limiter counters of the run's own and the rate limits out of reach."""

    def __init__(self, prefix: str, database_url: str | None, redis_url: str):
        self.scratch = Path(tempfile.mkdtemp(prefix=prefix))
        self.instance, self.logs, self.models = (self.scratch / n for n in ("instance", "logs", "models"))
        for folder in (self.instance, self.logs, self.models):
            folder.mkdir()
        self.redis_url, self.embedded = redis_for(redis_url, self.scratch)
        self.tag = tag = uuid.uuid4().hex[:8]
        self.app = prepare_database(database_url, self.instance, self.redis_url)
        self.env = {
            **os.environ,
            "DATABASE_URL": self.app.config["SQLALCHEMY_DATABASE_URI"],
            "REDIS_URL": self.redis_url,
            "ML_MODEL_DIR": str(self.models),  # the web process never loads the classifier: the worker routes
            "INSTANCE_PATH": str(self.instance),
            "ROUTING_QUEUE": f"routing-bench-{tag}",
            "JOBS_QUEUE": f"jobs-bench-{tag}",
            "SECRET_KEY": f"secret-{tag}",
            "AUDIT_KEY": f"audit-{tag}",
            "PASSPHRASE_KEY": f"passphrase-{tag}",
            "RATELIMIT_KEY_PREFIX": f"rl-bench-{tag}",
            "SUBMIT_RATE_LIMIT": "10000000 per minute",
            "STATUS_RATE_LIMIT": "10000000 per minute",
        }

    def clean(self) -> None:
        """The run's queues and counters deleted from Redis; an embedded Redis stopped."""
        clean_redis(self.redis_url, self.env["ROUTING_QUEUE"], self.tag)
        if self.embedded is not None:
            self.embedded.stop()


def show(name: str, figures: dict, base: dict | None) -> None:
    ratio = f"{figures['per_second'] / base['per_second']:9.2f}x" if base else f"{'':10}"
    cpu_ratio = f"{base['cpu_ms'] / figures['cpu_ms']:9.2f}x" if base else f"{'':10}"
    errors = sum(figures["errors"].values())
    print(
        f"{name:30} {figures['per_second']:8.1f} {figures['p50_ms']:8.1f} {figures['p95_ms']:8.1f} "
        f"{figures['cpu_ms']:8.2f} {figures['requests']:8d} {errors:6d} {ratio} {cpu_ratio}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=20, help="duration of each measured phase")
    parser.add_argument("--database-url", help="a PostgreSQL database of the bench's own (default: SQLite)")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS)
    parser.add_argument("--receipts", type=int, default=32, help="receipts filed during set-up for the look-ups")
    args = parser.parse_args()

    run = BenchInstance("intake-bench-", args.database_url, args.redis_url)
    app, env, logs, redis_url = run.app, run.env, run.logs, run.redis_url
    database_url = app.config["SQLALCHEMY_DATABASE_URI"]
    servers = [
        Server("bare", "intake_bench:bare_app()", env, logs, ROOT / "bench"),
        Server("real", "wsgi:app", env, logs, ROOT),
    ]
    try:
        for server in servers:
            server.wait()
        bare, real = servers

        setup = Client(real.port)
        token = setup.token("/")
        page = setup.request("GET", "/")[1]
        wards = [w for w in OPTION.findall(page) if w]
        rng = random.Random(0)
        receipts = []
        for _ in range(args.receipts):
            status, body = setup.request("POST", "/", {"csrf_token": token, **report_fields(rng, wards)})
            match = RECEIPT.search(body)
            if status != 201 or not match:
                errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>([^<]+)<', body)
                raise RuntimeError(f"a set-up filing answered {status}: {errors or body[-2000:]}")
            receipts.append(match.groups())

        def bare_fields(rng, _i):
            return {"text": rng.choice(STORIES).format(d=1, m=2, n=3), "kind": rng.choice(KINDS)}

        def lookup_fields(_rng, i):
            code, passphrase = receipts[i % len(receipts)]
            return {"code": code, "passphrase": passphrase}

        before = count_reports(app)
        n, s = args.clients, args.seconds
        results = {"bare form POST": drive(bare, "/", n, s, bare_fields, 201)}
        results["intake POST /"] = drive(real, "/", n, s, lambda r, _i: report_fields(r, wards), 201)
        results["status look-up POST /tra-cuu"] = drive(real, "/tra-cuu", n, s, lookup_fields, 200)
        stored = count_reports(app) - before
    finally:
        for server in servers:
            server.stop()

    backend = "PostgreSQL" if database_url.startswith("postgresql") else "SQLite"
    print(machine_line())
    print(f"{backend}, Redis {redis_url if run.embedded is None else 'embedded'}; gunicorn -w 2 (sync) each; ", end="")
    print(f"{n} clients, {s:g} s per phase")
    print(
        f"{'':30} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms':>8} {'requests':>8} {'errors':>6} "
        f"{'req/s÷bare':>10} {'CPU bare÷':>10}"
    )
    base = results["bare form POST"]
    for name, figures in results.items():
        show(name, figures, None if figures is base else base)
    intake = results["intake POST /"]
    created = intake["requests"] - sum(intake["errors"].values())
    print(f"intake: {intake['requests']} POSTs, {created} answered 201, {stored} reports stored", end=" ")
    print("(nothing lost)" if stored == created == intake["requests"] else "(MISMATCH)")
    for name, figures in results.items():
        if figures["errors"]:
            print(f"{name}: unexpected statuses {figures['errors']}")
    results["reports_stored"] = stored
    print(json.dumps({"backend": backend, "clients": n, "seconds": s, **results}))
    run.clean()
    shutil.rmtree(run.scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
