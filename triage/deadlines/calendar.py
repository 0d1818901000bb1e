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
   loads the shipped ``triage/deadlines/data/calendar_overrides.toml``; an admin-editable
   table can pass its own rows;
2. the ``holidays`` package, country "VN": the Labour Code Art. 112 holidays with
   the observed rule (a holiday on a weekend moves to the next working day) and,
   where the package knows them, its own swapped weekend working days;
3. Saturday and Sunday are days off, every other day is a working day.

Times: every input may be a ``date`` or a timezone-aware ``datetime`` (UTC in the
database). The legal day is the date in Asia/Ho_Chi_Minh (``core.vietnamese.legal_date``), so a report received at
23:30 UTC already counts from the next Vietnamese day. Naive datetimes are refused.
A deadline falls due at the end of its Vietnamese day: see ``end_of_day_utc``.
"""

from __future__ import annotations

import threading
import tomllib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, UTC, date, datetime, time, timedelta
from importlib import resources
from itertools import accumulate, compress
from pathlib import Path

import holidays

from core.vietnamese import VN_TZ, legal_date

__all__ = [
    "Override",
    "WorkingCalendar",
    "default_calendar",
    "end_of_day_utc",
    "load_overrides",
]

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


def end_of_day_utc(d: date | datetime) -> datetime:
    """The last instant (23:59:59.999999 Vietnamese time) of the legal day ``d``,
    as an aware UTC datetime. A clock due on ``d`` is overdue once
    ``now > end_of_day_utc(d)``."""
    day = legal_date(d)
    return datetime.combine(day, time.max, tzinfo=VN_TZ).astimezone(UTC)


@dataclass(frozen=True, slots=True)
class _Year:
    """The status of every day of one year, from the rule (overrides, ``holidays``,
    weekend): ``working`` has one byte (1 = working) per day from 1 January;
    ``reasons`` maps the ordinal of each day off that is not a plain weekend to its
    reason."""

    working: bytes
    reasons: dict[int, str]


class _Table:
    """An immutable snapshot of the calendar over whole years ``first``..``last``.

    Indexes are ``ordinal - base`` (``base`` = ordinal of 1 January of ``first``):

    * ``working[i]``: 1 when the day is a working day, else 0;
    * ``cum[i]``: number of working days in [1/1/first, day i] (inclusive);
    * ``days``: the ordinals of the working days, ascending, so that the k-th
      working day of the table is ``days[k]`` and the working days up to day i are
      ``days[:cum[i]]``;
    * ``reasons``: why a day off is off (ordinal -> text), for the days off that are
      not plain weekends (a day off missing from it is a "weekend").

    Compact (about 8 bytes a day): arrays of 32-bit integers, not lists of Python
    objects, so even a table stretched over centuries by a stray date stays small.
    A new table is built (under the calendar's lock) when a query leaves the range,
    and swapped in with one attribute assignment; readers take one reference to the
    table and use only it, so a concurrent extension never mixes two tables.
    """

    __slots__ = ("first", "last", "base", "end", "working", "cum", "days", "reasons")

    def __init__(self, first: int, last: int, years: dict[int, _Year]) -> None:
        self.first, self.last = first, last
        self.base = date(first, 1, 1).toordinal()
        self.end = date(last, 12, 31).toordinal()  # inclusive
        self.working = b"".join(years[y].working for y in range(first, last + 1))
        self.cum = array("i", accumulate(self.working))
        self.days = array("i", compress(range(self.base, self.end + 1), self.working))
        self.reasons: dict[int, str] = {}
        for y in range(first, last + 1):
            self.reasons.update(years[y].reasons)


# Years built around the first date a calendar is asked about; the range then grows
# on demand (whole years, contiguous), with no fixed limit.
_INITIAL_YEARS_BEFORE = 1
_INITIAL_YEARS_AFTER = 3


class WorkingCalendar:
    """Vietnamese civil-servant working days: overrides, then ``holidays`` VN, then
    the Saturday/Sunday weekend.

    Implementation: the status of every day of a contiguous range of whole years is
    computed once (the only place the override table and the ``holidays`` package are
    consulted) into a table of working-day flags, cumulative working-day counts and
    the sorted list of working days (see ``_Table``). Every query is then O(1):
    ``add_working_days`` is one count lookup plus an index into the working-day list,
    ``working_days_between`` the difference of two counts. The range is built lazily
    around the first date asked and extended, under a lock, when a query (or the end
    of a long period) falls outside it.
    """

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
        self._lock = threading.Lock()
        self._years: dict[int, _Year] = {}  # built years, kept for re-use
        self._table: _Table | None = None

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
        o = legal_date(d).toordinal()
        t = self._table
        if t is None or not t.base <= o <= t.end:
            t = self._cover(o, o)
        if t.working[o - t.base]:
            return None
        return t.reasons.get(o, "weekend")

    # -- the rule -------------------------------------------------------------
    def is_working_day(self, d: date | datetime) -> bool:
        o = legal_date(d).toordinal()
        t = self._table
        if t is None or not t.base <= o <= t.end:
            t = self._cover(o, o)
        return t.working[o - t.base] == 1

    def _slow_day_off_reason(self, day: date) -> str | None:
        # The rule itself, day by day; used only to build the table.
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

    def _is_holidays_workday(self, day: date) -> bool:
        # Touch the holiday table first: with expand=True this populates the year,
        # which also fills the package's weekend_workdays for that year.
        _ = day in self._holidays
        workdays = getattr(self._holidays, "weekend_workdays", None) or ()
        return day in workdays

    # -- the table ------------------------------------------------------------
    def _cover(self, lo: int, hi: int) -> _Table:
        """The table, extended if needed so that ordinals ``lo``..``hi`` are inside."""
        with self._lock:
            t = self._table
            if t is not None and t.base <= lo and hi <= t.end:
                return t  # another thread extended it meanwhile
            y_lo, y_hi = date.fromordinal(lo).year, date.fromordinal(hi).year
            if t is None:
                first = max(MINYEAR, y_lo - _INITIAL_YEARS_BEFORE)
                last = min(MAXYEAR, y_hi + _INITIAL_YEARS_AFTER)
            else:
                first, last = min(t.first, y_lo), max(t.last, y_hi)
            for year in range(first, last + 1):
                if year not in self._years:
                    self._years[year] = self._build_year(year)
            t = _Table(first, last, self._years)
            self._table = t
            return t

    def _build_year(self, year: int) -> _Year:
        working = bytearray()
        reasons: dict[int, str] = {}
        for ordinal in range(date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal() + 1):
            day = date.fromordinal(ordinal)
            reason = self._slow_day_off_reason(day)
            working.append(reason is None)
            if reason is not None and reason != "weekend":
                reasons[ordinal] = reason
        return _Year(bytes(working), reasons)

    def _extend_for_index(self, t: _Table, k: int) -> _Table:
        """A table whose ``days`` list has an index ``k`` (of the current table's
        numbering when k >= 0; before its first working day when k < 0). Returns the
        new table; callers recompute their indexes against it."""
        if k >= len(t.days):
            # ~250 working days a year: enough years for the missing ones, plus one.
            years = (k - len(t.days)) // 200 + 1
            if t.last + years > MAXYEAR:
                if t.last == MAXYEAR:
                    raise OverflowError("date value out of range")
                years = MAXYEAR - t.last
            return self._cover(t.base, date(t.last + years, 12, 31).toordinal())
        years = (-k) // 200 + 1
        if t.first - years < MINYEAR:
            if t.first == MINYEAR:
                raise OverflowError("date value out of range")
            years = t.first - MINYEAR
        return self._cover(date(t.first - years, 1, 1).toordinal(), t.end)

    # -- arithmetic -------------------------------------------------------------
    def next_working_day(self, d: date | datetime, *, inclusive: bool = False) -> date:
        """The first working day strictly after ``d`` (or ``d`` itself when
        ``inclusive`` and ``d`` is a working day)."""
        o = legal_date(d).toordinal()
        t = self._table
        if t is None or not t.base <= o <= t.end:
            t = self._cover(o, o)
        while True:
            i = o - t.base
            # Working days strictly before d, plus d itself when it is not to be
            # returned: the index of the answer in t.days.
            k = t.cum[i] - t.working[i] if inclusive else t.cum[i]
            if k < len(t.days):
                break
            t = self._extend_for_index(t, k)
        result = t.days[k]
        if result - o > _MAX_DAYS_OFF_RUN:  # the bound of the former day-by-day walk
            raise RuntimeError(f"no working day within {_MAX_DAYS_OFF_RUN} days of {d}")
        return date.fromordinal(result)

    def add_working_days(self, start: date | datetime, n: int) -> date:
        """The date on which a period of ``n`` working days that starts with the
        event on ``start`` ends. Counting begins the day after ``start`` (whatever
        kind of day ``start`` is) and only working days count, so the result is
        always a working day. ``n == 0`` gives ``start`` rolled forward to a working
        day; a negative ``n`` counts backwards (e.g. "2 working days before due")."""
        if n == 0:
            return self.next_working_day(start, inclusive=True)
        o = legal_date(start).toordinal()
        t = self._table
        if t is None or not t.base <= o <= t.end:
            t = self._cover(o, o)
        while True:
            i = o - t.base
            # n > 0: the working days up to d are days[:cum]; the n-th after d is
            # days[cum + n - 1]. n < 0: those strictly before d are
            # days[:cum - working]; the |n|-th before d is days[cum - working + n].
            k = t.cum[i] + n - 1 if n > 0 else t.cum[i] - t.working[i] + n
            if 0 <= k < len(t.days):
                return date.fromordinal(t.days[k])
            t = self._extend_for_index(t, k)

    def working_days_between(self, a: date | datetime, b: date | datetime) -> int:
        """Signed count of working days in (a, b] when b > a, minus the count in
        (b, a] when b < a; 0 when they are the same day.

        With ``a`` = today and ``b`` = the due date: a positive result reads
        "còn N ngày làm việc", 0 is "đến hạn hôm nay", a negative one is "quá hạn N
        ngày làm việc". It is the inverse of ``add_working_days``:
        ``working_days_between(s, add_working_days(s, n)) == n`` for n >= 1."""
        oa, ob = legal_date(a).toordinal(), legal_date(b).toordinal()
        if oa == ob:
            return 0
        t = self._table
        if t is None or not (t.base <= oa <= t.end and t.base <= ob <= t.end):
            t = self._cover(min(oa, ob), max(oa, ob))
        # Working days in (a, b] = cum[b] - cum[a]; negative when b < a, which is
        # exactly minus the count in (b, a].
        return t.cum[ob - t.base] - t.cum[oa - t.base]

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
        ref = resources.files("triage.deadlines").joinpath(_DEFAULT_OVERRIDES)
        text, origin = ref.read_text(encoding="utf-8"), str(ref)
    else:
        text, origin = Path(path).read_text(encoding="utf-8"), str(path)
    return _parse_overrides(tomllib.loads(text), origin)


def default_calendar() -> WorkingCalendar:
    """A calendar with the shipped override table. Reads a file: call it where the
    calendar is needed (once per process or job), not at import time."""
    return WorkingCalendar(load_overrides())
