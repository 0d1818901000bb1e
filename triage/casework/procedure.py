"""The case file's steps of the legal procedure, one POST each: the form, who may, the service, then back to the
block acted on. A refused step (an invalid form, or a rule of the service) comes back as the case file with what
was typed and the message next to it (HTTP 422), never as a lost page."""

from collections.abc import Callable
from dataclasses import dataclass

from flask import Blueprint, abort, current_app, flash, redirect, url_for
from flask_login import current_user
from sqlalchemy import select

from core.extensions import db
from core.headers import from_another_site
from core.models import Report, Unit, utcnow
from core.vietnamese import received_instant
from core.vocabulary import label
from triage.casework import handling, proceedings, signoff
from triage.casework.access import guard_blueprint, may, visible_reports
from triage.casework.case_file import load_report, render_case
from triage.casework.procedure_forms import OUTSIDE, procedure_forms
from triage.casework.steps import ActionRefused, Step

bp = Blueprint("procedure", __name__, url_prefix="/can-bo/bao-cao")
guard_blueprint(bp, "work the queue")


@dataclass(frozen=True)
class StepView:
    path: str  # the URL under /can-bo/bao-cao/<id>/
    form: str  # the key of its form in `procedure_forms`
    action: str  # the `may` action
    anchor: str  # the block of the case file to come back to
    run: Callable[[Step, Report, object], str]  # the service; returns what to tell the user


def said(_result, message: str) -> str:
    """What to tell the user once the service has run (its result is on the report)."""
    return message


def _transfer(step: Step, report: Report, form) -> str:
    target = form.target.data or ""
    if target.startswith(OUTSIDE):
        handling.transfer(step, report, reason=form.reason.data, body=target[len(OUTSIDE) :], name=form.name.data)
        return "Đã chuyển đơn và ban hành phiếu chuyển đơn."
    unit = db.session.scalar(select(Unit).where(Unit.code == target))
    if unit is None:
        raise ActionRefused("Không tìm thấy cơ quan nhận đơn.")
    handling.transfer(step, report, reason=form.reason.data, unit=unit)
    return f"Đã chuyển đơn đến {unit.name} và ban hành phiếu chuyển đơn."


def _second(step: Step, report: Report, form) -> str:
    received = received_instant(form.received_on.data, step.now)
    unit = proceedings.open_second_instance(step, report, received_at=received, reason=form.reason.data)
    return f"Đã ghi nhận khiếu nại lần hai; đơn chuyển đến {unit.name} giải quyết."


def _submit(step: Step, report: Report, form) -> str:
    signoff.submit(step, report, outcome=form.outcome.data, findings=form.findings.data, response=form.response.data)
    if report.approved_at is not None:
        return "Đã ký duyệt kết quả; văn bản trả lời đã gửi người gửi đơn."
    return "Đã trình lãnh đạo duyệt kết quả."


