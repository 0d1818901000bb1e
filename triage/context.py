"""The application that jobs run in: the kernel bound to a Flask app (database, Redis, services), no views.

`create_base_app` is the first half of the web app factory (`triage.app.create_app` adds blueprints, CSRF,
sign-in and headers to it). Jobs use `job_app()`: the current app when one is pushed (tests, the worker),
otherwise one built here once per process — never the web factory, so jobs import no view.
"""

from collections.abc import Mapping
from functools import cache

from flask import Flask, current_app, has_app_context
from rq import Queue

from core.config import PROJECT_ROOT, load_config
from core.database import configure_sqlite
from core.extensions import db
from core.queueing import redis_connection
from triage.casework import linking  # noqa: F401  (its hook: a case's steps taken by its merged reports)
from triage.deadlines.calendar_store import load_calendar
from triage.notices import reporter as reporter_notices
from triage.services import Services


def create_base_app(config: Mapping | None = None) -> Flask:
    app = Flask(
        "triage",
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "intake" / "static"),
        instance_path=None,
    )
    app.config.update(load_config(config))
    # A pooled connection the server dropped (a restart, a failover, an idle timeout) is replaced before use, never
    # handed to a request: each worker's first request after PostgreSQL comes back would fail on it.
    options = {"pool_pre_ping": True, **app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {})}
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        options.setdefault("connect_args", {"timeout": 15})
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    db.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine)
    app.extensions["redis"] = redis_connection(app.config["REDIS_URL"])
    app.extensions["services"] = Services.from_config(app.config, calendar_loader=lambda: load_calendar(db.session()))
    reporter_notices.install()  # every public step of a report tells its reporter (triage.notices.reporter)
    return app


@cache
def _standalone_app() -> Flask:
    app = create_base_app()
    app.app_context().push()
    return app


def job_app() -> Flask:
    """The app a job runs in (see the module docstring)."""
    if has_app_context():
        return current_app._get_current_object()  # type: ignore[attr-defined]
    return _standalone_app()


def jobs_queue(app: Flask) -> Queue:
    """The queue of deadline, notification and housekeeping jobs."""
    return Queue(app.config["JOBS_QUEUE"], connection=app.extensions["redis"])
