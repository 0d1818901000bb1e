"""The rq job that anchors the audit trail: the chain's head appended to AUDIT_ANCHOR_FILE, out of the database's
reach, so that `flask audit verify` notices records deleted from the end of the trail (`core.audit`)."""

from core.audit import write_anchor
from core.extensions import db
from core.logs import logged_job
from triage.context import job_app


@logged_job
def anchor_audit_trail() -> dict:
    app = job_app()
    try:
        anchor = write_anchor(db.session, app.config["AUDIT_ANCHOR_FILE"])
    finally:
        db.session.remove()
    return {"count": anchor.count, "last_id": anchor.last_id}
