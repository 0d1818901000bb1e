"""Error pages: every refusal or failure answers a Vietnamese page with the site's header, a plain word on what
happened and a way back (templates/error.html: the home page, or the queue under /can-bo/). The API prefixes
answer their own machine format (the Open311 error list, XML when the path asks for it). A database that cannot
be reached answers 503 with Retry-After; on the citizen's forms the form comes back with what was typed
(`intake.public.form_again`) and nothing of the failed request is kept. No page shows an exception's text.

Handlers registered by code or by a blueprint (the citizen's 429, the API's 429, CSRF, bad input) come first:
Flask looks for those before the catch-all for HTTPException registered here."""

from flask import Flask, current_app, g, has_request_context, make_response, render_template, request
from sqlalchemy import event
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException, InternalServerError

from core.extensions import db
from core.headers import from_another_site
from core.models import Attachment
from core.ratelimit import TOO_MANY
from intake.api.formats import errors
from intake.attachments import store_for
from intake.public import form_again

API_PREFIXES = ("/open311/", "/api/")
RETRY_SECONDS = 60
UNAVAILABLE = "Dịch vụ tạm thời gián đoạn trong giây lát. Xin thử lại sau một phút."

# Status: (title, what happened). 413's text is completed with the configured limit.
PAGES = {
    400: ("Yêu cầu không hợp lệ", "Hệ thống không đọc được yêu cầu trình duyệt vừa gửi. Xin quay lại và thử lại."),
    401: ("Cần đăng nhập", "Trang này chỉ dành cho người đã đăng nhập."),
    403: ("Không có quyền truy cập", "Bạn không có quyền xem trang này hoặc thực hiện thao tác này."),
    404: ("Không tìm thấy trang", "Trang bạn tìm không có hoặc đã được chuyển đi. Xin kiểm tra lại địa chỉ."),
    405: (
        "Thao tác không được hỗ trợ",
        "Trang này không nhận kiểu yêu cầu vừa gửi. Xin mở lại trang từ đường dẫn trên trang web rồi làm lại.",
    ),
    413: (
        "Dữ liệu gửi lên quá lớn",
        "Dữ liệu gửi lên vượt quá {mb} MB cho mỗi lần gửi nên chưa được nhận. Tệp đính kèm: tối đa {files} tệp, "
        "mỗi tệp {file_mb} MB, tổng {total_mb} MB.",
    ),
    429: ("Quá nhiều yêu cầu", TOO_MANY),
    500: (
        "Hệ thống gặp lỗi",
        "Có lỗi ngoài ý muốn khi xử lý yêu cầu của bạn. Lỗi đã được ghi lại để khắc phục; xin thử lại sau ít phút.",
    ),
    503: ("Dịch vụ tạm thời gián đoạn", UNAVAILABLE),
}
STAFF_EXPIRED = (
    "Phiên làm việc đã hết hạn",
    "Thao tác chưa được thực hiện: phiên làm việc đã hết hạn hoặc trang đã mở quá lâu. Xin mở lại trang hồ sơ, "
    "tải lại trang rồi làm lại.",
)
NOT_KEPT = ("csrf_token", "password", "code", "passphrase")
OTHER_REFUSAL = ("Yêu cầu chưa thực hiện được", "Hệ thống không thực hiện được yêu cầu này. Xin quay lại và thử lại.")
OTHER_FAILURE = PAGES[500]


def too_large_message() -> str:
    """What a citizen is told of the size limits (MAX_CONTENT_LENGTH and the evidence limits), in MB."""
    cfg = current_app.config
    return PAGES[413][1].format(
        mb=cfg["MAX_CONTENT_LENGTH"] // (1024 * 1024),
        files=cfg["ATTACHMENT_MAX_FILES"],
        file_mb=cfg["ATTACHMENT_MAX_FILE_MB"],
        total_mb=cfg["ATTACHMENT_MAX_TOTAL_MB"],
    )


def expired_staff_page():
    """A staff POST with a missing or stale CSRF token, on a page that cannot be shown again with what was typed
    (the procedure's steps and the desk entry can): nothing was done, and the free text typed (a note, findings, a
    reason) is shown to be copied back, so nothing written is lost. Codes and choices are not repeated; neither is
    any password, and nothing for a POST that another site's page sent (`core.headers.from_another_site`): a forged
    cross-site POST, what the token stops, cannot make an officer's screen show its author's words."""
    typed = [] if from_another_site() else [(k, v.strip()) for k, v in request.form.items(multi=True) if v.strip()]
    kept = [value for name, value in typed if not any(w in name for w in NOT_KEPT) and any(c.isspace() for c in value)]
    title, message = STAFF_EXPIRED
    return render_template("error.html", title=title, message=message, kept=kept), 400


def _explanation(status: int) -> tuple[str, str]:
    if status == 413:
        return PAGES[413][0], too_large_message()
    return PAGES.get(status) or (OTHER_FAILURE if status >= 500 else OTHER_REFUSAL)


def _machine_format() -> str:
    return "xml" if request.path.endswith(".xml") else "json"


def error_response(status: int, headers=()):
    """The answer to a refusal or failure: the API's error list on its paths, the Vietnamese page elsewhere."""
    title, message = _explanation(status)
    if request.path.startswith(API_PREFIXES):
        response = errors(status, f"{title}. {message}", response_format=_machine_format())
    else:
        response = make_response(render_template("error.html", title=title, message=message), status)
    for name, value in headers:
        if name.lower() != "content-type":
            response.headers[name] = value  # Allow (405), WWW-Authenticate (401)...
    return response


def _http_error(error: HTTPException):
    if error.code is None or error.code < 400 or error.response is not None:  # a response of its own: as it is
        return error
    if error.code == 413 and (page := form_again(too_large_message(), 413, readable=False)) is not None:
        return page
    if isinstance(error, InternalServerError):  # an unexpected failure keeps nothing half-stored either
        _forget_the_request()
    return error_response(error.code, error.get_headers())


def _forget_the_request() -> None:
    """Roll back what the failed request wrote and remove the evidence files it stored for rows never committed."""
    try:
        db.session.rollback()
    except SQLAlchemyError:  # the connection is already gone: the pool discards it
        db.session.close()
    store_for(current_app.config).discard(g.pop("dropped_attachments", []))


def _database_unavailable(error: SQLAlchemyError):
    """The database cannot be reached (down, restarting, pool exhausted): nothing of the request is kept (its
    files are removed, its transaction rolled back) and the citizen's form comes back with what was typed."""
    current_app.logger.warning(
        "database unavailable on %s %s: %s", request.method, request.endpoint, type(error).__name__
    )
    _forget_the_request()
    response = form_again(UNAVAILABLE, 503)
    if response is None:
        response = error_response(503)
    response.headers["Retry-After"] = str(RETRY_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response


def _dropped(_session, instance) -> None:
    """An attachment whose row was rolled back (never committed): its file goes when the request fails."""
    if isinstance(instance, Attachment) and has_request_context():
        g.setdefault("dropped_attachments", []).append(instance)


def init_app(app: Flask) -> None:
    """Call after the limiter and the blueprints: their own handlers stay in force."""
    for transition in ("pending_to_transient", "persistent_to_transient"):
        if not event.contains(db.session, transition, _dropped):
            event.listen(db.session, transition, _dropped)
    app.register_error_handler(HTTPException, _http_error)
    for error in (OperationalError, InterfaceError, PoolTimeout):
        app.register_error_handler(error, _database_unavailable)
