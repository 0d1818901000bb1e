"""Forms of the case file's actions (server-side, CSRF-protected, working without JavaScript)."""

from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from intake.forms import clean_text

_strip = clean_text


class SixClearForm(FlaskForm):
    assignee = SelectField("Rõ người — cán bộ xử lý", coerce=str, validate_choice=False, validators=[Optional()])
    task = TextAreaField("Rõ việc — việc sẽ làm", filters=[_strip], validators=[Optional(), Length(max=2000)])
    responsibility = StringField(
        "Rõ trách nhiệm — đơn vị chịu trách nhiệm", filters=[_strip], validators=[Optional(), Length(max=300)]
    )
    authority = StringField(
        "Rõ thẩm quyền — căn cứ pháp lý", filters=[_strip], validators=[Optional(), Length(max=300)]
    )
    due_on = DateField("Rõ thời gian — hạn hoàn thành", validators=[Optional()])


class RerouteForm(FlaskForm):
    unit = SelectField(
        "Chuyển đến", coerce=str, validate_choice=False, validators=[DataRequired("Xin chọn nơi chuyển đến.")]
    )
    reason = StringField(
        "Lý do", filters=[_strip], validators=[DataRequired("Xin ghi lý do chuyển đơn."), Length(min=5, max=500)]
    )


def _reason(message: str) -> StringField:
    return StringField("Lý do", filters=[_strip], validators=[DataRequired(message), Length(min=5, max=500)])


def _select(name: str) -> SelectField:
    """Choices are set by the view; the service refuses a code outside the vocabulary with its own message."""
    return SelectField(name, coerce=str, validate_choice=False)


class LabelsForm(FlaskForm):
    """Every label of a report; the report goes to the body they name."""

    agency = _select("Cơ quan giải quyết")
    ward = _select("Xã, phường nơi xảy ra")
    category = _select("Loại vi phạm")
    kind = _select("Loại đơn")
    reason = _reason("Xin ghi lý do sửa phân loại.")


class EscalateForm(FlaskForm):
    """The report accuses the head of a body chosen here: it goes to the body above."""

    accused = SelectField(
        "Cơ quan có người đứng đầu bị phản ánh",
        coerce=str,
        validate_choice=False,
        validators=[DataRequired("Xin chọn cơ quan có người đứng đầu bị phản ánh.")],
    )
    reason = _reason("Xin ghi lý do: vì sao đơn phản ánh người đứng đầu cơ quan này.")


class ClearEscalationForm(FlaskForm):
    """No head is accused: the report goes to the body chosen here."""

    agency = _select("Cơ quan giải quyết")
    ward = _select("Xã, phường nơi xảy ra")
    reason = _reason("Xin ghi lý do: vì sao đơn không phản ánh người đứng đầu.")


class TextForm(FlaskForm):
    text = TextAreaField(
        "Nội dung", filters=[_strip], validators=[DataRequired("Nội dung đang để trống."), Length(max=5000)]
    )


class EmptyForm(FlaskForm):
    """Buttons that only need the CSRF token."""
