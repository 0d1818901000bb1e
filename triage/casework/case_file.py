"""The case file: everything about one report, and the actions an inspector takes on it."""

from urllib.parse import quote

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from core.extensions import db
from core.models import Report, Unit, User, utcnow
from core.states import InvalidTransition
from core.vietnamese import format_date, today_in_vietnam
from core.vocabulary import ClockStatus, EventKind, Role, Status
from intake.attachments import AttachmentStore
from triage.casework import actions
from triage.casework.access import guard_blueprint, may, visible_reports
from triage.casework.forms import EmptyForm, ExtendForm, RerouteForm, ResolveForm, SixClearForm, TextForm
from triage.casework.jobs import enqueue_export_corrections
from triage.casework.redaction import redact
from triage.deadlines.clocks import extend_clock
from triage.deadlines.policy import ExtensionError

bp = Blueprint("cases", __name__, url_prefix="/can-bo/bao-cao")
guard_blueprint(bp, "work the queue")
TRIAGE_CHOICE = "__triage__"


def _services():
    return current_app.extensions["services"]


def _load(report_id: int) -> Report:
    report = db.session.scalar(visible_reports(current_user).where(Report.id == report_id))
    if report is None:
        abort(404)
    return report


def _require(report: Report, action: str) -> None:
    """403: the user sees the report (it was loaded through `visible_reports`) but may not do this."""
    if not may(current_user, action, report):
        abort(403)


def _colleagues(report: Report) -> list[User]:
    if report.unit_id is None:
        return []
    return list(
        db.session.scalars(
            select(User)
            .where(User.unit_id == report.unit_id, User.role == Role.INSPECTOR, User.active.is_(True))
            .order_by(User.username)
        )
    )


def _reroute_choices(report: Report) -> list[SelectChoice]:
    units = db.session.scalars(select(Unit).order_by(Unit.division, Unit.name_ascii)).all()
    choices = [SelectChoice(TRIAGE_CHOICE, "— Trả về phân loại thủ công —")]
    choices += [
        SelectChoice(u.code, u.name) for u in units if u.id != report.accused_unit_id and u.id != report.unit_id
    ]
    return choices


def _forms(report: Report) -> dict:
    sixclear = SixClearForm(
        prefix="six",
        data={
            "assignee": str(report.assignee_id or ""),
            "task": report.sixclear_task,
            "responsibility": report.sixclear_responsibility or (report.unit.name if report.unit else ""),
            "authority": report.sixclear_authority,
            "due_on": report.sixclear_due_on,
        },
    )
    sixclear.assignee.choices = [SelectChoice("", "— Chưa giao —")] + [
        SelectChoice(str(u.id), u.full_name or u.username) for u in _colleagues(report)
    ]
    reroute = RerouteForm(prefix="rr")
    reroute.unit.choices = _reroute_choices(report)
    extend = ExtendForm(prefix="ext")
    extend.stage.choices = [
        SelectChoice(c.stage, c.label) for c in report.clocks if c.is_open or c.status == ClockStatus.BREACHED
    ]
    return {
        "sixclear": sixclear,
        "reroute": reroute,
        "extend": extend,
        "resolve": ResolveForm(prefix="res"),
        "note": TextForm(prefix="note"),
        "question": TextForm(prefix="ask"),
        "findings": TextForm(prefix="fnd"),
        "button": EmptyForm(),
    }


@bp.get("/<int:report_id>")
def view(report_id: int):
    report = _load(report_id)
    return _render(report)


def _render(report: Report, contact: bool = False, status: int = 200):
    actors = {
        u.id: (u.full_name or u.username)
        for u in db.session.scalars(select(User).where(User.id.in_({e.actor_id for e in report.events if e.actor_id})))
    }
    return render_template(
        "staff/case.html",
        report=report,
        calendar=_services().calendar,
        today=today_in_vietnam(),
        forms=_forms(report),
        missing=actions.missing_sixclear(report),
        actors=actors,
        show_contact=contact,
    ), status


def _done(report: Report, message: str):
    db.session.commit()
    flash(message, "ok")
    return redirect(url_for("cases.view", report_id=report.id), code=303)


def _refused(report: Report, message: str):
    db.session.rollback()
    flash(message, "error")
    return redirect(url_for("cases.view", report_id=report.id), code=303)


