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
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Date, and_, case, cast, distinct, func, literal_column, or_, select
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


def outcome_counts(session, user, start: date, end: date, *, by: str | None = None, **filters) -> dict:
    """{group: {outcome code: reports}} of the decisions taken in the period (group None when `by` is None)."""
    lo, hi = utc_bounds(start, end)
    status = event_status()
    outcome = case(
        (ReportEvent.kind == EventKind.REOPENED.value, literal_column(f"'{EventKind.REOPENED.value}'")),
        else_=status,
    )
    decision = or_(
        ReportEvent.kind == EventKind.REOPENED.value,
        and_(
            ReportEvent.kind == EventKind.STATUS.value,
            status.in_(OUTCOME_STATUSES),
            or_(status != Status.ACCEPTED.value, event_previous() == Status.ROUTED.value),
        ),
    )
    inner = (
        select(_group_column(by).label("g"), outcome.label("o"), ReportEvent.report_id.label("r"))
        .select_from(ReportEvent)
        .join(Report, Report.id == ReportEvent.report_id)
    )
    inner = visible_reports(user, inner).where(
        ReportEvent.at >= lo, ReportEvent.at < hi, decision, *stats._filter_terms(filters)
    )
    sub = inner.subquery("decisions")
    query = select(sub.c.g, sub.c.o, func.count(distinct(sub.c.r))).group_by(sub.c.g, sub.c.o)
    out: dict = {}
    for group, code, n in session.execute(query):
        counts = out.setdefault(_key(by, group), {str(c): 0 for c in OUTCOMES})
        counts[code] = counts.get(code, 0) + int(n)
    return out


def stage_rates(session, user, start: date, end: date, *, by: str | None = None, **filters) -> dict:
    """{group: {stage: Rate(on time, closed)}} of the clocks closed in the period."""
    lo, hi = utc_bounds(start, end)
    met = and_(Clock.status == ClockStatus.MET.value, Clock.stopped_at >= lo, Clock.stopped_at < hi)
    breached = and_(Clock.status == ClockStatus.BREACHED.value, Clock.breached_at >= lo, Clock.breached_at < hi)
    on_time = and_(Clock.status == ClockStatus.MET.value, local_day(session, Clock.stopped_at) <= Clock.due_on)
    g = _group_column(by)
    query = (
        select(g, Clock.stage, func.count(), stats._count_if(on_time))
        .select_from(Clock)
        .join(Report, Report.id == Clock.report_id)
    )
    query = (
        visible_reports(user, query)
        .where(or_(met, breached), *stats._filter_terms(filters))
        .group_by(*_grouping(by, Clock.stage))
    )
    out: dict = {}
    for group, stage, n, ok in session.execute(query):
        rates = out.setdefault(_key(by, group), {s: stats.Rate() for s in STAGES})
        rates[stage] = stats.Rate(int(ok), int(n))
    return out


def signoff(session, user, start: date, end: date, *, calendar, by: str | None = None, **filters) -> dict:
    """{group: SignOff} of the period: submissions, approvals and drafts returned, and the working days from
    submission to approval (the database groups the approvals by their two dates; the calendar counts the days)."""
    lo, hi = utc_bounds(start, end)
    f = stats._filter_terms(filters)
    g = _group_column(by)
    query = (
        select(g, ReportEvent.kind, func.count())
        .select_from(ReportEvent)
        .join(Report, Report.id == ReportEvent.report_id)
    )
    query = visible_reports(user, query).where(
        ReportEvent.kind.in_([k.value for k in SIGNOFF_EVENTS]), ReportEvent.at >= lo, ReportEvent.at < hi, *f
    )
    out: dict = {}
    for group, kind, n in session.execute(query.group_by(*_grouping(by, ReportEvent.kind))):
        row = out.setdefault(_key(by, group), SignOff())
        if kind == EventKind.SUBMITTED:
            row.submitted = int(n)
        elif kind == EventKind.APPROVED:
            row.approved = int(n)
        else:
            row.revision_requested = int(n)
    submission = aliased(ReportEvent)
    submitted_at = (
        select(func.max(submission.at))
        .where(
            submission.report_id == ReportEvent.report_id,
            submission.kind == EventKind.SUBMITTED.value,
            submission.at <= ReportEvent.at,
        )
        .correlate(ReportEvent)
        .scalar_subquery()
    )
    inner = (
        select(g.label("g"), ReportEvent.at.label("approved"), submitted_at.label("submitted"))
        .select_from(ReportEvent)
        .join(Report, Report.id == ReportEvent.report_id)
    )
    inner = visible_reports(user, inner).where(
        ReportEvent.kind == EventKind.APPROVED.value, ReportEvent.at >= lo, ReportEvent.at < hi, *f
    )
    sub = inner.subquery("approvals")
    s_day, a_day = local_day(session, sub.c.submitted).label("s"), local_day(session, sub.c.approved).label("a")
    pairs = select(sub.c.g, s_day, a_day).where(sub.c.submitted.is_not(None)).subquery("pairs")
    grouped = select(pairs.c.g, pairs.c.s, pairs.c.a, func.count()).group_by(pairs.c.g, pairs.c.s, pairs.c.a)
    for group, s, a, n in session.execute(grouped):
        wd = max(0, calendar.working_days_between(stats._as_date(s), stats._as_date(a)))
        out.setdefault(_key(by, group), SignOff()).days.extend([wd] * int(n))
    return out


def procedure(session, user, start: date, end: date, *, calendar, by: str | None = None, **filters) -> dict:
    """{group: Procedure}: outcomes, stage rates and sign-off together. `by`: "unit" (keys: unit ids), "officer"
    (keys: the assignees' user ids) or None (one key, None); grouped, the key None gathers the reports without a
    unit (or without an officer)."""
    out: dict = {}
    for group, counts in outcome_counts(session, user, start, end, by=by, **filters).items():
        out.setdefault(group, Procedure()).outcomes.update(counts)
    for group, rates in stage_rates(session, user, start, end, by=by, **filters).items():
        out.setdefault(group, Procedure()).stages.update(rates)
    for group, row in signoff(session, user, start, end, calendar=calendar, by=by, **filters).items():
        out.setdefault(group, Procedure()).signoff = row
    return out


def total(session, user, start: date, end: date, *, calendar, **filters) -> Procedure:
    """The figures of everything the user sees (province-wide for a supervisor), for the period."""
    return procedure(session, user, start, end, calendar=calendar, **filters).get(None, Procedure())
