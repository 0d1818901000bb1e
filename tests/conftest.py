"""Shared fixtures: real Redis, real databases (SQLite always, PostgreSQL when TEST_DATABASE_URL is set)."""

import os
import shutil
import uuid
from pathlib import Path

import pytest
from redis import Redis
from redis.exceptions import RedisError

from tests_support import IN_CI, PASSWORD, TEST_AUDIT_KEY, sign_in


def _worker_number() -> int:
    """Which pytest-xdist worker runs this process (0 without xdist): each has its own databases and Redis db."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return int(worker[2:]) if worker.startswith("gw") and worker[2:].isdigit() else 0


def _worker_redis_url(url: str) -> str:
    """The Redis database of this worker: the configured one plus the worker's number (db 0 → 0, 1, …)."""
    from urllib.parse import urlsplit, urlunsplit

    n = _worker_number()
    if not n or url.startswith("unix://"):
        return url
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{base + n}"))


def _worker_database_url(url: str) -> str:
    """This worker's PostgreSQL database: the configured one for the first worker, `<name>_gwN` created on demand
    for the others."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    n = _worker_number()
    if not n:
        return url
    base = make_url(url)
    name = f"{base.database}_gw{n}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        pytest.fail(f"PostgreSQL at TEST_DATABASE_URL is not reachable: {exc}")
    finally:
        admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """The machine's Redis when REDIS_URL is set (always under CI), else an embedded one."""
    url = os.environ.get("REDIS_URL")
    if url:
        url = _worker_redis_url(url)
        try:
            Redis.from_url(url, socket_connect_timeout=2).ping()
        except RedisError as exc:
            pytest.fail(f"REDIS_URL={url} is not reachable: {exc}")
        yield url
        return
    if IN_CI:
        pytest.fail("CI=true but REDIS_URL is not set: the tests must run against the machine's Redis")
    from triage.embedded_redis import EmbeddedRedis

    server = EmbeddedRedis(tmp_path_factory.mktemp("redis"), persistent=False).start()
    yield server.url
    server.stop()


def _database_params():
    params = ["sqlite"]
    if os.environ.get("TEST_DATABASE_URL") or IN_CI:
        params.append("postgresql")
    return params


@pytest.fixture(scope="session", params=_database_params())
def database_url(request, tmp_path_factory):
    """A migrated database with the directory of units loaded, once per backend."""
    from core.database import upgrade_database

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    else:
        url = os.environ.get("TEST_DATABASE_URL")
        if not url:
            pytest.fail("CI=true but TEST_DATABASE_URL is not set: the tests must run against PostgreSQL")
        url = _worker_database_url(url)
        _recreate_postgres_schema(url)
    upgrade_database(url)
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from core.units import load_units

    engine = create_engine(url)
    with Session(engine) as session:
        load_units(session)
        session.commit()
    engine.dispose()
    return url


def _recreate_postgres_schema(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    except OperationalError as exc:
        pytest.fail(f"PostgreSQL at TEST_DATABASE_URL is not reachable: {exc}")
    finally:
        engine.dispose()


MUTABLE_TABLES = (
    "api_key_uses",
    "report_links",
    "documents",
    "document_counters",
    "periodic_reports",
    "attachments",
    "corrections",
    "notifications",
    "report_events",
    "clocks",
    "reports",
    "staff_sessions",
    "users",
    "api_keys",
    "calendar_overrides",
)


def _empty_tables(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        for table in MUTABLE_TABLES:
            conn.execute(text(f"DELETE FROM {table}"))
    engine.dispose()


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory):
    """A real classifier, trained once per session from the project's corpus (a subsample, for speed)."""
    from ml.train import train_and_publish

    out = tmp_path_factory.mktemp("models")
    train_and_publish(
        out_dir=out, max_rows=int(os.environ.get("TEST_MODEL_ROWS", "2500")), progress=False, evaluate_test=False
    )
    return str(out)


@pytest.fixture
def make_app(database_url, redis_url, model_dir, tmp_path):
    """Build an app on the session's database and Redis, with its own queue names."""
    created = []

    def _make(**overrides):
        from triage.app import create_app

        config = {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "AUDIT_KEY": TEST_AUDIT_KEY,
            "PASSPHRASE_KEY": TEST_AUDIT_KEY,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "SQLALCHEMY_DATABASE_URI": database_url,
            "REDIS_URL": redis_url,
            "ROUTING_QUEUE": f"routing-test-{uuid.uuid4().hex[:8]}",
            "JOBS_QUEUE": f"jobs-test-{uuid.uuid4().hex[:8]}",
            "ML_MODEL_DIR": model_dir,
            **overrides,
        }
        app = create_app(config)
        created.append(app)
        return app

    _empty_tables(database_url)
    yield _make
    from core.extensions import db

    for app in created:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=True)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def session(app):
    from core.extensions import db

    with app.app_context():
        yield db.session
        db.session.rollback()