def _form_errors(form) -> str:
    return " ".join(e for errors in form.errors.values() for e in errors) or "Dữ liệu chưa hợp lệ."


@bp.post("/<int:report_id>/6-ro")
def save_sixclear(report_id: int):
    report = _load(report_id)
    _require(report, "assign")
    form = _forms(report)["sixclear"]
    if not form.validate_on_submit():
        return _refused(report, _form_errors(form))
    assignee = db.session.get(User, int(form.assignee.data)) if (form.assignee.data or "").isdigit() else None
    try:
        if (assignee.id if assignee else None) != report.assignee_id:
            actions.assign_report(report, assignee, actor_id=current_user.id)
    except actions.ActionRefused as exc:
        return _refused(report, str(exc))
    if may(current_user, "edit six-clear", report):
        report.sixclear_task, report.sixclear_responsibility = form.task.data or None, form.responsibility.data or None
        report.sixclear_authority, report.sixclear_due_on = form.authority.data or None, form.due_on.data
        report.record(EventKind.SIX_CLEAR, actor_id=current_user.id)
    return _done(report, 'Đã lưu "6 rõ".')


@bp.post("/<int:report_id>/thu-ly")
def accept(report_id: int):
    report = _load(report_id)
    _require(report, "accept")
    if not EmptyForm().validate_on_submit():
        return _refused(report, "Phiên làm việc đã hết hạn, xin thử lại.")
    try:
        actions.accept_report(
            report, now=utcnow(), services=_services(), actor_id=current_user.id, require_sixclear=True
        )
    except (actions.ActionRefused, InvalidTransition) as exc:
        return _refused(
            report, str(exc) if isinstance(exc, actions.ActionRefused) else "Đơn không ở trạng thái thụ lý được."
        )
    return _done(report, "Đã thụ lý đơn. Thời hạn giải quyết bắt đầu tính.")


@bp.post("/<int:report_id>/chuyen")
def reroute(report_id: int):
    report = _load(report_id)
    _require(report, "reroute")
    form = _forms(report)["reroute"]
    if not form.validate_on_submit():
        return _refused(report, _form_errors(form))
    unit = (
        None if form.unit.data == TRIAGE_CHOICE else db.session.scalar(select(Unit).where(Unit.code == form.unit.data))
    )
    if unit is None and form.unit.data != TRIAGE_CHOICE:
        return _refused(report, "Không tìm thấy đơn vị này.")
    try:
        correction = actions.reroute_report(db.session, report, unit, reason=form.reason.data, actor_id=current_user.id)
    except actions.ActionRefused as exc:
        return _refused(report, str(exc))
    db.session.commit()
    if correction is not None:
        enqueue_export_corrections()
    flash(f"Đã chuyển đơn đến {unit.name if unit else 'bộ phận phân loại'}.", "ok")
    # The report may now be out of this user's sight.
    target = url_for("cases.view", report_id=report.id) if _still_visible(report.id) else url_for("staff.queue")
    return redirect(target, code=303)


def _still_visible(report_id: int) -> bool:
    return db.session.scalar(visible_reports(current_user, select(Report.id)).where(Report.id == report_id)) is not None


@bp.post("/<int:report_id>/hoi-them")
def ask(report_id: int):
    report = _load(report_id)
    _require(report, "request information")
    form = _forms(report)["question"]
    if not form.validate_on_submit():
        return _refused(report, _form_errors(form))
    if report.status not in (Status.ROUTED, Status.ACCEPTED):
        return _refused(report, "Chỉ hỏi thêm được khi đơn đang được xử lý.")
    actions.request_information(report, now=utcnow(), question=form.text.data, actor_id=current_user.id)
    return _done(report, "Đã gửi câu hỏi cho người phản ánh; thời hạn tạm dừng đến khi họ trả lời.")


@bp.post("/<int:report_id>/gia-han")
def extend(report_id: int):
    report = _load(report_id)
    _require(report, "extend")
    form = _forms(report)["extend"]
    if not form.validate_on_submit():
        return _refused(report, _form_errors(form))
    clock = next((c for c in report.clocks if c.stage == form.stage.data), None)
    services = _services()
    try:
        extend_clock(
            clock,
            complexity=form.complexity.data,
            policy=services.policy,
            calendar=services.calendar,
            points=services.points,
        )
    except ExtensionError:
        return _refused(report, "Không thể gia hạn thêm: pháp luật không cho phép gia hạn thời hạn này thêm lần nữa.")
    report.record(
        EventKind.EXTENDED,
        public=True,
        actor_id=current_user.id,
        stage=clock.stage,
        label=clock.label,
        reason=form.reason.data,
        due_on=clock.due_on.isoformat(),
        due_on_vi=format_date(clock.due_on),
    )
    return _done(report, f"Đã gia hạn: {clock.label} đến {format_date(clock.due_on)}.")


