"""The reporter's status look-up as JSON (`POST /api/v1/tra-cuu` with {"code", "passphrase"}), for a partner's
app that shows the reporter their đơn: what the status page says, with the same lock per code after wrong
passphrases (`intake.status_lookup`) and the same per-client rate limit, counted with the page's. The body must
be JSON, which a cross-site form cannot send, and the answer is never cached."""

from flask import Blueprint, current_app

from core.models import Report
from core.vietnamese import format_date
from core.vocabulary import HANDLED_WITHOUT_ACCEPTANCE, ClockStatus, Status, label, outcome_label
from intake.api.formats import errors, json_body, render, w3c
from intake.status_lookup import LOCKED, WRONG, CodeLocked, find_report, public_documents, public_explanation
from intake.timeline import current_clocks, open_question, public_timeline

bp = Blueprint("api_status", __name__, url_prefix="/api/v1")
NOT_JSON = 'Xin gửi một đối tượng JSON: {"code": "TH-XXXX-XXXX", "passphrase": "XXXX-XXXX-XXXX-XXXX-XXXX"}.'
MISSING = "Xin gửi cả mã theo dõi (code) và mật mã tra cứu (passphrase), dạng chuỗi."


@bp.after_request
def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(429)
def _too_many(error):
    response = errors(429, "Bạn đã thử quá nhiều lần trong thời gian ngắn. Xin chờ một phút rồi thử lại.")
    response.headers["Retry-After"] = "60"
    return response


def _deadline(report: Report, clock) -> dict:
    """One current deadline as the page shows it (an answered acceptance is "Hạn xử lý đơn")."""
    answered = clock.stage == "acceptance" and report.status in HANDLED_WITHOUT_ACCEPTANCE
    return {
        "label": "Hạn xử lý đơn" if answered else clock.label,
        "due_on": clock.due_on.isoformat(),
        "due_on_vi": format_date(clock.due_on),
        "status": str(clock.status),
        "status_label": label(clock.status),
        "paused": clock.status == ClockStatus.PAUSED,
    }


def status_view(report: Report) -> dict:
    """What the status page tells the reporter, as data: never contact details, internal notes or labels."""
    explanation = public_explanation(report)
    answered = report.status in (Status.RESOLVED, Status.CLOSED) and report.response
    shows_unit = report.unit is not None and report.status != Status.NEEDS_TRIAGE
    return {
        "code": report.tracking_code,
        "status": str(report.status),
        "status_label": label(report.status),
        "kind": report.kind,
        "kind_label": label(report.kind),
        "track": report.track,
        "track_label": label(report.track),
        "received_at": w3c(report.received_at),
        "agency_responsible": report.unit.name if shows_unit else None,
        "meaning": explanation.meaning,
        "next_step": explanation.next_step or None,
        "answer": {"outcome": outcome_label(report.outcome, report.track) or None, "response": report.response}
        if answered
        else None,
        "question": open_question(report),
        "deadlines": [_deadline(report, c) for c in current_clocks(report)],
        "timeline": [{"at": w3c(e.at), "title": e.title, "detail": e.detail or None} for e in public_timeline(report)],
        "documents": [
            {"title": d.title, "reference": d.reference, "issued_at": w3c(d.issued_at)}
            for d in public_documents(report)
        ],
    }


@bp.post("/tra-cuu")
def lookup():
    body = json_body()
    if not isinstance(body, dict):
        return errors(400, NOT_JSON)
    code, passphrase = body.get("code"), body.get("passphrase")
    if not isinstance(code, str) or not isinstance(passphrase, str) or not code.strip() or not passphrase.strip():
        return errors(400, MISSING)
    try:
        report = find_report(code, passphrase)
    except CodeLocked:
        return errors(429, LOCKED.format(minutes=current_app.config["STATUS_LOCK_MINUTES"]))
    if report is None:
        return errors(403, WRONG)
    return render("json", "status", status_view(report))
