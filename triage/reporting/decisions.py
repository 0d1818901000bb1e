"""The decisions of the legal procedure as SQL over the report's events: shared by the counts of
`triage.reporting.outcomes` and the drill-down figures of `triage.reporting.stats` (the same conditions for a count
and for the reports behind it).

A decision is a status event (`ReportEvent` of kind "status", data {"previous": ..., "status": ...}) into one of the
statuses of OUTCOMES; "accepted" (thụ lý) only from "routed" (a suspended case resumed, a draft returned by the
leader, a reopened case going back to "accepted" is no acceptance); "reopened" (xử lý lại) is an event of its own kind.
"""

from sqlalchemy import select

from core.models import Report, ReportEvent
from core.vocabulary import HANDLED_WITHOUT_ACCEPTANCE, EventKind, Status

# The decisions counted, in the order they are shown: the answers to a đơn, the ends of a case, its result, reopening.
OUTCOMES: tuple[Status | EventKind, ...] = (
    Status.ACCEPTED,
    *HANDLED_WITHOUT_ACCEPTANCE,
    Status.WITHDRAWN,
    Status.TERMINATED,
    Status.RESOLVED,
    EventKind.REOPENED,
)
OUTCOME_STATUSES = tuple(str(code) for code in OUTCOMES if isinstance(code, Status))
# The figure names of the drill-down (`stats.figure_query`) behind each outcome.
OUTCOME_FIGURES = {str(code): f"decided_{code}".replace("-", "_") for code in OUTCOMES}
OUTCOME_FIGURES[str(EventKind.REOPENED)] = "reopened"


def event_status():
    return ReportEvent.data["status"].as_string()


def event_previous():
    return ReportEvent.data["previous"].as_string()


def decision_terms(code: str) -> list:
    """The WHERE terms on `ReportEvent` of the event that records the decision `code` (a member of OUTCOMES)."""
    if code == EventKind.REOPENED:
        return [ReportEvent.kind == EventKind.REOPENED.value]
    terms = [ReportEvent.kind == EventKind.STATUS.value, event_status() == str(code)]
    if code == Status.ACCEPTED:
        terms.append(event_previous() == Status.ROUTED.value)
    return terms


def decided_in(code: str, lo, hi):
    """SQL condition on `Report`: the decision `code` was taken on the report in [lo, hi) (drill-down)."""
    return (
        select(ReportEvent.id)
        .where(ReportEvent.report_id == Report.id, ReportEvent.at >= lo, ReportEvent.at < hi, *decision_terms(code))
        .exists()
    )
