"""A report's clocks: started from the deadline policy, stopped, paused, resumed and extended."""

from collections.abc import Collection
from datetime import datetime, timedelta

from core.models import Clock, Report
from core.vietnamese import format_date, legal_date
from core.vocabulary import ClockStatus, Complexity, EventKind
from triage.deadlines.calendar import WorkingCalendar, end_of_day_utc
from triage.deadlines.policy import ClockPlan, Policy, extend, paused_days, plan_clocks, shift_for_pause
from triage.deadlines.reminders import next_action_on, reminder_points


def schedule(
    clock: Clock, calendar: WorkingCalendar, points: tuple[str, ...], done: Collection[str] = frozenset()
) -> None:
    """Set the date the sweep must next look at this clock."""
    plan = reminder_points(clock.starts_on, clock.due_on, clock.amount, clock.unit, calendar, points)
    clock.next_action_on = next_action_on(plan, set(done), clock.due_on)


def plans_for(
    report: Report,
    *,
    calendar: WorkingCalendar,
    policy: Policy,
    remote: bool = False,
    accepted_at: datetime | None = None,
) -> list[ClockPlan]:
    """The planned clocks of the report's track and instance, counted from the receipt of this instance's đơn
    (and from `accepted_at`), with the longer periods of a complex case or a remote unit."""
    return plan_clocks(
        report.track,
        report.instance_received,
        calendar,
        policy,
        instance=report.instance or 1,
        remote=remote,
        complex=(report.complexity or Complexity.NORMAL) != Complexity.NORMAL,
        accepted_at=accepted_at,
    )


def start_clocks(
    report: Report,
    *,
    calendar: WorkingCalendar,
    policy: Policy,
    points: tuple[str, ...],
    remote: bool = False,
    accepted_at: datetime | None = None,
) -> list[Clock]:
    """Create the clocks the report's track needs now; stages of the track that already have a clock are kept."""
    have = {(c.track, c.stage) for c in report.clocks}
    created = []
    for plan in plans_for(report, calendar=calendar, policy=policy, remote=remote, accepted_at=accepted_at):
        if (plan.track, plan.stage) in have or plan.condition:  # conditional stages start when their case arises
            continue
        created.append(add_clock(report, plan, calendar, points))
    return created


def add_clock(report: Report, plan: ClockPlan, calendar: WorkingCalendar, points: tuple[str, ...], cycle: int = 0):
    """A running clock from its plan, with its public deadline event."""
    clock = Clock(
        stage=plan.stage,
        track=plan.track,
        label=plan.label_vi,
        starts_on=plan.starts_on,
        due_on=plan.due_on,
        nominal_due_on=plan.nominal_due_on,
        due_at=end_of_day_utc(plan.due_on),
        amount=plan.amount,
        unit=plan.unit,
        policy_version=plan.policy_version,
        status=ClockStatus.RUNNING,
        extensions=0,
        paused_days=0,
        cycle=cycle,
    )
    schedule(clock, calendar, points)
    report.clocks.append(clock)
    report.record(
        EventKind.DEADLINE,
        public=True,
        stage=plan.stage,
        label=plan.label_vi,
        due_on=plan.due_on.isoformat(),
        due_on_vi=format_date(plan.due_on),
        policy_version=plan.policy_version,
    )
    return clock


def close_on_decision(report: Report, plan: ClockPlan, now: datetime) -> Clock:
    """A clock whose period ends with a decision taken now (the forwarding of a đơn): recorded met when the
    decision came within the period, breached when after it."""
    clock = Clock(
        stage=plan.stage,
        track=plan.track,
        label=plan.label_vi,
        starts_on=plan.starts_on,
        due_on=plan.due_on,
        nominal_due_on=plan.nominal_due_on,
        due_at=end_of_day_utc(plan.due_on),
        amount=plan.amount,
        unit=plan.unit,
        policy_version=plan.policy_version,
        extensions=0,
        paused_days=0,
        stopped_at=now,
    )
    if legal_date(now) <= plan.due_on:
        clock.status = ClockStatus.MET
    else:
        clock.status, clock.breached_at = ClockStatus.BREACHED, now
        report.overdue_at = report.overdue_at or now
    report.clocks.append(clock)
    return clock


