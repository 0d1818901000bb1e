"""Working-day calendar for Vietnamese legal deadlines.

Pure rules, no database and no Flask. The calendar answers one question — is this
Vietnamese date a working day for civil servants? — and does the day arithmetic of
the laws built on it:

* "ngày làm việc" periods (``add_working_days``) count working days only, from the
  day after the triggering event;
* plain "ngày" periods (``add_calendar_days``) follow the Civil Code 2015,
  Art. 145-148: count from the day after the event, and a period whose last day is a
  day off runs to the end of the next working day.

Where a day's status comes from, first match wins:

1. the override rows passed to the constructor (the yearly decisions of the Prime
   Minister: extra days off, Saturdays made working days). ``default_calendar()``
   loads the shipped ``triage/data/calendar_overrides.toml``; an admin-editable
   table can pass its own rows;
2. the ``holidays`` package, country "VN": the Labour Code Art. 112 holidays with
   the observed rule (a holiday on a weekend moves to the next working day) and,
   where the package knows them, its own swapped weekend working days;
3. Saturday and Sunday are days off, every other day is a working day.

Times: every input may be a ``date`` or a timezone-aware ``datetime`` (UTC in the
database). The legal day is the date in Asia/Ho_Chi_Minh, so a report received at
23:30 UTC already counts from the next Vietnamese day. Naive datetimes are refused.
A deadline falls due at the end of its Vietnamese day: see ``end_of_day_utc``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays

__all__ = [
    "VN_TZ",
    "Override",
    "WorkingCalendar",
    "default_calendar",
    "end_of_day_utc",
    "legal_date",
    "load_overrides",
]

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

_DEFAULT_OVERRIDES = "data/calendar_overrides.toml"
# A generous bound on how far a search for the next working day may walk; the
# longest run of days off in Vietnam (Tết plus weekends) is about 9-10 days.
_MAX_DAYS_OFF_RUN = 60


@dataclass(frozen=True, slots=True)
class Override:
    """One row of the yearly table: ``day`` is a day off (``working=False``) or a
    working day (``working=True``, e.g. a Saturday worked to make up a swap)."""

    day: date
    working: bool
    reason: str = ""


def legal_date(value: date | datetime) -> date:
    """The Vietnamese calendar date of ``value``.

    A ``date`` is taken as already Vietnamese. An aware ``datetime`` is converted
    to Asia/Ho_Chi_Minh (UTC+7) first. A naive ``datetime`` is ambiguous and raises
    ``ValueError``.
    """
    if isinstance(value, datetime):  # datetime is a subclass of date: test it first
        if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
            raise ValueError(
                f"naive datetime {value.isoformat()}: pass a timezone-aware datetime "
                "(UTC from the database) or a date"
            )
        return value.astimezone(VN_TZ).date()
    if isinstance(value, date):
        return value
    raise TypeError(f"expected a date or an aware datetime, got {type(value).__name__}")


def end_of_day_utc(d: date | datetime) -> datetime:
    """The last instant (23:59:59.999999 Vietnamese time) of the legal day ``d``,
    as an aware UTC datetime. A clock due on ``d`` is overdue once
    ``now > end_of_day_utc(d)``."""
    day = legal_date(d)
    return datetime.combine(day, time.max, tzinfo=VN_TZ).astimezone(UTC)


class WorkingCalendar:
    """Vietnamese civil-servant working days: overrides, then ``holidays`` VN, then
    the Saturday/Sunday weekend."""

    def __init__(self, overrides: Iterable[Override] = ()) -> None:
        table: dict[date, Override] = {}
        for row in overrides:
            if not isinstance(row, Override):
                raise TypeError(f"expected Override, got {type(row).__name__}")
            if isinstance(row.day, datetime) or not isinstance(row.day, date):
                raise TypeError(f"Override.day must be a date, got {row.day!r}")
            if row.day in table and table[row.day].working != row.working:
                raise ValueError(f"contradictory overrides for {row.day.isoformat()}")
            table[row.day] = row
        self._overrides = table
        # observed=True: a holiday on a weekend gives the next working day off.
        self._holidays = holidays.country_holidays("VN", observed=True)

    # -- inspection ---------------------------------------------------------
    @property
    def overrides(self) -> tuple[Override, ...]:
        return tuple(self._overrides[d] for d in sorted(self._overrides))

    @property
    def override_years(self) -> frozenset[int]:
        """Years for which override rows exist: a sweep can warn an admin when the
        current year has none yet (the Prime Minister's swaps come each year)."""
        return frozenset(d.year for d in self._overrides)

    def day_off_reason(self, d: date | datetime) -> str | None:
        """Why ``d`` is a day off (override reason, holiday name or "weekend"), or
        ``None`` when it is a working day."""
        day = legal_date(d)
        row = self._overrides.get(day)
        if row is not None:
            return None if row.working else (row.reason or "override")
        if self._is_holidays_workday(day):
            return None
        name = self._holidays.get(day)
        if name is not None:
            return name
        if day.weekday() >= 5:
            return "weekend"
        return None

    # -- the rule -------------------------------------------------------------
    def is_working_day(self, d: date | datetime) -> bool:
        return self.day_off_reason(d) is None

    def _is_holidays_workday(self, day: date) -> bool:
        # Touch the holiday table first: with expand=True this populates the year,
        # which also fills the package's weekend_workdays for that year.
        _ = day in self._holidays
        workdays = getattr(self._holidays, "weekend_workdays", None) or ()
        return day in workdays

    # -- arithmetic -------------------------------------------------------------
    def next_working_day(self, d: date | datetime, *, inclusive: bool = False) -> date:
        """The first working day strictly after ``d`` (or ``d`` itself when
        ``inclusive`` and ``d`` is a working day)."""
        day = legal_date(d)
        if inclusive and self.is_working_day(day):
            return day
        for _ in range(_MAX_DAYS_OFF_RUN):
            day += timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise RuntimeError(f"no working day within {_MAX_DAYS_OFF_RUN} days of {d}")

    def add_working_days(self, start: date | datetime, n: int) -> date:
        """The date on which a period of ``n`` working days that starts with the
        event on ``start`` ends. Counting begins the day after ``start`` (whatever
        kind of day ``start`` is) and only working days count, so the result is
        always a working day. ``n == 0`` gives ``start`` rolled forward to a working
        day; a negative ``n`` counts backwards (e.g. "2 working days before due")."""
        day = legal_date(start)
        if n == 0:
            return self.next_working_day(day, inclusive=True)
        step = timedelta(days=1 if n > 0 else -1)
        remaining = abs(n)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, a: date | datetime, b: date | datetime) -> int:
        """Signed count of working days in (a, b] when b > a, minus the count in
        (b, a] when b < a; 0 when they are the same day.

        With ``a`` = today and ``b`` = the due date: a positive result reads
        "còn N ngày làm việc", 0 is "đến hạn hôm nay", a negative one is "quá hạn N
        ngày làm việc". It is the inverse of ``add_working_days``:
        ``working_days_between(s, add_working_days(s, n)) == n`` for n >= 1."""
        da, db = legal_date(a), legal_date(b)
        if da == db:
            return 0
        sign = 1 if db > da else -1
        lo, hi = (da, db) if sign > 0 else (db, da)
        count = 0
        day = lo + timedelta(days=1)
        while day <= hi:
            if self.is_working_day(day):
                count += 1
            day += timedelta(days=1)
        return sign * count

    def add_calendar_days(self, start: date | datetime, n: int) -> date:
        """End of a period of ``n`` (calendar) days after the event on ``start``
        (Civil Code 2015, Art. 147-148): the first counted day is the day after the
        event, so the last day is ``start + n``; when that is a day off, the period
        runs to the next working day."""
        if n < 0:
            raise ValueError("a legal period has a non-negative length")
        return self.next_working_day(legal_date(start) + timedelta(days=n), inclusive=True)

    def end_of_day_utc(self, d: date | datetime) -> datetime:
        return end_of_day_utc(d)


