"""The staff side, first cut: an inspector's queue of their own unit and the case file."""
from datetime import date

from flask import Blueprint, abort, render_template
from flask_login import current_user, login_required
from sqlalchemy import select

from intake.extensions import db
from intake.models import Report, Role
from intake.states import STATUS_LABELS, Status
from ml.taxonomy import AGENCY_NAMES, CATEGORY_NAMES

bp = Blueprint("staff", __name__, url_prefix="/can-bo")

PROVINCE_WIDE = {Role.SUPERVISOR, Role.ADMIN}


def visible_reports(user):
    """The reports a user may see: an inspector only their unit's; triage officers the triage queue."""
    query = select(Report)
    if user.role in PROVINCE_WIDE:
        return query
    if user.role == Role.TRIAGE:
        return query.where(Report.status == Status.NEEDS_TRIAGE)
    return query.where(Report.unit_id == user.unit_id, Report.unit_id.is_not(None))


@bp.get("/")
@login_required
def queue():
    reports = db.session.scalars(visible_reports(current_user).order_by(Report.received_at.desc()).limit(200)).all()
    return render_template("staff/queue.html", reports=reports, status_labels=STATUS_LABELS, today=date.today(),
                           calendar=_calendar())


@bp.get("/bao-cao/<int:report_id>")
@login_required
def case_file(report_id: int):
    report = db.session.scalar(visible_reports(current_user).where(Report.id == report_id))
    if report is None:
        abort(404)
    return render_template("staff/case.html", report=report, status_labels=STATUS_LABELS,
                           agency_names=AGENCY_NAMES, category_names=CATEGORY_NAMES, calendar=_calendar(),
                           today=date.today())


def _calendar():
    from flask import current_app

    return current_app.extensions["services"].calendar
