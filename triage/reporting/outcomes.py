"""The legal procedure's figures: what units decided on the đơn they received, whether each legal deadline was met,
and the leaders' sign-off of results; per unit, per officer or province-wide, for a period.

Every figure is counted by the database from the report's events and clocks, through
`triage.casework.access.visible_reports` (a user never sees a count that includes a report they may not see) and the
filters of `triage.reporting.stats` (`unit_id`, `category`, `agency`, ...). A figure belongs to the report's unit
(`Report.unit_id`) and, per officer, to the officer the report is assigned to (`Report.assignee_id`).

Definitions (periods are Vietnamese days; `lo`, `hi` from `core.vietnamese.utc_bounds`):
    outcomes     the decisions taken in the period, each counted once per report: a report with a status event
                 (`ReportEvent` of kind "status") into that status at a time in the period. "accepted" (thụ lý) is
                 an acceptance of a routed đơn (previous status "routed"): a suspended case resumed, a draft
                 returned by the leader or a reopened case going back to "accepted" is no new acceptance.
                 "reopened" (xử lý lại) counts the reports with an event of kind "reopened" in the period. A report
                 accepted and resolved in the same period counts in both.
    stage rates  per clock stage (acceptance, forward, notify, resolution), the clocks closed in the period: met
                 (status "met", `stopped_at` in the period) or breached (status "breached", `breached_at` in the
                 period). On time: met on or before the end of its due day in Vietnam (the Vietnamese date of
                 `stopped_at` no later than `due_on`); late: breached, or met after its due day. Rates are shown
                 only with their counts, and only when at least DASHBOARD_MIN_SAMPLE clocks closed (`shown_rate`).
    sign-off     the events "submitted" (a draft result sent to the unit's leader), "approved" and
                 "revision-requested" in the period, each event counted; the median working days from a
                 submission to its approval, for the approvals in the period (from the report's last submission
                 before the approval), on the working-day calendar.
"""

from __future__ import annotations

import statistics
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Date, String, and_, case, cast, func, literal_column, null, or_, select, union_all
from sqlalchemy.orm import aliased

from core.models import Clock, Report, ReportEvent
from core.vietnamese import VN_TZ_NAME, utc_bounds
from core.vocabulary import ClockStatus, EventKind, Status
from triage.casework.access import visible_reports
from triage.reporting import stats
from triage.reporting.decisions import OUTCOME_STATUSES, OUTCOMES, event_previous, event_status

# The legal deadlines (`Clock.stage`), with what each one measures.
STAGES = ("acceptance", "forward", "notify", "resolution")
STAGE_LABELS = {
    "acceptance": "Hạn xử lý đơn, thụ lý",
    "forward": "Hạn chuyển đơn",
    "notify": "Hạn thông báo thụ lý cho người tố cáo",
    "resolution": "Hạn giải quyết",
}
SIGNOFF_EVENTS = (EventKind.SUBMITTED, EventKind.APPROVED, EventKind.REVISION_REQUESTED)
GROUPS = {"unit": Report.unit_id, "officer": Report.assignee_id}

# -- results ---------------------------------------------------------------------------------------------------------


@dataclass
class SignOff:
    submitted: int = 0
    approved: int = 0
    revision_requested: int = 0
    days: list[int] = field(default_factory=list)  # working days from submission to approval, one per approval

    @property
    def median_days(self) -> float | None:
        return float(statistics.median(self.days)) if self.days else None


@dataclass
class Procedure:
    """The procedure's figures of one group (a unit, an officer, or the province) for a period."""

    outcomes: dict[str, int] = field(default_factory=lambda: {str(code): 0 for code in OUTCOMES})
    stages: dict[str, stats.Rate] = field(default_factory=lambda: {stage: stats.Rate() for stage in STAGES})
    signoff: SignOff = field(default_factory=SignOff)

    def outcome(self, code) -> int:
        return self.outcomes.get(str(code), 0)


def shown_rate(rate: stats.Rate, min_sample: int | None = None) -> float | None:
    """The rate when its sample is at least the minimum (DASHBOARD_MIN_SAMPLE), else None ("chưa đủ mẫu")."""
    return rate.rate if rate.n and rate.n >= stats._min_sample(min_sample) else None


# -- SQL pieces ------------------------------------------------------------------------------------------------------


def local_day(session, column):
    """SQL: the Vietnamese calendar date of a UTC timestamp column (`core.vietnamese.legal_date` in SQL)."""
    if stats._dialect(session) == "postgresql":
        return cast(func.timezone(VN_TZ_NAME, column), Date)
    return func.date(column, "+7 hours")  # Asia/Ho_Chi_Minh: UTC+7, no daylight saving since 1975


@contextmanager
def _without_jit(session):
    """PostgreSQL's JIT off for one statement: without an index on the events' time the planner overestimates these
    scans and spends longer compiling them (seconds) than running them; the setting is put back after it."""
    if stats._dialect(session) != "postgresql":
        yield
        return
    before = session.execute(select(func.current_setting("jit"))).scalar_one()
    session.execute(select(func.set_config("jit", "off", True)))
    try:
        yield
    finally:
        session.execute(select(func.set_config("jit", before, True)))


