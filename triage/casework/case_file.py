"""The case file: everything about one report, and the actions an inspector takes on it."""

from dataclasses import dataclass, field
from urllib.parse import quote

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from core.extensions import db
from core.models import Document, Report, Unit, User, utcnow
from core.states import InvalidTransition
from core.units import ward_choices
from core.vietnamese import format_percent, today_in_vietnam
from core.vocabulary import Agency, Category, CleanState, EventKind, Kind, Role, RoutingReason, Status, label
from intake.attachments import AttachmentStore, named_for
from intake.reporter_requests import (
    IN_COURSE,
    second_instance_open_until,
    withdrawal_needs_decision,
    withdrawal_pending,
)
from triage.casework import actions, handling
from triage.casework.access import guard_blueprint, may, visible_reports
from triage.casework.forms import (
    ClearEscalationForm,
    EmptyForm,
    EscalateForm,
    LabelsForm,
    RerouteForm,
    SixClearForm,
    TextForm,
)
from triage.casework.jobs import enqueue_export_corrections
from triage.casework.linking_views import related_panel
from triage.casework.procedure_forms import procedure_forms
from triage.casework.redaction import contacts, redact
from triage.casework.signoff import is_leader_of
from triage.casework.steps import Step

bp = Blueprint("cases", __name__, url_prefix="/can-bo/bao-cao")
guard_blueprint(bp, "work the queue")
TRIAGE_CHOICE = "__triage__"


def _services():
    return current_app.extensions["services"]


def load_report(report_id: int) -> Report:
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


def _units() -> list[Unit]:
    return list(db.session.scalars(select(Unit).order_by(Unit.division, Unit.name_ascii)))


def _reroute_choices(report: Report) -> list[SelectChoice]:
    """Every unit but the current one and the accused body (every commune when the accused commune is unknown)."""
    choices = [SelectChoice(TRIAGE_CHOICE, "— Trả về phân loại thủ công —")]
    choices += [SelectChoice(u.code, u.name) for u in _units() if not report.accuses(u) and u.id != report.unit_id]
    return choices


def _codes(codes, *, leave_out=()) -> list[SelectChoice]:
    return [SelectChoice(str(c), label(c)) for c in codes if c not in leave_out]


def _wards() -> list[SelectChoice]:
    return [SelectChoice("", "— Chưa rõ —")] + [SelectChoice(code, name) for code, name in ward_choices()]


def _subject_agency(report: Report) -> str | None:
    """The body the text's subject matter names (the classifier's first agency), for clearing escalation."""
    ranking = (report.labels or {}).get("agency") or []
    return ranking[0][0] if ranking else report.agency


def _correction_forms(report: Report) -> dict:
    labels = LabelsForm(
        prefix="lb",
        data={
            "agency": report.agency or "",
            "ward": report.ward_code or "",
            "category": report.category or "",
            "kind": report.kind,
        },
    )
    labels.agency.choices = _codes(Agency, leave_out=(Agency.UBND_TINH,))
    labels.ward.choices = _wards()
    labels.category.choices = _codes(Category)
    labels.kind.choices = _codes(Kind)
    escalate = EscalateForm(prefix="vc", data={"accused": report.accused_unit.code if report.accused_unit else ""})
    escalate.accused.choices = [SelectChoice("", "— Chọn cơ quan —")] + [
        SelectChoice(u.code, u.name) for u in _units() if u.agency != Agency.UBND_TINH
    ]
    subject = _subject_agency(report)
    clear = ClearEscalationForm(
        prefix="bvc",
        data={
            "agency": subject if subject not in (None, Agency.UBND_TINH) else "",
            "ward": report.ward_code or "",
        },
    )
    clear.agency.choices = labels.agency.choices
    clear.ward.choices = labels.ward.choices
    return {"labels": labels, "escalate": escalate, "clear_escalation": clear}


def _forms(report: Report, sixclear=None) -> dict:
    sixclear = sixclear or _sixclear_form(report)
    reroute = RerouteForm(prefix="rr")
    reroute.unit.choices = _reroute_choices(report)
    return {
        "sixclear": sixclear,
        "reroute": reroute,
        "note": TextForm(prefix="note"),
        "question": TextForm(prefix="ask"),
        "findings": TextForm(prefix="fnd"),
        "button": EmptyForm(),
        **_correction_forms(report),
    }


