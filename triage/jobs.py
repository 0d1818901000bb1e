"""rq jobs: importable functions that take ids and are safe to run twice."""
import logging
from functools import cache

from flask import Flask, current_app, has_app_context
from sqlalchemy import select

from intake.extensions import db
from intake.models import Report
from intake.queueing import enqueue_routing
from intake.states import Status
from triage.routing_service import route

log = logging.getLogger(__name__)


@cache
def _standalone_app() -> Flask:
    from triage.app import create_app

    app = create_app()
    app.app_context().push()
    return app


def _app() -> Flask:
    return current_app._get_current_object() if has_app_context() else _standalone_app()


def route_report(report_id: int) -> str:
    """Classify, assign and start the clocks of one report. Routing it again changes nothing."""
    app = _app()
    try:
        report = db.session.scalar(select(Report).where(Report.id == report_id).with_for_update())
        if report is None:
            return "missing"
        if report.status != Status.RECEIVED:
            db.session.rollback()
            return "already-routed"
        outcome = route(db.session, report, app.extensions["services"])
        db.session.commit()
        return outcome
    finally:
        db.session.remove()


def reconcile_unrouted() -> int:
    """Enqueue every report still waiting to be routed (whatever Redis may have lost)."""
    app = _app()
    try:
        ids = db.session.scalars(select(Report.id).where(Report.status == Status.RECEIVED).order_by(Report.id)).all()
    finally:
        db.session.remove()
    redis = app.extensions["redis"]
    for report_id in ids:
        enqueue_routing(redis, app.config["ROUTING_QUEUE"], report_id)
    if ids:
        log.info("reconciler: %d report(s) waiting to be routed were enqueued", len(ids))
    return len(ids)
