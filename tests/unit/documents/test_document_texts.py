"""The wording of each document kind: what it needs, how it names the unit, the number and the date, and what
it never says."""

import json
from datetime import date

import pytest
from document_samples import ADDRESS, EMAIL, FACTS, GROUND, ISSUED_ON, PHONE, body, commune, facts_for, report

from core.vocabulary import Agency, DocumentKind
from triage.documents.texts import (
    OPTIONAL,
    REQUIRED,
    SYMBOLS,
    DocumentContent,
    compose,
    issuer_of,
    place_date,
)

KINDS = list(DocumentKind)


def _compose(kind, *, track="khieu-nai", unit=None, name="Hoàng Văn Em", facts=None, number=12, instance=1):
    return compose(
        kind,
        report=report(track, name=name, instance=instance),
        unit=unit or commune(),
        facts=facts_for(kind) if facts is None else facts,
        number=number,
        issued_on=ISSUED_ON,
        signer_name="Lê Văn Bình",
    )


def test_every_kind_has_its_wording_and_its_facts_documented():
    assert set(REQUIRED) == set(DocumentKind) == set(OPTIONAL)
    assert set(SYMBOLS) == set(DocumentKind) - {DocumentKind.ANSWER}
    for kind in DocumentKind:
        assert set(REQUIRED[kind]) | set(OPTIONAL[kind]) <= set(FACTS), kind


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("track", ["khieu-nai", "to-cao", "phan-anh"])
def test_every_kind_composes_on_every_track(kind, track):
    content = _compose(kind, track=track)
    assert content.kind == kind.value
    assert content.issuer == ("ỦY BAN NHÂN DÂN", "PHƯỜNG QUẢNG PHÚ")
    assert content.place_date == "Quảng Phú, ngày 03 tháng 12 năm 2026"
    assert content.subject and content.blocks and content.recipients
    assert content.signer_name == "Lê Văn Bình"
    assert "TH-7K3M-9QXA" in content.text
    assert content.number == 12 and content.year == 2026


@pytest.mark.parametrize("kind", [k for k in KINDS if REQUIRED[k]])
def test_a_kind_refuses_without_each_fact_it_requires(kind):
    for key in REQUIRED[kind]:
        facts = facts_for(kind)
        del facts[key]
        with pytest.raises(KeyError) as refused:
            _compose(kind, facts=facts)
        assert kind.value in str(refused.value) and key in str(refused.value)
        facts[key] = "   "[:0]  # blank counts as missing
        with pytest.raises(KeyError):
            _compose(kind, facts=facts)


@pytest.mark.parametrize(
    "kind, expected",
    [
        (DocumentKind.ACCEPTANCE, "12/TB-UBND"),
        (DocumentKind.REFUSAL, "12/TB-UBND"),
        (DocumentKind.TRANSFER, "12/PC-UBND"),
        (DocumentKind.GUIDANCE, "12/PHD-UBND"),
        (DocumentKind.ARCHIVE, "12/PĐX-UBND"),
        (DocumentKind.SUSPENSION, "12/QĐ-UBND"),
        (DocumentKind.COMPLAINT_DECISION, "12/QĐ-UBND"),
        (DocumentKind.CONCLUSION, "12/KL-UBND"),
        (DocumentKind.ANSWER, "12/UBND"),
    ],
)
def test_reference_carries_the_type_symbol_and_the_unit(kind, expected):
    assert _compose(kind).reference == expected


PROVINCE = "UBND TỈNH THANH HÓA"
DIRECTOR, CHAIRMAN = ("GIÁM ĐỐC",), ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")