def _sixclear_form(report: Report) -> SixClearForm:
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
    return sixclear


def _documents(report: Report) -> list[Document]:
    return list(db.session.scalars(select(Document).where(Document.report_id == report.id).order_by(Document.id)))


def _notice_due(report: Report) -> bool:
    """An accepted khiếu nại or tố cáo whose thông báo thụ lý has not been issued yet."""
    return report.status in IN_COURSE and report.track != Kind.PHAN_ANH and not handling.acceptance_notified(report)


@bp.get("/<int:report_id>")
def view(report_id: int):
    report = load_report(report_id)
    return render_case(report)


def render_case(
    report: Report,
    contact: bool = False,
    status: int = 200,
    *,
    procedure: dict | None = None,
    failed: tuple[str, str] | None = None,
    sixclear=None,
):
    """The case file; after a refused step, with the forms as typed (`procedure`, `sixclear`) and the message of
    the step that failed (`failed`: its name and message), shown next to its block."""
    actors = {
        u.id: (u.full_name or u.username)
        for u in db.session.scalars(select(User).where(User.id.in_({e.actor_id for e in report.events if e.actor_id})))
    }
    return render_template(
        "staff/case.html",
        report=report,
        calendar=_services().calendar,
        today=today_in_vietnam(),
        forms=_forms(report, sixclear),
        procedure=procedure or procedure_forms(report),
        failed=failed,
        documents=_documents(report),
        notice_due=_notice_due(report),
        withdrawal_pending=withdrawal_pending(report),
        withdrawal_decision=withdrawal_needs_decision(report),
        second_until=second_instance_open_until(report),
        leader=is_leader_of(current_user, report),
        missing=actions.missing_sixclear(report),
        actors=actors,
        show_contact=contact,
        why=explain(report),
        waiting=waiting_reason(report),
        accused=actions.accused_name(report),
        ward_name=actions.ward_name,
        correctable=report.status in actions.CORRECTABLE,
        related=related_panel(report),
    ), status


# -- why the report was classified as it was ----------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """The classifier's reading of one label: its choice, how sure, the phrases that decided it, the runners-up."""

    value: str
    share: str = ""
    phrases: list[str] = field(default_factory=list)
    alternatives: list[tuple[str, str]] = field(default_factory=list)  # (label, "12%"), none that rounds to 0 %


def _share(p) -> str:
    return format_percent(float(p), 0) if isinstance(p, int | float) else ""


def _named(code) -> str:
    try:
        return label(code)
    except ValueError:  # a code an older model knew: shown as unknown rather than raw
        return "khác"


def _reading(ranking, phrases) -> Reading | None:
    ranking = [pair for pair in ranking or [] if isinstance(pair, list | tuple) and len(pair) == 2]
    if not ranking:
        return None
    (best, p), others = ranking[0], ranking[1:]
    alternatives = [(_named(code), _share(q)) for code, q in others if _share(q) not in ("", "0%")][:3]
    return Reading(_named(best), _share(p), _phrases(phrases), alternatives)


def _phrases(value) -> list[str]:
    return [str(v) for v in value if str(v).strip()] if isinstance(value, list) else []


def explain(report: Report) -> dict | None:
    """Why the classifier read the report as it did (from `report.labels`), for the case file; None if unread."""
    labels = report.labels or {}
    if not labels:
        return None
    evidence = labels.get("evidence") or {}
    read = labels.get("ward_code_predicted")
    state = labels.get("accused_state") or ("accused" if report.escalate else "none")
    body = labels.get("accused") if state == "accused" else labels.get("suspected")
    who = actions.body_name(body.get("agency"), body.get("ward_code")) if isinstance(body, dict) else ""
    if state == "accused":
        escalation = f"Đơn phản ánh người đứng đầu {who or 'một cơ quan (chưa rõ cơ quan nào)'}"
    elif state == "mentioned":
        escalation = "Người đứng đầu chỉ được nhắc đến, không bị phản ánh"
    elif state == "unsure":
        escalation = f"Chưa chắc đơn có phản ánh người đứng đầu {who or 'một cơ quan'} hay không: cần cán bộ xem"
    else:
        escalation = "Không thấy đơn phản ánh người đứng đầu cơ quan nào"
    return {
        "agency": _reading(labels.get("agency"), evidence.get("agency")),
        "category": _reading(labels.get("category"), evidence.get("category")),
        "ward": Reading(actions.ward_name(read) or "không nêu rõ", phrases=_phrases(evidence.get("ward"))),
        "escalate": Reading(escalation, _share(labels.get("escalate_probability")), _phrases(evidence.get("escalate"))),
        # the citizen's pick and the text disagree on the place: both are shown
        "conflict": (
            (actions.ward_name(report.ward_code_given), actions.ward_name(read))
            if report.ward_code_given and read and report.ward_code_given != read
            else None
        ),
    }


