"""rq jobs of casework: the inspectors' corrections exported for the classifier, and reporters' contact
details erased after the retention period. The conventions are those of triage.routing.jobs.
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
from core.vocabulary import EventKind, Status
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
        for report in reports:
            report.reporter_name = report.reporter_address = report.reporter_phone = report.reporter_email = None
            report.record(EventKind.CONTACT_PURGED, retention_days=days)
        db.session.commit()
        return len(reports)
    finally:
        db.session.remove()