def _group_column(by: str | None):
    if by is None:
        return literal_column("0")
    if by not in GROUPS:
        raise ValueError("by: unit, officer or None")
    return GROUPS[by]


def _grouping(by: str | None, *more) -> list:
    """The GROUP BY list: the group's column (none when the figures are not grouped) and `more`."""
    return ([] if by is None else [GROUPS[by]]) + list(more)


def _key(by: str | None, value):
    return None if by is None else value


# -- the figures -----------------------------------------------------------------------------------------------------


def _period_of(column, bounds: list[tuple]):
    """SQL: the index of the period whose [lo, hi) holds `column` (NULL in none of them)."""
    return case(*[(and_(column >= lo, column < hi), i) for i, (lo, hi) in enumerate(bounds)], else_=None)


def _span(bounds: list[tuple]):
    return min(lo for lo, _ in bounds), max(hi for _, hi in bounds)


def _event_figures(session, user, bounds: list[tuple], by: str | None, filters: dict, calendar) -> list[dict]:
    """Per period, {group: (outcome counts, SignOff)}, from ONE statement: a single pass over the events of the
    periods (a common table expression), aggregated twice: the decisions and sign-off events per group, and the
    approvals per group and pair of days (submission, approval) for the working days between them."""
    lo, hi = _span(bounds)
    status = event_status()
    bucket = case((ReportEvent.kind == EventKind.STATUS.value, status), else_=ReportEvent.kind)
    wanted = or_(
        ReportEvent.kind.in_([EventKind.REOPENED.value, *(k.value for k in SIGNOFF_EVENTS)]),
        and_(
            ReportEvent.kind == EventKind.STATUS.value,
            status.in_(OUTCOME_STATUSES),
            or_(status != Status.ACCEPTED.value, event_previous() == Status.ROUTED.value),
        ),
    )
    inner = (
        select(
            _group_column(by).label("g"),
            _period_of(ReportEvent.at, bounds).label("p"),
            bucket.label("b"),
            ReportEvent.report_id.label("r"),
            ReportEvent.at.label("at"),
            Report.submitted_at.label("sa"),
        )
        .select_from(ReportEvent)
        .join(Report, Report.id == ReportEvent.report_id)
    )
    inner = visible_reports(user, inner).where(
        ReportEvent.at >= lo, ReportEvent.at < hi, wanted, Report.case_id.is_(None), *stats._filter_terms(filters)
    )
    ev = inner.cte("period_events")
    no_day, no_code = cast(null(), Date), cast(null(), String)  # typed: PostgreSQL matches the UNION's columns
    signoff_kinds = [k.value for k in SIGNOFF_EVENTS]
    # Each decision once per report: DISTINCT first (a hash), then count (cheaper than COUNT(DISTINCT), a sort).
    decided = select(ev.c.g, ev.c.p, ev.c.b, ev.c.r).where(ev.c.b.not_in(signoff_kinds)).distinct().subquery("decided")
    decisions = select(
        literal_column("'n'").label("part"), decided.c.g, decided.c.p, decided.c.b, func.count(), no_day, no_day
    ).group_by(decided.c.g, decided.c.p, decided.c.b)
    signoffs = (
        select(literal_column("'n'"), ev.c.g, ev.c.p, ev.c.b, func.count(), no_day, no_day)
        .where(ev.c.b.in_(signoff_kinds))
        .group_by(ev.c.g, ev.c.p, ev.c.b)
    )
    # Each approval with the report's last submission before it: the report's `submitted_at` when it precedes the
    # approval (the usual case), else looked up in the report's events (resubmitted after a reopening).
    submission = aliased(ReportEvent)
    looked_up = (
        select(func.max(submission.at))
        .where(submission.report_id == ev.c.r, submission.kind == EventKind.SUBMITTED.value, submission.at <= ev.c.at)
        .correlate(ev)
        .scalar_subquery()
    )
    last_submission = case((ev.c.sa <= ev.c.at, ev.c.sa), else_=looked_up)
    approvals = (
        select(ev.c.g, ev.c.p, local_day(session, last_submission).label("s"), local_day(session, ev.c.at).label("a"))
        .where(ev.c.b == EventKind.APPROVED.value)
        .subquery("approvals")
    )
    days = (
        select(literal_column("'d'"), approvals.c.g, approvals.c.p, no_code, func.count(), approvals.c.s, approvals.c.a)
        .where(approvals.c.s.is_not(None))
        .group_by(approvals.c.g, approvals.c.p, approvals.c.s, approvals.c.a)
    )
    out: list[dict] = [{} for _ in bounds]
    with _without_jit(session):
        rows = session.execute(union_all(decisions, signoffs, days)).all()
    for part, group, period, code, n, s_day, a_day in rows:
        if period is None:
            continue
        counts, sign = out[int(period)].setdefault(_key(by, group), ({str(c): 0 for c in OUTCOMES}, SignOff()))
        if part == "d":
            wd = calendar.working_days_between(stats._as_date(s_day), stats._as_date(a_day))
            sign.days.extend([max(0, wd)] * int(n))
        elif code == EventKind.SUBMITTED:
            sign.submitted = int(n)
        elif code == EventKind.APPROVED:
            sign.approved = int(n)
        elif code == EventKind.REVISION_REQUESTED:
            sign.revision_requested = int(n)
        else:
            counts[code] = int(n)
    return out