@bp.post("/<int:report_id>/ghi-chu")
def note(report_id: int):
    report = _load(report_id)
    _require(report, "note")
    form = _forms(report)["note"]
    if not form.validate_on_submit():
        return _refused(report, _form_errors(form))
    actions.add_note(report, form.text.data, actor_id=current_user.id)
    return _done(report, "Đã thêm ghi chú nội bộ.")


@bp.post("/<int:report_id>/xac-minh")
def findings(report_id: int):
    report = _load(report_id)
    _require(report, "record findings")
    form = _forms(report)["findings"]
    if not form.validate_on_submit():
        return _refused(report, _form_errors(form))
    actions.record_findings(report, form.text.data, actor_id=current_user.id)
    return _done(report, "Đã ghi kết quả xác minh.")


@bp.post("/<int:report_id>/giai-quyet")
def resolve(report_id: int):
    report = _load(report_id)
    _require(report, "resolve")
    form = _forms(report)["resolve"]
    if not form.validate_on_submit():
        return _refused(report, _form_errors(form))
    try:
        report.response = form.response.data
        actions.resolve_report(
            report, now=utcnow(), outcome=form.outcome.data, actor_id=current_user.id, calendar=_services().calendar
        )
    except InvalidTransition:
        return _refused(report, "Chỉ giải quyết được đơn đã thụ lý.")
    return _done(report, "Đã ghi kết quả giải quyết và trả lời người phản ánh.")


@bp.post("/<int:report_id>/dong")
def close(report_id: int):
    report = _load(report_id)
    _require(report, "close")
    if not EmptyForm().validate_on_submit():
        return _refused(report, "Phiên làm việc đã hết hạn, xin thử lại.")
    try:
        actions.close_report(report, now=utcnow(), actor_id=current_user.id)
    except InvalidTransition:
        return _refused(report, "Chỉ đóng được đơn đã có kết quả giải quyết.")
    return _done(report, "Đã đóng hồ sơ.")


@bp.post("/<int:report_id>/lien-he")
def contact(report_id: int):
    """Show the reporter's contact details: only to who needs them, and every view is logged."""
    report = _load(report_id)
    _require(report, "reveal contact")
    if not EmptyForm().validate_on_submit():
        return _refused(report, "Phiên làm việc đã hết hạn, xin thử lại.")
    report.record(EventKind.CONTACT_VIEWED, actor_id=current_user.id)
    db.session.commit()
    return _render(report, contact=True)


@bp.get("/<int:report_id>/ban-che")
def redacted(report_id: int):
    """The copy for whoever verifies the content: the reporter's identity masked."""
    report = _load(report_id)
    known = (report.reporter_name, report.reporter_address, report.reporter_phone, report.reporter_email)
    return render_template("staff/redacted.html", report=report, text=redact(report.text, known=known))


@bp.get("/<int:report_id>/tep/<int:attachment_id>")
def attachment(report_id: int, attachment_id: int):
    """Evidence, always as a download: the metadata-free copy, or the original for the unit's own inspectors."""
    report = _load(report_id)
    item = next((a for a in report.attachments if a.id == attachment_id), None)
    if item is None:
        abort(404)
    original = request.args.get("ban") == "goc" or not item.has_clean_copy
    if original and item.has_clean_copy:
        _require(report, "download original")
        report.record(EventKind.ORIGINAL_VIEWED, actor_id=current_user.id, attachment_id=item.id)
        db.session.commit()
    store = AttachmentStore(current_app.config["ATTACHMENTS_DIR"])
    path = store.path(item, clean=not original)
    name = (
        item.display_name
        if original
        else item.display_name.rsplit(".", 1)[0] + (".jpg" if item.clean_content_type == "image/jpeg" else ".png")
    )
    response = send_file(
        path,
        mimetype=item.content_type if original else item.clean_content_type,
        as_attachment=True,
        download_name=name,
        max_age=0,
    )
    response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    return response