def _parse_overrides(data: dict, origin: str) -> list[Override]:
    rows = data.get("override", [])
    if not isinstance(rows, list):
        raise ValueError(f"{origin}: 'override' must be an array of tables ([[override]])")
    out: list[Override] = []
    for i, row in enumerate(rows):
        unknown = set(row) - {"day", "working", "reason"}
        if unknown:
            raise ValueError(f"{origin}: override #{i + 1}: unknown keys {sorted(unknown)}")
        day, working = row.get("day"), row.get("working")
        if isinstance(day, datetime) or not isinstance(day, date):
            raise ValueError(f"{origin}: override #{i + 1}: 'day' must be a TOML date")
        if not isinstance(working, bool):
            raise ValueError(f"{origin}: override #{i + 1}: 'working' must be true or false")
        out.append(Override(day=day, working=working, reason=str(row.get("reason", ""))))
    return out


def load_overrides(path: str | Path | None = None) -> list[Override]:
    """Read override rows from a TOML file (default: the shipped table)."""
    if path is None:
        ref = resources.files("triage").joinpath(_DEFAULT_OVERRIDES)
        text, origin = ref.read_text(encoding="utf-8"), str(ref)
    else:
        text, origin = Path(path).read_text(encoding="utf-8"), str(path)
    return _parse_overrides(tomllib.loads(text), origin)


def default_calendar() -> WorkingCalendar:
    """A calendar with the shipped override table. Reads a file: call it where the
    calendar is needed (once per process or job), not at import time."""
    return WorkingCalendar(load_overrides())
