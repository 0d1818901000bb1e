"""The PDF of a document: A4, the Vietnamese text extractable with its diacritics, fonts embedded as subsets,
small, and the same bytes for the same content."""

import io
from dataclasses import replace

import pytest
from document_samples import GROUND, ISSUED_ON, body, commune, facts_for, report
from pypdf import PdfReader

from core.vocabulary import Agency, DocumentKind
from triage.documents.pdf import render
from triage.documents.texts import Block, compose


def _content(kind=DocumentKind.REFUSAL, *, track="khieu-nai", unit=None, facts=None):
    return compose(
        kind,
        report=report(track),
        unit=unit or commune(),
        facts=facts or facts_for(kind),
        number=12,
        issued_on=ISSUED_ON,
        signer_name="Lê Văn Bình",
    )


def _text(data: bytes) -> str:
    """All pages' text, runs of white space made one space (justified lines are spread with spaces)."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_refusal_reads_back_with_its_diacritics():
    text = _text(render(_content()))
    for expected in (
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG QUẢNG PHÚ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/TB-UBND",
        "Quảng Phú, ngày 03 tháng 12 năm 2026",
        "THÔNG BÁO",
        "Về việc không thụ lý đơn khiếu nại",
        "Kính gửi: Ông (Bà) Hoàng Văn Em",
        GROUND,
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Lê Văn Bình",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_every_kind_renders_its_text(kind):
    content = _content(kind, track="to-cao")
    data = render(content)
    assert data.startswith(b"%PDF-")
    text = _text(data)
    assert f"Số: {content.reference}" in text
    assert " ".join(content.subject.split()) in text
    for block in content.blocks:
        assert " ".join(block.text.split()) in text
    assert content.signer_lines[-1] in text


def test_page_is_a4_with_the_fonts_embedded_as_subsets_and_small():
    data = render(_content())
    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    fonts = {str(f["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert fonts and all("+DejaVuSerif" in name for name in fonts), fonts  # "ABCDEF+DejaVuSerif...": a subset
    assert len(data) < 80_000
    assert reader.metadata.title == "Thông báo về việc không thụ lý đơn khiếu nại"


def test_the_same_content_gives_the_same_bytes():
    assert render(_content()) == render(_content())
    assert render(_content()) != render(replace(_content(), reference="13/TB-UBND"))


def test_header_columns_sit_left_and_right():
    positions = {}

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            positions.setdefault(text.strip(), tm[4])

    PdfReader(io.BytesIO(render(_content()))).pages[0].extract_text(visitor_text=visit)
    left = next(x for t, x in positions.items() if "PHƯỜNG QUẢNG PHÚ" in t)
    right = next(x for t, x in positions.items() if "CỘNG HÒA" in t)
    assert 85 < left < 200 < right  # points: the left margin is 30 mm (85 pt)


def test_a_long_body_flows_onto_a_second_page_with_the_signature():
    long = _content()
    long = replace(long, blocks=long.blocks + tuple(Block("p", "Nội dung xác minh chi tiết. " * 40) for _ in range(4)))
    data = render(long)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    assert "Lê Văn Bình" in reader.pages[-1].extract_text()


def test_a_provincial_body_heads_its_document_under_its_parent():
    text = _text(render(_content(unit=body(Agency.THANH_TRA_TINH, "Thanh tra tỉnh"))))
    assert "UBND TỈNH THANH HÓA" in text and "THANH TRA TỈNH" in text
    assert "Số: 12/TB-TTr" in text and "Thanh Hóa, ngày 03 tháng 12 năm 2026" in text
    assert "CHÁNH THANH TRA" in text
