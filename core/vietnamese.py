"""Vietnam's time zone, "today" in Vietnam, periods, and Vietnamese number/date/percent formatting.

Time: timestamps are UTC in the database; a legal day, a report's date and every period are days in
Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving since 1975). `legal_date` turns an aware datetime into
that day, `today_in_vietnam` is the current one, and `utc_bounds` gives the half-open UTC range of a run of
Vietnamese days (what a `received_at >= lo AND received_at < hi` query needs).

Periods: one `Period` (month, quarter, year, or custom dates) for the dashboard, the periodic reports, the
exports, the public page and the statistics: `containing`, `parse`, `custom`, `previous`, `next`, its
Vietnamese `label` ("Tháng 3/2026", "Quý I/2026" with the Roman numerals of official reports, "Năm 2026"),
its `ref` for URLs ("2026-03", "2026-Q1", "2026"), its `slug` for file names and its UTC `bounds`.

Formatting, as staff and citizens read it: "." between thousands, "," before decimals ("1.234", "12,5%"),
dates as dd/mm/yyyy, times as "HH:MM dd/mm/yyyy" in Vietnam; a missing figure is "–".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = [
    "MISSING",
    "PERIOD_KINDS",
    "PERIOD_NAMES",
    "VN_TZ",
    "VN_TZ_NAME",
    "Period",
    "format_date",
    "format_datetime",
    "format_decimal",
    "format_int",
    "format_number",
    "format_percent",
    "legal_date",
    "received_instant",
    "today_in_vietnam",
    "utc_bounds",
]

VN_TZ_NAME = "Asia/Ho_Chi_Minh"
VN_TZ = ZoneInfo(VN_TZ_NAME)


# -- time ------------------------------------------------------------------------------------------------------------


def legal_date(value: date | datetime) -> date:
    """The Vietnamese calendar date of ``value``.

    A ``date`` is taken as already Vietnamese. An aware ``datetime`` is converted
    to Asia/Ho_Chi_Minh (UTC+7) first. A naive ``datetime`` is ambiguous and raises
    ``ValueError``.
    """
    if isinstance(value, datetime):  # datetime is a subclass of date: test it first
        if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
            raise ValueError(
                f"naive datetime {value.isoformat()}: pass a timezone-aware datetime (UTC from the database) or a date"
            )
        return value.astimezone(VN_TZ).date()
    if isinstance(value, date):
        return value
    raise TypeError(f"expected a date or an aware datetime, got {type(value).__name__}")


def today_in_vietnam(now: datetime | None = None) -> date:
    """Today's date in Vietnam (of `now`, an aware datetime, when given)."""
    return legal_date(now or datetime.now(UTC))


def utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[lo, hi) in UTC covering the Vietnamese days start..end inclusive."""
    lo = datetime.combine(start, time.min, VN_TZ).astimezone(UTC)
    hi = datetime.combine(end + timedelta(days=1), time.min, VN_TZ).astimezone(UTC)
    return lo, hi


def received_instant(day: date, now: datetime) -> datetime:
    """The instant a đơn received on a Vietnamese `day` counts from, as staff record it afterwards: now when it came
    today, else the start of that day in Vietnam (the legal day is all that counts for the clocks). Never later
    than now, whatever the hour."""
    return now if day >= legal_date(now) else utc_bounds(day, day)[0]


# -- periods ---------------------------------------------------------------------------------------------------------

PERIOD_KINDS = ("month", "quarter", "year")
PERIOD_NAMES = {"month": "Tháng", "quarter": "Quý", "year": "Năm"}
_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True, order=True)
class Period:
    """A month, a quarter, a year, or custom dates ("custom"): Vietnamese days, `ends_on` inclusive."""

    kind: str  # month | quarter | year | custom
    starts_on: date
    ends_on: date  # inclusive

    @classmethod
    def containing(cls, kind: str, day: date) -> Period:
        """The month, quarter or year containing `day`."""
        if kind == "month":
            start = day.replace(day=1)
        elif kind == "quarter":
            start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        elif kind == "year":
            start = date(day.year, 1, 1)
        else:
            raise ValueError(f"unknown period {kind!r}")
        year, month = divmod(start.month - 1 + _MONTHS[kind], 12)
        return cls(kind, start, date(start.year + year, month + 1, 1) - timedelta(days=1))

    @classmethod
    def custom(cls, start: date, end: date) -> Period:
        """Any run of days (given in either order)."""
        return cls("custom", min(start, end), max(start, end))

    @classmethod
    def parse(cls, kind: str, text: str) -> Period:
        """From a form or URL: kind and "2026-01", "2026-01-01", "2026-Q1" or "2026" (ValueError otherwise)."""
        text = (text or "").strip()
        if kind not in PERIOD_KINDS:
            raise ValueError(f"unknown period {kind!r}")
        if len(text) == 7 and text[4] == "-" and text[5] in "Qq":
            day = date(int(text[:4]), 3 * (int(text[6]) - 1) + 1, 1)
        elif len(text) == 4:
            day = date(int(text), 1, 1)
        elif len(text) == 7:
            day = date.fromisoformat(text + "-01")
        else:
            day = date.fromisoformat(text)
        if not 2000 <= day.year <= 2100:
            raise ValueError("year out of range")
        return cls.containing(kind, day)

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1

    @property
    def quarter(self) -> int:
        """The quarter (1-4) the period starts in."""
        return (self.starts_on.month - 1) // 3 + 1

    def previous(self) -> Period:
        """The period of the same kind just before (custom: as many days, just before)."""
        if self.kind == "custom":
            end = self.starts_on - timedelta(days=1)
            return Period("custom", end - timedelta(days=self.days - 1), end)
        return Period.containing(self.kind, self.starts_on - timedelta(days=1))

    def next(self) -> Period:
        """The period of the same kind just after (custom: as many days, just after)."""
        if self.kind == "custom":
            start = self.ends_on + timedelta(days=1)
            return Period("custom", start, start + timedelta(days=self.days - 1))
        return Period.containing(self.kind, self.ends_on + timedelta(days=1))

    @property
    def label(self) -> str:
        """ "Tháng 3/2026", "Quý I/2026", "Năm 2026", or "01/03/2026 – 19/03/2026"."""
        if self.kind == "month":
            return f"Tháng {self.starts_on.month}/{self.starts_on.year}"
        if self.kind == "quarter":
            return f"Quý {_ROMAN[self.quarter - 1]}/{self.starts_on.year}"
        if self.kind == "year":
            return f"Năm {self.starts_on.year}"
        return f"{format_date(self.starts_on)} – {format_date(self.ends_on)}"

    @property
    def ref(self) -> str:
        """What `parse` reads back: "2026-03", "2026-Q1", "2026" ("" for custom dates)."""
        if self.kind == "month":
            return f"{self.starts_on:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.starts_on.year}-Q{self.quarter}"
        if self.kind == "year":
            return f"{self.starts_on.year}"
        return ""

    @property
    def slug(self) -> str:
        """For file names: thang-01-2026, quy-1-2026, nam-2026 (custom: 2026-03-10-2026-03-19)."""
        if self.kind == "month":
            return f"thang-{self.starts_on.month:02d}-{self.starts_on.year}"
        if self.kind == "quarter":
            return f"quy-{self.quarter}-{self.starts_on.year}"
        if self.kind == "year":
            return f"nam-{self.starts_on.year}"
        return f"{self.starts_on.isoformat()}-{self.ends_on.isoformat()}"

    @property
    def bounds(self) -> tuple[datetime, datetime]:
        """[start_utc, end_utc): the period's instants in UTC."""
        return utc_bounds(self.starts_on, self.ends_on)

    @property
    def start_utc(self) -> datetime:
        """The first instant of the period in Vietnam, in UTC (received_at >= start_utc)."""
        return self.bounds[0]

    @property
    def end_utc(self) -> datetime:
        """The first instant after the period in Vietnam, in UTC (received_at < end_utc)."""
        return self.bounds[1]

    def is_over(self, today: date) -> bool:
        return self.ends_on < today


# -- formatting ------------------------------------------------------------------------------------------------------

MISSING = "–"
_SEPARATORS = str.maketrans({",": ".", ".": ","})  # Python's 1,234.5 → Vietnamese 1.234,5


def format_int(value: int, *, signed: bool = False) -> str:
    """1234 → "1.234" (signed: "+1.234", "-5", "+0")."""
    return f"{value:{'+' if signed else ''},}".translate(_SEPARATORS)


def format_decimal(value: float, digits: int = 1, *, signed: bool = False) -> str:
    """1234.56 → "1.234,6" with `digits` decimals (signed: a sign always)."""
    return f"{value:{'+' if signed else ''},.{digits}f}".translate(_SEPARATORS)


def format_number(value: float | int | None) -> str:
    """A count or a measure: whole numbers as "1.234", others with one decimal ("2,5"); None: "–"."""
    if value is None:
        return MISSING
    if isinstance(value, float) and not value.is_integer():
        return format_decimal(value, 1)
    return format_int(int(value))


def format_percent(value: float | None, digits: int = 1, *, signed: bool = False) -> str:
    """A rate (0.125) as "12,5%"; None: "–"."""
    if value is None:
        return MISSING
    return format_decimal(value * 100, digits, signed=signed) + "%"


def format_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy; an aware datetime as its day in Vietnam; None: ""."""
    if value is None:
        return ""
    return legal_date(value).strftime("%d/%m/%Y")


def format_datetime(value: datetime | None) -> str:
    """HH:MM dd/mm/yyyy in Vietnam of an aware datetime; None: ""."""
    if value is None:
        return ""
    return value.astimezone(VN_TZ).strftime("%H:%M %d/%m/%Y")