@pytest.fixture
def make_report(app):
    """Factory: a stored report with overrides, e.g. make_report(text=..., kind="to-cao")."""
    from core.extensions import db
    from intake.submission import submit_report

    def _make(**overrides):
        fields = {
            "text": "Cán bộ địa chính xã hẹn lần hẹn lữa, ba tháng chưa trả kết quả hồ sơ đất.",
            "kind": "phan-anh",
        }
        fields.update(overrides)
        with app.app_context():
            receipt = submit_report(db.session, **fields)
            db.session.commit()
        return receipt

    return _make


@pytest.fixture
def user_by_name(app):
    """The account with this username as the database holds it now (detached, columns loaded), or None."""
    from sqlalchemy import select

    from core.extensions import db
    from core.models import User

    def _read(username: str):
        with app.app_context():
            user = db.session.scalar(select(User).where(User.username == username))
            if user is not None:
                db.session.expunge(user)
            return user

    return _read


@pytest.fixture
def make_user(app, user_by_name):
    """Factory: a staff account made as an administrator makes it (the `users create` command), returned as
    `user_by_name` reads it, e.g. make_user("cb.quangphu", unit="16522").id."""

    def _make(
        username: str,
        *,
        role: str | None = None,
        unit: str | None = None,
        name: str | None = None,
        email: str | None = None,
        password: str = PASSWORD,
    ):
        args = ["users", "create", username, "--password", password]
        for option, value in (("--role", role), ("--unit", unit), ("--name", name), ("--email", email)):
            if value is not None:
                args += [option, value]
        result = app.test_cli_runner().invoke(args=args)
        assert result.exit_code == 0, result.output
        return user_by_name(username)

    return _make


@pytest.fixture
def login_as(csrf_token):
    """Sign a test client in through the real form; fails the test when the sign-in is refused.

    Keyword arguments go to the form's POST (e.g. environ_base, base_url, headers)."""

    def _login(client, username: str, password: str = PASSWORD, **kwargs):
        response = sign_in(client, csrf_token, username, password, **kwargs)
        assert response.status_code == 302, f"sign-in of {username} refused ({response.status_code})"
        return response

    return _login


def pytest_collection_modifyitems(config, items):
    """Markers from where a test lives and what it runs on: tests/e2e are e2e, PostgreSQL parameters postgres;
    a test marked one_backend runs on SQLite only."""
    kept, dropped = [], []
    for item in items:
        if "e2e" in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.e2e)
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "postgresql" in callspec.id:
            item.add_marker(pytest.mark.postgres)
            if item.get_closest_marker("one_backend"):
                dropped.append(item)
                continue
        kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def pytest_report_header(config):
    return [
        f"CI={IN_CI}; REDIS_URL={'set' if os.environ.get('REDIS_URL') else 'embedded'}; "
        f"PostgreSQL={'yes' if os.environ.get('TEST_DATABASE_URL') else 'no'}",
        f"chromium={'yes' if shutil.which('chromium') else 'no'}",
    ]


@pytest.fixture
def csrf_token():
    """Read the CSRF token a page rendered into its form."""
    import re

    def _read(response) -> str:
        for tag in re.findall(r"<input[^>]*>", response.get_data(as_text=True)):
            if 'name="csrf_token"' in tag:
                return re.search(r'value="([^"]+)"', tag).group(1)
        raise AssertionError("page has no CSRF token")

    return _read


class MailSink:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it receives."""

    def __init__(self):
        import threading

        self.messages = []
        self.in_rcpt = threading.Event()
        self.rcpt_delay = 0.0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        import asyncio

        self.in_rcpt.set()
        if self.rcpt_delay:
            await asyncio.sleep(self.rcpt_delay)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(
            {"to": envelope.rcpt_tos[0], "subject": str(message["Subject"]), "body": message.get_content()}
        )
        return "250 Message accepted"

    def to(self, address: str) -> list[dict]:
        return [m for m in self.messages if m["to"] == address]


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    sink = MailSink()
    controller = Controller(sink, hostname="127.0.0.1", port=_free_port())
    controller.start()
    sink.port = controller.port
    yield sink
    controller.stop()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
