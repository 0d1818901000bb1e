"""Petition boilerplate is left out of the text features (ml/boilerplate.py, ml.features.analyze)."""

from __future__ import annotations

import numpy as np

from ml.boilerplate import complaint_plain, is_boilerplate
from ml.features import FeatureBuilder, analyze
from ml.normalize import strip_diacritics, views

BODY = "Cán bộ địa chính xã bắt tôi nộp 3 triệu mới ký xác nhận nguồn gốc đất. Tôi không nộp thì hồ sơ bị để đó."
PETITION = f"""CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
ĐƠN PHẢN ÁNH
Kính gửi: Chủ tịch UBND tỉnh Thanh Hóa

Tôi tên là Lê Văn Tùng, sinh năm 1968, CCCD số 038068001234 cấp ngày 12/5/2022.
Hộ khẩu thường trú tại thôn Đông, xã Nga Tân. Số điện thoại: 0912345678.

Tôi làm đơn này kính trình bày sự việc như sau: {BODY}

Tôi xin cam đoan những nội dung trên là đúng sự thật và chịu trách nhiệm trước pháp luật.
Xin trân trọng cảm ơn!
Tài liệu kèm theo: giấy tiếp nhận hồ sơ.
Ngày 3 tháng 3 năm 2026
Người làm đơn
(ký, ghi rõ họ tên)"""


def focus(text: str) -> str:
    return complaint_plain(text, views(text)[1])


def test_a_petition_keeps_only_its_complaint():
    assert focus(PETITION) == views(BODY)[1]


def test_the_same_without_diacritics():
    assert focus(strip_diacritics(PETITION)) == views(strip_diacritics(BODY))[1]


def test_texts_without_boilerplate_are_unchanged():
    for text in (BODY, "cb xa doi 2tr moi ky", "Tôi ở thôn 3, xã Hoằng Tiến. Cán bộ hẹn mãi không trả."):
        assert focus(text) == views(text)[1]


def test_thanks_for_something_are_a_report_not_a_formula():
    text = "Tôi cảm ơn chủ tịch xã đã tiếp tôi và cho làm lại cống. Xin cảm ơn!"
    assert focus(text) == "toi cam on chu tich xa da tiep toi va cho lam lai cong."
    assert is_boilerplate("xin chan thanh cam on!") and not is_boilerplate("cam on can bo da huong dan tan tinh")


def test_a_long_sentence_with_particulars_and_the_complaint_is_kept():
    text = (
        "Tôi tên là Lan, trú tại thôn Đông, hôm qua lên xã làm giấy khai sinh cho con thì cán bộ tư pháp "
        "quát nạt, bảo tôi không biết điền tờ khai thì về nhà mà học, rồi ném hồ sơ ra ngoài quầy."
    )
    assert focus(text) == views(text)[1]
    assert is_boilerplate("toi ten la lan, sinh nam 1980")


def test_a_text_of_boilerplate_alone_is_kept_whole():
    text = "Kính gửi: UBND xã. Xin trân trọng cảm ơn!"
    assert focus(text) == views(text)[1]


def test_features_of_a_petition_are_those_of_its_complaint():
    docs = [analyze(t, words=False) for t in (PETITION, BODY)]
    assert docs[0].syls == docs[1].syls
    assert docs[0].plain != docs[1].plain  # the full view is still there for the escalation cues and places
    fb = FeatureBuilder(["syl", "char"], min_df=1).fit(docs)
    X = fb.transform(docs).toarray()
    assert np.allclose(X[0], X[1])
