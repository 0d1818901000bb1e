"""The citizen's forms: plain-language Vietnamese labels and messages."""

import re
from functools import lru_cache

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    MultipleFileField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from core.vietnamese import format_int, today_in_vietnam
from core.vocabulary import Kind, label

# What each kind means, in the citizen's words, after its label on the form.
KIND_HINTS = {
    Kind.PHAN_ANH: "báo cho cơ quan biết việc cán bộ làm chưa đúng, để chấn chỉnh. Có thể gửi ẩn danh.",
    Kind.KHIEU_NAI: "đề nghị xem xét lại một quyết định hay việc làm của cơ quan đã ảnh hưởng đến quyền lợi "
    "của chính bạn.",
    Kind.TO_CAO: "báo một cán bộ vi phạm pháp luật để xử lý. Luật yêu cầu ghi rõ họ tên và địa chỉ người tố cáo; "
    "danh tính được giữ bí mật.",
}
KIND_CHOICES = [SelectChoice(kind.value, f"{label(kind)} — {KIND_HINTS[kind]}") for kind in Kind]

PHONE = re.compile(r"^(\+84|0)\d{9,10}$")


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value):
    """Trim, and drop control characters (a NUL cannot even be stored in PostgreSQL); keep newlines and tabs."""
    return CONTROL.sub("", value).strip() if isinstance(value, str) else value


_strip = clean_text

# WTForms ships no Vietnamese: its own messages that a citizen's browser can provoke, in Vietnamese.
BUILTIN_MESSAGES = {
    "Not a valid date value.": "Ngày chưa đúng. Xin chọn lại ngày, ví dụ 15/03/2025.",
    "Not a valid choice.": "Lựa chọn chưa đúng. Xin chọn lại một trong các ô.",
    "Invalid Choice: could not coerce.": "Lựa chọn chưa đúng. Xin chọn lại một trong các ô.",
}


class _Messages:
    def gettext(self, string):
        return BUILTIN_MESSAGES.get(string, string)

    def ngettext(self, singular, plural, n):
        return self.gettext(singular if n == 1 else plural)


TEXT_HINT = "Kể càng rõ càng tốt: ở đâu, khi nào, cán bộ nào (chức vụ), làm thủ tục gì, họ đã nói hoặc đòi hỏi gì."


@lru_cache(maxsize=8)
def ward_select(ward_choices: tuple[tuple[str, str], ...]) -> tuple[list[SelectChoice], frozenset[str]]:
    """The commune select's choices and the codes it accepts, built once per list of communes (every citizen's
    form asks for the same 166)."""
    choices = [SelectChoice("", "— Không rõ / không chọn —")] + [SelectChoice(c, n) for c, n in ward_choices]
    return choices, frozenset(code for code, _ in ward_choices)


