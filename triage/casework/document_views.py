"""A case's numbered documents for staff: the generated PDF, the scan of the signed copy, and its upload. Whoever
sees the report sees its documents; only the unit's own staff upload the signed scan."""

from urllib.parse import quote

from flask import Blueprint, abort, current_app, flash, redirect, send_file, url_for
from flask_login import current_user

from core.document_files import DocumentFiles, download_name
from core.extensions import db
from core.models import Document, Report, utcnow
from core.vocabulary import EventKind, label
from triage.casework.access import guard_blueprint, may, visible_reports
from triage.casework.procedure_forms import ScanForm
from triage.documents.issue import ScanRefused, attach_signed_scan

bp = Blueprint("documents", __name__, url_prefix="/can-bo/van-ban")
guard_blueprint(bp, "work the queue")


def _load(document_id: int) -> tuple[Document, Report]:
    document = db.session.get(Document, document_id)
    report = (
        db.session.scalar(visible_reports(current_user).where(Report.id == document.report_id)) if document else None
    )
    if report is None:
        abort(404)
    return document, report


def _send(storage_key: str, content_type: str, name: str):
    path = DocumentFiles(current_app.config["ATTACHMENTS_DIR"]).path(storage_key)
    response = send_file(path, mimetype=content_type, as_attachment=True, download_name=name, max_age=0)
    response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


def file_name(document: Document, suffix: str = "") -> str:
    """ "12-TB-UBND-2026.pdf": the reference, safe as a file name."""
    reference = document.reference.replace("/", "-").replace(" ", "")
    return f"{reference}-{document.year}{suffix}"


@bp.get("/<int:document_id>")
def pdf(document_id: int):
    document, _report = _load(document_id)
    return _send(document.storage_key, "application/pdf", download_name(document.reference, document.year))


@bp.get("/<int:document_id>/ban-ky")
def scan(document_id: int):
    document, _report = _load(document_id)
    if not document.scan_storage_key:
        abort(404)
    extension = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}[document.scan_content_type]
    return _send(
        document.scan_storage_key,
        document.scan_content_type,
        download_name(document.reference, document.year, "-ban-ky" + extension),
    )


@bp.post("/<int:document_id>/ban-ky")
def upload_scan(document_id: int):
    document, report = _load(document_id)
    if not may(current_user, "upload signed scan", report) or document.unit_id != report.unit_id:
        abort(403)  # the signed copy is the issuing unit's own: after a transfer, not the receiving unit's
    form = ScanForm(prefix="scan")
    target = url_for("cases.view", report_id=report.id, _anchor="van-ban")
    if not form.validate_on_submit():
        flash(" ".join(e for errors in form.errors.values() for e in errors), "error")
        return redirect(target, code=303)
    try:
        attach_signed_scan(
            db.session,
            document,
            form.scan.data.read(),
            actor=current_user._get_current_object(),
            now=utcnow(),
            files_root=current_app.config["ATTACHMENTS_DIR"],
        )
    except ScanRefused as exc:
        db.session.rollback()
        flash(str(exc), "error")
        return redirect(target, code=303)
    report.record(
        EventKind.SIGNED_SCAN,
        actor_id=current_user.id,
        document_id=document.id,
        reference=document.reference,
        title=label(document.kind),
        sha256=document.scan_sha256,
    )
    db.session.commit()
    flash(f"Đã lưu bản quét đã ký của văn bản số {document.reference}.", "ok")
    return redirect(target, code=303)
