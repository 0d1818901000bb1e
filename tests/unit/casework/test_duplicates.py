"""The signals of the duplicate candidates, without a database: text similarity across accents and styles, quoted
tracking codes, contact keys, and the reasons given."""

from core.models import Report
from triage.casework.duplicates import (
    QUOTED_BY_OTHER,
    QUOTES_OTHER,
    SAME_EMAIL,
    SAME_PHONE,
    SAME_UNIT,
    THRESHOLD,
    Similarity,
    email_key,
    phone_key,
    quoted_codes,
    reasons_for,
    terms,
)

ACCENTED = (
    "Kính gửi UBND xã Thiệu Đô. Tôi xin phản ánh: ngày 12 công an xã đòi tôi 500 nghìn đồng mới làm thủ tục "
    "đăng ký thường trú, không có biên lai. Tôi xin cam đoan những điều trên là đúng sự thật."
)
TEXTING = "cong an xa thieu do doi toi 500k moi lam thu tuc nhap khau thuong tru, hom 12 thang nay, ko co bien lai gi"
NEAR_MISS = "Công an xã Thiệu Đô làm căn cước cho con tôi ghi sai quê quán, đi sửa thì bị hẹn hai tháng."
ELSEWHERE = "Trạm y tế xã Nga Thạch bắt đóng 50 nghìn mỗi mũi tiêm vắc xin mở rộng cho trẻ, vắc xin này miễn phí."


def test_the_same_incident_in_another_style_is_close_and_another_incident_is_not():
    similarity = Similarity([ACCENTED, TEXTING, NEAR_MISS, ELSEWHERE])
    assert similarity.score(0, 1) >= THRESHOLD
    assert similarity.score(0, 2) < THRESHOLD and similarity.score(1, 2) < THRESHOLD
    assert similarity.score(0, 3) < THRESHOLD and similarity.score(1, 3) < THRESHOLD


def test_terms_fold_accents_expand_texting_and_drop_boilerplate():
    accented, texting = terms(ACCENTED), terms(TEXTING)
    assert {"cong", "500", "nghin", "bien", "thuong", "tru"} <= set(accented) & set(texting)
    assert not {"kinh", "gui", "cam", "doan", "toi", "khong"} & set(accented)
    assert "ko" not in texting  # "ko" reads "không", a stop word


def test_quoted_codes_are_found_however_typed():
    text = "Bổ sung cho đơn mã th acde fh7k và đơn TH-MNPR-3479; số 0912345678 không phải mã."
    assert quoted_codes(text) == {"TH-ACDE-FH7K", "TH-MNPR-3479"}
    assert quoted_codes("không có mã nào") == set()


def test_contact_keys():
    assert phone_key("0912 345 678") == phone_key("+84 912.345.678") == "0912345678"
    assert phone_key("113") == ""  # not a number to compare
    assert email_key(" An.Nguyen@Example.VN ") == "an.nguyen@example.vn"


def test_reasons_name_the_signal_never_the_contact():
    one = Report(tracking_code="TH-ACDE-FH7K", text="Bổ sung đơn TH-MNPR-3479.", reporter_phone="0912345678", unit_id=7)
    other = Report(
        tracking_code="TH-MNPR-3479",
        text="Việc khác hẳn, nhắc lại đơn TH-ACDE-FH7K.",
        reporter_phone="+84912345678",
        reporter_email="a@b.vn",
        unit_id=7,
    )
    reasons = reasons_for(one, other, score=0.0)
    assert reasons == [QUOTES_OTHER, QUOTED_BY_OTHER, SAME_PHONE, SAME_UNIT]
    assert not any("0912" in r for r in reasons)
    one.reporter_email = "A@B.vn"
    assert SAME_EMAIL in reasons_for(one, other, score=0.0)
    stranger = Report(tracking_code="TH-XXXX-YYYY", text="Không liên quan.", unit_id=7)
    assert reasons_for(one, stranger, score=THRESHOLD - 0.01) == []  # the same unit alone is no reason
