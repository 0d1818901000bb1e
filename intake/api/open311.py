"""Open311 GeoReport v2 at /open311/v2/: partner systems list the services (the kinds of misconduct), file a đơn
with their API key and follow the đơn they filed. Same rules as the citizen's form (lengths, commune, contact
details, the legal track of an anonymous khiếu nại or tố cáo); a refusal stores nothing and answers the spec's
error list in Vietnamese. What a partner reads of a đơn is what the status page tells the reporter, plus the text
and the chosen service: never contact details, internal notes, labels of the classifier or the accused body.
See docs/api.md."""

import math
from datetime import UTC, datetime, timedelta

from flask import Blueprint, current_app, g, request
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload
from werkzeug.datastructures import MultiDict

from core.extensions import db
from core.models import Report, ReportEvent, utcnow
from core.queueing import enqueue_routing
from core.units import ward_choices
from core.vocabulary import FINISHED, Category, Channel, ClockStatus, EventKind, Kind, Status, label
from intake.api import keys
from intake.api.formats import errors, json_body, render, w3c
from intake.api.services import CHANGESET, definition, service_list, service_name, ward_names
from intake.forms import ReportForm
from intake.receipts import normalize_tracking_code
from intake.status_lookup import public_explanation
from intake.submission import submit_report
from intake.timeline import current_clocks

bp = Blueprint("open311", __name__, url_prefix="/open311/v2")
FORMAT = "<any(json, xml):response_format>"
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
MAX_REQUESTS = 1000  # the spec's default: 90 days or the first 1000 requests, whichever is smaller
DEFAULT_DAYS = 90
# The views that need an API key: filing a đơn and reading the đơn the key filed.
KEYED = ("open311.create_request", "open311.list_requests", "open311.get_request", "open311.get_token")

BAD_KEY = "Khóa API (api_key) không hợp lệ, đã bị thu hồi hoặc chưa được gửi."
TOO_MANY = "Khóa API này đã gửi quá số yêu cầu cho phép trong thời gian ngắn ({limit}). Xin chờ rồi thử lại."
NOT_FOUND = "Không tìm thấy đơn {code} trong các đơn do khóa API này gửi."
ANONYMOUS_TRACK = (
    "Đơn {kind} không ghi đủ họ tên (first_name, last_name) và địa chỉ người gửi (attribute[reporter_address]) "
    "nên được xử lý theo trình tự phản ánh, kiến nghị (Luật Tố cáo 2018 Điều 23; Luật Khiếu nại 2011 Điều 8)."
)


def _format() -> str:
    return (request.view_args or {}).get("response_format", "json")


def _key_given() -> str | None:
    """The key: the spec's `api_key` parameter (body or query string), or the X-Api-Key header."""
    body = json_body()
    in_body = body.get("api_key") if isinstance(body, dict) else request.form.get("api_key")
    return in_body or request.args.get("api_key") or request.headers.get("X-Api-Key")


@bp.before_request
def _authenticate():
    """Keyed views answer 403 in the spec's format without a valid key; the key's own rate limit comes next."""
    g.api_report_id = None
    if request.endpoint not in KEYED:
        return None
    g.api_key = keys.verify_key(db.session, _key_given())
    if g.api_key is None:
        return errors(403, BAD_KEY, response_format=_format())
    return None


@bp.after_request
def _record_use(response):
    """Every request made with a key is recorded (never the client's address); personal answers are not cached."""
    api_key = g.get("api_key")
    if api_key is not None:
        response.headers["Cache-Control"] = "no-store"
        try:
            keys.record_use(
                db.session,
                api_key,
                method=request.method,
                endpoint=request.path,
                status=response.status_code,
                report_id=g.get("api_report_id"),
            )
            db.session.commit()
        except Exception:
            db.session.rollback()
            current_app.logger.exception("use of API key %s not recorded", api_key.prefix)
    return response


@bp.errorhandler(429)
def _too_many(error):
    api_key = g.get("api_key")
    limit = api_key.rate_limit if api_key is not None else ""
    response = errors(429, TOO_MANY.format(limit=limit), response_format=_format())
    response.headers["Retry-After"] = "60"
    return response


# -- discovery and services -------------------------------------------------------------------------------------------


