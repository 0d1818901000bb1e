"""A report's clocks: started from the deadline policy, stopped, paused, resumed and extended."""

from collections.abc import Collection
from dataclasses import replace
from datetime import datetime, timedelta

from core.models import Clock, Report
from core.vietnamese import format_date, legal_date
from core.vocabulary import FINISHED, ClockStatus, Complexity, EventKind
from triage.deadlines.calendar import WorkingCalendar, end_of_day_utc
from triage.deadlines.policy import ClockPlan, Policy, due_date, extend, paused_days, plan_clocks, shift_for_pause
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


def _clock_from(plan: ClockPlan, **state) -> Clock:
    return Clock(
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
        **state,
    )


def start_for(report: Report, services, accepted_at: datetime | None = None) -> list[Clock]:
    """`start_clocks` with the services' calendar, policy and reminder points, for the unit holding the report."""
    return start_clocks(
        report,
        calendar=services.calendar,
        policy=services.policy,
        points=services.points,
        remote=bool(report.unit and report.unit.remote),
        accepted_at=accepted_at,
    )


def add_clock(report: Report, plan: ClockPlan, calendar: WorkingCalendar, points: tuple[str, ...], cycle: int = 0):
    """A running clock from its plan, with its public deadline event."""
    clock = _clock_from(plan, status=ClockStatus.RUNNING, cycle=cycle)
    schedule(clock, calendar, points)
    report.clocks.append(clock)
    _deadline_event(report, clock)
    return clock


def _deadline_event(report: Report, clock: Clock) -> None:
    """The public event of a clock's (new) deadline: the reporter's timeline shows it."""
    report.record(
        EventKind.DEADLINE,
        public=True,
        stage=clock.stage,
        label=clock.label,
        due_on=clock.due_on.isoformat(),
        due_on_vi=format_date(clock.due_on),
        policy_version=clock.policy_version,
    )


def close_on_decision(report: Report, plan: ClockPlan, now: datetime) -> Clock:
    """A clock whose period ends with a decision taken now (the forwarding of a đơn): recorded met when the
    decision came within the period, breached when after it."""
    clock = _clock_from(plan, stopped_at=now, status=ClockStatus.MET)
    if legal_date(now) > plan.due_on:
        clock.status, clock.breached_at = ClockStatus.BREACHED, now
        report.overdue_at = report.overdue_at or now
    report.clocks.append(clock)
    return clock


def stop_clocks(
    report: Report, now: datetime, stages: set[str] | None = None, status: ClockStatus = ClockStatus.MET
) -> list[Clock]:
    """Stop open clocks (all, or the given stages): met by the step that ends them, or `STOPPED` when the đơn
    ends without it (withdrawn, terminated); no reminder goes out for them any more."""
    stopped = []
    for clock in report.clocks:
        if clock.is_open and (stages is None or clock.stage in stages):
            clock.status, clock.stopped_at, clock.next_action_on, clock.paused_at = status, now, None, None
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


def replan_open_clocks(report: Report, *, services, now: datetime, in_course: bool, drop_missing: bool = False) -> None:
    """Plan every pending clock again from the policy after the track or the complexity changed (same receipt,
    same acceptance when `in_course`); paused days and extensions already granted stay counted, a breach the new
    deadline does not confirm is withdrawn, clocks the track does not have are dropped with `drop_missing`, and
    those it has but the report lacks are started."""
    pending = report.status not in FINISHED
    plans = plans_for(
        report,
        calendar=services.calendar,
        policy=services.policy,
        remote=bool(report.unit and report.unit.remote),
        accepted_at=report.accepted_at if in_course else None,
    )
    by_stage = {p.stage: p for p in plans}
    today = legal_date(now)
    for clock in list(report.clocks):
        if not (clock.is_open or (clock.status == ClockStatus.BREACHED and pending)):
            continue
        plan = by_stage.get(clock.stage)
        if plan is None or plan.condition:
            if drop_missing and clock.is_open:
                report.clocks.remove(clock)
            continue
        if clock.cycle and clock.stage == "resolution":
            plan = _from(plan, clock.starts_on, services.calendar)
        _apply_plan(clock, plan, services, report, today)
    if pending:
        start_for(report, services, accepted_at=report.accepted_at if in_course else None)
    if report.overdue_at is not None and not any(c.status == ClockStatus.BREACHED for c in report.clocks):
        report.overdue_at = None


def _from(plan: ClockPlan, starts_on, calendar) -> ClockPlan:
    """The same period counted from another day (a reopened case's resolution counts from its reopening)."""
    nominal = due_date(starts_on, plan.amount, plan.unit, calendar)
    return replace(plan, starts_on=starts_on, due_on=nominal, nominal_due_on=nominal)


def _apply_plan(clock: Clock, plan: ClockPlan, services, report: Report, today) -> None:
    calendar = services.calendar
    rule = services.policy.stage(plan.track, plan.stage)
    extra = clock.extensions * rule.extension.amount if clock.extensions and rule.extension else 0
    due = due_date(plan.starts_on, plan.amount + extra, plan.unit, calendar) if extra else plan.due_on
    if str(plan.unit) != clock.unit:
        clock.paused_days = 0
    clock.track, clock.label, clock.amount, clock.unit = plan.track, plan.label_vi, plan.amount, str(plan.unit)
    clock.starts_on, clock.nominal_due_on = plan.starts_on, plan.nominal_due_on
    clock.policy_version = plan.policy_version
    _set_due(clock, _shifted(clock, due, calendar), calendar)
    if clock.status == ClockStatus.BREACHED and today <= clock.due_on:
        clock.status, clock.breached_at = ClockStatus.RUNNING, None
    if clock.status == ClockStatus.RUNNING:
        schedule(clock, calendar, services.points, done_points(report, clock))
    _deadline_event(report, clock)
