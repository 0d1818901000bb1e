"""Periodic reports (month, quarter, year) for the Ban Nội chính: an XLSX workbook kept for download.

Công văn 443-CV/TU asks the Ban Nội chính Tỉnh ủy to follow up and report periodically. This module:

- gathers the period's figures (`collect_figures`, for a `core.vietnamese.Period`) from the statistics layer
  (`triage.reporting.stats`, SQL aggregations) and `triage.reporting.figures` (the few figures stats lacks), never
  by loading reports into Python;
- writes the workbook (`write_workbook`, through `triage.reporting.spreadsheets`: six sheets with Vietnamese
  headings, number formats, frozen header rows and column widths; no reporter data and no report text anywhere);
- stores it under PERIODIC_REPORTS_DIR with a random key and records a `PeriodicReport` row (`build_report`).

The scheduled job (`triage.reporting.jobs`) and the staff pages (`triage.reporting.exports`) call `build_report`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from time import perf_counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import PeriodicReport
from core.models.base import utcnow
from core.vietnamese import Period, format_date, format_datetime, today_in_vietnam
from triage.reporting import figures as rf
from triage.reporting.spreadsheets import Table, save_xlsx, xlsx_bytes

# -- periods ----------------------------------------------------------------------------------------------------


def first_working_day(period: Period, calendar) -> date:
    return calendar.next_working_day(period.starts_on, inclusive=True)


# -- the figures ------------------------------------------------------------------------------------------------


@dataclass
class PeriodFigures:
    period: Period
    as_of: date  # overdue and open figures are as of this day
    built_at: datetime
    tables: list[Table]

    def table(self, title: str) -> Table:
        return next(t for t in self.tables if t.title == title)


DEFAULT_OVERDUE_ROWS = 10_000


def collect_figures(
    session: Session,
    period: Period,
    *,
    calendar,
    as_of: date | None = None,
    overdue_limit: int | None = DEFAULT_OVERDUE_ROWS,
) -> PeriodFigures:
    """Every figure of the workbook and of the printable page, from SQL aggregations (triage.reporting.stats and
    triage.reporting.figures)."""
    as_of = as_of or today_in_vietnam()
    tables = [
        rf.summary_table(session, period, calendar=calendar, as_of=as_of),
        rf.units_table(session, period, calendar=calendar, as_of=as_of),
        rf.categories_table(session, period),
        rf.overdue_table(session, period, calendar=calendar, as_of=as_of, limit=overdue_limit),
        rf.procedure_table(session, period, calendar=calendar),
        rf.stages_table(session, period),
    ]
    return PeriodFigures(period=period, as_of=as_of, built_at=utcnow(), tables=tables)


# -- the workbook -----------------------------------------------------------------------------------------------


def _titles(figures: PeriodFigures) -> dict[str, str]:
    period = figures.period
    return {
        "heading_suffix": period.label.upper(),
        "subtitle": f"Từ ngày {format_date(period.starts_on)} đến ngày {format_date(period.ends_on)}. "
        f"Số liệu lập lúc {format_datetime(figures.built_at)}; tình trạng quá hạn tính đến ngày "
        f"{format_date(figures.as_of)}.",
    }


def write_workbook(figures: PeriodFigures, path: Path) -> None:
    """Write the workbook to `path` (write-only mode: rows stream to disk, memory stays flat)."""
    save_xlsx(path, figures.tables, **_titles(figures))


def workbook_bytes(figures: PeriodFigures) -> bytes:
    """The same workbook in memory (a download built on request: the KPI export)."""
    return xlsx_bytes(figures.tables, **_titles(figures))


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
    return session.scalar(
        select(PeriodicReport).where(PeriodicReport.period == period.kind, PeriodicReport.starts_on == period.starts_on)
    )


@dataclass
class Built:
    row: PeriodicReport
    replaced_key: str | None  # the former file, to delete once the new row is committed
    seconds: float


def build_report(
    session: Session,
    config,
    period: Period,
    *,
    calendar,
    created_by: int | None = None,
    replace: bool = False,
    as_of: date | None = None,
) -> Built | None:
    """Write the period's workbook and record it (flushed, not committed: the caller commits, then calls
    `discard_file(config, built.replaced_key)`). Without `replace`, an existing report is kept and None
    returned. The file is written before the row, under a fresh random key: a failure leaves at worst an
    orphan file, never a row without its file."""
    existing = find_report(session, period)
    if existing is not None and not replace:
        return None
    started = perf_counter()
    figures = collect_figures(
        session,
        period,
        calendar=calendar,
        as_of=as_of,
        overdue_limit=int(config.get("PERIODIC_OVERDUE_ROWS", DEFAULT_OVERDUE_ROWS)) or None,
    )
    key = f"{period.slug}-{secrets.token_urlsafe(18)}.xlsx"
    write_workbook(figures, file_path(config, key))
    replaced = None
    if existing is None:
        existing = PeriodicReport(
            period=period.kind, starts_on=period.starts_on, ends_on=period.ends_on, file_key=key, created_by=created_by
        )
        session.add(existing)
    else:
        replaced = existing.file_key
        existing.file_key, existing.created_by, existing.created_at = key, created_by, utcnow()
    try:
        session.flush()
    except Exception:
        discard_file(config, key)
        raise
    return Built(row=existing, replaced_key=replaced, seconds=perf_counter() - started)


def discard_file(config, file_key: str | None) -> None:
    if file_key:
        try:
            file_path(config, file_key).unlink(missing_ok=True)
        except ValueError:
            pass