def stop_clocks(report: Report, now: datetime, stages: set[str] | None = None) -> list[Clock]:
    """Stop open clocks (all, or the given stages) as met: no reminder goes out for them any more."""
    stopped = []
    for clock in report.clocks:
        if clock.is_open and (stages is None or clock.stage in stages):
            clock.status, clock.stopped_at, clock.next_action_on, clock.paused_at = ClockStatus.MET, now, None, None
            stopped.append(clock)
    return stopped


def pause_clocks(report: Report, now: datetime) -> list[Clock]:
    """Waiting for the citizen: running clocks stop counting."""
    paused = []
    for clock in report.clocks:
        if clock.status == ClockStatus.RUNNING:
            clock.status, clock.paused_at, clock.next_action_on = ClockStatus.PAUSED, now, None
            paused.append(clock)
    return paused


def resume_clocks(report: Report, now: datetime, calendar: WorkingCalendar, points: tuple[str, ...]) -> list[Clock]:
    """The citizen answered: paused clocks run again, their due dates moved by the time spent waiting."""
    resumed = []
    for clock in report.clocks:
        if clock.status != ClockStatus.PAUSED or clock.paused_at is None:
            continue
        base = clock.nominal_due_on if clock.unit == "calendar_days" and clock.nominal_due_on else clock.due_on
        lost = paused_days(clock.paused_at, now, calendar, clock.unit) if base >= legal_date(clock.paused_at) else 0
        clock.paused_days += lost
        if clock.unit == "calendar_days" and clock.nominal_due_on:
            clock.nominal_due_on = base + timedelta(days=lost)
        _set_due(clock, shift_for_pause(base, clock.paused_at, now, calendar, clock.unit), calendar)
        clock.status, clock.paused_at = ClockStatus.RUNNING, None
        schedule(clock, calendar, points, done_points(report, clock))
        resumed.append(clock)
    return resumed


def extend_clock(
    clock: Clock, *, complexity: str, policy: Policy, calendar: WorkingCalendar, points: tuple[str, ...]
) -> Clock:
    """One more legal extension (gia hạn); raises ExtensionError past what the law allows."""
    due = extend(clock, clock.extensions, policy, calendar, complexity)
    clock.extensions += 1
    clock.nominal_due_on = None
    _set_due(clock, _shifted(clock, due, calendar), calendar)
    if clock.status == ClockStatus.BREACHED:
        clock.status, clock.breached_at = ClockStatus.RUNNING, None
    if clock.status == ClockStatus.RUNNING:
        schedule(clock, calendar, points)
    return clock


def _shifted(clock: Clock, due, calendar: WorkingCalendar):
    if not clock.paused_days:
        return due
    if clock.unit == "working_days":
        return calendar.add_working_days(due, clock.paused_days)
    return calendar.add_calendar_days(due, clock.paused_days)


def _set_due(clock: Clock, due, calendar: WorkingCalendar) -> None:
    clock.due_on, clock.due_at = due, end_of_day_utc(due)


def done_points(report: Report, clock: Clock) -> set[str]:
    """Reminder points already handled for this clock (one event each; events before clocks had cycles and
    instances name the stage only)."""
    return {
        str(e.data.get("point"))
        for e in report.events
        if e.kind == EventKind.REMINDER
        and e.data.get("stage") == clock.stage
        and e.data.get("clock_id", clock.id) == clock.id
    }


def clock_key(clock: Clock) -> str:
    """The key of a clock's notifications: its stage, and for a second instance or a reopened case the track
    and cycle too, so that each clock is told once."""
    if (clock.cycle or 0) == 0 and not (clock.track or "").endswith("-2"):
        return clock.stage
    return f"{clock.track}/{clock.stage}/{clock.cycle or 0}"
