"""The citizen side: the report form, the receipt and the status page, where the reporter follows the đơn, answers
the inspector's question, downloads the documents addressed to them, withdraws the đơn and asks for the second
instance of a khiếu nại. Every POST of the status page carries the tracking code and passphrase and is checked
like the look-up (same lock per code after wrong passphrases, same rate limit per client)."""

import logging
from urllib.parse import quote

from flask import Blueprint, current_app, make_response, render_template, request, send_file
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from wtforms import BooleanField, TextAreaField
from wtforms.validators import DataRequired, Length

from core.document_files import DocumentFiles, download_name
from core.extensions import db
from core.headers import from_another_site
from core.models import Report, utcnow
from core.public_links import public_url
from core.queueing import enqueue_reporter_request, enqueue_resume, enqueue_routing
from core.ratelimit import TOO_MANY, too_many_requests
from core.units import ward_choices
from core.vocabulary import FINISHED, EventKind
from intake.attachments import AttachmentStore, Limits, enqueue_cleaning
from intake.busy import BUSY, client_left, waited_too_long
from intake.forms import ReplyForm, ReportForm, StatusForm, clean_text
from intake.oversized import fields_before_the_files
from intake.reporter_requests import RequestRefused, request_second_instance, request_withdrawal, withdrawal_pending
from intake.status_lookup import (
    LOCKED,
    WRONG,
    CodeLocked,
    find_report,
    public_documents,
    public_explanation,
    second_instance_state,
)
from intake.submission import submit_report
from intake.timeline import current_clocks, open_question, public_timeline

bp = Blueprint("public", __name__)
log = logging.getLogger(__name__)
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
        notify_reporter=not form.no_notices.data,
    )
    if client_left():  # the browser gave up waiting: a report stored now would have no receipt anywhere
        db.session.rollback()
        _store().discard(files.accepted)
        log.warning("a citizen's connection closed before their report was stored: nothing kept")
        return "", 503
    db.session.commit()  # the report is safe before anything else happens
    enqueue_routing(current_app.extensions["redis"], current_app.config["ROUTING_QUEUE"], receipt.report_id)
    enqueue_cleaning(current_app.extensions["redis"], current_app.config["JOBS_QUEUE"], files.accepted)
    status_url = public_url("public.status")
    response = make_response(
        render_template("public/receipt.html", receipt=receipt, files=files, status_url=status_url), 201
    )
    return _no_store(response)


@bp.before_request
def _shed_load():
    """A POST that waited too long in front of the service is answered busy before it touches anything."""
    if request.method == "POST" and waited_too_long():
        response = form_again(BUSY, 503) or make_response(render_template("error.html", message=BUSY), 503)
        response.headers["Retry-After"] = "30"
        return _no_store(response)
    return None


@bp.errorhandler(429)
def _too_many(error):
    """A citizen who sent too many reports, look-ups or answers in a minute gets the form back with what they wrote,
    not a bare page."""
    response = form_again(TOO_MANY, 429)
    if response is None:
        return too_many_requests(error)
    response.headers["Retry-After"] = "60"
    return response


def form_again(message: str, status: int, *, readable: bool = True):
    """The citizen's form, or the status look-up form, again with `message` above it and what was typed kept, for a
    refusal that is nobody's fault (too many tries, the service briefly unavailable); None on any other page. A body
    not read (`readable=False`: larger than MAX_CONTENT_LENGTH) keeps what came before its files (the text)."""
    if request.endpoint == "public.submit":
        form = _report_form() if readable else _report_form(formdata=fields_before_the_files())
        if readable:
            message += " Nội dung bạn đã viết vẫn còn dưới đây: xin chờ một phút rồi bấm Gửi" + (
                ", và chọn lại các tệp đính kèm." if _uploads() else "."
            )
        elif form.text.data:
            message += " Nội dung đơn vẫn còn dưới đây: xin chọn lại loại đơn, thông tin liên hệ và các tệp nhỏ hơn."
        template = "public/form.html"
    elif request.endpoint == "public.status":
        form = StatusForm() if readable else StatusForm(formdata=None)
        if readable:
            message += " Mã và mật mã bạn đã nhập vẫn còn dưới đây: xin chờ một phút rồi bấm Tra cứu."
        template = "public/status_form.html"
    elif request.endpoint == "public.reply" and readable:
        reply = ReplyForm()
        message += " Câu trả lời bạn đã viết vẫn còn dưới đây: xin chờ một phút rồi bấm Gửi trả lời" + (
            ", và chọn lại các tệp đính kèm." if _uploads() else "."
        )
        reply.form_errors.append(message)
        return _no_store(make_response(render_template("public/reply_again.html", reply=reply), status))
    else:
        return None
    form.form_errors.append(message)
    return _no_store(make_response(render_template(template, form=form), status))