def _clock_figures(session, user, bounds: list[tuple], by: str | None, filters: dict) -> list[dict]:
    """Per period, {group: {stage: Rate(on time, closed)}}, from one statement over the clocks closed in them."""
    lo, hi = _span(bounds)
    met = Clock.status == ClockStatus.MET.value
    closed_at = case((met, Clock.stopped_at), (Clock.status == ClockStatus.BREACHED.value, Clock.breached_at))
    on_time = and_(met, local_day(session, Clock.stopped_at) <= Clock.due_on)
    inner = (
        select(
            _group_column(by).label("g"),
            _period_of(closed_at, bounds).label("p"),
            Clock.stage.label("stage"),
            case((on_time, 1), else_=0).label("ok"),
        )
        .select_from(Clock)
        .join(Report, Report.id == Clock.report_id)
    )
    inner = visible_reports(user, inner).where(
        or_(
            and_(met, Clock.stopped_at >= lo, Clock.stopped_at < hi),
            and_(Clock.status == ClockStatus.BREACHED.value, Clock.breached_at >= lo, Clock.breached_at < hi),
        ),
        Report.case_id.is_(None),  # a merged report's deadlines are its case's
        *stats._filter_terms(filters),
    )
    sub = inner.subquery("closed_clocks")
    query = select(sub.c.g, sub.c.p, sub.c.stage, func.count(), func.sum(sub.c.ok)).group_by(
        sub.c.g, sub.c.p, sub.c.stage
    )
    out: list[dict] = [{} for _ in bounds]
    with _without_jit(session):
        rows = session.execute(query).all()
    for group, period, stage, n, ok in rows:
        if period is None:
            continue
        rates = out[int(period)].setdefault(_key(by, group), {s: stats.Rate() for s in STAGES})
        rates[stage] = stats.Rate(int(ok or 0), int(n))
    return out


def procedures(
    session, user, periods: list[tuple[date, date]], *, calendar, by: str | None = None, **filters
) -> list[dict]:
    """For each period (start, end), {group: Procedure}: outcomes, stage rates and sign-off together, in two
    statements whatever the number of periods (the dashboard asks for a period and the one before it). `by`: "unit"
    (keys: unit ids), "officer" (keys: the assignees' user ids) or None (one key, None); grouped, the key None
    gathers the reports without a unit (or without an officer)."""
    bounds = [utc_bounds(start, end) for start, end in periods]
    ordered = sorted(bounds)
    if any(a[1] > b[0] for a, b in zip(ordered, ordered[1:], strict=False)):  # overlapping: one period at a time
        return [procedures(session, user, [p], calendar=calendar, by=by, **filters)[0] for p in periods]
    out: list[dict] = [{} for _ in periods]
    for index, groups in enumerate(_event_figures(session, user, bounds, by, filters, calendar)):
        for group, (counts, sign) in groups.items():
            row = out[index].setdefault(group, Procedure())
            row.outcomes.update(counts)
            row.signoff = sign
    for index, groups in enumerate(_clock_figures(session, user, bounds, by, filters)):
        for group, rates in groups.items():
            out[index].setdefault(group, Procedure()).stages.update(rates)
    return out


def procedure(session, user, start: date, end: date, *, calendar, by: str | None = None, **filters) -> dict:
    """{group: Procedure} of one period (see `procedures`)."""
    return procedures(session, user, [(start, end)], calendar=calendar, by=by, **filters)[0]


def total(session, user, start: date, end: date, *, calendar, **filters) -> Procedure:
    """The figures of everything the user sees (province-wide for a supervisor), for the period."""
    return procedure(session, user, start, end, calendar=calendar, **filters).get(None, Procedure())


def merged(groups: dict) -> Procedure:
    """The figures of all the groups together (a report belongs to one group: the counts add up)."""
    out = Procedure()
    for row in groups.values():
        for code, n in row.outcomes.items():
            out.outcomes[code] = out.outcomes.get(code, 0) + n
        for stage, rate in row.stages.items():
            mine = out.stages.get(stage, stats.Rate())
            out.stages[stage] = stats.Rate(mine.k + rate.k, mine.n + rate.n)
        sign = row.signoff
        out.signoff.submitted += sign.submitted
        out.signoff.approved += sign.approved
        out.signoff.revision_requested += sign.revision_requested
        out.signoff.days.extend(sign.days)
    return out


def stage_rates(session, user, start: date, end: date, *, by: str | None = None, **filters) -> dict:
    """{group: {stage: Rate(on time, closed)}} of the clocks closed in the period (one statement)."""
    return _clock_figures(session, user, [utc_bounds(start, end)], by, filters)[0]
