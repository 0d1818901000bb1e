"""Statistics for supervisors: the shared layer under the dashboard, the periodic reports, KPI exports and the
public transparency page.

Every figure is computed by the database (grouped queries with conditional aggregates); nothing here loads
reports into Python to count them. Every query goes through `triage.casework.access.visible_reports(user, ...)`, so a
user is never shown a count (or a drill-down list) that includes a report they may not see: an escalated
report is never counted for the accused body's inspector.

Stable API (other modules build on it; extend, do not change meanings):

Periods are `core.vietnamese.Period` (month, quarter, year or custom; days in Asia/Ho_Chi_Minh, `ends_on`
inclusive; `received_at` etc. are UTC in the database, compared with `core.vietnamese.utc_bounds`).

Figures, each `f(session, user, start, end, **filters)` (start/end: `date`, inclusive local days):
    period_summary(...)  -> Summary                 headline figures of the period
    trend(..., granularity="week"|"month") -> Trend buckets of the period and of the previous period
    league(..., min_sample=None, today=None) -> list[UnitRow]   one row per unit, ranked or "not enough sample"
    officer_rows(...)    -> list[OfficerRow]        per-officer KPI inputs (month or quarter)
    category_matrix(..., by="unit"|"agency") -> Matrix          category x unit / category x agency
    ward_rows(...)       -> list[WardRow]           per-ward counts and overdue rates (for the map)
    figure_query(user, figure, start, end, **filters) -> Select[Report]
                                                    the reports behind a figure (drill-down, CSV export)

`**filters` (all optional, combined with AND): unit_id (int), category, agency, ward_code, track (str),
assignee_id, resolved_by_id (int). An unknown key raises TypeError.

Definitions (the same conditions are used for a figure and for its drill-down, see FIGURES):
    received      received_at within the period (every report, those merged into another's case too: a
                  citizen did file each). Every other figure leaves the merged reports out (`Report.case_id`
                  set): their case is counted once, from the report that is the case (docs/duplicates.md).
    open          status not resolved/closed, received before the end of the period (for the current
                  period: today's backlog).
    overdue       open (as above) and past a deadline (`overdue_at` set: the first breach of any clock).
    accepted      accepted_at within the period; on time: `accepted_on_time` among those where it is known;
                  working days: `accepted_wd`.
    resolved      resolved_at within the period; on time: `resolved_on_time`; working days: `resolved_wd`.
    substantiated resolved in the period with outcome "substantiated" or "partly-substantiated"; its share is
                  over the resolved reports with a finding (substantiated, partly-substantiated,
                  unsubstantiated): a "transferred" report carries no finding.
    overdue rate  (ward map) reports received in the period that breached a deadline (overdue_at set,
                  whether open or not) / reports received in the period.
    handled       (officers) assigned to the officer and open at some time in the period: received before
                  its end and not resolved before its start. Officer "resolved"/"on time"/"substantiated"
                  count `resolved_by_id`; "overdue": handled reports whose first breach came before the end of
                  the period; "reopened": reports reopened (xử lý lại: an event of kind "reopened") in the
                  period, counted for the officer they are assigned to.
    reopened      reports with a "reopened" event in the period (not only those still handled: the same count
                  as `triage.reporting.outcomes`).
    decided_<s>   reports with a decision into status <s> in the period (`triage.reporting.decisions`: a status
                  event; "decided_accepted" only from "routed"); the drill-down of `triage.reporting.outcomes`.
Percentiles are linear interpolation between order statistics (PostgreSQL `percentile_cont`; on SQLite the
same computed with window functions), so both backends give the same values.
Rates carry a Wilson 95% score interval (`Rate.low`, `Rate.high`). League: units are ranked by the on-time
resolution rate (ties: higher Wilson lower bound, then more received) among units whose sample (reports
resolved in the period with a known on-time flag) is at least `min_sample` (config DASHBOARD_MIN_SAMPLE,
default 10); other units are listed with `ranked=False`, `rank=None`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from flask import current_app, has_app_context
from sqlalchemy import Integer, Select, and_, case, cast, func, literal, or_, select

from core.config import default_of
from core.models import Report, Unit, User
from core.vietnamese import PERIOD_KINDS, VN_TZ_NAME, Period, legal_date, today_in_vietnam, utc_bounds
from core.vocabulary import AGENCY_NAMES, FINISHED, Outcome, Role, Status, label
from triage.casework.access import PROVINCE_WIDE, visible_reports
from triage.reporting.decisions import OUTCOME_FIGURES, decided_in

DEFAULT_MIN_SAMPLE = default_of("dashboard_min_sample")
Z95 = 1.959963984540054
OPEN = tuple(s.value for s in Status if s not in FINISHED)  # an IN list: index range scans on status
SUBSTANTIATED = (Outcome.SUBSTANTIATED.value, Outcome.PARTLY_SUBSTANTIATED.value)
FINDINGS = (*SUBSTANTIATED, Outcome.UNSUBSTANTIATED.value)
FILTER_KEYS = ("unit_id", "category", "agency", "ward_code", "track", "assignee_id", "resolved_by_id")


# -- rates -----------------------------------------------------------------------------------------------------------


def wilson(k: int, n: int, z: float = Z95) -> tuple[float | None, float | None]:
    """Wilson score interval of k successes out of n (None, None when n == 0)."""
    if n <= 0:
        return None, None
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Rate:
    """k out of n, with a Wilson 95% interval."""

    k: int = 0
    n: int = 0

    @property
    def rate(self) -> float | None:
        return self.k / self.n if self.n else None

    @property
    def low(self) -> float | None:
        return wilson(self.k, self.n)[0]

    @property
    def high(self) -> float | None:
        return wilson(self.k, self.n)[1]


# -- dataclasses returned --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    start: date
    end: date
    received: int
    open_now: int
    overdue_now: int
    accepted: int
    resolved: int
    accepted_on_time: Rate
    resolved_on_time: Rate
    substantiated: Rate  # substantiated (incl. partly) / resolved with a finding
    accepted_wd_median: float | None
    accepted_wd_p90: float | None
    resolved_wd_median: float | None
    resolved_wd_p90: float | None


@dataclass(frozen=True)
class TrendPoint:
    start: date  # first local day of the bucket (a Monday, or the 1st of a month)
    label: str
    received: int = 0
    resolved: int = 0
    resolved_on_time: int = 0


@dataclass(frozen=True)
class Trend:
    granularity: str  # week | month
    period: Period
    previous: Period
    points: list[TrendPoint]
    previous_points: list[TrendPoint]


@dataclass
class UnitRow:
    unit_id: int
    code: str
    name: str
    division: str
    agency: str
    received: int = 0
    accepted: int = 0
    resolved: int = 0
    accepted_on_time: Rate = field(default_factory=Rate)
    resolved_on_time: Rate = field(default_factory=Rate)
    substantiated: Rate = field(default_factory=Rate)
    open_now: int = 0
    overdue_now: int = 0
    oldest_open_at: datetime | None = None
    backlog_age_days: int | None = None  # local days since the oldest open report was received
    accepted_wd_median: float | None = None
    resolved_wd_median: float | None = None
    ranked: bool = False
    rank: int | None = None

    @property
    def sample(self) -> int:
        return self.resolved_on_time.n


@dataclass
class OfficerRow:
    user_id: int
    username: str
    full_name: str
    unit_id: int | None
    unit_name: str
    handled: int = 0
    resolved: int = 0
    on_time: int = 0
    overdue: int = 0
    substantiated: int = 0
    reopened: int = 0


@dataclass(frozen=True)
class Cell:
    received: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class Matrix:
    by: str  # unit | agency
    rows: list[str]  # category codes
    cols: list  # unit ids or agency codes, busiest first
    col_labels: dict
    cells: dict  # (category, col) -> Cell

    def cell(self, row, col) -> Cell:
        return self.cells.get((row, col), Cell())

    @property
    def max_received(self) -> int:
        return max((c.received for c in self.cells.values()), default=0)


@dataclass(frozen=True)
class WardRow:
    ward_code: str
    received: int
    overdue: int  # received in the period and past a deadline at some time
    open_now: int

    @property
    def overdue_rate(self) -> Rate:
        return Rate(self.overdue, self.received)


# -- SQL pieces ------------------------------------------------------------------------------------------------------


def _filter_terms(filters: dict) -> list:
    unknown = set(filters) - set(FILTER_KEYS)
    if unknown:
        raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
    terms = []
    for key in FILTER_KEYS:
        value = filters.get(key)
        if value is not None and value != "":
            terms.append(getattr(Report, key) == value)
    return terms


def _is_open():
    return Report.status.in_(OPEN)


def _figure_terms(figure: str, lo: datetime, hi: datetime) -> list:
    """The WHERE terms of each figure (the summary's counts and the drill-down share them)."""
    received = [Report.received_at >= lo, Report.received_at < hi]
    accepted = [Report.accepted_at >= lo, Report.accepted_at < hi]
    resolved = [Report.resolved_at >= lo, Report.resolved_at < hi]
    open_ = [_is_open(), Report.received_at < hi]
    handled = [Report.received_at < hi, or_(Report.resolved_at.is_(None), Report.resolved_at >= lo)]
    terms = {
        "received": received,
        "open": open_,
        "overdue": open_ + [Report.overdue_at.is_not(None)],
        "breached": received + [Report.overdue_at.is_not(None)],  # the ward map's overdue rate
        "accepted": accepted,
        "accepted_on_time": accepted + [Report.accepted_on_time.is_(True)],
        "accepted_late": accepted + [Report.accepted_on_time.is_(False)],
        "resolved": resolved,
        "resolved_on_time": resolved + [Report.resolved_on_time.is_(True)],
        "resolved_late": resolved + [Report.resolved_on_time.is_(False)],
        "substantiated": resolved + [Report.outcome.in_(SUBSTANTIATED)],
        "handled": handled,
        "handled_overdue": handled + [Report.overdue_at.is_not(None), Report.overdue_at < hi],
        "reopened": [decided_in("reopened", lo, hi)],
    }
    terms.update({name: [decided_in(code, lo, hi)] for code, name in OUTCOME_FIGURES.items() if name != "reopened"})
    if figure not in terms:
        raise ValueError(f"unknown figure {figure!r}")
    if figure == "received":
        return terms[figure]
    return terms[figure] + [Report.case_id.is_(None)]  # a merged report's case is counted once, from the case


FIGURES = (
    "received",
    "open",
    "overdue",
    "breached",
    "accepted",
    "accepted_on_time",
    "accepted_late",
    "resolved",
    "resolved_on_time",
    "resolved_late",
    "substantiated",
    "handled",
    "handled_overdue",
    "reopened",
    *(name for name in OUTCOME_FIGURES.values() if name != "reopened"),
)
FIGURE_LABELS = {
    "received": "Tiếp nhận trong kỳ",
    "open": "Đang xử lý",
    "overdue": "Đang quá hạn",
    "breached": "Tiếp nhận trong kỳ và đã quá hạn",
    "accepted": "Thụ lý trong kỳ",
    "accepted_on_time": "Thụ lý đúng hạn",
    "accepted_late": "Thụ lý trễ hạn",
    "resolved": "Giải quyết trong kỳ",
    "resolved_on_time": "Giải quyết đúng hạn",
    "resolved_late": "Giải quyết trễ hạn",
    "substantiated": "Có căn cứ (đúng, đúng một phần)",
    "handled": "Cán bộ được giao",
    "handled_overdue": "Được giao, đã quá hạn",
    "reopened": "Phải xử lý lại",
    **{name: f"{label(code)} (quyết định trong kỳ)" for code, name in OUTCOME_FIGURES.items() if name != "reopened"},
}


def figure_query(user: User, figure: str, start: date, end: date, **filters) -> Select:
    """`select(Report)` of the reports behind a figure, newest first: what the dashboard's drill-down lists
    and what an export writes. Same conditions as the counts (see the module's definitions)."""
    lo, hi = utc_bounds(start, end)
    query = visible_reports(user, select(Report))
    return query.where(*_figure_terms(figure, lo, hi), *_filter_terms(filters)).order_by(
        Report.received_at.desc(), Report.id.desc()
    )


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _dialect(session) -> str:
    return session.get_bind().dialect.name


def _percentiles(session, user, value, terms, *, group=None, ps=(0.5, 0.9)) -> dict:
    """{group value (None when ungrouped): (p for p in ps)} of `value` over visible reports matching `terms`.

    PostgreSQL: percentile_cont. Elsewhere: the same linear interpolation between order statistics, with
    row_number()/count() windows: position p*(n-1), floor and ceil rows, value = lo + frac*(hi - lo)."""
    terms = [*terms, value.is_not(None)]
    if _dialect(session) == "postgresql":
        cols = [func.percentile_cont(p).within_group(value) for p in ps]
        query = select(group if group is not None else literal(None), *cols).select_from(Report)
        query = visible_reports(user, query).where(*terms)
        if group is not None:
            query = query.group_by(group)
        return {row[0]: tuple(None if v is None else float(v) for v in row[1:]) for row in session.execute(query)}
    partition = [group] if group is not None else None
    inner = select(
        (group if group is not None else literal(0)).label("g"),
        value.label("v"),
        (func.row_number().over(partition_by=partition, order_by=value) - 1).label("i"),
        func.count().over(partition_by=partition).label("n"),
    ).select_from(Report)
    sub = visible_reports(user, inner).where(*terms).subquery("ordered")
    cols = []
    for p in ps:
        pos = p * (sub.c.n - 1)
        floor = cast(pos, Integer)
        ceil = floor + case((pos > floor, 1), else_=0)
        lo_v = func.max(case((sub.c.i == floor, sub.c.v)))
        hi_v = func.max(case((sub.c.i == ceil, sub.c.v)))
        cols.append(lo_v + func.max(pos - floor) * (hi_v - lo_v))
    rows = session.execute(select(sub.c.g, *cols).group_by(sub.c.g)).all()
    return {
        (row[0] if group is not None else None): tuple(None if v is None else float(v) for v in row[1:]) for row in rows
    }


def _scalar_row(session, user, columns, terms):
    query = visible_reports(user, select(*columns).select_from(Report)).where(*terms)
    return session.execute(query).one()


# -- the figures -----------------------------------------------------------------------------------------------------


def period_summary(session, user: User, start: date, end: date, **filters) -> Summary:
    """Headline figures of the period (four small queries, each on an indexed range)."""
    lo, hi = utc_bounds(start, end)
    f = _filter_terms(filters)
    received = _scalar_row(session, user, [func.count()], _figure_terms("received", lo, hi) + f)[0]
    open_now, overdue_now = _scalar_row(
        session, user, [func.count(), _count_if(Report.overdue_at.is_not(None))], _figure_terms("open", lo, hi) + f
    )
    accepted, acc_known, acc_ok = _scalar_row(
        session,
        user,
        [func.count(), func.count(Report.accepted_on_time), _count_if(Report.accepted_on_time.is_(True))],
        _figure_terms("accepted", lo, hi) + f,
    )
    resolved, res_known, res_ok, findings, substantiated = _scalar_row(
        session,
        user,
        [
            func.count(),
            func.count(Report.resolved_on_time),
            _count_if(Report.resolved_on_time.is_(True)),
            _count_if(Report.outcome.in_(FINDINGS)),
            _count_if(Report.outcome.in_(SUBSTANTIATED)),
        ],
        _figure_terms("resolved", lo, hi) + f,
    )
    acc_p = _percentiles(session, user, Report.accepted_wd, _figure_terms("accepted", lo, hi) + f).get(
        None, (None, None)
    )
    res_p = _percentiles(session, user, Report.resolved_wd, _figure_terms("resolved", lo, hi) + f).get(
        None, (None, None)
    )
    return Summary(
        start=start,
        end=end,
        received=received,
        open_now=open_now,
        overdue_now=int(overdue_now),
        accepted=accepted,
        resolved=resolved,
        accepted_on_time=Rate(int(acc_ok), acc_known),
        resolved_on_time=Rate(int(res_ok), res_known),
        substantiated=Rate(int(substantiated), int(findings)),
        accepted_wd_median=acc_p[0],
        accepted_wd_p90=acc_p[1],
        resolved_wd_median=res_p[0],
        resolved_wd_p90=res_p[1],
    )


def _local_bucket(session, column, granularity: str):
    """SQL: the first local day of the week (Monday) or month containing `column` (a UTC timestamp)."""
    if _dialect(session) == "postgresql":
        return func.date_trunc(granularity, func.timezone(VN_TZ_NAME, column))
    offset = "+7 hours"  # Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975
    if granularity == "week":
        return func.date(column, offset, "-6 days", "weekday 1")
    return func.strftime("%Y-%m-01", column, offset)


def _as_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _buckets(period: Period, granularity: str) -> list[date]:
    if granularity == "week":
        day = period.starts_on - timedelta(days=period.starts_on.weekday())
        out = []
        while day <= period.ends_on:
            out.append(day)
            day += timedelta(days=7)
        return out
    day, out = period.starts_on.replace(day=1), []
    while day <= period.ends_on:
        out.append(day)
        day = Period.containing("month", day).next().starts_on
    return out


def _bucket_label(day: date, granularity: str) -> str:
    if granularity == "week":
        return f"Tuần {day.isocalendar()[1]} ({day:%d/%m})"
    return f"{day.month:02d}/{day.year}"


def _trend_points(session, user, period: Period, granularity: str, f: list) -> list[TrendPoint]:
    lo, hi = period.bounds
    counts: dict[date, dict] = {
        day: {"received": 0, "resolved": 0, "resolved_on_time": 0} for day in _buckets(period, granularity)
    }
    bucket = _local_bucket(session, Report.received_at, granularity)
    query = (
        visible_reports(user, select(bucket, func.count()).select_from(Report))
        .where(*_figure_terms("received", lo, hi), *f)
        .group_by(bucket)
    )
    for day, n in session.execute(query):
        counts.setdefault(_as_date(day), {"received": 0, "resolved": 0, "resolved_on_time": 0})["received"] = n
    bucket = _local_bucket(session, Report.resolved_at, granularity)
    query = (
        visible_reports(
            user, select(bucket, func.count(), _count_if(Report.resolved_on_time.is_(True))).select_from(Report)
        )
        .where(*_figure_terms("resolved", lo, hi), *f)
        .group_by(bucket)
    )
    for day, n, ok in session.execute(query):
        entry = counts.setdefault(_as_date(day), {"received": 0, "resolved": 0, "resolved_on_time": 0})
        entry["resolved"], entry["resolved_on_time"] = n, int(ok)
    return [
        TrendPoint(start=day, label=_bucket_label(day, granularity), **values) for day, values in sorted(counts.items())
    ]


def trend(
    session, user: User, start: date, end: date, granularity: str = "week", *, period_kind: str | None = None, **filters
) -> Trend:
    """Received / resolved / resolved on time per week or month of the period, and of the previous period
    (for comparison). `period_kind` ("month", "quarter", "year") picks the previous period of that kind;
    by default the kind is inferred from the dates."""
    if granularity not in ("week", "month"):
        raise ValueError("granularity: week or month")
    period = _infer_period(start, end, period_kind)
    previous = period.previous()
    f = _filter_terms(filters)
    return Trend(
        granularity=granularity,
        period=period,
        previous=previous,
        points=_trend_points(session, user, period, granularity, f),
        previous_points=_trend_points(session, user, previous, granularity, f),
    )


def _infer_period(start: date, end: date, kind: str | None) -> Period:
    for candidate_kind in PERIOD_KINDS:
        candidate = Period.containing(candidate_kind, start)
        if candidate.starts_on == start and candidate.ends_on == end and kind in (None, candidate_kind):
            return candidate
    return Period.custom(start, end)


def _units_for(session, user: User) -> list[Unit]:
    query = select(Unit).order_by(Unit.division, Unit.name_ascii)
    if user.role not in PROVINCE_WIDE:
        if user.role != Role.INSPECTOR or user.unit_id is None:
            return []
        query = query.where(Unit.id == user.unit_id)
    return list(session.scalars(query))


def _grouped(session, user, group, columns, terms) -> dict:
    query = visible_reports(user, select(group, *columns).select_from(Report)).where(*terms).group_by(group)
    return {row[0]: row[1:] for row in session.execute(query)}


def league(
    session, user: User, start: date, end: date, *, min_sample: int | None = None, today: date | None = None, **filters
) -> list[UnitRow]:
    """One row per unit the user may see (every unit for supervisors, even with no report), ranked units first
    (by on-time resolution rate), then the units under the minimum sample, by name."""
    min_sample = _min_sample(min_sample)
    today = today or today_in_vietnam()
    lo, hi = utc_bounds(start, end)
    f = _filter_terms(filters)
    g = Report.unit_id
    received = _grouped(session, user, g, [func.count()], _figure_terms("received", lo, hi) + f)
    accepted = _grouped(
        session,
        user,
        g,
        [func.count(), func.count(Report.accepted_on_time), _count_if(Report.accepted_on_time.is_(True))],
        _figure_terms("accepted", lo, hi) + f,
    )
    resolved = _grouped(
        session,
        user,
        g,
        [
            func.count(),
            func.count(Report.resolved_on_time),
            _count_if(Report.resolved_on_time.is_(True)),
            _count_if(Report.outcome.in_(FINDINGS)),
            _count_if(Report.outcome.in_(SUBSTANTIATED)),
        ],
        _figure_terms("resolved", lo, hi) + f,
    )
    backlog = _grouped(
        session,
        user,
        g,
        [func.count(), _count_if(Report.overdue_at.is_not(None)), func.min(Report.received_at)],
        _figure_terms("open", lo, hi) + f,
    )
    acc_p = _percentiles(session, user, Report.accepted_wd, _figure_terms("accepted", lo, hi) + f, group=g, ps=(0.5,))
    res_p = _percentiles(session, user, Report.resolved_wd, _figure_terms("resolved", lo, hi) + f, group=g, ps=(0.5,))
    rows = []
    for unit in _units_for(session, user):
        row = UnitRow(unit_id=unit.id, code=unit.code, name=unit.name, division=unit.division, agency=unit.agency)
        row.received = received.get(unit.id, (0,))[0]
        if unit.id in accepted:
            row.accepted, known, ok = accepted[unit.id]
            row.accepted_on_time = Rate(int(ok), known)
        if unit.id in resolved:
            row.resolved, known, ok, findings, substantiated = resolved[unit.id]
            row.resolved_on_time = Rate(int(ok), known)
            row.substantiated = Rate(int(substantiated), int(findings))
        if unit.id in backlog:
            row.open_now, overdue, oldest = backlog[unit.id]
            row.overdue_now = int(overdue)
            if oldest is not None:
                if isinstance(oldest, str):  # SQLite without the column's type (aggregate)
                    oldest = datetime.fromisoformat(oldest)
                if oldest.tzinfo is None:
                    oldest = oldest.replace(tzinfo=UTC)
                row.oldest_open_at = oldest
                row.backlog_age_days = max(0, (today - legal_date(oldest)).days)
        row.accepted_wd_median = acc_p.get(unit.id, (None,))[0]
        row.resolved_wd_median = res_p.get(unit.id, (None,))[0]
        row.ranked = row.sample >= min_sample
        rows.append(row)
    ranked = sorted(
        (r for r in rows if r.ranked),
        key=lambda r: (-r.resolved_on_time.rate, -(r.resolved_on_time.low or 0), -r.received, r.name),
    )
    for position, row in enumerate(ranked, start=1):
        row.rank = position
    return ranked + [r for r in rows if not r.ranked]


def _min_sample(value: int | None) -> int:
    if value is not None:
        return value
    if has_app_context():
        return int(current_app.config.get("DASHBOARD_MIN_SAMPLE", DEFAULT_MIN_SAMPLE))
    return DEFAULT_MIN_SAMPLE


def officer_rows(session, user: User, start: date, end: date, **filters) -> list[OfficerRow]:
    """Per officer (users with a report assigned or resolved in the period), the KPI inputs of the period."""
    lo, hi = utc_bounds(start, end)
    f = _filter_terms(filters)
    handled = _grouped(
        session,
        user,
        Report.assignee_id,
        [func.count(), _count_if(and_(Report.overdue_at.is_not(None), Report.overdue_at < hi))],
        _figure_terms("handled", lo, hi) + f + [Report.assignee_id.is_not(None)],
    )
    reopened = _grouped(
        session,
        user,
        Report.assignee_id,
        [func.count()],
        _figure_terms("reopened", lo, hi) + f + [Report.assignee_id.is_not(None)],
    )
    resolved = _grouped(
        session,
        user,
        Report.resolved_by_id,
        [func.count(), _count_if(Report.resolved_on_time.is_(True)), _count_if(Report.outcome.in_(SUBSTANTIATED))],
        _figure_terms("resolved", lo, hi) + f + [Report.resolved_by_id.is_not(None)],
    )
    ids = set(handled) | set(resolved) | set(reopened)
    if not ids:
        return []
    people = session.execute(
        select(User.id, User.username, User.full_name, User.unit_id, Unit.name)
        .outerjoin(Unit, Unit.id == User.unit_id)
        .where(User.id.in_(ids))
    ).all()
    rows = []
    for uid, username, full_name, unit_id, unit_name in people:
        row = OfficerRow(
            user_id=uid, username=username, full_name=full_name or "", unit_id=unit_id, unit_name=unit_name or ""
        )
        if uid in handled:
            row.handled, overdue = handled[uid]
            row.overdue = int(overdue)
        row.reopened = int(reopened.get(uid, (0,))[0])
        if uid in resolved:
            row.resolved, ok, substantiated = resolved[uid]
            row.on_time, row.substantiated = int(ok), int(substantiated)
        rows.append(row)
    return sorted(rows, key=lambda r: (r.unit_name, r.full_name or r.username))


def category_matrix(session, user: User, start: date, end: date, by: str = "unit", **filters) -> Matrix:
    """Reports received in the period (and, of those, past a deadline) per category × unit or × agency."""
    if by not in ("unit", "agency"):
        raise ValueError("by: unit or agency")
    lo, hi = utc_bounds(start, end)
    col = Report.unit_id if by == "unit" else Report.agency
    query = (
        visible_reports(
            user,
            select(Report.category, col, func.count(), _count_if(Report.overdue_at.is_not(None))).select_from(Report),
        )
        .where(*_figure_terms("received", lo, hi), *_filter_terms(filters))
        .group_by(Report.category, col)
    )
    cells, rows_total, cols_total = {}, {}, {}
    for category, key, n, overdue in session.execute(query):
        category = category or ""
        cells[(category, key)] = Cell(received=n, overdue=int(overdue))
        rows_total[category] = rows_total.get(category, 0) + n
        cols_total[key] = cols_total.get(key, 0) + n
    cols = sorted(cols_total, key=lambda k: (-cols_total[k], str(k)))
    if by == "unit":
        ids = [c for c in cols if c is not None]
        names = dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(ids))).all()) if ids else {}
        labels = {c: names.get(c, "Chưa giao đơn vị") for c in cols}
    else:
        labels = {c: AGENCY_NAMES.get(c, c or "Chưa xác định") for c in cols}
    rows = sorted(rows_total, key=lambda k: (-rows_total[k], k))
    return Matrix(by=by, rows=rows, cols=cols, col_labels=labels, cells=cells)


