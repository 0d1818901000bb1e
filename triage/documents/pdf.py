"""Lay a `DocumentContent` out as an A4 PDF in the administrative format (Nghị định 30/2020/NĐ-CP).

Margins top 20 mm, bottom 20, left 30, right 15. The issuing body top left and the national motto top right,
each underlined; the number under the body and the place and date under the motto; the title, centred; the body
justified with its first lines indented; "Nơi nhận" bottom left and the signer bottom right. The font is DejaVu
Serif, shipped in `fonts/` (with its licence) and embedded as a subset: nothing is fetched at run time. The
shipped files are themselves cut to Latin (Vietnamese included), Greek, Cyrillic, punctuation, currency, arrows,
mathematical operators and geometric shapes, which reads them 4 times faster than Debian's whole fonts:
`pyftsubset DejaVuSerif.ttf --unicodes="U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,`
`U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF" --layout-features='*' --glyph-names`
`--name-IDs='*' --name-languages='*'` (and the same for the bold, italic and bold italic files). The
creation date is the issue date, so the same content gives the same bytes.
"""

import unicodedata
from datetime import UTC, datetime, time
from pathlib import Path

from fpdf import FPDF

from triage.documents.texts import DocumentContent

FONT_DIR = Path(__file__).parent / "fonts"
FAMILY = "DejaVuSerif"
FONT_FILES = {"": "DejaVuSerif.ttf", "B": "DejaVuSerif-Bold.ttf", "I": "DejaVuSerif-Italic.ttf"}
FONT_FILES["BI"] = "DejaVuSerif-BoldItalic.ttf"

TOP, BOTTOM, LEFT, RIGHT = 20, 20, 30, 15
PAGE_WIDTH = 210
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT  # 165 mm
HEADER_LEFT = 68  # the issuing body's column; the motto's column is the rest
SIGNATURE_SPACE = 24  # room for the handwritten signature and the seal
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class _Page(FPDF):
    def __init__(self):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(LEFT, TOP, RIGHT)
        self.set_auto_page_break(True, margin=BOTTOM)
        for style, name in FONT_FILES.items():
            self.add_font(FAMILY, style, FONT_DIR / name)
        self.set_lang("vi-VN")

    def font(self, style: str = "", size: float = 13) -> None:
        self.set_font(FAMILY, style, size)

    def fitted(self, text: str, width: float, style: str, size: float, smallest: float = 9) -> float:
        """The largest size not above `size` at which `text` fits on one line of `width`."""
        self.font(style, size)
        while size > smallest and self.get_string_width(text) > width - 2:
            size -= 0.5
            self.font(style, size)
        return size

    def centred(self, x: float, width: float, text: str, style: str, size: float, height: float) -> None:
        """`text` centred in the column at `x`, wrapped when it does not fit."""
        self.font(style, size)
        self.set_x(x)
        self.multi_cell(width, height, _nfc(text), align="C", new_x="LMARGIN", new_y="NEXT")

    def rule(self, x_centre: float, width: float, gap: float = 1.0) -> None:
        """A short horizontal line under what was just written, centred on `x_centre`."""
        y = self.get_y() + gap
        self.set_line_width(0.3)
        self.line(x_centre - width / 2, y, x_centre + width / 2, y)


def render(content: DocumentContent) -> bytes:
    """The PDF of `content`."""
    pdf = _Page()
    pdf.set_creation_date(datetime.combine(content.issued_on, time(), UTC))
    pdf.set_title(_nfc(content.heading))
    pdf.set_author(_nfc(" ".join(content.issuer)))
    pdf.set_subject(_nfc(f"Số: {content.reference}"))
    pdf.add_page()
    _header(pdf, content)
    _title(pdf, content)
    _body(pdf, content)
    _footer(pdf, content)
    return bytes(pdf.output())