def waiting_reason(report: Report) -> str:
    """Why a report waits in the needs-triage queue: the reason of its last status event, in words."""
    if report.status != Status.NEEDS_TRIAGE:
        return ""
    event = next((e for e in reversed(report.events) if e.kind == EventKind.STATUS), None)
    reason = str((event.data or {}).get("reason") or "") if event else ""
    return label(RoutingReason(reason)) if reason in RoutingReason else reason


def _done(report: Report, message: str, anchor: str | None = None):
    db.session.commit()
    flash(message, "ok")
    return redirect(url_for("cases.view", report_id=report.id, _anchor=anchor), code=303)


def _refused(report: Report, message: str):
    db.session.rollback()
    flash(message, "error")
    return redirect(url_for("cases.view", report_id=report.id), code=303)


def _form_errors(form) -> str:
    return " ".join(e for errors in form.errors.values() for e in errors) or "Dữ liệu chưa hợp lệ."


# the "6 rõ" items (actions.SIXCLEAR_MISSING) and the fields of the form that fill them
SIXCLEAR_FIELDS = {
    "assignee": "assignee",
    "task": "task",
    "responsibility": "responsibility",
    "authority": "authority",
    "due": "due_on",
}


def _apply_sixclear(report: Report, form) -> None:
    """The "6 rõ" as typed: the assignee (through the assignment rules) and, for the unit's own staff, the rest."""
    assignee = db.session.get(User, int(form.assignee.data)) if (form.assignee.data or "").isdigit() else None
    if (assignee.id if assignee else None) != report.assignee_id:
        actions.assign_report(report, assignee, actor_id=current_user.id)
    if may(current_user, "edit six-clear", report):
        report.sixclear_task, report.sixclear_responsibility = form.task.data or None, form.responsibility.data or None
        report.sixclear_authority, report.sixclear_due_on = form.authority.data or None, form.due_on.data
        report.record(EventKind.SIX_CLEAR, actor_id=current_user.id)


def _sixclear_again(report_id: int, form, message: str):
    """The case file again with the "6 rõ" as typed and the message next to it: nothing typed is lost."""
    db.session.rollback()
    return render_case(load_report(report_id), status=422, sixclear=form, failed=("accept", message))


@bp.post("/<int:report_id>/6-ro")
def save_sixclear(report_id: int):
    report = load_report(report_id)
    _require(report, "assign")
    form = _sixclear_form(report)
    if not form.validate_on_submit():
        return _sixclear_again(report_id, form, _form_errors(form))
    try:
        _apply_sixclear(report, form)
    except actions.ActionRefused as exc:
        return _sixclear_again(report_id, form, str(exc))
    return _done(report, 'Đã lưu "6 rõ".', anchor="six-clear")


