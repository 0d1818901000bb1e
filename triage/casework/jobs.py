"""rq jobs of casework: the inspectors' corrections exported for the classifier, reporters' contact details
erased after the retention period, and what a reporter asked on the status page (withdrawal, second instance)
applied. The conventions are those of triage.routing.jobs.
"""

import json
import logging
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from redis.exceptions import RedisError
from sqlalchemy import select

from core.extensions import db
from core.logs import logged_job
from core.models import Correction, Report, utcnow
from core.queueing import enqueue_reporter_request
from core.vocabulary import FINISHED, EventKind, Status
from intake.reporter_requests import second_instance_requested, withdrawal_needs_decision
from triage.casework import proceedings
from triage.casework.redaction import contacts, redact
from triage.casework.steps import ActionRefused, Step
from triage.context import job_app, jobs_queue

log = logging.getLogger(__name__)


def correction_example(c: Correction) -> dict:
    """One line of the corrections file: the label fields `ml.corrections` reads, then what people and the
    classifier said (ignored by training, kept for measuring the classifier against people)."""
    return {
        "id": f"correction-{c.id}",
        "text": c.text,
        "agency": c.agency,
        "ward_code": c.ward_code,
        "category": c.category,
        "escalate": c.escalate,
        "source": c.source,
        "reason": c.reason,
        "kind": c.kind,
        "accused": {"agency": c.accused_agency, "ward_code": c.accused_ward_code}
        if c.escalate and c.accused_agency
        else None,
        "predicted": {
            "agency": c.predicted_agency,
            "ward_code": c.predicted_ward_code,
            "category": c.predicted_category,
            "escalate": c.predicted_escalate,
        },
        "corrected_by": c.created_by,
        "corrected_at": c.created_at.isoformat() if c.created_at else None,
    }


@logged_job(count="corrections")
def export_corrections() -> int:
    """Write every correction to ML_CORRECTIONS (JSON Lines) for `python -m ml train --with-corrections`."""
    app = job_app()
    try:
        rows = db.session.scalars(select(Correction).order_by(Correction.id)).all()
        lines = [json.dumps(correction_example(c), ensure_ascii=False) for c in rows]
    finally:
        db.session.remove()
    path = Path(app.config["ML_CORRECTIONS"])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    os.replace(tmp, path)  # readers never see half a file
    return len(lines)


@logged_job
def enqueue_export_corrections() -> None:
    app = job_app()
    try:
        jobs_queue(app).enqueue(export_corrections, job_id="export-corrections", result_ttl=600)
    except RedisError:
        log.warning("corrections export not enqueued; run `flask corrections export`")


@logged_job(count="purged")
def purge_contacts(today: str | None = None) -> int:
    """Erase reporters' contact details from reports closed longer ago than CONTACT_RETENTION_DAYS.

    The anonymised report stays for statistics."""
    app = job_app()
    days = app.config["CONTACT_RETENTION_DAYS"]
    if days <= 0:
        return 0
    now = utcnow()
    cutoff = (now if not today else datetime.combine(date.fromisoformat(today), datetime.min.time(), UTC)) - timedelta(
        days=days
    )
    try:
        reports = db.session.scalars(
            select(Report).where(
                Report.status == Status.CLOSED,
                Report.closed_at < cutoff,
                (
                    Report.reporter_name.is_not(None)
                    | Report.reporter_address.is_not(None)
                    | Report.reporter_phone.is_not(None)
                    | Report.reporter_email.is_not(None)
                ),
            )
        ).all()
        purged = {report.id: report for report in reports}
        # A correction kept the report's words for retraining: what they say of the reporter goes with the rest.
        for correction in db.session.scalars(select(Correction).where(Correction.report_id.in_(purged))):
            correction.text = redact(correction.text, known=contacts(purged[correction.report_id]))
        for report in reports:
            report.reporter_name = report.reporter_address = report.reporter_phone = report.reporter_email = None
            report.record(EventKind.CONTACT_PURGED, retention_days=days)
        db.session.commit()
        return len(reports)
    finally:
        db.session.remove()


def _request_step(app, report_id: int):
    report = db.session.scalar(select(Report).where(Report.id == report_id).with_for_update())
    step = Step(
        session=db.session,
        actor=None,
        now=utcnow(),
        services=app.extensions["services"],
        files_root=app.config["ATTACHMENTS_DIR"],
    )
    return report, step


@logged_job
def apply_reporter_request(report_id: int) -> str:
    """Apply what the reporter asked on the status page: a withdrawal ends the đơn (an accepted tố cáo waits for
    the inspector's decision); a second instance sends a khiếu nại to the body above. Idempotent."""
    app = job_app()
    try:
        report, step = _request_step(app, report_id)
        if report is None:
            return "missing"
        try:
            if report.withdrawal_requested_at is not None and report.status not in FINISHED:
                if withdrawal_needs_decision(report):
                    db.session.rollback()
                    return "awaiting-decision"
                reason = _last(report, EventKind.WITHDRAWAL_REQUESTED).get("reason") or "Người gửi đơn rút đơn."
                proceedings.withdraw(step, report, reason=reason.ljust(5, "."), by_reporter=True)
                db.session.commit()
                return "withdrawn"
            request = second_instance_requested(report)
            if request is not None:
                proceedings.open_second_instance(step, report, received_at=request.at, reason=request.data["reason"])
                db.session.commit()
                return "second-instance"
        except ActionRefused as exc:
            db.session.rollback()
            log.warning("report %s: the reporter's request was not applied: %s", report_id, exc)
            return "refused"
        db.session.rollback()
        return "nothing"
    finally:
        db.session.remove()


def _last(report: Report, kind: EventKind) -> dict:
    event = next((e for e in reversed(report.events) if e.kind == kind), None)
    return (event.data or {}) if event else {}


@logged_job(count="enqueued")
def reconcile_reporter_requests() -> int:
    """Enqueue again the reporters' requests that were recorded but not applied (Redis was down)."""
    app = job_app()
    try:
        ids = db.session.scalars(
            select(Report.id).where(
                Report.withdrawal_requested_at.is_not(None),
                Report.status.not_in([*FINISHED, Status.ACCEPTED, Status.SUSPENDED, Status.AWAITING_APPROVAL]),
            )
        ).all()
    finally:
        db.session.remove()
    for report_id in ids:
        enqueue_reporter_request(app.extensions["redis"], app.config["JOBS_QUEUE"], report_id)
    return len(ids)
