"""The staff side: the queue of reports a user may work on."""
from datetime import date

from flask import Blueprint, render_template
from flask_login import current_user, login_required
from sqlalchemy import select

from intake.extensions import db
from intake.models import Report
from intake.states import STATUS_LABELS
from triage.access import visible_reports

bp = Blueprint("staff", __name__, url_prefix="/can-bo")

@bp.get("/")
@login_required
def queue():
    reports = db.session.scalars(visible_reports(current_user).order_by(Report.received_at.desc()).limit(200)).all()
    return render_template("staff/queue.html", reports=reports, status_labels=STATUS_LABELS, today=date.today(),
                           calendar=_calendar())


def _calendar():
    from flask import current_app

    return current_app.extensions["services"].calendar
