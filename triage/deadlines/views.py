"""Supervisors' view of the deadline machinery: pending reminders, sent notifications, failed deliveries."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from sqlalchemy import func, select

from core.extensions import db
from core.models import Clock, Notification, Report
from core.vietnamese import today_in_vietnam
from core.vocabulary import ClockStatus, Delivery
from triage.casework.access import guard_blueprint
from triage.deadlines.jobs import enqueue_pending_notifications
from triage.deadlines.outbox import retry_dead

bp = Blueprint("supervision", __name__, url_prefix="/can-bo/giam-sat")
guard_blueprint(bp, "supervise deadlines")

PAGE = 100


@bp.get("/thong-bao")
def notifications():
    status = request.args.get("status", "")
    query = select(Notification).order_by(Notification.id.desc()).limit(PAGE)
    if status in Delivery:
        query = query.where(Notification.status == status)
    rows = db.session.scalars(query).all()
    counts = dict(db.session.execute(select(Notification.status, func.count()).group_by(Notification.status)).all())
    today = today_in_vietnam()
    upcoming = db.session.execute(
        select(Clock, Report.tracking_code)
        .join(Report, Report.id == Clock.report_id)
        .where(Clock.status == ClockStatus.RUNNING, Clock.next_action_on.is_not(None))
        .order_by(Clock.next_action_on, Clock.id)
        .limit(PAGE)
    ).all()
    return render_template(
        "staff/notifications.html", rows=rows, counts=counts, status=status, upcoming=upcoming, today=today
    )


@bp.post("/thong-bao/<int:notification_id>/gui-lai")
def retry(notification_id: int):
    if retry_dead(db.session, notification_id):
        db.session.commit()
        enqueue_pending_notifications()
        flash("Đã xếp thư vào hàng gửi lại.")
    else:
        flash("Thư này không ở trạng thái gửi thất bại.")
    return redirect(url_for("supervision.notifications", status=request.args.get("status", "")))
