"""The application factory: it binds the citizen side (intake) and the staff side (triage)."""
from collections.abc import Mapping

from flask import Flask
from flask_wtf.csrf import CSRFError

from intake import audit, security
from intake.config import PROJECT_ROOT, load_config
from intake.database import configure_sqlite
from intake.extensions import csrf, db, login_manager
from intake.public import bp as public_bp
from intake.public import handle_csrf_error
from intake.ratelimit import limit_view
from intake.queueing import redis_connection
from triage.calendar_store import load_calendar
from triage.services import Services


def create_app(config: Mapping | None = None) -> Flask:
    app = Flask(
        "triage",
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "intake" / "static"),
        instance_path=None,
    )
    app.config.update(load_config(config))
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"connect_args": {"timeout": 15}})

    db.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine)
    app.extensions["redis"] = redis_connection(app.config["REDIS_URL"])
    app.extensions["services"] = Services.from_config(app.config, calendar_loader=lambda: load_calendar(db.session))

    from triage import admin, auth, case_view, cli, dashboard, reports_view, staff, supervision, transparency

    app.register_blueprint(public_bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(staff.bp)
    app.register_blueprint(case_view.bp)
    app.register_blueprint(supervision.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(reports_view.bp)
    app.register_blueprint(reports_view.exports)
    app.register_blueprint(transparency.bp)
    auth.init_login(login_manager)
    cli.register(app)
    audit.init_app(app)
    security.init_app(app)
    for endpoint, limit in (("public.submit", "SUBMIT_RATE_LIMIT"), ("public.status", "STATUS_RATE_LIMIT"),
                            ("public.reply", "STATUS_RATE_LIMIT")):
        limit_view(app, endpoint, limit)
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.jinja_env.filters["vi_date"] = _vi_date
    app.jinja_env.filters["vi_datetime"] = _vi_datetime
    return app


def _vi_date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _vi_datetime(value) -> str:
    from zoneinfo import ZoneInfo

    return value.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).strftime("%H:%M %d/%m/%Y") if value else ""
