"""The spreadsheet writer (triage.reporting.spreadsheets): no text cell is ever a formula, in CSV or in XLSX."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from triage.reporting.spreadsheets import (
    DATE,
    INT,
    RATE,
    Column,
    Table,
    csv_stream,
    csv_text,
    csv_value,
    save_xlsx,
    xlsx_bytes,
)

DANGEROUS = ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


def _table() -> Table:
    return Table(
        title="Thử",
        heading="=TIÊU ĐỀ",
        columns=[Column("Tên", 20), Column("Số", 10, INT), Column("Tỷ lệ", 10, RATE), Column("Ngày", 12, DATE)],
        rows=[[name, 3, 0.5, date(2026, 1, 5)] for name in DANGEROUS] + [["Bình thường", -4, None, None]],
        sections=[("=1+1", [["@section", 1, None, None]])],
        total=["-TỔNG", 9, None, None],
        notes=["=ghi chú"],
    )


def test_xlsx_text_cells_are_strings_never_formulas(tmp_path):
    path = tmp_path / "a.xlsx"
    save_xlsx(path, [_table()], heading_suffix="THÁNG 1/2026", subtitle="+phụ đề")
    ws = load_workbook(path)["Thử"]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value: c for c in cells if isinstance(c.value, str)}
    for text in DANGEROUS + ["=1+1", "@section", "-TỔNG", "=ghi chú", "+phụ đề", "=TIÊU ĐỀ — THÁNG 1/2026"]:
        # A carriage return is written escaped (lxml) or read back as a line feed (the standard library's XML).
        cell = texts.get(text) or texts[text.replace("\r", "\n")]
        assert cell.data_type == "s" and cell.quotePrefix, text
    assert texts["Bình thường"].quotePrefix is False
    # Numbers and dates keep their types and formats; a negative number is a number, not text.
    assert ws["B5"].value == 3 and ws["B5"].number_format == INT and ws["C5"].number_format == RATE
    assert ws["D5"].value.date() == date(2026, 1, 5) and ws["B11"].value == -4
    assert load_workbook(io.BytesIO(xlsx_bytes([_table()])))["Thử"]["A5"].data_type == "s"


def test_csv_text_cells_get_an_apostrophe():
    rows = list(csv.reader(io.StringIO(csv_text(_table())[1:])))
    assert rows[0] == ["Tên", "Số", "Tỷ lệ", "Ngày"]
    assert [r[0] for r in rows[1:7]] == ["'" + text for text in DANGEROUS]
    assert rows[1][1:] == ["3", "0.5", "05/01/2026"] and rows[7] == ["Bình thường", "-4", "", ""]
    assert rows[8] == ["'=1+1"] and rows[9][0] == "'@section" and rows[10][0] == "'-TỔNG"
    assert [csv_value(v) for v in (None, True, False, 2.25, "a=b")] == ["", "Có", "Không", "2.25", "a=b"]


@pytest.mark.parametrize("every", [1, 2, 1000])
def test_csv_stream_chunks_rows_after_a_bom(every):
    chunks = list(csv_stream(["Mã", "Cán bộ"], iter([("TH-1", "=1+1"), ("TH-2", "An")]), every=every))
    assert chunks[0] == "\ufeffMã,Cán bộ\r\n"
    assert "".join(chunks) == "\ufeffMã,Cán bộ\r\nTH-1,'=1+1\r\nTH-2,An\r\n"
