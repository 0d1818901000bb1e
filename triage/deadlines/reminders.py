"""When a clock's reminders fall due: a pure rule over its dates and the working-day calendar.

Points are configured as a comma-separated list: ``half`` (half the period gone), ``before:N``
(N working days before the due day) and ``due`` (on the due day). The breach is the first day
after the due day.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from triage.deadlines.calendar import WorkingCalendar

DEFAULT_POINTS = "half,before:2,due"

POINT_LABELS = {
    "half": "đã qua một nửa thời hạn",
    "due": "hôm nay là ngày cuối của thời hạn",
}


@dataclass(frozen=True)
class ReminderPoint:
    key: str  # "half", "before:2", "due"
    on: date

    @property
    def reason_vi(self) -> str:
        if self.key.startswith("before:"):
            return f"còn {self.key.split(':')[1]} ngày làm việc đến hạn"
        return POINT_LABELS[self.key]


def parse_points(spec: str) -> tuple[str, ...]:
    points = tuple(p.strip() for p in spec.split(",") if p.strip())
    for p in points:
        if p not in ("half", "due") and not (p.startswith("before:") and p.split(":")[1].isdigit()):
            raise ValueError(f"unknown reminder point {p!r} (use half, before:N, due)")
    return points


def reminder_points(
    starts_on: date, due_on: date, amount: int, unit: str, calendar: WorkingCalendar, points: tuple[str, ...]
) -> list[ReminderPoint]:
    """The reminder dates of one clock, in order, without duplicates and never after the due day."""
    dates: dict[date, str] = {}
    for key in points:
        if key == "half":
            if unit == "working_days":
                on = calendar.add_working_days(starts_on, max(1, (amount + 1) // 2))
            else:
                on = calendar.next_working_day(starts_on + timedelta(days=max(1, amount // 2)), inclusive=True)
        elif key == "due":
            on = due_on
        else:
            on = calendar.add_working_days(due_on, -int(key.split(":")[1]))
        if starts_on < on <= due_on:
            dates.setdefault(on, key)  # one reminder per day: the first point listed wins
    return [ReminderPoint(key, on) for on, key in sorted(dates.items())]


def breach_day(due_on: date) -> date:
    return due_on + timedelta(days=1)


def next_action_on(points: list[ReminderPoint], done: set[str], due_on: date) -> date:
    """The next date the sweep must look at the clock: the next reminder not yet sent, or the breach."""
    pending = [p.on for p in points if p.key not in done]
    return min(pending) if pending else breach_day(due_on)
