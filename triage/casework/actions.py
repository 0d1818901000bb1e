"""What an inspector does to a report, as services: each one a state transition, an event and its clocks."""

from datetime import datetime

from core.models import Correction, Report
from core.vietnamese import legal_date
from core.vocabulary import Agency, Category, EventKind, RoutingReason, Status
from triage.deadlines.clocks import pause_clocks, resume_clocks, start_clocks, stop_clocks


def accept_report(
    report: Report, *, now: datetime, services, actor_id: int | None = None, require_sixclear: bool = False
) -> None:
    """Thụ lý: the acceptance clock is met and the resolution clock starts."""
    if require_sixclear and (missing := missing_sixclear(report)):
        raise ActionRefused('Chưa thể thụ lý: cần điền đủ "6 rõ" — còn thiếu ' + ", ".join(missing) + ".")
    report.move_to(Status.ACCEPTED, actor_id=actor_id)
    report.accepted_at = now
    acceptance = next((c for c in report.clocks if c.stage == "acceptance"), None)
    report.accepted_wd = max(0, services.calendar.working_days_between(report.received_at, now))
    report.accepted_on_time = acceptance is None or (acceptance.is_open and legal_date(now) <= acceptance.due_on)
    stop_clocks(report, now, stages={"acceptance", "forward", "notify"})
    start_clocks(
        report,
        calendar=services.calendar,
        policy=services.policy,
        points=services.points,
        remote=bool(report.unit and report.unit.remote),
        accepted_at=now,
    )


def resolve_report(report: Report, *, now: datetime, outcome: str, actor_id: int | None = None, calendar=None) -> None:
    report.move_to(Status.RESOLVED, actor_id=actor_id, outcome=outcome)
    report.resolved_at, report.outcome, report.resolved_by_id = now, outcome, actor_id
    resolution = next((c for c in report.clocks if c.stage == "resolution"), None)
    report.resolved_on_time = resolution is None or (resolution.is_open and legal_date(now) <= resolution.due_on)
    if calendar is not None:
        report.resolved_wd = max(0, calendar.working_days_between(report.received_at, now))
    stop_clocks(report, now)


def close_report(report: Report, *, now: datetime, actor_id: int | None = None) -> None:
    report.move_to(Status.CLOSED, actor_id=actor_id)
    report.closed_at = now
    stop_clocks(report, now)


def request_information(report: Report, *, now: datetime, question: str, actor_id: int | None = None) -> None:
    """Ask the reporter for more; the clocks pause until they answer."""
    report.record(EventKind.INFORMATION_REQUESTED, public=True, actor_id=actor_id, question=question)
    pause_clocks(report, now)


def receive_information(report: Report, *, now: datetime, services) -> None:
    report.record(EventKind.INFORMATION_RECEIVED, public=True)
    resume_clocks(report, now, services.calendar, services.points)


class ActionRefused(ValueError):
    """An action the rules do not allow; the message is Vietnamese, for the person who tried it."""


def assign_report(report: Report, assignee, *, actor_id: int | None) -> None:
    """Give a report to an inspector of the unit that handles it."""
    if assignee is not None and (assignee.unit_id != report.unit_id or not assignee.active):
        raise ActionRefused("Chỉ giao được cho cán bộ đang làm việc của đơn vị đang giải quyết đơn.")
    previous = report.assignee_id
    report.assignee = assignee
    report.record(
        EventKind.ASSIGNED,
        actor_id=actor_id,
        assignee_id=assignee.id if assignee else None,
        assignee_name=(assignee.full_name or assignee.username) if assignee else None,
        previous=previous,
    )


def reroute_report(session, report: Report, unit, *, reason: str, actor_id: int | None, category: str | None = None):
    """Send a report to another unit (or, with unit=None, back to manual triage), keeping the correction.

    The correction becomes a labelled example for the classifier. A report that accuses the head of a
    body can never be sent to that body.
    """
    if not reason or len(reason.strip()) < 5:
        raise ActionRefused("Xin ghi lý do chuyển đơn.")
    if report.status not in (Status.ROUTED, Status.NEEDS_TRIAGE):
        raise ActionRefused("Chỉ chuyển được đơn chưa thụ lý.")
    if unit is not None and report.accused_unit_id is not None and unit.id == report.accused_unit_id:
        raise ActionRefused("Đơn phản ánh người đứng đầu cơ quan này: không được chuyển cho chính cơ quan bị phản ánh.")
    if unit is not None and unit.id == report.unit_id:
        raise ActionRefused("Đơn đang ở đúng đơn vị này.")
    predicted = report.agency
    if unit is None:
        report.unit, report.assignee = None, None
        report.move_to(Status.NEEDS_TRIAGE, actor_id=actor_id, reason=reason)
        return None
    report.unit, report.assignee = unit, None
    report.agency = Agency.THANH_TRA_TINH if report.escalate and unit.code == Agency.THANH_TRA_TINH else unit.agency
    if unit.ward_code:
        report.ward_code = unit.ward_code
    if category:
        report.category = category
    report.move_to(
        Status.ROUTED,
        actor_id=actor_id,
        unit_code=unit.code,
        unit_name=unit.name,
        reason=RoutingReason.REROUTE,
        note=reason,
    )
    correction = Correction(
        report_id=report.id,
        text=report.text,
        agency=report.agency,
        ward_code=report.ward_code,
        category=report.category or Category.KHAC,
        escalate=report.escalate,
        predicted_agency=predicted,
        reason=reason.strip(),
        created_by=actor_id,
    )
    session.add(correction)
    return correction


def add_note(report: Report, text: str, *, actor_id: int | None) -> None:
    """An internal note: never shown to the reporter."""
    if not text.strip():
        raise ActionRefused("Ghi chú đang để trống.")
    report.record(EventKind.NOTE, public=False, actor_id=actor_id, text=text.strip())


def record_findings(report: Report, text: str, *, actor_id: int | None) -> None:
    report.findings = text.strip()
    report.record(EventKind.FINDINGS, public=False, actor_id=actor_id, text=report.findings)


SIXCLEAR_MISSING = {
    "assignee": "rõ người (cán bộ xử lý)",
    "task": "rõ việc (việc sẽ làm)",
    "responsibility": "rõ trách nhiệm (đơn vị chịu trách nhiệm)",
    "authority": "rõ thẩm quyền (căn cứ pháp lý)",
    "due": "rõ thời gian (hạn hoàn thành)",
}


def missing_sixclear(report: Report) -> list[str]:
    """The "6 rõ" items still empty; all five must be filled before acceptance (the sixth, result, at resolution)."""
    filled = {
        "assignee": report.assignee_id is not None,
        "task": bool(report.sixclear_task),
        "responsibility": bool(report.sixclear_responsibility),
        "authority": bool(report.sixclear_authority),
        "due": report.sixclear_due_on is not None,
    }
    return [SIXCLEAR_MISSING[k] for k, ok in filled.items() if not ok]