def ward_rows(session, user: User, start: date, end: date, **filters) -> list[WardRow]:
    """Per ward of the reports (`Report.ward_code`): received in the period, of those past a deadline at some
    time, and open now (received before the end of the period)."""
    lo, hi = utc_bounds(start, end)
    f = _filter_terms(filters)
    g = Report.ward_code
    received = _grouped(
        session,
        user,
        g,
        [func.count(), _count_if(Report.overdue_at.is_not(None))],
        _figure_terms("received", lo, hi) + f + [g.is_not(None)],
    )
    open_ = _grouped(session, user, g, [func.count()], _figure_terms("open", lo, hi) + f + [g.is_not(None)])
    codes = sorted(set(received) | set(open_))
    return [
        WardRow(
            ward_code=c,
            received=received.get(c, (0, 0))[0],
            overdue=int(received.get(c, (0, 0))[1]),
            open_now=open_.get(c, (0,))[0],
        )
        for c in codes
    ]


def count_figure(session, user: User, figure: str, start: date, end: date, **filters) -> int:
    """The number of reports `figure_query` lists (one COUNT)."""
    lo, hi = utc_bounds(start, end)
    query = visible_reports(user, select(func.count()).select_from(Report)).where(
        *_figure_terms(figure, lo, hi), *_filter_terms(filters)
    )
    return session.execute(query).scalar_one()


__all__ = [
    "wilson",
    "Rate",
    "Summary",
    "TrendPoint",
    "Trend",
    "UnitRow",
    "OfficerRow",
    "Cell",
    "Matrix",
    "WardRow",
    "period_summary",
    "trend",
    "league",
    "officer_rows",
    "category_matrix",
    "ward_rows",
    "figure_query",
    "count_figure",
    "FIGURES",
    "FIGURE_LABELS",
    "DEFAULT_MIN_SAMPLE",
]
