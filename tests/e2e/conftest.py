"""A live service for end-to-end tests: gunicorn and an rq worker as real processes."""

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.request import urlopen

import pytest

from tests_support import TEST_AUDIT_KEY, ci_requires
from triage.run import WEB_LOGGING

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {timeout} s")


def _service_env(database_url, redis_url, model_dir, tmp_path, **extra) -> dict:
    """The environment of the service's processes: the test database, Redis and model, queues of their own."""
    tag = uuid.uuid4().hex[:8]
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "ML_MODEL_DIR": model_dir,
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "ROUTING_QUEUE": f"routing-{tag}",
        "JOBS_QUEUE": f"jobs-{tag}",
        "SECRET_KEY": f"secret-{tag}",
        "AUDIT_KEY": TEST_AUDIT_KEY,
        "PASSPHRASE_KEY": TEST_AUDIT_KEY,
        "RATELIMIT_KEY_PREFIX": f"rl-{tag}",
        "STATUS_RATE_LIMIT": "1000 per minute",
        **extra,
    }


@pytest.fixture(scope="session")
def service_env():
    """The environment builder of the service's processes, for tests that start processes of their own."""
    return _service_env


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        ci_requires("chromium")
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
    ]
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=args)
        yield b
        b.close()


@pytest.fixture
def live_service(request, database_url, redis_url, model_dir, tmp_path, make_app):
    """The web app on a free port and one worker, both on the test database and Redis; settings of a
    `@pytest.mark.service_env(NAME="value")` marker go into both processes' environment."""
    port = _free_port()
    marker = request.node.get_closest_marker("service_env")
    env = _service_env(database_url, redis_url, model_dir, tmp_path, **(marker.kwargs if marker else {}))
    logs = tmp_path / "logs"
    logs.mkdir()
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", *WEB_LOGGING, "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=open(logs / "web.log", "w"),
        stderr=subprocess.STDOUT,
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "triage.worker"],
        cwd=ROOT,
        env=env,
        stdout=open(logs / "worker.log", "w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_http(base + "/", web)
        yield {
            "base": base,
            "env": env,
            "logs": logs,
            "worker": worker,
            "app": make_app(ROUTING_QUEUE=env["ROUTING_QUEUE"], JOBS_QUEUE=env["JOBS_QUEUE"]),
        }
    finally:
        for process in (web, worker):
            process.terminate()
        for process in (web, worker):
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()


class Workers:
    """rq worker processes started and killed by a test."""

    def __init__(self, env: dict, logs: Path):
        self.env, self.logs, self.processes = env, logs, []

    def start(self) -> subprocess.Popen:
        n = len(self.processes)
        process = subprocess.Popen(
            [sys.executable, "-m", "triage.worker"],
            cwd=ROOT,
            env=self.env,
            stdout=open(self.logs / f"worker{n}.log", "w"),
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def workers(database_url, redis_url, model_dir, tmp_path, smtp_server, make_app):
    """Worker processes on the test database, Redis and SMTP server; `app` is a matching in-process app."""
    env = _service_env(
        database_url,
        redis_url,
        model_dir,
        tmp_path,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=str(smtp_server.port),
        MAIL_CLAIM_TIMEOUT_SECONDS="1",
    )
    logs = tmp_path / "logs"
    logs.mkdir(exist_ok=True)
    pool = Workers(env, logs)
    pool.app = make_app(
        **{k: env[k] for k in ("ROUTING_QUEUE", "JOBS_QUEUE", "SMTP_HOST")},
        SMTP_PORT=smtp_server.port,
        MAIL_CLAIM_TIMEOUT_SECONDS=1,
    )
    yield pool
    pool.stop_all()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where the browser walks save their screenshots: docs/screenshots/ when SCREENSHOTS=docs (`make screenshots`),
    otherwise a temporary directory, so that a test run leaves the tree clean."""
    if os.environ.get("SCREENSHOTS") == "docs":
        path = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    else:
        path = tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path
