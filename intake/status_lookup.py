"""The reporter's look-up and what it tells, shared by the status page (`intake.public`) and the JSON status
endpoint (`intake.api.status`): the report a tracking code and passphrase open, with the same lock per code after
wrong passphrases, the documents addressed to the reporter, the state of the second instance of a khiếu nại and
the explanation of the current status built from them."""

from flask import current_app
from sqlalchemy import select

from core.extensions import db
from core.models import Document, Report, utcnow
from core.vietnamese import legal_date
from intake.receipts import normalize_tracking_code, verify_passphrase
from intake.reporter_requests import second_instance_open_until, second_instance_requested, withdrawal_pending
from intake.status_guard import CodeGuard
from intake.timeline import Explanation, explain_status

LOCKED = "Mã theo dõi này đang tạm khóa tra cứu vì đã nhập sai mật mã nhiều lần. Xin thử lại sau {minutes} phút."
WRONG = "Mã theo dõi hoặc mật mã tra cứu không đúng. Xin kiểm tra lại trên biên nhận."


class CodeLocked(Exception):
    """Too many wrong passphrases for this tracking code: it is locked for STATUS_LOCK_MINUTES."""


def _guard() -> CodeGuard:
    cfg = current_app.config
    return CodeGuard(
        current_app.extensions["redis"],
        cfg["STATUS_MAX_FAILURES"],
        cfg["STATUS_LOCK_MINUTES"] * 60,
        cfg.get("RATELIMIT_KEY_PREFIX") or "rl",
    )


def find_report(code: str, passphrase: str) -> Report | None:
    """The report if code and passphrase match; raises CodeLocked after too many wrong passphrases."""
    code = normalize_tracking_code(code)
    guard = _guard()
    failures = guard.failures(code) if code else 0
    if failures >= guard.max_failures:
        raise CodeLocked()
    report = db.session.scalar(select(Report).where(Report.tracking_code == code)) if code else None
    # A missing report costs the same slow hash as a wrong passphrase (a verification against a dummy hash).
    ok = verify_passphrase(report.passphrase_hash if report else None, passphrase) and report is not None
    if not ok:
        if code:
            guard.failed(code)
        return None
    if failures:  # a right passphrase clears the count; with none counted there is nothing to clear
        guard.succeeded(code)
    return report


def public_documents(report: Report) -> list[Document]:
    """The documents addressed to the reporter (never the unit's internal ones), oldest first."""
    query = select(Document).where(Document.report_id == report.id, Document.public.is_(True))
    return list(db.session.scalars(query.order_by(Document.issued_at, Document.id)))


def second_instance_state(report: Report) -> dict:
    """What the page says of the second instance: the last day to ask, whether that day is past, whether asked."""
    until = second_instance_open_until(report)
    asked = until is not None and second_instance_requested(report) is not None
    return {
        "until": until,
        "open": until is not None and not asked and legal_date(utcnow()) <= until,
        "past": until is not None and not asked and legal_date(utcnow()) > until,
        "asked": asked,
    }


def public_explanation(report: Report, second_instance: dict | None = None) -> Explanation:
    """What the current status means for the reporter and what they can do next, as the status page says it."""
    second_instance = second_instance if second_instance is not None else second_instance_state(report)
    return explain_status(
        report,
        withdrawal_pending=withdrawal_pending(report),
        second_instance_until=second_instance["until"] if second_instance["open"] else None,
        second_instance_asked=second_instance["asked"],
    )
