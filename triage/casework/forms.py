"""Forms of the case file's actions (server-side, CSRF-protected, working without JavaScript)."""

from flask_wtf import FlaskForm
from wtforms import DateField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.fields import enum_choices
from wtforms.validators import DataRequired, Length, Optional

from core.vocabulary import Outcome, label
from intake.forms import clean_text

COMPLEXITY = [
    SelectChoice("complex", "Vụ việc phức tạp"),
    SelectChoice("especially_complex", "Vụ việc đặc biệt phức tạp"),
]


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


class TextForm(FlaskForm):
    text = TextAreaField(
        "Nội dung", filters=[_strip], validators=[DataRequired("Nội dung đang để trống."), Length(max=5000)]
    )


class ExtendForm(FlaskForm):
    stage = SelectField("Thời hạn", coerce=str)
    complexity = SelectField("Mức độ", choices=COMPLEXITY)
    reason = StringField(
        "Lý do gia hạn", filters=[_strip], validators=[DataRequired("Xin ghi lý do gia hạn."), Length(min=5, max=500)]
    )


class ResolveForm(FlaskForm):
    outcome = SelectField("Kết quả", choices=enum_choices(Outcome, label=label))
    response = TextAreaField(
        "Trả lời người phản ánh",
        filters=[_strip],
        validators=[DataRequired("Xin viết nội dung trả lời người phản ánh."), Length(max=5000)],
    )


class EmptyForm(FlaskForm):
    """Buttons that only need the CSRF token."""
