"""rq jobs of evidence: make the metadata-free copy of one attachment; find again the attachments still waiting.

Decoding and re-encoding an image, or rewriting a PDF or a video, takes seconds and hundreds of megabytes for a
large file: never in a web worker, where it would hold every citizen's request behind it. The report is committed
and receipted first (intake.public.submit, triage.casework.entry.submit), then one job per attachment is enqueued.
The conventions are those of triage.routing.jobs.
"""

import logging
from datetime import timedelta

from sqlalchemy import select

from core.extensions import db
from core.logs import logged_job
from core.models import Attachment, Report, utcnow
from core.vocabulary import CleanState, EventKind
from intake.attachments import enqueue_cleaning, store_for
from triage.context import job_app

log = logging.getLogger(__name__)
# An attachment still pending this long after it was stored lost its job (Redis down, a worker killed).
STALE_AFTER = timedelta(minutes=2)


@logged_job
def clean_attachment(attachment_id: int) -> str:
    """Write the clean copy of one attachment. A file that does not parse is marked failed, with an internal event
    on its report, and keeps no copy: the original stays evidence for the handling unit only. Running it again
    changes nothing."""
    app = job_app()
    try:
        attachment = db.session.scalar(select(Attachment).where(Attachment.id == attachment_id).with_for_update())
        if attachment is None:
            return "missing"
        if attachment.clean_state != CleanState.PENDING:
            db.session.rollback()
            return f"already-{attachment.clean_state}"
        try:
            store_for(app.config).clean(attachment)
            outcome = "clean"
        except Exception as exc:  # each parser raises its own errors; the file is what is wrong, not the job
            attachment.has_clean_copy, attachment.clean_content_type = False, None
            attachment.clean_state = CleanState.FAILED
            report = db.session.get(Report, attachment.report_id)
            report.record(EventKind.EVIDENCE_UNREADABLE, attachment_id=attachment.id, error=type(exc).__name__)
            outcome = "failed"
        db.session.commit()
        return outcome
    finally:
        db.session.remove()


@logged_job(count="enqueued")
def reconcile_uncleaned() -> int:
    """Enqueue again every attachment still pending a while after it was stored (whatever Redis may have lost)."""
    app = job_app()
    try:
        waiting = db.session.scalars(
            select(Attachment)
            .where(Attachment.clean_state == CleanState.PENDING, Attachment.created_at < utcnow() - STALE_AFTER)
            .order_by(Attachment.id)
        ).all()
        enqueued = enqueue_cleaning(app.extensions["redis"], app.config["JOBS_QUEUE"], waiting)
    finally:
        db.session.remove()
    if waiting:
        log.info("reconciler: %d attachment(s) waiting to be cleaned were enqueued", enqueued)
    return enqueued
