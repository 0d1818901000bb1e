"""Forms of the legal procedure's steps in the case file, with the choices the report's state allows.

Steps that cannot be undone carry a confirmation box: without it the form is refused with its own message and
nothing is lost (the page comes back with what was typed)."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from sqlalchemy import select
from wtforms import BooleanField, DateField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from core.extensions import db
from core.models import Report, Unit
from core.vocabulary import ArchiveGround, Complexity, Kind, Outcome, OutsideBody, label, outcome_label
from intake.forms import clean_text
from triage.casework.handling import refusal_grounds

OUTSIDE = "ngoai:"  # a transfer target outside the directory: "ngoai:bo-nganh"


def _confirm() -> BooleanField:
    return BooleanField(
        "Tôi đã kiểm tra: bước này không hoàn tác được",
        validators=[InputRequired("Xin đánh dấu xác nhận: bước này không hoàn tác được.")],
    )


def _text(name: str, message: str, *, minimum: int = 5, maximum: int = 2000, area: bool = False):
    field = TextAreaField if area else StringField
    return field(name, filters=[clean_text], validators=[DataRequired(message), Length(min=minimum, max=maximum)])


def _optional(name: str, maximum: int = 2000, area: bool = False):
    field = TextAreaField if area else StringField
    return field(name, filters=[clean_text], validators=[Optional(), Length(max=maximum)])


def _select(name: str, message: str) -> SelectField:
    """Choices are set per report; the service refuses a code outside them with its own message."""
    return SelectField(name, coerce=str, validate_choice=False, validators=[DataRequired(message)])


class RefuseForm(FlaskForm):
    ground = _select("Căn cứ không thụ lý", "Xin chọn căn cứ không thụ lý.")
    reason = _optional("Lý do cụ thể (bắt buộc khi chọn lý do khác)", area=True)
    confirm = _confirm()


class GuideForm(FlaskForm):
    body = _select("Cơ quan có thẩm quyền", "Xin chọn cơ quan có thẩm quyền.")
    name = _optional("Tên cụ thể của cơ quan", 300)
    guidance = _text("Nội dung hướng dẫn", "Xin ghi nội dung hướng dẫn người gửi đơn.", minimum=10, area=True)
    confirm = _confirm()


class TransferForm(FlaskForm):
    target = _select("Chuyển đến", "Xin chọn cơ quan nhận đơn.")
    name = _optional("Tên cụ thể của cơ quan (khi ở ngoài danh mục của tỉnh)", 300)
    reason = _text("Lý do chuyển", "Xin ghi lý do chuyển đơn.", area=True)
    confirm = _confirm()


class ArchiveForm(FlaskForm):
    ground = _select("Căn cứ lưu đơn", "Xin chọn căn cứ lưu đơn.")
    reason = _optional("Ghi rõ (bắt buộc khi chọn lý do khác)", area=True)
    confirm = _confirm()


class ReturnForm(FlaskForm):
    reason = _text("Lý do trả lại đơn và giấy tờ", "Xin ghi lý do trả lại đơn và giấy tờ.", area=True)
    body = SelectField("Cơ quan người gửi đơn nên đến (nếu có)", coerce=str, validate_choice=False)
    name = _optional("Tên cụ thể của cơ quan", 300)
    confirm = _confirm()


class ReasonForm(FlaskForm):
    reason = _text("Lý do", "Xin ghi lý do.", area=True)


class ConfirmedReasonForm(ReasonForm):
    confirm = _confirm()


class ComplexityForm(FlaskForm):
    level = _select("Mức độ", "Xin chọn mức độ phức tạp.")
    reason = _text("Lý do", "Xin ghi lý do xác định mức độ phức tạp.", area=True)


class TrackForm(FlaskForm):
    track = _select("Giải quyết theo trình tự", "Xin chọn trình tự giải quyết.")
    reason = _text("Lý do", "Xin ghi lý do đổi trình tự giải quyết.", area=True)
    confirm = _confirm()


class ExtendForm(FlaskForm):
    stage = _select("Thời hạn", "Xin chọn thời hạn cần gia hạn.")
    reason = _text("Lý do gia hạn", "Xin ghi lý do gia hạn.", area=True)
    confirm = _confirm()


class SubmitForm(FlaskForm):
    outcome = _select("Kết luận", "Xin chọn kết luận.")
    findings = _text(
        "Kết quả xác minh (in trong văn bản gửi người gửi đơn)",
        "Xin ghi kết quả xác minh.",
        minimum=10,
        maximum=10000,
        area=True,
    )
    response = _text(
        "Nội dung trả lời người gửi đơn",
        "Xin viết nội dung trả lời người gửi đơn.",
        minimum=10,
        maximum=5000,
        area=True,
    )


class CommentForm(FlaskForm):
    comment = _text("Ý kiến của lãnh đạo", "Xin ghi ý kiến để cán bộ sửa dự thảo.", area=True)


class ApproveForm(FlaskForm):
    confirm = _confirm()


class SecondInstanceForm(FlaskForm):
    received_on = DateField("Ngày nhận đơn khiếu nại lần hai", validators=[InputRequired("Xin ghi ngày nhận đơn.")])
    reason = _text("Nội dung khiếu nại lần hai", "Xin ghi nội dung khiếu nại lần hai.", minimum=10, area=True)
    confirm = _confirm()


class ScanForm(FlaskForm):
    scan = FileField("Bản quét văn bản đã ký (PDF, JPG hoặc PNG)", validators=[InputRequired("Xin chọn tệp.")])


def _codes(codes) -> list[SelectChoice]:
    return [SelectChoice("", "— Chọn —")] + [SelectChoice(str(c), label(c)) for c in codes]


def _targets(report: Report) -> list[SelectChoice]:
    """Units of the directory (never the report's own, never the accused body), then bodies outside it."""
    units = db.session.scalars(select(Unit).order_by(Unit.division, Unit.name_ascii))
    inside = [SelectChoice(u.code, u.name) for u in units if u.id != report.unit_id and not report.accuses(u)]
    outside = [SelectChoice(OUTSIDE + b, label(b)) for b in OutsideBody]
    return [SelectChoice("", "— Chọn —"), *outside, *inside]


def procedure_forms(report: Report, *, typed: bool = True) -> dict:
    """Every step's form for this report, its choices set (shown or not, as the state allows); with `typed` False,
    none of them reads what the request sent (a stale-token page answering another site's POST)."""

    def make(form, **options):
        return form(**options) if typed else form(formdata=None, **options)

    refuse = make(RefuseForm, prefix="ktl")
    refuse.ground.choices = _codes(refusal_grounds(report.track))
    guide = make(GuideForm, prefix="hd")
    guide.body.choices = _codes(OutsideBody)
    transfer = make(TransferForm, prefix="cd")
    transfer.target.choices = _targets(report)
    archive = make(ArchiveForm, prefix="ld")
    archive.ground.choices = _codes(ArchiveGround)
    returned = make(ReturnForm, prefix="tl")
    returned.body.choices = [SelectChoice("", "— Không —")] + [SelectChoice(str(b), label(b)) for b in OutsideBody]
    complexity = make(ComplexityForm, prefix="pt", data={"level": report.complexity})
    complexity.level.choices = _codes(Complexity)
    track = make(TrackForm, prefix="tt")
    track.track.choices = _codes(k for k in Kind if k != report.track)
    extend = make(ExtendForm, prefix="gh")
    extend.stage.choices = [SelectChoice("", "— Chọn —")] + [
        SelectChoice(c.stage, c.label) for c in report.clocks if c.is_open
    ]
    submit = make(
        SubmitForm,
        prefix="kq",
        data={
            "findings": report.findings or "",
            "response": report.response or "",
            "outcome": report.proposed_outcome or "",
        },
    )
    submit.outcome.choices = [SelectChoice("", "— Chọn —")] + [
        SelectChoice(str(o), outcome_label(o, report.track)) for o in Outcome if o != Outcome.TRANSFERRED
    ]
    return {
        "refuse": refuse,
        "guide": guide,
        "transfer": transfer,
        "archive": archive,
        "return": returned,
        "suspend": make(ReasonForm, prefix="tdc"),
        "resume": make(ReasonForm, prefix="tiep"),
        "terminate": make(ConfirmedReasonForm, prefix="dc"),
        "withdraw": make(ConfirmedReasonForm, prefix="rut"),
        "pursue": make(ReasonForm, prefix="tgq"),
        "complexity": complexity,
        "track": track,
        "extend": extend,
        "submit": submit,
        "revise": make(CommentForm, prefix="ykien"),
        "approve": make(ApproveForm, prefix="duyet"),
        "reopen": make(ConfirmedReasonForm, prefix="xll"),
        "second": make(SecondInstanceForm, prefix="l2"),
        "scan": make(ScanForm, prefix="scan"),
    }