@bp.post("/<int:report_id>/thu-ly")
def accept(report_id: int):
    """Thụ lý, with the "6 rõ" typed in the same form (saved first); for a khiếu nại or tố cáo the thông báo thụ
    lý is issued at once, which meets the tố cáo's notice clock."""
    report = load_report(report_id)
    _require(report, "accept")
    form = _sixclear_form(report)
    if not form.validate_on_submit():
        return _sixclear_again(report_id, form, _form_errors(form))
    try:
        if "six-assignee" in request.form:
            _apply_sixclear(report, form)
        missing = actions.missing_sixclear(report)
        if missing:
            for key in _missing_keys(report):
                getattr(form, SIXCLEAR_FIELDS[key]).errors.append("Cần điền trước khi thụ lý.")
            raise actions.ActionRefused('Chưa thể thụ lý: cần điền đủ "6 rõ" — còn thiếu ' + ", ".join(missing) + ".")
        actions.accept_report(report, now=utcnow(), services=_services(), actor_id=current_user.id)
        if report.track != Kind.PHAN_ANH:
            handling.notify_acceptance(_step(), report)
    except actions.ActionRefused as exc:
        return _sixclear_again(report_id, form, str(exc))
    except InvalidTransition:
        return _refused(report, "Đơn không ở trạng thái thụ lý được.")
    notice = " Đã ban hành thông báo thụ lý cho người gửi đơn." if report.track != Kind.PHAN_ANH else ""
    return _done(report, "Đã thụ lý đơn. Thời hạn giải quyết bắt đầu tính." + notice, anchor="giai-quyet")


@bp.post("/<int:report_id>/thong-bao-thu-ly")
def notify_acceptance(report_id: int):
    """The thông báo thụ lý of a case accepted without it."""
    report = load_report(report_id)
    _require(report, "handle")
    if not EmptyForm().validate_on_submit():
        return _refused(report, "Phiên làm việc đã hết hạn, xin thử lại.")
    try:
        handling.notify_acceptance(_step(), report)
    except actions.ActionRefused as exc:
        return _refused(report, str(exc))
    return _done(report, "Đã ban hành thông báo thụ lý cho người gửi đơn.", anchor="van-ban")


def _missing_keys(report: Report) -> set[str]:
    labels = set(actions.missing_sixclear(report))
    return {key for key, text in actions.SIXCLEAR_MISSING.items() if text in labels}


def _step() -> Step:
    return Step(
        session=db.session,
        actor=current_user._get_current_object(),
        now=utcnow(),
        services=_services(),
        files_root=current_app.config["ATTACHMENTS_DIR"],
    )


@bp.post("/<int:report_id>/chuyen")
def reroute(report_id: int):
    report = load_report(report_id)
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


@bp.post("/<int:report_id>/phan-loai")
def correct(report_id: int):
    """Correct the agency, place, category and kind."""

    def run(report, form) -> str:
        actions.correct_labels(
            db.session,
            report,
            agency=form.agency.data,
            ward_code=form.ward.data or None,
            category=form.category.data,
            kind=form.kind.data,
            reason=form.reason.data,
            actor_id=current_user.id,
            services=_services(),
            now=utcnow(),
        )
        return "Đã sửa phân loại."

    return _correction(report_id, "labels", run)


@bp.post("/<int:report_id>/vuot-cap")
def escalate(report_id: int):
    """The report accuses the head of the body chosen: it goes to the body above."""

    def run(report, form) -> str:
        accused = db.session.scalar(select(Unit).where(Unit.code == form.accused.data))
        if accused is None:
            raise actions.ActionRefused("Không tìm thấy cơ quan này.")
        actions.set_escalation(db.session, report, accused, reason=form.reason.data, actor_id=current_user.id)
        return f"Đã xác định đơn phản ánh người đứng đầu {accused.name}; đơn do cơ quan cấp trên giải quyết."

    return _correction(report_id, "escalate", run)


@bp.post("/<int:report_id>/bo-vuot-cap")
def clear_escalation(report_id: int):
    """No head is accused: the report goes to the body chosen."""

    def run(report, form) -> str:
        actions.clear_escalation(
            db.session,
            report,
            agency=form.agency.data,
            ward_code=form.ward.data or None,
            reason=form.reason.data,
            actor_id=current_user.id,
        )
        return "Đã bỏ đánh dấu phản ánh người đứng đầu."

    return _correction(report_id, "clear_escalation", run)


