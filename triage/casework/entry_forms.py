"""The reception desk's form: a đơn that came on paper, at the desk or by phone, typed in by an officer.

The checks of what the reporter gave (phone, e-mail, the text, the commune) are the citizen form's own, taken from
`intake.forms.ReportForm`, so that a đơn entered at the desk is held to the same rules as one sent on the web.
"""

from datetime import date

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    MultipleFileField,
    RadioField,
    SelectChoice,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from core.vietnamese import format_date
from core.vocabulary import Channel, Kind, label
from intake.forms import ReportForm, clean_text, ward_select

DESK_CHANNELS = [c for c in Channel if c not in (Channel.WEB, Channel.API)]  # the web form and the API enter themselves
EARLIEST_RECEIVED = date(2025, 7, 1)  # the two-level local government and the 166 communes of the ward list
MAX_AGE_DAYS = 366


class DayField(DateField):
    """A date picked on the calendar (year-month-day) or typed the Vietnamese way (day/month/year)."""

    def __init__(self, label, **kwargs):
        super().__init__(label, format=["%Y-%m-%d", "%d/%m/%Y"], **kwargs)

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as exc:
            raise ValueError(
                "Ngày chưa đúng: xin chọn trên lịch hoặc ghi theo dạng ngày/tháng/năm, ví dụ 03/12/2026."
            ) from exc


def _one_of(codes, message: str):
    def check(form, field):
        if field.data not in {str(c) for c in codes}:
            raise ValidationError(message)

    return check


class EntryForm(FlaskForm):
    class Meta:
        locales = ["vi"]

    channel = RadioField(
        "Đơn đến qua",
        choices=[SelectChoice(c.value, c.label) for c in DESK_CHANNELS],
        default=Channel.PAPER.value,
        validate_choice=False,
        validators=[_one_of(DESK_CHANNELS, "Xin chọn đơn đến qua đường nào (đơn giấy, trực tiếp, đường dây nóng…).")],
    )
    received_on = DayField(
        "Ngày nhận đơn",
        validators=[InputRequired("Xin ghi ngày cơ quan thực nhận đơn (ngày trên dấu bưu điện đến, sổ tiếp dân).")],
        description="Ngày cơ quan thực nhận đơn (dấu công văn đến, sổ tiếp công dân, giờ nhận cuộc gọi). "
        "Thời hạn xử lý đơn tính từ ngày này, không phải ngày nhập.",
    )
    text = TextAreaField(
        "Nội dung đơn",
        filters=[clean_text],
        validators=[DataRequired("Xin nhập nội dung đơn (chép lại hoặc tóm tắt đủ ý đơn giấy, lời người gọi).")],
        description="Chép lại nội dung đơn hoặc lời người phản ánh: ở đâu, khi nào, cán bộ nào, việc gì.",
    )
    kind = RadioField(
        "Loại đơn",
        choices=[SelectChoice(k.value, label(k)) for k in Kind],
        default=Kind.PHAN_ANH.value,
        validate_choice=False,
        validators=[_one_of(Kind, "Xin chọn loại đơn: phản ánh, khiếu nại hay tố cáo.")],
    )
    ward = ReportForm.ward
    office = ReportForm.office
    reporter_name = ReportForm.reporter_name
    reporter_address = ReportForm.reporter_address
    reporter_phone = ReportForm.reporter_phone
    reporter_email = ReportForm.reporter_email
    notify_reporter = BooleanField("Người phản ánh muốn được báo từng bước giải quyết", default=True)
    once = HiddenField()  # one token per blank form: the same đơn is not stored twice (a double click, a reload)
    own_unit = BooleanField(
        "Đơn thuộc thẩm quyền của đơn vị tôi: giao thẳng cho đơn vị, không qua phân loại tự động",
    )
    scans = MultipleFileField(
        "Bản quét, ảnh chụp đơn giấy và giấy tờ kèm theo (ảnh hoặc PDF)",
        render_kw={"accept": "image/*,application/pdf"},
    )
    note = StringField(
        "Ghi chú của cán bộ tiếp nhận (nội bộ, không bắt buộc)",
        filters=[clean_text],
        validators=[Optional(), Length(max=500, message="Tối đa 500 ký tự.")],
    )

    # The citizen form's checks of the same fields, not a copy of them.
    validate_text = ReportForm.validate_text
    validate_ward = ReportForm.validate_ward
    validate_reporter_phone = ReportForm.validate_reporter_phone

    def __init__(self, *args, ward_choices=(), text_min=20, text_max=10_000, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.ward.choices, self._ward_codes = ward_select(tuple(ward_choices))
        self._text_min, self._text_max, self._today = text_min, text_max, today
        self.received_on.render_kw = {"max": today.isoformat(), "min": self.earliest.isoformat()}

    @property
    def earliest(self) -> date:
        """The oldest received date accepted: a year back, and never before the communes of the ward list."""
        return max(EARLIEST_RECEIVED, date.fromordinal(self._today.toordinal() - MAX_AGE_DAYS))

    def validate_received_on(self, field):
        day = field.data
        if day is None:  # not a date: the field's own message says so
            return
        if day > self._today:
            raise ValidationError(
                f"Ngày nhận đơn ({format_date(day)}) ở sau hôm nay ({format_date(self._today)}): xin ghi ngày cơ "
                "quan đã thực nhận đơn."
            )
        if day < EARLIEST_RECEIVED:
            raise ValidationError(
                f"Ngày nhận đơn ({format_date(day)}) trước ngày {format_date(EARLIEST_RECEIVED)}, khi các xã, "
                "phường mới bắt đầu hoạt động: đơn cũ như vậy không nhập vào hệ thống này, xin kiểm tra lại ngày."
            )
        if day < self.earliest:
            raise ValidationError(
                f"Ngày nhận đơn ({format_date(day)}) đã hơn một năm trước: xin kiểm tra lại ngày. Đơn nhận từ "
                f"ngày {format_date(self.earliest)} trở đi mới nhập được."
            )
