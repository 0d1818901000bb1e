"""Periodic reports (month, quarter, year) for the Ban Nội chính: an XLSX workbook kept for download.

Công văn 443-CV/TU asks the Ban Nội chính Tỉnh ủy to follow up and report periodically. This module:

- names the periods (`Period`: the month, quarter or year containing a day, its previous one, its Vietnamese
  label, its bounds in UTC);
- gathers the period's figures (`collect_figures`) from the statistics layer (`triage.reporting.stats`, SQL aggregations)
  and `triage.reporting.figures` (the few figures stats lacks), never by loading reports into Python;
- writes the workbook (`write_workbook`, openpyxl in write-only mode: four sheets with Vietnamese headings,
  number formats, frozen header rows and column widths; no reporter data and no report text anywhere);
- stores it under PERIODIC_REPORTS_DIR with a random key and records a `PeriodicReport` row (`build_report`).

The scheduled job (`triage.reporting.jobs`) and the staff pages (`triage.reporting.exports`) call `build_report`.
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import PeriodicReport
from core.models.base import utcnow
from triage.deadlines.calendar import VN_TZ, legal_date

PERIOD_KINDS = ("month", "quarter", "year")
PERIOD_NAMES = {"month": "Tháng", "quarter": "Quý", "year": "Năm"}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# -- periods ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Period:
    kind: str  # month | quarter | year
    starts_on: date
    ends_on: date  # inclusive

    @classmethod
    def containing(cls, kind: str, day: date) -> "Period":
        if kind == "month":
            start = day.replace(day=1)
        elif kind == "quarter":
            start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        elif kind == "year":
            start = date(day.year, 1, 1)
        else:
            raise ValueError(f"unknown period {kind!r}")
        months = {"month": 1, "quarter": 3, "year": 12}[kind]
        year, month = divmod(start.month - 1 + months, 12)
        return cls(kind, start, date(start.year + year, month + 1, 1) - timedelta(days=1))

    @classmethod
    def parse(cls, kind: str, start: str) -> "Period":
        """From a form or URL: kind and "2026-01", "2026-01-01", "2026-Q1" or "2026"."""
        start = (start or "").strip()
        if kind not in PERIOD_KINDS:
            raise ValueError(f"unknown period {kind!r}")
        if len(start) == 7 and start[4] == "-" and start[5] in "Qq":
            day = date(int(start[:4]), 3 * (int(start[6]) - 1) + 1, 1)
        elif len(start) == 4:
            day = date(int(start), 1, 1)
        elif len(start) == 7:
            day = date.fromisoformat(start + "-01")
        else:
            day = date.fromisoformat(start)
        if not 2000 <= day.year <= 2100:
            raise ValueError("year out of range")
        return cls.containing(kind, day)

    def previous(self) -> "Period":
        return Period.containing(self.kind, self.starts_on - timedelta(days=1))

    def next(self) -> "Period":
        return Period.containing(self.kind, self.ends_on + timedelta(days=1))

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"Tháng {self.starts_on.month}/{self.starts_on.year}"
        if self.kind == "quarter":
            return f"Quý {ROMAN[(self.starts_on.month - 1) // 3 + 1]}/{self.starts_on.year}"
        return f"Năm {self.starts_on.year}"

    @property
    def slug(self) -> str:
        """For file names: thang-01-2026, quy-1-2026, nam-2026."""
        if self.kind == "month":
            return f"thang-{self.starts_on.month:02d}-{self.starts_on.year}"
        if self.kind == "quarter":
            return f"quy-{(self.starts_on.month - 1) // 3 + 1}-{self.starts_on.year}"
        return f"nam-{self.starts_on.year}"

    @property
    def start_utc(self) -> datetime:
        """The first instant of the period in Vietnam, in UTC (received_at >= start_utc)."""
        return datetime.combine(self.starts_on, time.min, tzinfo=VN_TZ).astimezone(UTC)

    @property
    def end_utc(self) -> datetime:
        """The first instant after the period in Vietnam, in UTC (received_at < end_utc)."""
        return datetime.combine(self.ends_on + timedelta(days=1), time.min, tzinfo=VN_TZ).astimezone(UTC)

    def is_over(self, today: date) -> bool:
        return self.ends_on < today


def first_working_day(period: Period, calendar) -> date:
    return calendar.next_working_day(period.starts_on, inclusive=True)


# -- the figures ------------------------------------------------------------------------------------------------

@dataclass
class Column:
    title: str
    width: float = 12
    fmt: str | None = None  # an Excel number format


INT, RATE, DAYS, DATE = "#,##0", "0.0%", "0.0", "dd/mm/yyyy"


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


@dataclass
class PeriodFigures:
    period: Period
    as_of: date  # overdue and open figures are as of this day
    built_at: datetime
    tables: list[Table]

    def table(self, title: str) -> Table:
        return next(t for t in self.tables if t.title == title)


DEFAULT_OVERDUE_ROWS = 10_000


def collect_figures(session: Session, period: Period, *, calendar, as_of: date | None = None,
                    overdue_limit: int | None = DEFAULT_OVERDUE_ROWS) -> PeriodFigures:
    """Every figure of the workbook and of the printable page, from SQL aggregations (triage.reporting.stats and
    triage.reporting.figures)."""
    from triage.reporting import figures as rf

    as_of = as_of or legal_date(utcnow())
    tables = [rf.summary_table(session, period, calendar=calendar, as_of=as_of),
              rf.units_table(session, period, calendar=calendar, as_of=as_of),
              rf.categories_table(session, period),
              rf.overdue_table(session, period, calendar=calendar, as_of=as_of, limit=overdue_limit)]
    return PeriodFigures(period=period, as_of=as_of, built_at=utcnow(), tables=tables)


# -- the workbook -----------------------------------------------------------------------------------------------

_THIN = Side(style="thin", color="A0A0A0")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DDE7F2")
_SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
HEADER_ROW = 4  # title, subtitle, blank, then the column headings (frozen)


def write_workbook(figures: PeriodFigures, path: Path) -> None:
    """Write the workbook to `path` (write-only mode: rows stream to disk, memory stays flat)."""
    wb = Workbook(write_only=True)
    period = figures.period
    built = figures.built_at.astimezone(VN_TZ).strftime("%H:%M %d/%m/%Y")
    subtitle = (f"Từ ngày {period.starts_on:%d/%m/%Y} đến ngày {period.ends_on:%d/%m/%Y}. "
                f"Số liệu lập lúc {built}; tình trạng quá hạn tính đến ngày {figures.as_of:%d/%m/%Y}.")
    for table in figures.tables:
        ws = wb.create_sheet(table.title)
        for index, column in enumerate(table.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        ws.print_options.gridLines = False
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.append([_cell(ws, f"{table.heading} — {period.label.upper()}", font=Font(bold=True, size=14))])
        ws.append([_cell(ws, subtitle, font=Font(italic=True))])
        ws.append([])
        ws.append([_cell(ws, c.title, font=Font(bold=True), fill=_HEAD_FILL, border=_BORDER,
                         alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"))
                   for c in table.columns])
        for index, row in enumerate(table.rows):
            fmt = table.row_formats[index] if table.row_formats else None
            ws.append([_value_cell(ws, value, column, fmt=fmt if position else None)
                       for position, (value, column) in enumerate(zip(row, table.columns))])
        for heading, rows in table.sections:
            ws.append([_cell(ws, heading, font=Font(bold=True, italic=True), fill=_SECTION_FILL)]
                      + [_cell(ws, None, fill=_SECTION_FILL) for _ in table.columns[1:]])
            for row in rows:
                ws.append([_value_cell(ws, value, column) for value, column in zip(row, table.columns)])
        if table.total is not None:
            ws.append([_value_cell(ws, value, column, bold=True) for value, column in zip(table.total, table.columns)])
        if table.notes:
            ws.append([])
            for note in table.notes:
                ws.append([_cell(ws, note, font=Font(italic=True, size=9))])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    wb.save(tmp)
    os.replace(tmp, path)  # a reader never sees half a file


def _cell(ws, value, **style) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    for name, v in style.items():
        setattr(cell, name, v)
    return cell


_BOLD = Font(bold=True)


def _value_cell(ws, value, column: Column, bold: bool = False, fmt: str | None = None):
    """A data cell: the plain value when it needs no style (the fast path of write-only mode: the overdue sheet
    may hold thousands of rows), else a styled cell."""
    fmt = fmt or column.fmt
    numeric = fmt and isinstance(value, (int, float, date)) and not isinstance(value, bool)
    if not numeric and not bold:
        return value
    cell = WriteOnlyCell(ws, value=value)
    if numeric:
        cell.number_format = fmt
    if bold:
        cell.font = _BOLD
    return cell


# -- storage ----------------------------------------------------------------------------------------------------

def reports_dir(config) -> Path:
    return Path(config["PERIODIC_REPORTS_DIR"])


def file_path(config, file_key: str) -> Path:
    if not file_key or "/" in file_key or "\\" in file_key or file_key.startswith("."):
        raise ValueError("bad file key")
    return reports_dir(config) / file_key


def download_name(row: PeriodicReport) -> str:
    return f"bao-cao-{Period(row.period, row.starts_on, row.ends_on).slug}.xlsx"


def find_report(session: Session, period: Period) -> PeriodicReport | None:
    return session.scalar(select(PeriodicReport).where(PeriodicReport.period == period.kind,
                                                      PeriodicReport.starts_on == period.starts_on))


@dataclass
class Built:
    row: PeriodicReport
    replaced_key: str | None  # the former file, to delete once the new row is committed
    seconds: float


def build_report(session: Session, config, period: Period, *, calendar, created_by: int | None = None,
                 replace: bool = False, as_of: date | None = None) -> Built | None:
    """Write the period's workbook and record it (flushed, not committed: the caller commits, then calls
    `discard_file(config, built.replaced_key)`). Without `replace`, an existing report is kept and None
    returned. The file is written before the row, under a fresh random key: a failure leaves at worst an
    orphan file, never a row without its file."""
    import time as _time

    existing = find_report(session, period)
    if existing is not None and not replace:
        return None
    started = _time.perf_counter()
    figures = collect_figures(session, period, calendar=calendar, as_of=as_of,
                              overdue_limit=int(config.get("PERIODIC_OVERDUE_ROWS", DEFAULT_OVERDUE_ROWS)) or None)
    key = f"{period.slug}-{secrets.token_urlsafe(18)}.xlsx"
    write_workbook(figures, file_path(config, key))
    replaced = None
    if existing is None:
        existing = PeriodicReport(period=period.kind, starts_on=period.starts_on, ends_on=period.ends_on,
                                  file_key=key, created_by=created_by)
        session.add(existing)
    else:
        replaced = existing.file_key
        existing.file_key, existing.created_by, existing.created_at = key, created_by, utcnow()
    try:
        session.flush()
    except Exception:
        discard_file(config, key)
        raise
    return Built(row=existing, replaced_key=replaced, seconds=_time.perf_counter() - started)


def discard_file(config, file_key: str | None) -> None:
    if file_key:
        try:
            file_path(config, file_key).unlink(missing_ok=True)
        except ValueError:
            pass
