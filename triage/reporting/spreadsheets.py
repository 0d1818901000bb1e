"""Spreadsheets: the one place that writes CSV and XLSX files (periodic reports, KPI exports, the queue's list).

- `Table` and `Column`: a sheet of plain values (None: an empty cell) with a heading and notes; a column's kind
  (INT, RATE, DAYS, DATE) is its Excel number format, which the printable page follows too;
- the formula-injection rule, for every text cell of both formats: a text starting with "=", "+", "-", "@", a
  tab or a carriage return is never run as a formula by the spreadsheet that opens the file (a staff name or
  a unit name is text typed by people). In CSV it gets a leading apostrophe; in XLSX it is written as a string
  cell (never a formula) with Excel's quote prefix, so it stays text even when the cell is edited;
- CSV (`csv_text`, `csv_stream`): UTF-8 with a BOM so Excel reads Vietnamese, plain values (dates dd/mm/yyyy,
  rates as decimal fractions, Có/Không);
- XLSX (`save_xlsx`, `xlsx_bytes`): openpyxl in write-only mode (rows stream out, memory stays flat), a title,
  a subtitle, a frozen row of bold column headings, column widths and number formats.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from core.vietnamese import format_date

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_BOM = "\ufeff"
INT, RATE, DAYS, DATE = "#,##0", "0.0%", "0.0", "dd/mm/yyyy"  # column kinds: their Excel number formats
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Column:
    title: str
    width: float = 12
    fmt: str | None = None  # INT, RATE, DAYS, DATE or None (text)


@dataclass
class Table:
    """One sheet: columns and rows of plain values (None: empty cell); notes are written under the table."""

    title: str
    heading: str
    columns: list[Column]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)
    total: list[Any] | None = None  # a bold last row
    sections: list[tuple[str, list[list[Any]]]] = field(default_factory=list)  # (bold heading, rows) after rows
    row_formats: list[str | None] | None = None  # per row, the number format of its value cells (not column 0)

    def all_rows(self):
        """(kind, values) in order: "row", "section" (values: the heading), "total"."""
        for row in self.rows:
            yield "row", row
        for heading, rows in self.sections:
            yield "section", heading
            for row in rows:
                yield "row", row
        if self.total is not None:
            yield "total", self.total


def is_formula_like(value: Any) -> bool:
    """A text a spreadsheet would run as a formula (or a DDE command)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


# -- CSV -------------------------------------------------------------------------------------------------------------


def csv_value(value: Any) -> str:
    """A cell as text for Excel: dates dd/mm/yyyy, rates as decimal fractions ("0.5"), booleans Có/Không, and no
    text a spreadsheet would run as a formula (a leading apostrophe keeps it text)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if is_formula_like(text) else text


def csv_stream(header: list[str], rows: Iterable[Iterable[Any]], *, every: int = 2000) -> Iterator[str]:
    """The file in chunks of `every` rows (the first chunk: the BOM and the header), for a streamed response."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        data = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return data

    writer.writerow([csv_value(title) for title in header])
    yield CSV_BOM + flush()
    for n, row in enumerate(rows, start=1):
        writer.writerow([csv_value(v) for v in row])
        if n % every == 0:
            yield flush()
    yield flush()


def csv_text(table: Table) -> str:
    """The whole table as one CSV text: the column titles, then its rows (a section as its heading alone)."""
    rows = ([values] if kind == "section" else values for kind, values in table.all_rows())
    return "".join(csv_stream([c.title for c in table.columns], rows, every=10_000))


# -- XLSX ------------------------------------------------------------------------------------------------------------

_THIN = Side(style="thin", color="A0A0A0")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DDE7F2")
_SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
_BOLD = Font(bold=True)
HEADER_ROW = 4  # title, subtitle, blank, then the column headings (frozen)


def write_xlsx(target: Path | BinaryIO, tables: list[Table], *, heading_suffix: str = "", subtitle: str = "") -> None:
    """One sheet per table: "heading — suffix", the subtitle, the column headings (frozen), the rows, the notes."""
    wb = Workbook(write_only=True)
    for table in tables:
        ws = wb.create_sheet(table.title)
        for index, column in enumerate(table.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        ws.print_options.gridLines = False
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        heading = f"{table.heading} — {heading_suffix}" if heading_suffix else table.heading
        ws.append([_cell(ws, heading, font=Font(bold=True, size=14))])
        ws.append([_cell(ws, subtitle, font=Font(italic=True))])
        ws.append([])
        ws.append(
            [
                _cell(
                    ws,
                    c.title,
                    font=_BOLD,
                    fill=_HEAD_FILL,
                    border=_BORDER,
                    alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"),
                )
                for c in table.columns
            ]
        )
        for index, row in enumerate(table.rows):
            fmt = table.row_formats[index] if table.row_formats else None
            ws.append(
                [
                    _value_cell(ws, value, column, fmt=fmt if position else None)
                    for position, (value, column) in enumerate(zip(row, table.columns, strict=False))
                ]
            )
        for heading, rows in table.sections:
            ws.append(
                [_cell(ws, heading, font=Font(bold=True, italic=True), fill=_SECTION_FILL)]
                + [_cell(ws, None, fill=_SECTION_FILL) for _ in table.columns[1:]]
            )
            for row in rows:
                ws.append([_value_cell(ws, value, column) for value, column in zip(row, table.columns, strict=False)])
        if table.total is not None:
            ws.append(
                [
                    _value_cell(ws, value, column, bold=True)
                    for value, column in zip(table.total, table.columns, strict=False)
                ]
            )
        if table.notes:
            ws.append([])
            for note in table.notes:
                ws.append([_cell(ws, note, font=Font(italic=True, size=9))])
    wb.save(target)


def save_xlsx(path: Path, tables: list[Table], **titles: str) -> None:
    """`write_xlsx` to `path`, through a temporary file: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    write_xlsx(tmp, tables, **titles)
    os.replace(tmp, path)


def xlsx_bytes(tables: list[Table], **titles: str) -> bytes:
    """`write_xlsx` in memory, for a download built on request."""
    buffer = io.BytesIO()
    write_xlsx(buffer, tables, **titles)
    return buffer.getvalue()


def _cell(ws, value, **style) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    if is_formula_like(value):
        cell.data_type = "s"  # openpyxl makes a text starting with "=" a formula
        cell.quotePrefix = True
    for name, v in style.items():
        setattr(cell, name, v)
    return cell


def _value_cell(ws, value, column: Column, bold: bool = False, fmt: str | None = None):
    """A data cell: the plain value when it needs no style (the fast path of write-only mode: the overdue sheet
    may hold thousands of rows), else a styled cell."""
    fmt = fmt or column.fmt
    numeric = fmt and isinstance(value, (int, float, date)) and not isinstance(value, bool)
    if not numeric and not bold and not is_formula_like(value):
        return value
    cell = _cell(ws, value)
    if numeric:
        cell.number_format = fmt
    if bold:
        cell.font = _BOLD
    return cell