def _locked_page(form):
    form.form_errors.append(LOCKED.format(minutes=current_app.config["STATUS_LOCK_MINUTES"]))
    return render_template("public/status_form.html", form=form), 429


def _reporter() -> tuple[Report | None, object]:
    """The report whose code and passphrase a status page POST carries, or the look-up form's answer (wrong
    passphrase: 403; code locked: 429), exactly as the look-up answers."""
    status_form = StatusForm(formdata=None)
    try:
        report = find_report(request.form.get("code", ""), request.form.get("passphrase", ""))
    except CodeLocked:
        return None, _locked_page(status_form)
    if report is None:
        status_form.form_errors.append(WRONG)
        return None, (render_template("public/status_form.html", form=status_form), 403)
    return report, None


# -- the reporter's requests ------------------------------------------------------------------------------------------


class _RequestForm(FlaskForm):
    class Meta:
        csrf = False  # the app's CSRF protection checks every POST; the page's token is the one of the look-up


def _request_form(why: str, checks: list, confirmation: str, unconfirmed: str) -> type[_RequestForm]:
    """A request of the reporter: why, in their words (`reason`), and a box they tick to confirm it (`confirm`)."""

    class RequestForm(_RequestForm):
        reason = TextAreaField(why, filters=[clean_text], validators=checks)
        confirm = BooleanField(confirmation, validators=[DataRequired(unconfirmed)])

    return RequestForm


WithdrawalForm = _request_form(
    "Lý do rút đơn",
    [DataRequired("Xin ghi lý do rút đơn."), Length(max=1000, message="Tối đa 1.000 ký tự.")],
    "Tôi hiểu: rút đơn thì cơ quan ngừng giải quyết đơn này (riêng tố cáo đã thụ lý, cơ quan vẫn có thể tiếp tục "
    "giải quyết nếu có dấu hiệu vi phạm pháp luật).",
    "Xin đánh dấu vào ô này để xác nhận bạn muốn rút đơn.",
)
SecondInstanceForm = _request_form(
    "Lý do không đồng ý với quyết định giải quyết lần đầu",
    [
        DataRequired("Xin ghi lý do bạn không đồng ý với quyết định giải quyết lần đầu."),
        Length(min=10, message="Xin ghi rõ hơn vì sao bạn không đồng ý (ít nhất 10 ký tự)."),
        Length(max=5000, message="Tối đa 5.000 ký tự."),
    ],
    "Tôi đề nghị cơ quan cấp trên giải quyết khiếu nại lần hai.",
    "Xin đánh dấu vào ô này để xác nhận đề nghị khiếu nại lần hai.",
)


def _withdrawal_form(**kwargs) -> WithdrawalForm:
    return WithdrawalForm(prefix="rut", **kwargs)


def _second_form(**kwargs) -> SecondInstanceForm:
    return SecondInstanceForm(prefix="lan2", **kwargs)