@bp.get(f"/discovery.{FORMAT}")
def discovery(response_format):
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    payload = {
        "changeset": CHANGESET,
        "contact": f"Thanh tra tỉnh Thanh Hóa, hộp thư {current_app.config['MAIL_FROM']}. "
        f"Tài liệu: {base}/api/openapi.json",
        "key_service": "Cơ quan, đơn vị muốn kết nối gửi văn bản đề nghị cấp khóa API đến Thanh tra tỉnh Thanh Hóa; "
        "khóa chỉ được cấp và gửi một lần.",
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": f"{base}/open311/v2",
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["application/json", "text/xml"],
            }
        ],
    }
    return render(response_format, "discovery", payload)


@bp.get(f"/services.{FORMAT}")
def services(response_format):
    return render(response_format, "services", service_list())


def _unknown_service(code: str) -> str:
    return f"Không có dịch vụ (service_code) '{code}'. Các mã dùng được: {', '.join(c.value for c in Category)}."


@bp.get(f"/services/<service_code>.{FORMAT}")
def service_definition(service_code, response_format):
    if service_code not in set(Category):
        return errors(404, _unknown_service(service_code), response_format=response_format)
    return render(response_format, "service_definition", definition(service_code))


# -- filing a đơn -----------------------------------------------------------------------------------------------------


class Invalid(Exception):
    def __init__(self, *messages: str):
        super().__init__(*messages)
        self.messages = messages


def _params() -> MultiDict:
    """The POST's parameters: form-encoded as the spec says, or one JSON object with the same names (its
    `attribute` may also be an object: {"attribute": {"kind": "to-cao"}})."""
    if not request.is_json:
        return request.form
    body = json_body()
    if not isinstance(body, dict):
        raise Invalid("Nội dung gửi lên không phải một đối tượng JSON hợp lệ.")
    flat = {k: v for k, v in body.items() if k != "attribute"}
    if isinstance(body.get("attribute"), dict):
        flat.update({f"attribute[{k}]": v for k, v in body["attribute"].items()})
    return MultiDict({k: "" if v is None else str(v) for k, v in flat.items()})


# The form's field, and the Open311 parameter a partner sent it in.
PARAMETERS = {
    "text": "description",
    "kind": "attribute[kind]",
    "ward": "attribute[ward]",
    "office": "attribute[office]/address_string",
    "reporter_name": "first_name/last_name",
    "reporter_address": "attribute[reporter_address]",
    "reporter_phone": "phone",
    "reporter_email": "email",
}


def _coordinates(params: MultiDict) -> list[str]:
    problems = []
    for name, bound in (("lat", 90), ("long", 180)):
        raw = (params.get(name) or "").strip()
        if not raw:
            continue
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or abs(value) > bound:
            problems.append(f"{name}: tọa độ '{raw[:30]}' không hợp lệ (số thập phân, từ -{bound} đến {bound}).")
    return problems


def _validated(params: MultiDict) -> tuple[str, ReportForm]:
    """The service code and the citizen's form filled from the Open311 parameters, checked by the form's own
    rules and messages; raises Invalid with every problem at once."""
    problems = []
    code = (params.get("service_code") or "").strip()
    if not code:
        problems.append("service_code: xin chọn một dịch vụ (loại việc làm sai của cán bộ).")
    elif code not in set(Category):
        problems.append(f"service_code: {_unknown_service(code)}")
    kind = (params.get("attribute[kind]") or "").strip() or Kind.PHAN_ANH.value
    if kind not in set(Kind):
        problems.append(f"attribute[kind]: loại đơn '{kind[:30]}' không có; chọn phan-anh, khieu-nai hoặc to-cao.")
        kind = Kind.PHAN_ANH.value
    if (params.get("media_url") or "").strip():
        problems.append(
            "media_url: hệ thống không tải tệp từ đường dẫn bên ngoài; xin gửi đơn không kèm media_url. Người gửi "
            "bổ sung bằng chứng khi cơ quan đề nghị, trên trang tra cứu."
        )
    problems += _coordinates(params)
    office = "; ".join(
        part
        for part in (
            (params.get("attribute[office]") or "").strip(),
            f"Địa điểm: {params['address_string'].strip()}" if (params.get("address_string") or "").strip() else "",
        )
        if part
    )
    name = " ".join(p for p in ((params.get("first_name") or "").strip(), (params.get("last_name") or "").strip()) if p)
    cfg = current_app.config
    form = ReportForm(
        formdata=MultiDict(
            {
                "text": params.get("description") or "",
                "kind": kind,
                "ward": (params.get("attribute[ward]") or "").strip(),
                "office": office,
                "reporter_name": name,
                "reporter_address": params.get("attribute[reporter_address]") or "",
                "reporter_phone": params.get("phone") or "",
                "reporter_email": params.get("email") or "",
            }
        ),
        meta={"csrf": False},
        ward_choices=ward_choices(),
        text_min=cfg["REPORT_TEXT_MIN"],
        text_max=cfg["REPORT_TEXT_MAX"],
    )
    if not form.validate():
        for field, messages in form.errors.items():
            problems += [f"{PARAMETERS.get(field, field)}: {m}" for m in messages]
    if problems:
        raise Invalid(*problems)
    return code, form


