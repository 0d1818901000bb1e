"""What an inspector does to a report, as services: each one a state transition, an event and its clocks."""
from datetime import datetime

from intake.models import Report
from intake.states import Status
from triage.clocks import pause_clocks, resume_clocks, start_clocks, stop_clocks


def accept_report(report: Report, *, now: datetime, services, actor_id: int | None = None) -> None:
    """Thụ lý: the acceptance clock is met and the resolution clock starts."""
    report.move_to(Status.ACCEPTED, actor_id=actor_id)
    report.accepted_at = now
    stop_clocks(report, now, stages={"acceptance", "forward", "notify"})
    start_clocks(report, calendar=services.calendar, policy=services.policy, points=services.points,
                 remote=bool(report.unit and report.unit.remote), accepted_at=now)


def resolve_report(report: Report, *, now: datetime, outcome: str, actor_id: int | None = None) -> None:
    report.move_to(Status.RESOLVED, actor_id=actor_id, outcome=outcome)
    report.resolved_at, report.outcome = now, outcome
    stop_clocks(report, now)


def close_report(report: Report, *, now: datetime, actor_id: int | None = None) -> None:
    report.move_to(Status.CLOSED, actor_id=actor_id)
    report.closed_at = now
    stop_clocks(report, now)


def request_information(report: Report, *, now: datetime, question: str, actor_id: int | None = None) -> None:
    """Ask the reporter for more; the clocks pause until they answer."""
    report.record("information-requested", public=True, actor_id=actor_id, question=question)
    pause_clocks(report, now)


def receive_information(report: Report, *, now: datetime, services) -> None:
    report.record("information-received", public=True)
    resume_clocks(report, now, services.calendar, services.points)