def _status_page(
    report: Report,
    code: str,
    passphrase: str,
    reply: ReplyForm | None = None,
    status: int = 200,
    message: str | None = None,
    withdrawal: WithdrawalForm | None = None,
    second: SecondInstanceForm | None = None,
):
    question = open_question(report)
    if question and reply is None:
        reply = ReplyForm(formdata=None, data={"code": code, "passphrase": passphrase})
    pending = withdrawal_pending(report)
    second_instance = second_instance_state(report)
    if withdrawal is None and report.status not in FINISHED and not pending:
        withdrawal = _withdrawal_form(formdata=None)
    if second is None and second_instance["open"]:
        second = _second_form(formdata=None)
    response = make_response(
        render_template(
            "public/status.html",
            report=report,
            code=code,
            passphrase=passphrase,
            timeline=public_timeline(report),
            clocks=current_clocks(report),
            explanation=public_explanation(report, second_instance),
            documents=public_documents(report),
            question=question,
            reply=reply if question else None,
            withdrawal=withdrawal,
            withdrawal_pending=pending,
            second=second,
            second_instance=second_instance,
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
        report = find_report(form.code.data, form.passphrase.data)
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
    report, refusal = _reporter()
    if report is None:
        return refusal
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
    enqueue_cleaning(current_app.extensions["redis"], current_app.config["JOBS_QUEUE"], files.accepted)
    message = "Đã gửi câu trả lời của bạn đến cơ quan giải quyết. Cảm ơn bạn."
    if files.refused:
        message += " Một số tệp không được nhận: " + "; ".join(f"{name}: {why}" for name, why in files.refused) + "."
    return _status_page(report, form.code.data, form.passphrase.data, message=message)


def _ask(form, apply, done: str, **page):
    """Record one request of the reporter (withdrawal, second instance): checked, committed, then its job
    enqueued (Redis down loses nothing: the request is in the database and the reconciler applies it). A refusal
    comes back next to the form, with what was typed."""
    report, refusal = _reporter()
    if report is None:
        return refusal
    code, passphrase = request.form.get("code", ""), request.form.get("passphrase", "")
    if not form.validate():
        return _status_page(report, code, passphrase, status=400, **page)
    try:
        apply(report, now=utcnow(), reason=form.reason.data)
    except RequestRefused as exc:
        db.session.rollback()
        form.form_errors.append(str(exc))
        return _status_page(report, code, passphrase, status=409, **page)
    db.session.commit()
    enqueue_reporter_request(current_app.extensions["redis"], current_app.config["JOBS_QUEUE"], report.id)
    return _status_page(report, code, passphrase, message=done)


@bp.post("/tra-cuu/rut-don")
def withdraw():
    """The reporter withdraws the đơn; a job applies it (an accepted tố cáo waits for the inspector's decision)."""
    form = _withdrawal_form()
    return _ask(
        form,
        request_withdrawal,
        "Đã ghi nhận đề nghị rút đơn của bạn. Trang này sẽ cho bạn biết khi việc rút đơn được xử lý.",
        withdrawal=form,
    )


@bp.post("/tra-cuu/khieu-nai-lan-hai")
def second_instance():
    """The reporter of a khiếu nại decided at first instance asks for the second; a job sends it to the body above."""
    form = _second_form()
    return _ask(
        form,
        request_second_instance,
        "Đã ghi nhận đề nghị khiếu nại lần hai của bạn; đơn sẽ được chuyển đến cơ quan cấp trên giải quyết.",
        second=form,
    )


@bp.post("/tra-cuu/van-ban")
def document():
    """One of the documents addressed to the reporter, as a PDF download."""
    report, refusal = _reporter()
    if report is None:
        return refusal
    code, passphrase = request.form.get("code", ""), request.form.get("passphrase", "")
    document_id = request.form.get("document", type=int)
    if document_id is None:
        return _status_page(report, code, passphrase, status=400, message="Xin chọn văn bản cần tải về.")
    found = next((d for d in public_documents(report) if d.id == document_id), None)
    path = DocumentFiles(current_app.config["ATTACHMENTS_DIR"]).path(found.storage_key) if found else None
    if path is None or not path.is_file():
        message = "Không tìm thấy văn bản này trong các văn bản gửi bạn."
        return _status_page(report, code, passphrase, status=404, message=message)
    name = download_name(found.reference, found.year)
    response = send_file(path, mimetype="application/pdf", as_attachment=True, download_name=name, max_age=0)
    response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return _no_store(response)


REPORTER_POSTS = ("public.withdraw", "public.second_instance", "public.document")  # the status page's own POSTs


def handle_csrf_error(error: CSRFError):
    """A missing or stale token: show the form again with the citizen's text kept (an empty form for a POST that
    another site's page sent: its words are not put on this site's form)."""
    message = "Phiên gửi đơn đã hết hạn hoặc không hợp lệ. Nội dung của bạn vẫn còn đây, xin bấm gửi lại."
    if request.endpoint == "public.submit":
        if from_another_site():
            form = _report_form(formdata=None)
            form.form_errors.append("Đơn chưa được gửi. Xin viết đơn ngay trên trang này rồi bấm Gửi.")
            return render_template("public/form.html", form=form), 400
        form = _report_form(formdata=request.form)
        form.form_errors.append(message)
        return render_template("public/form.html", form=form), 400
    if request.endpoint in REPORTER_POSTS:
        report, refusal = _reporter()
        if report is None:
            return refusal
        page = {}
        if request.endpoint == "public.withdraw":
            page["withdrawal"] = _withdrawal_form()
        elif request.endpoint == "public.second_instance":
            page["second"] = _second_form()
        message = "Phiên làm việc đã hết hạn. Nội dung của bạn vẫn còn đây, xin bấm gửi lại."
        code, passphrase = request.form.get("code", ""), request.form.get("passphrase", "")
        return _status_page(report, code, passphrase, status=400, message=message, **page)
    if request.endpoint in ("public.status", "public.reply"):
        form = StatusForm(formdata=None if from_another_site() else request.form)  # a forged code is not echoed
        form.form_errors.append(message)
        return render_template("public/status_form.html", form=form), 400
    message = "Yêu cầu chưa được thực hiện vì trang đã mở quá lâu. Xin quay lại, tải lại trang rồi thử lại."
    return render_template("error.html", message=message), 400
