"""Turning the deadline policy into clock rows of a report."""
from datetime import datetime

from intake.models import Clock, Report
from triage.calendar import WorkingCalendar, end_of_day_utc
from triage.deadlines import Policy, plan_clocks


def start_clocks(report: Report, *, calendar: WorkingCalendar, policy: Policy, remote: bool = False,
                 accepted_at: datetime | None = None) -> list[Clock]:
    """Create the clocks the report's track needs now; stages that already have a clock are kept as they are."""
    have = {c.stage for c in report.clocks}
    created = []
    for plan in plan_clocks(report.track, report.received_at, calendar, policy, remote=remote, accepted_at=accepted_at):
        if plan.stage in have or plan.condition:  # conditional stages start only when their condition arises
            continue
        clock = Clock(
            stage=plan.stage,
            label=plan.label_vi,
            starts_on=plan.starts_on,
            due_on=plan.due_on,
            due_at=end_of_day_utc(plan.due_on),
            amount=plan.amount,
            unit=plan.unit,
            policy_version=plan.policy_version,
        )
        report.clocks.append(clock)
        report.record("deadline", public=True, stage=plan.stage, label=plan.label_vi,
                      due_on=plan.due_on.isoformat(), due_on_vi=plan.due_on.strftime("%d/%m/%Y"),
                      policy_version=plan.policy_version)
        created.append(clock)
    return created