class ReportForm(FlaskForm):
    class Meta:
        locales = ["vi"]

        def get_translations(self, form):
            return _Messages()

    text = TextAreaField(
        "Điều gì đã xảy ra?",
        filters=[_strip],
        validators=[DataRequired("Xin hãy kể lại điều đã xảy ra.")],
        description=TEXT_HINT,
    )
    ward = SelectField("Xã/phường nơi xảy ra (nếu biết)", validate_choice=False, default="")
    office = StringField(
        "Cơ quan, bộ phận hoặc thủ tục (nếu biết)",
        filters=[_strip],
        validators=[Optional(), Length(max=300, message="Xin ghi ngắn gọn, tối đa 300 ký tự.")],
        description="Ví dụ: bộ phận một cửa UBND xã, chi nhánh văn phòng đăng ký đất đai, làm sổ đỏ, cấp căn cước…",
    )
    occurred_on = DateField(
        "Ngày xảy ra (nếu nhớ)",
        validators=[Optional()],
        render_kw={},  # its "max" is today in Vietnam, set per form
    )
    kind = RadioField("Loại đơn", choices=KIND_CHOICES, default=Kind.PHAN_ANH.value)
    attachments = MultipleFileField(
        "Ảnh, tệp PDF, video hoặc ghi âm làm bằng chứng (không bắt buộc)",
        description=(
            "Tối đa 5 tệp, mỗi tệp 10 MB, tổng 25 MB. Thông tin vị trí trong ảnh được xóa trước khi cán bộ xem."
        ),
        render_kw={"accept": "image/*,application/pdf,video/*,audio/*"},
    )
    reporter_name = StringField(
        "Họ và tên",
        filters=[_strip],
        validators=[Optional(), Length(max=200, message="Tối đa 200 ký tự.")],
    )
    reporter_address = StringField(
        "Địa chỉ",
        filters=[_strip],
        validators=[Optional(), Length(max=300, message="Tối đa 300 ký tự.")],
    )
    reporter_phone = TelField(
        "Số điện thoại",
        filters=[_strip],
        validators=[Optional()],
        description="Ví dụ: 0912345678.",
    )
    reporter_email = EmailField(
        "Thư điện tử",
        filters=[_strip],
        validators=[
            Optional(),
            Email("Địa chỉ thư điện tử chưa đúng, ví dụ đúng: ten@gmail.com", check_deliverability=False),
        ],
    )
    no_notices = BooleanField("Không gửi thông báo cho tôi qua thư điện tử/tin nhắn")

    def __init__(self, *args, ward_choices=(), text_min=20, text_max=10_000, **kwargs):
        super().__init__(*args, **kwargs)
        self.ward.choices, self._ward_codes = ward_select(tuple(ward_choices))
        self._text_min, self._text_max = text_min, text_max
        # The minimum is said before the citizen writes, not only in the error after sending.
        self.text.description = f"{TEXT_HINT} Viết ít nhất {text_min} ký tự."
        self.occurred_on.render_kw = {"max": today_in_vietnam().isoformat()}

    @property
    def text_min(self) -> int:
        return self._text_min

    def validate_text(self, field):
        n = len(field.data or "")
        if n < self._text_min:
            raise ValidationError(
                f"Nội dung quá ngắn ({n} ký tự). Xin viết ít nhất {self._text_min} ký tự để cơ quan hiểu được sự việc."
            )
        if n > self._text_max:
            raise ValidationError(
                f"Nội dung quá dài ({format_int(n)} ký tự). Xin rút gọn còn tối đa {format_int(self._text_max)} ký tự."
            )

    def validate_ward(self, field):
        if field.data and field.data not in self._ward_codes:
            raise ValidationError(
                "Không tìm thấy xã/phường này trong danh sách 166 xã, phường của tỉnh. Xin chọn lại hoặc để trống."
            )

    def validate_reporter_phone(self, field):
        if field.data:
            digits = re.sub(r"[\s.\-()]", "", field.data)
            if not PHONE.match(digits):
                raise ValidationError("Số điện thoại chưa đúng: cần 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).")
            field.data = digits

    def validate_occurred_on(self, field):
        if field.data and field.data > today_in_vietnam():  # the citizen's day, whatever the server's zone
            raise ValidationError("Ngày xảy ra không thể ở tương lai.")


class StatusForm(FlaskForm):
    code = StringField(
        "Mã theo dõi", filters=[_strip], validators=[DataRequired("Xin nhập mã theo dõi, ví dụ TH-7KMP-3XRA.")]
    )
    passphrase = StringField(
        "Mật mã tra cứu", filters=[_strip], validators=[DataRequired("Xin nhập mật mã tra cứu đã được cấp khi gửi.")]
    )


class ReplyForm(FlaskForm):
    """The reporter's answer to an information request, sent from the status page."""

    code = HiddenField()
    passphrase = HiddenField()
    attachments = MultipleFileField(
        "Tệp đính kèm (không bắt buộc)", render_kw={"accept": "image/*,application/pdf,video/*,audio/*"}
    )
    answer = TextAreaField(
        "Trả lời của bạn",
        filters=[_strip],
        validators=[DataRequired("Xin viết nội dung trả lời."), Length(max=5000, message="Tối đa 5.000 ký tự.")],
    )