# The form's fields a filing passes to `submit_report` as they are.
FILED = ("text", "kind", "office", "reporter_name", "reporter_address", "reporter_phone", "reporter_email")


def _notice(code: str, track: str, kind: str) -> str:
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    notice = (
        f"Đã tiếp nhận đơn, mã theo dõi {code}. Người gửi theo dõi đơn tại {base}/tra-cuu bằng mã theo dõi và mật "
        "mã tra cứu (x_passphrase); mật mã chỉ được cấp một lần, xin chuyển ngay cho người gửi và không lưu lại."
    )
    if track != kind:
        notice += " " + ANONYMOUS_TRACK.format(kind=label(kind).lower())
    return notice


@bp.post(f"/requests.{FORMAT}")
def create_request(response_format):
    try:
        code, form = _validated(_params())
    except Invalid as invalid:
        return errors(400, *invalid.messages, response_format=response_format)
    given = {name: form[name].data for name in FILED}
    receipt = submit_report(
        db.session, **given, ward_code=form.ward.data or None, channel=Channel.API, api_key_id=g.api_key.id
    )
    report = db.session.get(Report, receipt.report_id)
    received = report.events[0]
    received.data = {**received.data, "service_code": code}  # the service the partner chose, kept with the filing
    db.session.commit()  # the report is safe before anything else happens
    g.api_report_id = receipt.report_id
    enqueue_routing(current_app.extensions["redis"], current_app.config["ROUTING_QUEUE"], receipt.report_id)
    payload = [
        {
            "service_request_id": receipt.tracking_code,
            "token": receipt.tracking_code,
            "service_notice": _notice(receipt.tracking_code, receipt.track, receipt.kind),
            "account_id": None,
            "x_passphrase": receipt.passphrase,
        }
    ]
    return render(response_format, "service_requests", payload, 201)


# -- following the đơn a key filed ------------------------------------------------------------------------------------


def _filed(report: Report) -> dict:
    """What the filing recorded: the kind chosen, the track it went on, the service chosen."""
    received = next((e for e in report.events if e.kind == EventKind.RECEIVED), None)
    return (received.data or {}) if received is not None else {}


def _expected(report: Report) -> datetime | None:
    """The public due date of the current stage: the first deadline still counting (running or paused)."""
    open_clocks = [c for c in current_clocks(report) if c.status in (ClockStatus.RUNNING, ClockStatus.PAUSED)]
    return open_clocks[0].due_at if open_clocks else None


def service_request(report: Report) -> dict:
    """One đơn as the spec's service request, with what the status page tells the reporter."""
    explanation = public_explanation(report)
    filed = _filed(report)
    code = filed.get("service_code")
    anonymous = filed.get("track", report.track) != filed.get("kind", report.kind)
    public = [e.at for e in report.events if e.public]
    routed = report.unit is not None and report.status not in (Status.RECEIVED, Status.NEEDS_TRIAGE)
    return {
        "service_request_id": report.tracking_code,
        "status": "closed" if report.status in FINISHED else "open",
        "status_notes": " ".join(p for p in (explanation.meaning, explanation.next_step) if p),
        "service_name": service_name(code),
        "service_code": code,
        "description": report.text,
        "agency_responsible": report.unit.name if routed else None,
        "service_notice": ANONYMOUS_TRACK.format(kind=label(report.kind).lower()) if anonymous else None,
        "requested_datetime": w3c(report.received_at),
        "updated_datetime": w3c(max(public, default=report.received_at)),
        "expected_datetime": w3c(_expected(report)),
        "address": ward_names().get(report.ward_code_given or ""),
        "address_id": None,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }


def _own_reports():
    return (
        select(Report)
        .where(Report.api_key_id == g.api_key.id)
        .options(selectinload(Report.events), selectinload(Report.clocks), joinedload(Report.unit))
    )


def _moment(name: str) -> datetime | None:
    raw = (request.args.get(name) or "").strip().replace(" ", "+")  # an unencoded "+07:00" arrives as " 07:00"
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
        if value.tzinfo is not None and not 1970 <= value.astimezone(UTC).year <= 2100:
            value = None  # nothing was filed then, and the database cannot hold year 1 or 9999 in every zone
    except (ValueError, OverflowError):
        value = None
    if value is None or value.tzinfo is None:
        raise Invalid(f"{name}: '{raw[:40]}' không phải ngày giờ W3C có múi giờ, ví dụ 2026-12-01T00:00:00+07:00.")
    return value


def _filtered(query):
    """The spec's filters: service_request_id (a comma list) overrides the others; otherwise service_code, status
    (open, closed or both) and start_date/end_date, by default the last 90 days."""
    ids = [normalize_tracking_code(i) for i in (request.args.get("service_request_id") or "").split(",") if i.strip()]
    if ids:
        return query.where(Report.tracking_code.in_(ids))
    problems = []
    start, end = _moment("start_date"), _moment("end_date")
    end = end or utcnow()
    start = start or end - timedelta(days=DEFAULT_DAYS)
    if start > end:
        problems.append("start_date: ngày bắt đầu ở sau ngày kết thúc (end_date).")
    query = query.where(Report.received_at >= start, Report.received_at <= end)
    code = (request.args.get("service_code") or "").strip()
    if code:
        if code not in set(Category):
            problems.append(f"service_code: {_unknown_service(code)}")
        chosen = select(ReportEvent.report_id).where(
            ReportEvent.kind == EventKind.RECEIVED, ReportEvent.data["service_code"].as_string() == code
        )
        query = query.where(Report.id.in_(chosen))
    statuses = {s.strip() for s in (request.args.get("status") or "").split(",") if s.strip()}
    if statuses - {"open", "closed"}:
        problems.append("status: chỉ dùng open, closed hoặc open,closed.")
    elif statuses == {"open"}:
        query = query.where(Report.status.not_in(FINISHED))
    elif statuses == {"closed"}:
        query = query.where(Report.status.in_(FINISHED))
    if problems:
        raise Invalid(*problems)
    return query


@bp.get(f"/requests.{FORMAT}")
def list_requests(response_format):
    try:
        query = _filtered(_own_reports())
    except Invalid as invalid:
        return errors(400, *invalid.messages, response_format=response_format)
    found = db.session.scalars(query.order_by(Report.received_at.desc(), Report.id.desc()).limit(MAX_REQUESTS))
    return render(response_format, "service_requests", [service_request(r) for r in found])


def _own_report(service_request_id: str) -> Report | None:
    code = normalize_tracking_code(service_request_id)
    report = db.session.scalar(_own_reports().where(Report.tracking_code == code)) if code else None
    g.api_report_id = report.id if report is not None else None
    return report


@bp.get(f"/requests/<service_request_id>.{FORMAT}")
def get_request(service_request_id, response_format):
    report = _own_report(service_request_id)
    if report is None:
        return errors(404, NOT_FOUND.format(code=service_request_id[:40]), response_format=response_format)
    return render(response_format, "service_requests", [service_request(report)])


@bp.get(f"/tokens/<token>.{FORMAT}")
def get_token(token, response_format):
    """The token of a filing is its tracking code (every service is realtime): it answers the same đơn's id."""
    report = _own_report(token)
    if report is None:
        return errors(404, NOT_FOUND.format(code=token[:40]), response_format=response_format)
    payload = [{"service_request_id": report.tracking_code, "token": report.tracking_code}]
    return render(response_format, "service_requests", payload)
