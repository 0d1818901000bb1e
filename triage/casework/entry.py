"""/can-bo/nhap-don: staff enter a đơn received on paper, at the citizen reception desk or by hotline, with the date
it was really received and the scans of the letter, and hand the reporter a printed receipt.

Nothing is half-stored: the form is checked first, then every scan (a scan refused refuses the đơn, and the scans
already written are removed), then the routing straight to the officer's unit when asked; only then is the đơn
committed. The passphrase is on the receipt page only (never stored in clear, never logged, not cached).
"""

import secrets

from flask import Blueprint, current_app, make_response, render_template, request
from flask_login import current_user
from redis.exceptions import RedisError

from core.extensions import db
from core.headers import from_another_site
from core.models import utcnow
from core.queueing import enqueue_routing
from core.units import ward_choices
from core.vietnamese import today_in_vietnam
from core.vocabulary import AttachmentKind
from intake.attachments import AttachmentStore, enqueue_cleaning, store_for
from triage.casework.access import guard_blueprint, may
from triage.casework.desk import enter_report
from triage.casework.entry_forms import EntryForm
from triage.casework.steps import ActionRefused

bp = Blueprint("entry", __name__, url_prefix="/can-bo/nhap-don")
guard_blueprint(bp, "enter reports")
SCAN_KINDS = (AttachmentKind.IMAGE, AttachmentKind.PDF)
NOT_A_SCAN = "chỉ nhận bản quét hoặc ảnh chụp (ảnh, PDF)"
# The form's fields that `submit_report` takes under the same name.
REPORT_FIELDS = (
    "text",
    "kind",
    "office",
    "reporter_name",
    "reporter_address",
    "reporter_phone",
    "reporter_email",
    "channel",
    "notify_reporter",
)


def _form(**kwargs) -> EntryForm:
    cfg = current_app.config
    return EntryForm(
        **kwargs,
        ward_choices=ward_choices(),
        text_min=cfg["REPORT_TEXT_MIN"],
        text_max=cfg["REPORT_TEXT_MAX"],
        today=today_in_vietnam(),
    )


def _uploads():
    return [f for f in request.files.getlist("scans") if f and f.filename]


def _remove(store: AttachmentStore, attachments) -> None:
    """Take back the files of a đơn that is not stored after all."""
    for attachment in attachments:
        for clean in (False, True):
            path = store.path(attachment, clean=clean)
            path.unlink(missing_ok=True)
            try:
                path.parent.rmdir()
            except OSError:  # other files live there
                pass


def _page(form: EntryForm, status: int = 200):
    return render_template("staff/entry.html", form=form), status


def _refuse(form: EntryForm, message: str, status: int = 400):
    if _uploads():
        message += " Xin chọn lại các tệp bản quét trước khi lưu lại."
    form.form_errors.append(message)
    return _page(form, status)


ALREADY_STORED = (
    "Đơn này đã được lưu ở lần bấm trước (bấm hai lần hoặc tải lại trang), nên không lưu thêm một bản nữa. "
    "Đơn vừa nhập có trong hàng đợi; mật mã tra cứu chỉ hiện một lần trên biên nhận đã in."
)
ONCE_SECONDS = 86_400


def _claim_once(token: str) -> bool:
    """Whether this blank form has not yet stored a đơn (Redis down: yes, rather than stop the desk)."""
    if not token:
        return True
    try:
        return bool(current_app.extensions["redis"].set(f"desk-once:{token}", "1", nx=True, ex=ONCE_SECONDS))
    except RedisError:
        return True


def _release_once(token: str) -> None:
    """The đơn was not stored after all: the same form may be sent again once corrected."""
    if token:
        try:
            current_app.extensions["redis"].delete(f"desk-once:{token}")
        except RedisError:
            pass


@bp.get("")
def form():
    blank = _form()
    blank.once.data = secrets.token_urlsafe(18)
    return _page(blank)


@bp.post("")
def submit():
    form = _form()
    if not form.validate():
        return _refuse(form, "Chưa lưu được đơn: xin xem các ô được đánh dấu bên dưới.")
    once = form.once.data or ""
    if not _claim_once(once):
        return _refuse(form, ALREADY_STORED, 409)
    store = store_for(current_app.config)
    files = store.accept(_uploads())
    refused = list(files.refused) + [(a.display_name, NOT_A_SCAN) for a in files.accepted if a.kind not in SCAN_KINDS]
    if refused:
        _release_once(once)
        _remove(store, files.accepted)
        why = "; ".join(f"{name}: {reason}" for name, reason in refused)
        return _refuse(form, f"Chưa lưu được đơn vì có tệp không nhận được — {why}.")
    try:
        entry = enter_report(
            db.session,
            officer=current_user,
            received_on=form.received_on.data,
            now=utcnow(),
            services=current_app.extensions["services"],
            own_unit=form.own_unit.data,
            note=form.note.data,
            ward_code=form.ward.data or None,
            attachments=files.accepted,
            **{name: getattr(form, name).data for name in REPORT_FIELDS},
        )
    except ActionRefused as exc:
        db.session.rollback()
        _release_once(once)
        _remove(store, files.accepted)
        return _refuse(form, f"Chưa lưu được đơn: {exc}", 409)
    db.session.commit()  # the đơn is safe before anything else happens
    enqueue_cleaning(current_app.extensions["redis"], current_app.config["JOBS_QUEUE"], files.accepted)
    if entry.unit is None:
        enqueue_routing(current_app.extensions["redis"], current_app.config["ROUTING_QUEUE"], entry.receipt.report_id)
    base = current_app.config.get("PUBLIC_BASE_URL")
    response = make_response(
        render_template(
            "staff/entry_receipt.html",
            entry=entry,
            receipt=entry.receipt,
            channel=form.channel.data,
            scans=len(files.accepted),
            status_url=f"{base.rstrip('/')}/tra-cuu" if base else None,
            desk=current_user.unit.name if current_user.unit else "Bộ phận tiếp nhận, phân loại đơn",
        ),
        201,
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def after_expired_session():
    """A missing or stale CSRF token on the entry form: the form comes back with what was typed (the scans are
    chosen again), for whoever may enter a đơn; None for anyone else (the generic answer)."""
    if not may(current_user, "enter reports"):
        return None
    if from_another_site():  # a forged POST: none of its words on the desk's form (`core.headers`)
        return _refuse(
            _form(formdata=None), "Phiên làm việc đã hết hạn hoặc trang đã mở quá lâu nên đơn chưa được lưu."
        )
    return _refuse(
        _form(formdata=request.form),
        "Phiên làm việc đã hết hạn nên đơn chưa được lưu. Nội dung vẫn còn đây, xin bấm lưu lại.",
    )
