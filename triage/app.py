"""The web application factory: the kernel (triage.context) plus the citizen side (intake) and the staff side."""

from collections.abc import Mapping

from flask import Flask, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from core import audit, bad_input, compression, headers, proxies, vietnamese
from core.extensions import csrf, login_manager
from core.ratelimit import limit_view
from core.vocabulary import CODES, FINISHED, HANDLED_WITHOUT_ACCEPTANCE, label, outcome_label
from intake import api
from intake.public import bp as public_bp
from intake.public import handle_csrf_error
from triage import cli, error_pages, health, metrics
from triage.admin import queues as admin_queues
from triage.admin import views as admin
from triage.backup import cli as backup_cli
from triage.casework import access, auth, case_file, document_views, entry, linking_views, procedure, queue
from triage.context import create_base_app
from triage.deadlines import views as supervision
from triage.reporting import dashboard, exports, transparency


def create_app(config: Mapping | None = None) -> Flask:
    app = create_base_app(config)
    bad_input.init_app(app)
    proxies.trust_proxies(app)
    csrf.init_app(app)
    login_manager.init_app(app)

    app.register_blueprint(public_bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(queue.bp)
    app.register_blueprint(case_file.bp)
    app.register_blueprint(linking_views.bp)
    app.register_blueprint(procedure.bp)
    app.register_blueprint(document_views.bp)
    app.register_blueprint(entry.bp)
    app.register_blueprint(supervision.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(admin_queues.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(exports.bp)
    app.register_blueprint(exports.exports)
    app.register_blueprint(transparency.bp)
    auth.init_login(login_manager)
    cli.register(app)
    backup_cli.register(app)
    audit.init_app(app)
    headers.init_app(app)
    compression.init_app(app)  # text only, and never a page with a CSRF token or a staff page (BREACH)
    for endpoint, limit in (
        ("public.submit", "SUBMIT_RATE_LIMIT"),
        ("public.status", "STATUS_RATE_LIMIT"),
        ("public.reply", "STATUS_RATE_LIMIT"),
        ("public.withdraw", "STATUS_RATE_LIMIT"),
        ("public.second_instance", "STATUS_RATE_LIMIT"),
        ("public.document", "STATUS_RATE_LIMIT"),
    ):
        limit_view(app, endpoint, limit)
    health.init_app(app)  # /healthz, /readyz
    metrics.init_app(app)  # /metrics, and the count of every request
    api.init_app(app)  # Open311, the JSON status look-up, their OpenAPI document: CSRF-exempt, own rate limits
    app.register_error_handler(CSRFError, _expired_session)
    error_pages.init_app(app)  # Vietnamese pages for every other refusal or failure; 503 when the database is down
    app.add_url_rule("/favicon.ico", "favicon", lambda: app.send_static_file("favicon.ico"))  # clients ask for it
    app.jinja_env.filters.update(
        vi_date=vietnamese.format_date,
        vi_datetime=vietnamese.format_datetime,
        vi_int=vietnamese.format_int,
        vi_decimal=vietnamese.format_decimal,
        vi_pct=vietnamese.format_percent,
        outcome=outcome_label,
    )
    app.jinja_env.globals["may"] = access.current_user_may  # may('resolve', report), for the signed-in user
    app.jinja_env.filters["label"] = label
    app.jinja_env.globals.update((code.__name__, code) for code in CODES)  # for comparisons: Status.ROUTED
    app.jinja_env.globals.update(FINISHED=FINISHED, HANDLED_WITHOUT_ACCEPTANCE=HANDLED_WITHOUT_ACCEPTANCE)
    return app


def _expired_session(error: CSRFError):
    """A missing or stale CSRF token: a step of the case file comes back with what was typed; the citizen's
    forms do the same (`intake.public.handle_csrf_error`)."""
    endpoint = request.endpoint or ""
    if request.path.startswith(headers.STAFF_PREFIX) and endpoint != "auth.login" and not current_user.is_authenticated:
        return error_pages.expired_staff_page()  # signed out meanwhile (another tab): the text to copy, no case page
    if endpoint.startswith("procedure.") and request.view_args:
        return procedure.after_expired_session(endpoint.split(".", 1)[1], request.view_args["report_id"])
    if endpoint == "entry.submit" and (page := entry.after_expired_session()) is not None:
        return page
    if endpoint == "auth.login":
        return auth.after_expired_session()
    if request.path.startswith(headers.STAFF_PREFIX):
        return error_pages.expired_staff_page()
    return handle_csrf_error(error)
