"""The case file's "Đơn trùng, đơn liên quan" block: the candidates, the links, and the POSTs that make and undo
them (CSRF-protected; who may: the staff who handle both reports)."""

from dataclasses import dataclass

from flask import Blueprint, abort, current_app, flash, redirect, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import HiddenField, IntegerField, StringField
from wtforms.validators import DataRequired, Length

from core.extensions import db
from core.models import Report, ReportLink, utcnow
from core.vocabulary import LinkKind
from intake.forms import clean_text
from intake.receipts import normalize_tracking_code
from triage.casework import duplicates, linking
from triage.casework.access import guard_blueprint, may, visible_reports
from triage.casework.steps import ActionRefused

bp = Blueprint("linking", __name__, url_prefix="/can-bo/bao-cao")
guard_blueprint(bp, "work the queue")


class LinkForm(FlaskForm):
    other = StringField(
        "Mã theo dõi của đơn kia",
        filters=[clean_text],
        validators=[DataRequired("Xin nhập mã theo dõi của đơn kia."), Length(max=20)],
    )
    kind = HiddenField(default=str(LinkKind.RELATED))


class UnlinkForm(FlaskForm):
    other = IntegerField(validators=[DataRequired()])


@dataclass(frozen=True)
class Linked:
    link: ReportLink
    other: Report
    visible: bool

    @property
    def is_case(self) -> bool:
        """The other report is the case this one is merged into."""
        return self.link.kind == LinkKind.MERGED and self.other.case_id is None


def related_panel(report: Report) -> dict:
    """What the block shows: the links (with the other reports, named only when the user sees them), the
    candidates, and whether the user may link from here."""
    pairs = linking.links_of(db.session, report)
    visible_ids = set(
        db.session.scalars(
            visible_reports(current_user, select(Report.id)).where(Report.id.in_([o.id for _, o in pairs] or [0]))
        )
    )
    links = [Linked(link, other, other.id in visible_ids) for link, other in pairs]
    handles = may(current_user, "note", report)
    found = []
    if report.case_id is None:
        found = duplicates.candidates(db.session, current_user, report, exclude={item.other.id for item in links})
    return {
        "links": links,
        "candidates": found,
        "handles": handles,
        "form": LinkForm(prefix="lk", formdata=None),
        "reporters": 1 + sum(1 for item in links if item.other.case_id == report.id),
    }


def _back(report_id: int):
    return redirect(url_for("cases.view", report_id=report_id, _anchor="don-trung"), code=303)


def _load(report_id: int) -> Report:
    """The report, if the user sees it (404 otherwise) and handles it (403: they see it but may not act)."""
    report = db.session.scalar(visible_reports(current_user).where(Report.id == report_id))
    if report is None:
        abort(404)
    if not may(current_user, "note", report):
        abort(403)
    return report


def _other(value: str) -> Report | None:
    code = normalize_tracking_code(value)
    if not code:
        return None
    return db.session.scalar(visible_reports(current_user).where(Report.tracking_code == code))


@bp.post("/<int:report_id>/lien-ket")
def link(report_id: int):
    """Link (kind "related") or merge (kind "merged") this report with the one whose code is given."""
    report = _load(report_id)
    form = LinkForm(prefix="lk")
    if not form.validate_on_submit():
        errors = " ".join(e for errs in form.errors.values() for e in errs)
        flash(errors if "csrf_token" not in form.errors else "Phiên làm việc đã hết hạn, xin thử lại.", "error")
        return _back(report_id)
    other = _other(form.other.data)
    try:
        if form.kind.data == LinkKind.MERGED:
            case = linking.merge(db.session, current_user, report, other, now=utcnow())
            merged = other if case is report else report
            message = f"Đã gộp đơn {merged.tracking_code} vào vụ việc của đơn {case.tracking_code} (đơn nhận trước)."
        else:
            linking.link(db.session, current_user, report, other, now=utcnow())
            message = f"Đã ghi nhận đơn {other.tracking_code} là đơn liên quan."
        db.session.commit()
    except ActionRefused as exc:
        db.session.rollback()
        flash(str(exc), "error")
        return _back(report_id)
    flash(message, "ok")
    return _back(report_id)


@bp.post("/<int:report_id>/bo-lien-ket")
def unlink(report_id: int):
    """Remove a link; a merged report is split off with its own clocks (refused once the case is decided)."""
    report = _load(report_id)
    form = UnlinkForm(prefix="ul")
    if not form.validate_on_submit():
        flash("Không rõ bỏ liên kết với đơn nào, xin thử lại.", "error")
        return _back(report_id)
    other = db.session.scalar(visible_reports(current_user).where(Report.id == form.other.data))
    try:
        linking.unlink(
            db.session, current_user, report, other, now=utcnow(), services=current_app.extensions["services"]
        )
        db.session.commit()
    except ActionRefused as exc:
        db.session.rollback()
        flash(str(exc), "error")
        return _back(report_id)
    flash(f"Đã bỏ liên kết với đơn {other.tracking_code}.", "ok")
    return _back(report_id)
