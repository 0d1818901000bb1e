"""Who may see which report. Every list, count, search, export and page goes through `visible_reports`."""
from sqlalchemy import Select, or_, select

from core.models import Report, Role, User
from core.states import Status

PROVINCE_WIDE = frozenset({Role.SUPERVISOR, Role.ADMIN})


def visible_reports(user: User, query: Select | None = None) -> Select:
    """Restrict a query over Report to what this user may see.

    - supervisors and admins: every report;
    - triage officers: the needs-triage queue;
    - inspectors: their own unit's reports, and never a report that accuses their own body's head.
    """
    query = select(Report) if query is None else query
    if user.role in PROVINCE_WIDE:
        return query
    if user.role == Role.TRIAGE:
        return query.where(Report.status == Status.NEEDS_TRIAGE)
    if user.unit_id is None:
        return query.where(Report.id.is_(None))
    return query.where(
        Report.unit_id == user.unit_id,
        or_(Report.accused_unit_id.is_(None), Report.accused_unit_id != user.unit_id),
    )


def can_see(user: User, report: Report) -> bool:
    if user.role in PROVINCE_WIDE:
        return True
    if user.role == Role.TRIAGE:
        return report.status == Status.NEEDS_TRIAGE
    return report.unit_id is not None and report.unit_id == user.unit_id and report.accused_unit_id != user.unit_id