@pytest.mark.parametrize(
    "agency, name, header, abbreviation, signer",
    [
        (Agency.THANH_TRA_TINH, "Thanh tra tỉnh", (PROVINCE, "THANH TRA TỈNH"), "TTr", ("CHÁNH THANH TRA",)),
        (Agency.SO_XAY_DUNG, "Sở Xây dựng", (PROVINCE, "SỞ XÂY DỰNG"), "SXD", DIRECTOR),
        (Agency.SO_GIAO_DUC_DAO_TAO, "Sở Giáo dục và Đào tạo", (PROVINCE, "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), "SGDĐT", DIRECTOR),
        (Agency.CONG_AN_TINH, "Công an tỉnh", ("BỘ CÔNG AN", "CÔNG AN TỈNH THANH HÓA"), "CAT", DIRECTOR),
        (Agency.THUE, "Thuế tỉnh Thanh Hóa", ("CỤC THUẾ", "THUẾ TỈNH THANH HÓA"), "CT", DIRECTOR),
        (
            Agency.BHXH,
            "Bảo hiểm xã hội tỉnh",
            ("BẢO HIỂM XÃ HỘI VIỆT NAM", "BẢO HIỂM XÃ HỘI TỈNH THANH HÓA"),
            "BHXH",
            DIRECTOR,
        ),
        (Agency.UBND_TINH, "UBND tỉnh (Chủ tịch UBND tỉnh)", ("ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA"), "UBND", CHAIRMAN),
    ],
)
def test_provincial_bodies_head_their_documents_as_the_format_has_it(agency, name, header, abbreviation, signer):
    unit = body(agency, name)
    issuer = issuer_of(unit)
    assert (issuer.header, issuer.abbreviation, issuer.signer, issuer.place) == (
        header,
        abbreviation,
        signer,
        "Thanh Hóa",
    )
    content = _compose(DocumentKind.REFUSAL, unit=unit)
    assert content.reference == f"12/TB-{abbreviation}"
    assert content.place_date == "Thanh Hóa, ngày 03 tháng 12 năm 2026"


def test_every_agency_has_a_format():
    for agency in Agency:
        unit = commune() if agency == Agency.XA else body(agency, agency.value)
        assert issuer_of(unit).abbreviation


def test_a_commune_signs_for_its_committee_and_its_chairman_decides_in_person():
    assert _compose(DocumentKind.ACCEPTANCE).signer_lines == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    decision = _compose(DocumentKind.COMPLAINT_DECISION)
    assert decision.signer_lines == ("CHỦ TỊCH",)
    assert decision.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG QUẢNG PHÚ"
    assert decision.signer_title == "Chủ tịch Ủy ban nhân dân phường Quảng Phú"
    xa = commune()
    xa.name, xa.division = "UBND Xã Mường Lát", "xã"
    assert issuer_of(xa).header == ("ỦY BAN NHÂN DÂN", "XÃ MƯỜNG LÁT")
    assert issuer_of(xa).place == "Mường Lát"


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2026, 12, 3), "Quảng Phú, ngày 03 tháng 12 năm 2026"),
        (date(2027, 2, 5), "Quảng Phú, ngày 05 tháng 02 năm 2027"),
        (date(2027, 3, 15), "Quảng Phú, ngày 15 tháng 3 năm 2027"),
    ],
)
def test_the_date_line_pads_days_below_ten_and_the_first_two_months(day, expected):
    assert place_date("Quảng Phú", day) == expected


def test_refusal_addresses_the_reporter_and_states_the_ground_and_the_law():
    content = _compose(DocumentKind.REFUSAL)
    assert content.title == "THÔNG BÁO"
    assert content.subject == "Về việc không thụ lý đơn khiếu nại"
    assert content.heading == "Thông báo về việc không thụ lý đơn khiếu nại"
    assert content.addressee == "Ông (Bà) Hoàng Văn Em"
    assert GROUND in content.text
    assert "Điều 11 Luật Khiếu nại năm 2011" in content.text
    assert "Ngày 01/12/2026" in content.text  # the date received, from the facts


def test_an_anonymous_reporter_is_addressed_as_such():
    content = _compose(DocumentKind.ACCEPTANCE, track="phan-anh", name=None)
    assert content.addressee == "Người gửi đơn (không ghi tên)"


