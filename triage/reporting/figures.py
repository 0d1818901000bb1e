"""The tables of the periodic reports, the KPI export and the public page, built on `triage.reporting.stats`.

The counting is stats.py's (period_summary, league, officer_rows, category_matrix, trend, figure_query). The few
figures it lacks are added here the same way, from its own pieces (`_figure_terms`, `_grouped`, `_count_if`,
always through `visible_reports`), over `core.vietnamese.utc_bounds`; the tables are `triage.reporting.spreadsheets`
tables:

- `unit_kpi_extras`: per unit, the reports handled in the period, those that went past a deadline before its
  end, and those reopened (stats has them per officer only);
- `category_rows`: per category, received / resolved / on-time acceptance and resolution (stats' matrix has
  received and overdue per category only);
- `overdue_rows`: the open overdue reports with the clock that is late, its due date and the working days late
  (stats' drill-down query `figure_query("overdue")`, narrowed to a few columns and joined to the clocks).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_

from core.models import Clock, Report, Unit, User
from core.vietnamese import Period, format_date, format_int, legal_date, utc_bounds
from core.vocabulary import AGENCY_NAMES, CATEGORY_NAMES, ClockStatus, EventKind, Kind, Role, Status
from core.vocabulary import label as label_of
from triage.reporting import outcomes, stats
from triage.reporting.decisions import OUTCOMES
from triage.reporting.spreadsheets import DATE, DAYS, INT, RATE, Column, Table

OPEN_CLOCK = (ClockStatus.RUNNING, ClockStatus.PAUSED)


def province_user() -> User:
    """A transient, province-wide reader for the scheduled job (never added to the session)."""
    return User(id=0, username="bao-cao-dinh-ky", full_name="Lịch tự động", role=Role.SUPERVISOR, active=True)


def _rate(r: stats.Rate) -> float | None:
    return r.rate


# The summary's lines of the decisions of the period (the column titles of the per-unit sheet are their labels).
OUTCOME_LINES = {
    Status.ACCEPTED: "Đơn được thụ lý (quyết định trong kỳ)",
    Status.NOT_ACCEPTED: "Đơn không thụ lý",
    Status.GUIDED: "Đơn đã hướng dẫn người gửi đến cơ quan có thẩm quyền",
    Status.TRANSFERRED: "Đơn đã chuyển đến cơ quan có thẩm quyền",
    Status.ARCHIVED: "Đơn lưu, không xử lý",
    Status.RETURNED: "Đơn đã trả lại cho người gửi",
    Status.WITHDRAWN: "Đơn người gửi đã rút",
    Status.TERMINATED: "Đơn đình chỉ giải quyết",
    Status.RESOLVED: "Đơn có kết quả giải quyết (quyết định trong kỳ)",
    EventKind.REOPENED: "Đơn phải xử lý lại",
}


# -- figures stats.py lacks --------------------------------------------------------------------------------------------


def unit_kpi_extras(session, user, start: date, end: date) -> dict[int, tuple[int, int, int]]:
    """{unit_id: (handled, handled and past a deadline before the end, reopened in the period)} (two GROUP BYs;
    "reopened" is stats' figure, the count of `triage.reporting.outcomes`)."""
    lo, hi = utc_bounds(start, end)
    rows = stats._grouped(
        session,
        user,
        Report.unit_id,
        [func.count(), stats._count_if(and_(Report.overdue_at.is_not(None), Report.overdue_at < hi))],
        stats._figure_terms("handled", lo, hi),
    )
    reopened = stats._grouped(session, user, Report.unit_id, [func.count()], stats._figure_terms("reopened", lo, hi))
    return {
        k: (int(rows.get(k, (0, 0))[0]), int(rows.get(k, (0, 0))[1]), int(reopened.get(k, (0,))[0]))
        for k in set(rows) | set(reopened)
        if k is not None
    }


@dataclass
class CategoryRow:
    category: str
    received: int = 0
    resolved: int = 0
    accepted_on_time: stats.Rate = stats.Rate()
    resolved_on_time: stats.Rate = stats.Rate()


def category_rows(session, user, start: date, end: date) -> list[CategoryRow]:
    """Per category: received in the period; resolved in it, with the on-time rates (two GROUP BYs)."""
    lo, hi = utc_bounds(start, end)
    g = Report.category
    received = stats._grouped(session, user, g, [func.count()], stats._figure_terms("received", lo, hi))
    accepted = stats._grouped(
        session,
        user,
        g,
        [func.count(Report.accepted_on_time), stats._count_if(Report.accepted_on_time.is_(True))],
        stats._figure_terms("accepted", lo, hi),
    )
    resolved = stats._grouped(
        session,
        user,
        g,
        [func.count(), func.count(Report.resolved_on_time), stats._count_if(Report.resolved_on_time.is_(True))],
        stats._figure_terms("resolved", lo, hi),
    )
    rows = []
    for code in [c.value for c in CATEGORY_NAMES] + sorted(
        k for k in set(received) | set(resolved) if k not in CATEGORY_NAMES and k is not None
    ):
        row = CategoryRow(category=code, received=received.get(code, (0,))[0])
        if code in accepted:
            known, ok = accepted[code]
            row.accepted_on_time = stats.Rate(int(ok), known)
        if code in resolved:
            row.resolved, known, ok = resolved[code]
            row.resolved_on_time = stats.Rate(int(ok), known)
        rows.append(row)
    return rows


@dataclass
class OverdueRow:
    tracking_code: str
    unit_name: str
    track: str
    category: str | None
    received_on: date
    clock_label: str  # "" when no clock row says which deadline was missed
    due_on: date | None
    days_late: int | None  # working days from the due date to `as_of`


def overdue_rows(
    session, user, period: Period, *, calendar, as_of: date, limit: int | None = None
) -> tuple[list[OverdueRow], int]:
    """The reports received up to the end of the period, still open and past a deadline (stats' "overdue": the
    same reports as the summary's count), each with its earliest late clock (breached, or open and past due on
    `as_of`); longest late first. Returns (rows, total)."""
    base = stats.figure_query(user, "overdue", period.starts_on, period.ends_on)
    total = stats.count_figure(session, user, "overdue", period.starts_on, period.ends_on)
    late_clock = or_(Clock.status == ClockStatus.BREACHED, and_(Clock.status.in_(OPEN_CLOCK), Clock.due_on < as_of))
    query = (
        base.with_only_columns(
            Report.id,
            Report.tracking_code,
            Unit.name,
            Report.track,
            Report.category,
            Report.received_at,
            Clock.label,
            Clock.due_on,
        )
        .outerjoin(Clock, and_(Clock.report_id == Report.id, late_clock))
        .outerjoin(Unit, Unit.id == Report.unit_id)
        .order_by(None)
        .order_by(Clock.due_on.asc().nulls_last(), Report.received_at, Report.id)
    )
    if limit is not None:
        query = query.limit(limit * 3)  # a report has at most a few late clocks
    rows, seen = [], set()
    for report_id, code, unit_name, track, category, received_at, label, due_on in session.execute(
        query.execution_options(yield_per=5000)
    ):
        if report_id in seen:
            continue
        seen.add(report_id)
        rows.append(
            OverdueRow(
                code,
                unit_name or "Chưa giao đơn vị",
                track,
                category,
                legal_date(received_at),
                label or "",
                due_on,
                max(0, calendar.working_days_between(due_on, as_of)) if due_on else None,
            )
        )
        if limit is not None and len(rows) >= limit:
            break
    return rows, total


# -- the workbook's sheets ---------------------------------------------------------------------------------------------


def summary_table(session, period: Period, *, calendar, as_of: date, user=None) -> Table:
    user = user or province_user()
    now = stats.period_summary(session, user, period.starts_on, period.ends_on)
    prev_period = period.previous()
    before = stats.period_summary(session, user, prev_period.starts_on, prev_period.ends_on)

    def line(label, a, b, fmt):
        change = (a - b) if a is not None and b is not None else None
        return [label, a, b, change]

    rows = [
        line("Đơn tiếp nhận trong kỳ", now.received, before.received, INT),
        line("Đơn được thụ lý trong kỳ", now.accepted, before.accepted, INT),
        line("Thụ lý đúng hạn (tỷ lệ)", _rate(now.accepted_on_time), _rate(before.accepted_on_time), RATE),
        line("Đơn giải quyết xong trong kỳ", now.resolved, before.resolved, INT),
        line("Giải quyết đúng hạn (tỷ lệ)", _rate(now.resolved_on_time), _rate(before.resolved_on_time), RATE),
        line(
            "Phản ánh có căn cứ (đúng, đúng một phần; tỷ lệ)",
            _rate(now.substantiated),
            _rate(before.substantiated),
            RATE,
        ),
        line("Đơn đang xử lý (nhận đến cuối kỳ)", now.open_now, before.open_now, INT),
        line("Trong đó đang quá hạn", now.overdue_now, before.overdue_now, INT),
        line("Số ngày làm việc đến khi thụ lý — trung vị", now.accepted_wd_median, before.accepted_wd_median, DAYS),
        line("Số ngày làm việc đến khi thụ lý — 90% đơn không quá", now.accepted_wd_p90, before.accepted_wd_p90, DAYS),
        line("Số ngày làm việc đến khi giải quyết — trung vị", now.resolved_wd_median, before.resolved_wd_median, DAYS),
        line(
            "Số ngày làm việc đến khi giải quyết — 90% đơn không quá", now.resolved_wd_p90, before.resolved_wd_p90, DAYS
        ),
    ]
    formats = [INT, INT, RATE, INT, RATE, RATE, INT, INT, DAYS, DAYS, DAYS, DAYS]
    proc_now, proc_before = (
        groups.get(None, outcomes.Procedure())
        for groups in outcomes.procedures(
            session,
            user,
            [(period.starts_on, period.ends_on), (prev_period.starts_on, prev_period.ends_on)],
            calendar=calendar,
        )
    )
    for code in OUTCOMES:
        rows.append(line(OUTCOME_LINES[code], proc_now.outcome(code), proc_before.outcome(code), INT))
        formats.append(INT)
    for text, now_value, before_value, fmt in (
        ("Kết quả trình lãnh đạo duyệt", proc_now.signoff.submitted, proc_before.signoff.submitted, INT),
        ("Kết quả được lãnh đạo duyệt", proc_now.signoff.approved, proc_before.signoff.approved, INT),
        (
            "Dự thảo bị lãnh đạo trả lại, yêu cầu sửa",
            proc_now.signoff.revision_requested,
            proc_before.signoff.revision_requested,
            INT,
        ),
        (
            "Số ngày làm việc từ khi trình đến khi duyệt — trung vị",
            proc_now.signoff.median_days,
            proc_before.signoff.median_days,
            DAYS,
        ),
    ):
        rows.append(line(text, now_value, before_value, fmt))
        formats.append(fmt)
    return Table(
        title="Tổng hợp",
        heading="TỔNG HỢP KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT PHẢN ÁNH VỀ CÁN BỘ",
        columns=[
            Column("Chỉ tiêu", 52),
            Column(period.label, 16),
            Column(prev_period.label + " (kỳ trước)", 20),
            Column("Tăng (+) / giảm (−)", 16),
        ],
        rows=rows,
        notes=[
            "Tỷ lệ đúng hạn tính trên các đơn đã thụ lý / giải quyết trong kỳ có xác định được hạn.",
            "Tỷ lệ có căn cứ tính trên các đơn đã giải quyết có kết luận (không tính đơn chuyển cơ quan khác).",
            "Đơn đang xử lý và quá hạn: các đơn nhận đến cuối kỳ, chưa giải quyết xong đến ngày lập báo cáo.",
            "Kết quả xử lý đơn (thụ lý, không thụ lý, hướng dẫn, chuyển đơn, lưu đơn, trả lại đơn, rút đơn, đình chỉ, "
            "giải quyết, xử lý lại): số đơn có quyết định tương ứng trong kỳ, mỗi đơn tính một lần cho mỗi loại "
            "quyết định; một đơn thụ lý rồi giải quyết trong kỳ được tính ở cả hai dòng.",
        ],
        row_formats=formats,
    )


def units_table(session, period: Period, *, calendar, as_of: date, user=None) -> Table:
    user = user or province_user()
    rows = stats.league(session, user, period.starts_on, period.ends_on, today=as_of)
    rows = sorted(rows, key=lambda r: (r.division != "cơ quan tỉnh", r.division, r.name))
    out, totals = [], [0] * 7
    for r in rows:
        values = [
            r.received,
            r.accepted,
            r.resolved,
            r.resolved_on_time.k,
            r.resolved_on_time.n - r.resolved_on_time.k,
            r.overdue_now,
            r.substantiated.k,
        ]
        totals = [a + b for a, b in zip(totals, values, strict=True)]
        out.append(
            [r.code, r.name, r.division]
            + values
            + [
                _rate(r.resolved_on_time),
                r.resolved_on_time.low,
                r.resolved_on_time.high,
                r.rank if r.ranked else "Chưa đủ mẫu",
                r.backlog_age_days,
            ]
        )
    return Table(
        title="Theo đơn vị",
        heading="KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ",
        columns=[
            Column("Mã", 10),
            Column("Cơ quan, đơn vị", 40),
            Column("Cấp", 13),
            Column("Tiếp nhận", 11, INT),
            Column("Thụ lý", 10, INT),
            Column("Giải quyết xong", 12, INT),
            Column("Giải quyết đúng hạn", 12, INT),
            Column("Giải quyết trễ hạn", 12, INT),
            Column("Đang quá hạn", 11, INT),
            Column("Có căn cứ", 10, INT),
            Column("Tỷ lệ đúng hạn", 11, RATE),
            Column("Khoảng tin cậy 95% — thấp", 13, RATE),
            Column("Khoảng tin cậy 95% — cao", 13, RATE),
            Column("Xếp hạng", 12),
            Column("Đơn tồn lâu nhất (ngày)", 13, INT),
        ],
        rows=out,
        total=["", "TOÀN TỈNH", ""] + totals + [None] * 5,
        notes=[
            "Tiếp nhận, thụ lý, giải quyết: các đơn có ngày tương ứng trong kỳ. Đang quá hạn: đơn nhận đến cuối kỳ, "
            "chưa giải quyết xong, đã quá một thời hạn, tính đến ngày lập báo cáo.",
            "Xếp hạng theo tỷ lệ giải quyết đúng hạn, chỉ với đơn vị có đủ số đơn tối thiểu; khoảng tin cậy "
            "Wilson 95%: đơn vị ít đơn có khoảng rộng, không thể coi là kém nhất tỉnh.",
        ],
    )


def _sorted_units(session, user):
    units = stats._units_for(session, user)
    return sorted(units, key=lambda u: (u.division != "cơ quan tỉnh", u.division, u.name))


def procedure_table(session, period: Period, *, calendar, user=None) -> Table:
    """Per unit: the decisions taken on its đơn in the period and the leaders' sign-off of results."""
    user = user or province_user()
    start, end = period.starts_on, period.ends_on
    by_unit = outcomes.procedure(session, user, start, end, calendar=calendar, by="unit")
    province = outcomes.merged(by_unit)  # every unit's, and those of the reports without a unit

    def values(p: outcomes.Procedure) -> list:
        sign = p.signoff
        return [p.outcome(code) for code in OUTCOMES] + [
            sign.submitted,
            sign.approved,
            sign.revision_requested,
            sign.median_days,
        ]

    rows = [
        [u.code, u.name, u.division] + values(by_unit.get(u.id, outcomes.Procedure()))
        for u in _sorted_units(session, user)
    ]
    return Table(
        title="Xử lý đơn",
        heading="KẾT QUẢ XỬ LÝ ĐƠN, GIẢI QUYẾT VÀ DUYỆT KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ",
        columns=[Column("Mã", 10), Column("Cơ quan, đơn vị", 40), Column("Cấp", 13)]
        + [Column(label_of(code), 14, INT) for code in OUTCOMES]
        + [
            Column("Trình lãnh đạo duyệt", 12, INT),
            Column("Lãnh đạo đã duyệt", 12, INT),
            Column("Trả lại yêu cầu sửa", 12, INT),
            Column("Ngày làm việc từ trình đến duyệt (trung vị)", 16, DAYS),
        ],
        rows=rows,
        total=["", "TOÀN TỈNH", ""] + values(province),
        notes=[
            "Mỗi cột quyết định: số đơn có quyết định đó trong kỳ (theo thời điểm chuyển trạng thái), mỗi đơn tính "
            "một lần; một đơn thụ lý rồi giải quyết trong kỳ được tính ở cả hai cột. Thụ lý: quyết định thụ lý đơn "
            "được chuyển đến (không tính tiếp tục giải quyết sau tạm đình chỉ, sửa dự thảo hay xử lý lại).",
            "Xử lý lại: đơn đã có kết quả giải quyết, được mở lại trong kỳ.",
            "Trình, duyệt, trả lại: số lần trong kỳ; ngày làm việc tính từ lần trình gần nhất đến khi lãnh đạo duyệt.",
            "Dòng toàn tỉnh gồm cả đơn chưa giao đơn vị (như đơn rút trước khi được chuyển).",
        ],
    )


def stages_table(session, period: Period, *, user=None, min_sample: int | None = None) -> Table:
    """Per unit: for each legal deadline, the clocks closed in the period on time and late, and the on-time rate
    (shown with at least the dashboard's minimum sample)."""
    user = user or province_user()
    start, end = period.starts_on, period.ends_on
    minimum = stats._min_sample(min_sample)
    by_unit = outcomes.stage_rates(session, user, start, end, by="unit")
    province = outcomes.merged({g: outcomes.Procedure(stages=rates) for g, rates in by_unit.items()}).stages

    def values(rates: dict) -> list:
        out = []
        for stage in outcomes.STAGES:
            rate = rates.get(stage, stats.Rate())
            out += [rate.k, rate.n - rate.k, outcomes.shown_rate(rate, minimum)]
        return out

    columns = [Column("Mã", 10), Column("Cơ quan, đơn vị", 40), Column("Cấp", 13)]
    for stage in outcomes.STAGES:
        name = outcomes.STAGE_LABELS[stage]
        columns += [
            Column(f"{name}: đúng hạn", 12, INT),
            Column(f"{name}: trễ hạn", 12, INT),
            Column(f"{name}: tỷ lệ đúng hạn", 12, RATE),
        ]
    return Table(
        title="Đúng hạn từng bước",
        heading="TỶ LỆ ĐÚNG HẠN THEO TỪNG THỜI HẠN (XỬ LÝ ĐƠN, CHUYỂN ĐƠN, THÔNG BÁO THỤ LÝ, GIẢI QUYẾT)",
        columns=columns,
        rows=[[u.code, u.name, u.division] + values(by_unit.get(u.id, {})) for u in _sorted_units(session, user)],
        total=["", "TOÀN TỈNH", ""] + values(province),
        notes=[
            "Các thời hạn kết thúc trong kỳ: hoàn thành (đúng hạn nếu xong trước hết ngày đến hạn, giờ Việt Nam; "
            "sau đó là trễ hạn) hoặc đã quá hạn trong kỳ (trễ hạn).",
            f"Tỷ lệ chỉ ghi khi có từ {minimum} thời hạn kết thúc trở lên (ít hơn: chưa đủ mẫu, xem số đúng hạn, "
            "trễ hạn).",
        ],
    )


def categories_table(session, period: Period, *, user=None) -> Table:
    user = user or province_user()
    categories = [c.value for c in CATEGORY_NAMES]
    by_agency = stats.category_matrix(session, user, period.starts_on, period.ends_on, by="agency")
    by_unit = stats.category_matrix(session, user, period.starts_on, period.ends_on, by="unit")
    extra = [c for c in by_agency.rows if c not in categories]
    cats = categories + extra

    def section(matrix, label_of):
        rows = []
        for col in matrix.cols:
            counts = [matrix.cell(c, col).received for c in cats]
            overdue = sum(matrix.cell(c, col).overdue for c in cats)
            rows.append([label_of(col)] + counts + [sum(counts), overdue])
        return rows

    agency_rows = section(by_agency, lambda c: by_agency.col_labels.get(c, c))
    unit_rows = section(by_unit, lambda c: by_unit.col_labels.get(c, c))
    total = ["TOÀN TỈNH"] + [sum(by_agency.cell(c, col).received for col in by_agency.cols) for c in cats]
    total += [sum(total[1:]), sum(by_agency.cell(c, col).overdue for c in cats for col in by_agency.cols)]
    table = Table(
        title="Theo lĩnh vực",
        heading="ĐƠN TIẾP NHẬN THEO LĨNH VỰC, CƠ QUAN VÀ ĐƠN VỊ",
        columns=[Column("Cơ quan / đơn vị", 40)]
        + [Column(CATEGORY_NAMES.get(c, c or "Chưa phân loại"), 15, INT) for c in cats]
        + [Column("Tổng", 10, INT), Column("Trong đó đã quá hạn", 12, INT)],
        rows=[],
        sections=[("Theo ngành, lĩnh vực quản lý", agency_rows), ("Theo cơ quan, đơn vị giải quyết", unit_rows)],
        total=total,
        notes=[
            "Đơn tiếp nhận trong kỳ, theo nhóm hành vi bị phản ánh (cột) và nơi giải quyết (dòng); "
            '"đã quá hạn": đã có lúc quá một thời hạn.'
        ],
    )
    return table


def overdue_table(session, period: Period, *, calendar, as_of: date, limit: int | None = None, user=None) -> Table:
    user = user or province_user()
    rows, total = overdue_rows(session, user, period, calendar=calendar, as_of=as_of, limit=limit)
    notes = [
        "Chỉ ghi mã đơn; không có thông tin người phản ánh và nội dung đơn.",
        f"Ngày quá hạn tính theo ngày làm việc đến ngày {format_date(as_of)}.",
    ]
    if len(rows) < total:
        notes.insert(
            0,
            f"Hiển thị {format_int(len(rows))} / {format_int(total)} đơn quá hạn lâu nhất; danh sách "
            'đầy đủ: xuất CSV từ hàng đợi, lọc "Quá hạn".',
        )
    return Table(
        title="Quá hạn",
        heading="ĐƠN ĐANG QUÁ HẠN",
        columns=[
            Column("Mã đơn", 16),
            Column("Đơn vị giải quyết", 40),
            Column("Loại đơn", 18),
            Column("Lĩnh vực", 34),
            Column("Ngày nhận", 12, DATE),
            Column("Thời hạn bị trễ", 30),
            Column("Hạn", 12, DATE),
            Column("Số ngày làm việc quá hạn", 14, INT),
        ],
        rows=[
            [
                r.tracking_code,
                r.unit_name,
                Kind(r.track).label,
                CATEGORY_NAMES.get(r.category, r.category or "Chưa phân loại"),
                r.received_on,
                r.clock_label,
                r.due_on,
                r.days_late,
            ]
            for r in rows
        ],
        notes=notes,
    )


# -- the KPI export ----------------------------------------------------------------------------------------------------

KPI_LEGEND = [
    (
        "Được giao xử lý",
        "Đơn của đơn vị / được giao cho cán bộ còn phải xử lý trong kỳ (nhận trước cuối kỳ, "
        "chưa giải quyết xong trước đầu kỳ)",
        "Khối lượng nhiệm vụ (NĐ 335/2025, điểm kết quả thực hiện nhiệm vụ)",
    ),
    ("Tiếp nhận", "Đơn nhận trong kỳ (đơn vị)", "Khối lượng nhiệm vụ"),
    (
        "Thụ lý đúng hạn / Thụ lý có hạn",
        "Đơn thụ lý trong kỳ đúng thời hạn / có xác định thời hạn",
        "Tiến độ: tỷ lệ hoàn thành đúng hạn",
    ),
    (
        "Giải quyết xong",
        "Đơn có kết quả giải quyết trong kỳ (đơn vị: của đơn vị; cán bộ: do cán bộ ký kết quả)",
        "Số lượng nhiệm vụ hoàn thành",
    ),
    (
        "Giải quyết đúng hạn",
        "Trong số giải quyết xong, số đơn trong hạn",
        "Tiến độ hoàn thành (70 điểm kết quả nhiệm vụ, NĐ 335/2025)",
    ),
    (
        "Tỷ lệ giải quyết đúng hạn",
        "Giải quyết đúng hạn / giải quyết xong có xác định hạn",
        "Tiến độ; xếp loại cơ quan về giải quyết khiếu nại, tố cáo, phản ánh",
    ),
    ("Quá hạn", "Đơn được giao đã quá một thời hạn trước cuối kỳ", "Trừ điểm chậm tiến độ"),
    (
        "Có căn cứ",
        "Đơn giải quyết xong có kết luận phản ánh đúng hoặc đúng một phần",
        "Phản ánh của người dân về cán bộ (QĐ 1053-QĐ/TU: ý kiến người dân, doanh nghiệp; "
        "tiêu chí chung về thái độ phục vụ, 30 điểm)",
    ),
    (
        "Phải xử lý lại",
        "Đơn đã có kết quả giải quyết nhưng phải mở lại để xử lý lại trong kỳ (đơn vị: của đơn vị; cán bộ: "
        "đơn được giao cho cán bộ)",
        "Chất lượng kết quả nhiệm vụ",
    ),
    (
        "Ngày làm việc đến thụ lý / giải quyết (trung vị)",
        "Trung vị số ngày làm việc từ khi nhận đơn",
        "Tiến độ (đơn vị)",
    ),
]


def kpi_table(session, period: Period, level: str, *, calendar, user=None) -> Table:
    user = user or province_user()
    if level == "officer":
        rows = stats.officer_rows(session, user, period.starts_on, period.ends_on)
        out = [
            [
                r.username,
                r.full_name,
                r.unit_name,
                r.handled,
                r.resolved,
                r.on_time,
                (r.on_time / r.resolved) if r.resolved else None,
                r.overdue,
                r.substantiated,
                r.reopened,
            ]
            for r in rows
        ]
        return Table(
            title="KPI cán bộ",
            heading="SỐ LIỆU ĐẦU VÀO KPI THEO CÁN BỘ",
            columns=[
                Column("Tên đăng nhập", 16),
                Column("Họ và tên", 28),
                Column("Đơn vị", 36),
                Column("Được giao xử lý", 12, INT),
                Column("Giải quyết xong", 12, INT),
                Column("Giải quyết đúng hạn", 12, INT),
                Column("Tỷ lệ giải quyết đúng hạn", 12, RATE),
                Column("Quá hạn", 10, INT),
                Column("Có căn cứ", 10, INT),
                Column("Phải xử lý lại", 10, INT),
            ],
            rows=out,
            notes=["Xem trang Chú giải: ý nghĩa từng cột và tiêu chí KPI tương ứng."],
        )
    units = stats.league(session, user, period.starts_on, period.ends_on)
    extras = unit_kpi_extras(session, user, period.starts_on, period.ends_on)
    units = sorted(units, key=lambda r: (r.division != "cơ quan tỉnh", r.division, r.name))
    out = []
    for r in units:
        handled, overdue, reopened = extras.get(r.unit_id, (0, 0, 0))
        out.append(
            [
                r.code,
                r.name,
                r.division,
                AGENCY_NAMES.get(r.agency, r.agency),
                handled,
                r.received,
                r.accepted_on_time.k,
                r.accepted_on_time.n,
                r.resolved,
                r.resolved_on_time.k,
                _rate(r.resolved_on_time),
                overdue,
                r.substantiated.k,
                reopened,
                r.accepted_wd_median,
                r.resolved_wd_median,
            ]
        )
    return Table(
        title="KPI đơn vị",
        heading="SỐ LIỆU ĐẦU VÀO KPI THEO CƠ QUAN, ĐƠN VỊ",
        columns=[
            Column("Mã", 10),
            Column("Cơ quan, đơn vị", 40),
            Column("Cấp", 13),
            Column("Ngành", 28),
            Column("Được giao xử lý", 12, INT),
            Column("Tiếp nhận", 10, INT),
            Column("Thụ lý đúng hạn", 11, INT),
            Column("Thụ lý có hạn", 11, INT),
            Column("Giải quyết xong", 11, INT),
            Column("Giải quyết đúng hạn", 11, INT),
            Column("Tỷ lệ giải quyết đúng hạn", 12, RATE),
            Column("Quá hạn", 10, INT),
            Column("Có căn cứ", 10, INT),
            Column("Phải xử lý lại", 10, INT),
            Column("Ngày làm việc đến thụ lý (trung vị)", 14, DAYS),
            Column("Ngày làm việc đến giải quyết (trung vị)", 14, DAYS),
        ],
        rows=out,
        notes=["Xem trang Chú giải: ý nghĩa từng cột và tiêu chí KPI tương ứng."],
    )
