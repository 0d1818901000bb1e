"""The citizen side: the report form, the receipt and the status page."""

from flask import Blueprint, current_app, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy import select

from core.extensions import db
from core.models import Report
from core.queueing import enqueue_resume, enqueue_routing
from core.units import ward_choices
from core.vocabulary import EventKind
from intake.attachments import AttachmentStore, Limits
from intake.forms import ReplyForm, ReportForm, StatusForm
from intake.receipts import normalize_tracking_code, verify_passphrase
from intake.status_guard import CodeGuard
from intake.submission import submit_report
from intake.timeline import open_question, public_timeline

bp = Blueprint("public", __name__)
HONEYPOT = "website"


def _report_form(**kwargs) -> ReportForm:
    cfg = current_app.config
    return ReportForm(
        **kwargs,
        ward_choices=ward_choices(),
        text_min=cfg["REPORT_TEXT_MIN"],
        text_max=cfg["REPORT_TEXT_MAX"],
    )


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/")
def report_form():
    return render_template("public/form.html", form=_report_form())


def _store() -> AttachmentStore:
    cfg = current_app.config
    mb = 1024 * 1024
    return AttachmentStore(
        cfg["ATTACHMENTS_DIR"],
        Limits(cfg["ATTACHMENT_MAX_FILES"], cfg["ATTACHMENT_MAX_FILE_MB"] * mb, cfg["ATTACHMENT_MAX_TOTAL_MB"] * mb),
    )


def _uploads():
    return [f for f in request.files.getlist("attachments") if f and f.filename]


@bp.post("/")
def submit():
    if request.form.get(HONEYPOT):  # a field people never see: only robots fill it
        return render_template("error.html", message="Không gửi được đơn. Xin thử lại."), 400
    form = _report_form()
    if not form.validate():
        if _uploads():
            form.form_errors.append("Vì đơn chưa gửi được, xin chọn lại các tệp đính kèm trước khi gửi.")
        return render_template("public/form.html", form=form), 400
    files = _store().accept(_uploads())
    receipt = submit_report(
        db.session,
        text=form.text.data,
        kind=form.kind.data,
        ward_code=form.ward.data or None,
        office=form.office.data,
        occurred_on=form.occurred_on.data,
        reporter_name=form.reporter_name.data,
        reporter_address=form.reporter_address.data,
        reporter_phone=form.reporter_phone.data,
        reporter_email=form.reporter_email.data,
        attachments=files.accepted,
    )
    db.session.commit()  # the report is safe before anything else happens
    enqueue_routing(current_app.extensions["redis"], current_app.config["ROUTING_QUEUE"], receipt.report_id)
    response = make_response(render_template("public/receipt.html", receipt=receipt, files=files), 201)
    return _no_store(response)


LOCKED = "Mã theo dõi này đang tạm khóa tra cứu vì đã nhập sai mật mã nhiều lần. Xin thử lại sau {minutes} phút."
WRONG = "Mã theo dõi hoặc mật mã tra cứu không đúng. Xin kiểm tra lại trên biên nhận."


class CodeLocked(Exception):
    pass


def _guard() -> CodeGuard:
    cfg = current_app.config
    return CodeGuard(current_app.extensions["redis"], cfg["STATUS_MAX_FAILURES"], cfg["STATUS_LOCK_MINUTES"] * 60)


def _find(code: str, passphrase: str) -> Report | None:
    """The report if code and passphrase match; raises CodeLocked after too many wrong passphrases."""
    code = normalize_tracking_code(code)
    guard = _guard()
    if code and guard.locked(code):
        raise CodeLocked()
    report = db.session.scalar(select(Report).where(Report.tracking_code == code)) if code else None
    # A missing report costs the same slow hash as a wrong passphrase (a verification against a dummy hash).
    ok = verify_passphrase(report.passphrase_hash if report else None, passphrase) and report is not None
    if not ok:
        if code:
            guard.failed(code)
        return None
    guard.succeeded(code)
    return report


def _locked_page(form):
    form.form_errors.append(LOCKED.format(minutes=current_app.config["STATUS_LOCK_MINUTES"]))
    return render_template("public/status_form.html", form=form), 429


def _status_page(
    report: Report,
    code: str,
    passphrase: str,
    reply: ReplyForm | None = None,
    status: int = 200,
    message: str | None = None,
):
    question = open_question(report)
    if question and reply is None:
        reply = ReplyForm(formdata=None, data={"code": code, "passphrase": passphrase})
    response = make_response(
        render_template(
            "public/status.html",
            report=report,
            timeline=public_timeline(report),
            question=question,
            reply=reply if question else None,
            message=message,
        ),
        status,
    )
    return _no_store(response)


@bp.route("/tra-cuu", methods=["GET", "POST"])
def status():
    form = StatusForm()
    if request.method == "GET" or not form.validate():
        return render_template("public/status_form.html", form=form), 200 if request.method == "GET" else 400
    try:
        report = _find(form.code.data, form.passphrase.data)
    except CodeLocked:
        return _locked_page(form)
    if report is None:
        form.passphrase.errors = [WRONG]
        return render_template("public/status_form.html", form=form), 403
    return _status_page(report, form.code.data, form.passphrase.data)


@bp.post("/tra-cuu/tra-loi")
def reply():
    """The reporter answers the inspector's question; the clocks resume."""
    form = ReplyForm()
    status_form = StatusForm(formdata=None)
    try:
        report = _find(form.code.data or "", form.passphrase.data or "")
    except CodeLocked:
        return _locked_page(status_form)
    if report is None:
        status_form.form_errors.append(WRONG)
        return render_template("public/status_form.html", form=status_form), 403
    if open_question(report) is None:
        return _status_page(
            report, form.code.data, form.passphrase.data, message="Không có câu hỏi nào đang chờ trả lời."
        )
    if not form.validate():
        return _status_page(report, form.code.data, form.passphrase.data, reply=form, status=400)
    files = _store().accept(_uploads(), already=len(report.attachments))
    event = report.record(
        EventKind.INFORMATION_RECEIVED, public=True, answer=form.answer.data, attachments=len(files.accepted)
    )
    db.session.flush()
    for attachment in files.accepted:
        attachment.event_id = event.id
        report.attachments.append(attachment)
    db.session.commit()
    enqueue_resume(current_app.extensions["redis"], current_app.config["JOBS_QUEUE"], report.id)
    message = "Đã gửi câu trả lời của bạn đến cơ quan giải quyết. Cảm ơn bạn."
    if files.refused:
        message += " Một số tệp không được nhận: " + "; ".join(f"{name}: {why}" for name, why in files.refused) + "."
    return _status_page(report, form.code.data, form.passphrase.data, message=message)


def handle_csrf_error(error: CSRFError):
    """A missing or stale token: show the form again with the citizen's text kept."""
    message = "Phiên gửi đơn đã hết hạn hoặc không hợp lệ. Nội dung của bạn vẫn còn đây, xin bấm gửi lại."
    if request.endpoint == "public.submit":
        form = _report_form(formdata=request.form)
        form.form_errors.append(message)
        return render_template("public/form.html", form=form), 400
    if request.endpoint in ("public.status", "public.reply"):
        form = StatusForm(formdata=request.form)
        form.form_errors.append(message)
        return render_template("public/status_form.html", form=form), 400
    return render_template("error.html", message=message), 400