def test_received_on_defaults_to_the_day_in_vietnam():
    facts = facts_for(DocumentKind.REFUSAL)
    del facts["received_on"]
    assert "Ngày 01/12/2026" in _compose(DocumentKind.REFUSAL, facts=facts).text


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("track", ["khieu-nai", "to-cao", "phan-anh"])
def test_no_document_carries_the_reporters_contact_details(kind, track):
    text = _compose(kind, track=track).text
    for detail in (PHONE, EMAIL, ADDRESS, "ngõ 3"):
        assert detail not in text


@pytest.mark.parametrize(
    "kind",
    [
        k
        for k in KINDS
        if k
        not in (
            DocumentKind.ACCEPTANCE,
            DocumentKind.REFUSAL,
            DocumentKind.GUIDANCE,
            DocumentKind.RETURN,
            DocumentKind.WITHDRAWAL,
            DocumentKind.ANSWER,
        )
    ],
)
def test_a_denunciation_names_its_reporter_only_to_them(kind):
    content = _compose(kind, track="to-cao")
    assert "Hoàng Văn Em" not in content.text
    if kind != DocumentKind.COMPLAINT_DECISION:  # settles a complaint, never a denunciation
        assert "Điều 8 và Điều 47 Luật Tố cáo năm 2018" in content.text


def test_transfer_goes_to_the_body_by_tracking_code_and_date():
    content = _compose(DocumentKind.TRANSFER, track="to-cao")
    assert content.title == "PHIẾU CHUYỂN ĐƠN"
    assert content.addressee == FACTS["body"]
    assert "đơn tố cáo có mã theo dõi TH-7K3M-9QXA" in content.text and "Ngày 01/12/2026" in content.text
    assert "giữ bí mật họ tên" in content.text


def test_complaint_decision_names_the_instance_and_the_rights_that_follow():
    first = _compose(DocumentKind.COMPLAINT_DECISION)
    assert first.subject == "Về việc giải quyết khiếu nại của Ông (Bà) Hoàng Văn Em (lần đầu)"
    assert "khiếu nại lần hai" in first.text
    second = _compose(DocumentKind.COMPLAINT_DECISION, instance=2)
    assert second.subject.endswith("(lần hai)")
    assert "khởi kiện vụ án hành chính" in second.text and "khiếu nại lần hai đến" not in second.text


def test_withdrawal_of_a_denunciation_may_be_pursued():
    facts = {**facts_for(DocumentKind.WITHDRAWAL), "continued": True, "reason": "Hành vi có dấu hiệu tội phạm"}
    text = _compose(DocumentKind.WITHDRAWAL, track="to-cao", facts=facts).text
    assert "tiếp tục giải quyết tố cáo" in text and "Hành vi có dấu hiệu tội phạm." in text
    assert "đình chỉ" not in _compose(DocumentKind.WITHDRAWAL, track="phan-anh").text


def test_extension_gives_the_new_due_date():
    text = _compose(DocumentKind.EXTENSION, track="to-cao").text
    assert "đến hết ngày 15/01/2027" in text and "Điều 30 Luật Tố cáo năm 2018" in text


@pytest.mark.parametrize("kind", KINDS)
def test_content_survives_json(kind):
    content = _compose(kind, track="to-cao")
    again = DocumentContent.from_dict(json.loads(json.dumps(content.as_dict())))
    assert again == content and again.issued_on == ISSUED_ON


def test_an_answer_is_a_letter_with_its_subject_under_the_number():
    content = _compose(DocumentKind.ANSWER, track="phan-anh")
    assert (content.title, content.subject) == ("", "V/v trả lời đơn phản ánh, kiến nghị")
    assert content.heading == "Trả lời đơn phản ánh, kiến nghị"
    assert content.addressee == "Ông (Bà) Hoàng Văn Em"