def _header(pdf: _Page, content: DocumentContent) -> None:
    left_x, right_x = LEFT, LEFT + HEADER_LEFT
    right_w = TEXT_WIDTH - HEADER_LEFT
    # The issuing body: its parent body plain, itself bold, a short rule under it.
    pdf.set_xy(left_x, TOP)
    *parents, own = content.issuer
    for line in parents:
        pdf.centred(left_x, HEADER_LEFT, line, "", pdf.fitted(line, HEADER_LEFT, "", 12), 5.5)
    pdf.centred(left_x, HEADER_LEFT, own, "B", pdf.fitted(own, HEADER_LEFT, "B", 12, smallest=10.5), 5.5)
    pdf.rule(left_x + HEADER_LEFT / 2, HEADER_LEFT / 3)
    left_end = pdf.get_y()
    # The nation and its motto, the motto underlined across its width.
    pdf.set_xy(right_x, TOP)
    pdf.centred(right_x, right_w, NATION, "B", pdf.fitted(NATION, right_w, "B", 12), 5.5)
    pdf.centred(right_x, right_w, MOTTO, "B", 13, 6)
    pdf.font("B", 13)
    pdf.rule(right_x + right_w / 2, pdf.get_string_width(MOTTO))
    top = max(left_end, pdf.get_y()) + 4
    # "Số: ..." under the body (with a công văn's subject under it); place and date under the motto.
    pdf.set_xy(left_x, top)
    pdf.centred(left_x, HEADER_LEFT, f"Số: {content.reference}", "", 12, 6)
    if not content.title:
        pdf.centred(left_x, HEADER_LEFT, content.subject, "", 11, 5)
    left_end = pdf.get_y()
    pdf.set_xy(right_x, top)
    size = pdf.fitted(content.place_date, right_w, "I", 12)
    pdf.centred(right_x, right_w, content.place_date, "I", size, 6)
    pdf.set_y(max(left_end, pdf.get_y()) + 6)


def _title(pdf: _Page, content: DocumentContent) -> None:
    middle = LEFT + TEXT_WIDTH / 2
    if content.title:
        pdf.centred(LEFT, TEXT_WIDTH, content.title, "B", 14, 7)
        pdf.centred(LEFT + 15, TEXT_WIDTH - 30, content.subject, "B", 13, 6.5)
        pdf.rule(middle, 40, gap=1.6)
        pdf.ln(4)
    if content.authority:
        pdf.centred(LEFT, TEXT_WIDTH, content.authority, "B", 13, 6.5)
        pdf.ln(3)
    if content.addressee:
        pdf.centred(LEFT, TEXT_WIDTH, f"Kính gửi: {content.addressee}", "", 13, 6.5)
        pdf.ln(3)


def _body(pdf: _Page, content: DocumentContent) -> None:
    styles = {"p": ("", "J"), "basis": ("I", "J"), "heading": ("B", "C")}
    with pdf.text_columns(text_align="J", line_height=1.25) as columns:
        for block in content.blocks:
            style, align = styles[block.style]
            pdf.font(style, 13)
            indent = 10 if block.style != "heading" else 0
            with columns.paragraph(text_align=align, first_line_indent=indent, bottom_margin=2) as paragraph:
                paragraph.write(_nfc(block.text))


def _footer(pdf: _Page, content: DocumentContent) -> None:
    left_w = 80
    right_x, right_w = LEFT + left_w, TEXT_WIDTH - left_w
    needed = max(6 + 5 * len(content.recipients), 6.5 * len(content.signer_lines) + SIGNATURE_SPACE + 7) + 6
    if pdf.get_y() + needed > pdf.h - BOTTOM:
        pdf.add_page()
    top = pdf.get_y() + 4
    # "Nơi nhận:" and its lines.
    pdf.set_xy(LEFT, top)
    pdf.font("BI", 12)
    pdf.cell(left_w, 6, _nfc("Nơi nhận:"), new_x="LMARGIN", new_y="NEXT")
    pdf.font("", 11)
    for line in content.recipients:
        pdf.set_x(LEFT)
        pdf.multi_cell(left_w - 4, 5, _nfc(line), align="L", new_x="LMARGIN", new_y="NEXT")
    # The signer: title lines, room for the signature, then the name.
    pdf.set_xy(right_x, top)
    for line in content.signer_lines:
        pdf.centred(right_x, right_w, line, "B", 13, 6.5)
    pdf.set_y(pdf.get_y() + SIGNATURE_SPACE)
    if content.signer_name:
        pdf.centred(right_x, right_w, content.signer_name, "B", 13, 6.5)