def _correction(report_id: int, form_name: str, run):
    """One correction: who may, the form, the service (`run` returns the message or refuses); then commit, export
    the corrections for the classifier, and say where the report is now."""
    report = load_report(report_id)
    _require(report, "correct labels")
    form = _forms(report)[form_name]
    if not form.validate_on_submit():
        return _refused(report, _form_errors(form))
    try:
        message = run(report, form)
    except actions.ActionRefused as exc:
        return _refused(report, str(exc))
    db.session.commit()
    enqueue_export_corrections()
    where = report.unit.name if report.unit else "bộ phận phân loại thủ công"
    flash(f"{message} Đơn đang ở: {where}.", "ok")
    target = url_for("cases.view", report_id=report.id) if _still_visible(report.id) else url_for("staff.queue")
    return redirect(target, code=303)


def _still_visible(report_id: int) -> bool:
    return db.session.scalar(visible_reports(current_user, select(Report.id)).where(Report.id == report_id)) is not None


@bp.post("/<int:report_id>/hoi-them")
def ask(report_id: int):
    report = load_report(report_id)
    _require(report, "request information")
    form = _forms(report)["question"]
    if not form.validate_on_submit():
        return _refused(report, _form_errors(form))
    if report.status not in (Status.ROUTED, Status.ACCEPTED):
        return _refused(report, "Chỉ hỏi thêm được khi đơn đang được xử lý.")
    actions.request_information(report, now=utcnow(), question=form.text.data, actor_id=current_user.id)
    return _done(report, "Đã gửi câu hỏi cho người phản ánh; thời hạn tạm dừng đến khi họ trả lời.")


@bp.post("/<int:report_id>/ghi-chu")
def note(report_id: int):
    report = load_report(report_id)
    _require(report, "note")
    form = _forms(report)["note"]
    if not form.validate_on_submit():
        return _refused(report, _form_errors(form))
    actions.add_note(report, form.text.data, actor_id=current_user.id)
    return _done(report, "Đã thêm ghi chú nội bộ.")


@bp.post("/<int:report_id>/xac-minh")
def findings(report_id: int):
    report = load_report(report_id)
    _require(report, "record findings")
    form = _forms(report)["findings"]
    if not form.validate_on_submit():
        return _refused(report, _form_errors(form))
    actions.record_findings(report, form.text.data, actor_id=current_user.id)
    return _done(report, "Đã lưu ghi chép xác minh (nội bộ).", anchor="noi-bo")


@bp.post("/<int:report_id>/dong")
def close(report_id: int):
    report = load_report(report_id)
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
    report = load_report(report_id)
    _require(report, "reveal contact")
    if not EmptyForm().validate_on_submit():
        return _refused(report, "Phiên làm việc đã hết hạn, xin thử lại.")
    report.record(EventKind.CONTACT_VIEWED, actor_id=current_user.id)
    db.session.commit()
    return render_case(report, contact=True)


@bp.get("/<int:report_id>/ban-che")
def redacted(report_id: int):
    """The copy for whoever verifies the content: the reporter's identity masked."""
    report = load_report(report_id)
    known = contacts(report)
    return render_template("staff/redacted.html", report=report, text=redact(report.text, known=known))


@bp.get("/<int:report_id>/tep/<int:attachment_id>")
def attachment(report_id: int, attachment_id: int):
    """Evidence, always as a download: the metadata-free copy, or (`?ban=goc`, logged) the original for the unit's
    own inspectors. Until the cleaning job has made the copy, or when the file could not be read, there is no copy
    to give: the original is not handed out in its place."""
    report = load_report(report_id)
    item = next((a for a in report.attachments if a.id == attachment_id), None)
    if item is None:
        abort(404)
    original = request.args.get("ban") == "goc"
    if original:
        _require(report, "download original")
        report.record(EventKind.ORIGINAL_VIEWED, actor_id=current_user.id, attachment_id=item.id)
        db.session.commit()
    elif not item.has_clean_copy:
        message = (
            "Tệp này không đọc được nên chưa có bản đã xóa thông tin ẩn."
            if item.clean_state == CleanState.FAILED
            else "Tệp đang được xử lý để xóa thông tin ẩn (vị trí, tên người chụp). Xin tải lại sau ít phút."
        )
        return render_template("error.html", message=message), 409
    store = AttachmentStore(current_app.config["ATTACHMENTS_DIR"])
    path = store.path(item, clean=not original)
    name = named_for(item.display_name, item.content_type if original else item.clean_content_type)
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