STEPS: dict[str, StepView] = {
    "refuse": StepView(
        "khong-thu-ly",
        "refuse",
        "handle",
        "xu-ly-don",
        lambda s, r, f: said(
            handling.refuse(s, r, ground=f.ground.data, reason=f.reason.data),
            "Đã quyết định không thụ lý và ban hành thông báo.",
        ),
    ),
    "guide": StepView(
        "huong-dan",
        "guide",
        "handle",
        "xu-ly-don",
        lambda s, r, f: said(
            handling.guide(s, r, body=f.body.data, name=f.name.data, guidance=f.guidance.data),
            "Đã hướng dẫn người gửi đơn và ban hành phiếu hướng dẫn.",
        ),
    ),
    "transfer": StepView("chuyen-don", "transfer", "handle", "xu-ly-don", _transfer),
    "archive": StepView(
        "luu-don",
        "archive",
        "handle",
        "xu-ly-don",
        lambda s, r, f: said(handling.archive(s, r, ground=f.ground.data, reason=f.reason.data), "Đã lưu đơn."),
    ),
    "return": StepView(
        "tra-lai-don",
        "return",
        "handle",
        "xu-ly-don",
        lambda s, r, f: said(
            handling.return_to_reporter(s, r, reason=f.reason.data, body=f.body.data or "", name=f.name.data or ""),
            "Đã trả lại đơn và giấy tờ cho người gửi.",
        ),
    ),
    "suspend": StepView(
        "tam-dinh-chi",
        "suspend",
        "handle",
        "giai-quyet",
        lambda s, r, f: said(proceedings.suspend(s, r, reason=f.reason.data), "Đã tạm đình chỉ; thời hạn ngừng tính."),
    ),
    "resume": StepView(
        "tiep-tuc",
        "resume",
        "handle",
        "giai-quyet",
        lambda s, r, f: said(proceedings.resume(s, r, reason=f.reason.data), "Đã tiếp tục giải quyết."),
    ),
    "terminate": StepView(
        "dinh-chi",
        "terminate",
        "handle",
        "giai-quyet",
        lambda s, r, f: said(proceedings.terminate(s, r, reason=f.reason.data), "Đã đình chỉ giải quyết."),
    ),
    "withdraw": StepView(
        "rut-don",
        "withdraw",
        "handle",
        "giai-quyet",
        lambda s, r, f: said(proceedings.withdraw(s, r, reason=f.reason.data), "Đã ghi nhận việc rút đơn."),
    ),
    "pursue": StepView(
        "tiep-tuc-to-cao",
        "pursue",
        "handle",
        "giai-quyet",
        lambda s, r, f: said(
            proceedings.pursue(s, r, reason=f.reason.data), "Đã quyết định tiếp tục giải quyết tố cáo."
        ),
    ),
    "complexity": StepView(
        "muc-do",
        "complexity",
        "handle",
        "giai-quyet",
        lambda s, r, f: said(
            proceedings.set_complexity(s, r, level=f.level.data, reason=f.reason.data),
            "Đã ghi quyết định về mức độ phức tạp; thời hạn đã tính lại.",
        ),
    ),
    "track": StepView(
        "trinh-tu",
        "track",
        "handle",
        "giai-quyet",
        lambda s, r, f: said(
            proceedings.change_track(s, r, track=f.track.data, reason=f.reason.data),
            f"Đã đổi sang trình tự {label(r.track).lower()}; thời hạn đã tính lại.",
        ),
    ),
    "extend": StepView(
        "gia-han",
        "extend",
        "extend",
        "giai-quyet",
        lambda s, r, f: said(
            proceedings.extend(s, r, stage=f.stage.data, reason=f.reason.data), "Đã gia hạn và ban hành quyết định."
        ),
    ),
    "submit": StepView("giai-quyet", "submit", "resolve", "giai-quyet", _submit),
    "approve": StepView(
        "duyet",
        "approve",
        "approve",
        "giai-quyet",
        lambda s, r, f: said(signoff.approve(s, r), "Đã duyệt kết quả; văn bản trả lời đã gửi người gửi đơn."),
    ),
    "revise": StepView(
        "tra-lai-du-thao",
        "revise",
        "approve",
        "giai-quyet",
        lambda s, r, f: said(signoff.request_revision(s, r, comment=f.comment.data), "Đã trả lại dự thảo cho cán bộ."),
    ),
    "reopen": StepView(
        "xu-ly-lai",
        "reopen",
        "reopen",
        "giai-quyet",
        lambda s, r, f: said(proceedings.reopen(s, r, reason=f.reason.data), "Đã mở lại đơn để xử lý lại."),
    ),
    "second": StepView("lan-hai", "second", "record second instance", "giai-quyet", _second),
}


def _step() -> Step:
    return Step(
        session=db.session,
        actor=current_user._get_current_object(),
        now=utcnow(),
        services=current_app.extensions["services"],
        files_root=current_app.config["ATTACHMENTS_DIR"],
    )


def _still_visible(report_id: int) -> bool:
    return db.session.scalar(visible_reports(current_user, select(Report.id)).where(Report.id == report_id)) is not None


def run_step(name: str, report_id: int):
    view = STEPS[name]
    report = load_report(report_id)
    if not may(current_user, view.action, report):
        abort(403)
    forms = procedure_forms(report)
    form = forms[view.form]
    if not form.validate_on_submit():
        message = "Chưa thực hiện được: xin xem các ô được đánh dấu."
        if form.csrf_token.errors:
            message = "Phiên làm việc đã hết hạn: nội dung vẫn còn đây, xin bấm lại."
        return render_case(report, status=422, procedure=forms, failed=(name, message))
    try:
        message = view.run(_step(), report, form)
    except ActionRefused as exc:
        db.session.rollback()
        report = load_report(report_id)
        return render_case(report, status=422, procedure=forms, failed=(name, str(exc)))
    db.session.commit()
    flash(message, "ok")
    if not _still_visible(report.id):
        return redirect(url_for("staff.queue"), code=303)
    return redirect(url_for("cases.view", report_id=report.id, _anchor=view.anchor), code=303)


def after_expired_session(name: str, report_id: int):
    """A step posted with an expired or missing CSRF token: the case file again with what was typed, every
    confirmation box cleared (a step that cannot be undone is confirmed again on the fresh page). Nothing of a POST
    another site's page sent is put on the page (`core.headers.from_another_site`): it would otherwise be one click
    from an irreversible step with its author's reason."""
    report = load_report(report_id)
    foreign = from_another_site()
    forms = procedure_forms(report, typed=not foreign)
    for form in forms.values():
        if "confirm" in form:
            form.confirm.data = False
    if foreign:
        message = "Thao tác chưa được thực hiện: phiên làm việc đã hết hạn hoặc trang đã mở quá lâu."
    else:
        message = "Phiên làm việc đã hết hạn: nội dung vẫn còn đây, xin đánh dấu xác nhận lại (nếu có) và bấm lại."
    return render_case(report, status=400, procedure=forms, failed=(name, message))


def _register(name: str, view: StepView) -> None:
    def endpoint(report_id: int):
        return run_step(name, report_id)

    bp.add_url_rule(f"/<int:report_id>/{view.path}", endpoint=name, view_func=endpoint, methods=["POST"])


for _name, _view in STEPS.items():
    _register(_name, _view)
