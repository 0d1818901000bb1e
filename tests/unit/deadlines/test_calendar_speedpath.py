"""The table-based WorkingCalendar against a naive day-by-day reference.

The reference walks one day at a time and asks ``is_working_day``, which the table
answers too, so its own answers are pinned first: the 2026 swaps (docs/legal-deadlines.md), Tết
2026 and 2027 as ``holidays`` VN gives them, 24/11, the new year. Then the fast
``add_working_days`` / ``working_days_between`` / ``add_calendar_days`` /
``next_working_day`` must give the reference's answers on many seeded random starts
and N in [-40, 400] over 2025-2028, and far outside the first built range. No timing
assertions: the figures are in bench/calendar_bench.py and BENCHMARKS.md.
"""

import random
import threading
from datetime import UTC, date, datetime, timedelta

import holidays
import pytest

from core.vietnamese import legal_date
from triage.deadlines.calendar import Override, WorkingCalendar, default_calendar

ONE = timedelta(days=1)


# -- the naive reference ---------------------------------------------------------
def ref_next_working_day(cal, d, inclusive=False):
    day = legal_date(d)
    if inclusive and cal.is_working_day(day):
        return day
    while True:
        day += ONE
        if cal.is_working_day(day):
            return day


def ref_add_working_days(cal, start, n):
    day = legal_date(start)
    if n == 0:
        return ref_next_working_day(cal, day, inclusive=True)
    step = ONE if n > 0 else -ONE
    remaining = abs(n)
    while remaining:
        day += step
        if cal.is_working_day(day):
            remaining -= 1
    return day


def ref_working_days_between(cal, a, b):
    da, db = legal_date(a), legal_date(b)
    sign = 1 if db > da else -1
    lo, hi = min(da, db), max(da, db)
    count, day = 0, lo + ONE
    while day <= hi:
        count += cal.is_working_day(day)
        day += ONE
    return sign * count


def ref_add_calendar_days(cal, start, n):
    return ref_next_working_day(cal, legal_date(start) + timedelta(days=n), inclusive=True)


def check_agrees(cal, start, n):
    """All four operations from ``start`` with ``n`` agree with the reference."""
    expected = ref_add_working_days(cal, start, n)
    assert cal.add_working_days(start, n) == expected, (start, n)
    if n >= 1:
        assert cal.working_days_between(start, expected) == n
    end = legal_date(start) + timedelta(days=n)
    assert cal.working_days_between(start, end) == ref_working_days_between(cal, start, end), (start, n)
    assert cal.working_days_between(end, start) == -ref_working_days_between(cal, start, end), (start, n)
    if n >= 0:
        assert cal.add_calendar_days(start, n) == ref_add_calendar_days(cal, start, n), (start, n)
    assert cal.next_working_day(start) == ref_next_working_day(cal, start), start
    assert cal.next_working_day(start, inclusive=True) == ref_next_working_day(cal, start, True), start


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return default_calendar()


# -- the reference's own answers on the days that matter -------------------------
def test_holidays_package_knows_tet_2027():
    # What holidays VN says (0.109): 29 Tết Thu 4/2 to Mùng năm Wed 10/2/2027.
    vn = holidays.country_holidays("VN", observed=True, years=2027)
    tet = sorted(d for d, name in vn.items() if d.month == 2 and "Tết" in name)
    assert tet == [date(2027, 2, d) for d in range(4, 11)]


def test_tet_2027_in_the_calendar(cal):
    # Thu 4/2 .. Wed 10/2 off (6-7/2 is a weekend anyway); Wed 3/2 and Thu 11/2 worked.
    for d in range(4, 11):
        assert not cal.is_working_day(date(2027, 2, d)), d
    assert cal.is_working_day(date(2027, 2, 3))
    assert cal.is_working_day(date(2027, 2, 11))
    # Received Wed 3/2: 11/2 (1), 12/2 (2), Mon 15/2 (3).
    assert cal.add_working_days(date(2027, 2, 3), 3) == date(2027, 2, 15)
    assert cal.add_working_days(date(2027, 2, 11), -1) == date(2027, 2, 3)
    assert cal.working_days_between(date(2027, 2, 3), date(2027, 2, 11)) == 1


def test_tet_2026_and_swaps_in_the_calendar(cal):
    assert not cal.is_working_day(date(2026, 1, 2))  # Friday off (swap)
    assert cal.is_working_day(date(2026, 1, 10))  # Saturday worked
    assert not cal.is_working_day(date(2026, 8, 31))  # Monday off (swap)
    assert cal.is_working_day(date(2026, 8, 22))  # Saturday worked
    assert not cal.is_working_day(date(2026, 11, 24))
    assert all(not cal.is_working_day(date(2026, 2, d)) for d in range(14, 23))
    assert cal.is_working_day(date(2026, 2, 13)) and cal.is_working_day(date(2026, 2, 23))
    # Across the swaps: Wed 31/12/2025 -> 1/1, 2/1 off, Mon 5/1 (1) .. Fri 9/1 (5),
    # Sat 10/1 (6), Mon 12/1 (7).
    assert cal.add_working_days(date(2025, 12, 31), 7) == date(2026, 1, 12)
    assert cal.add_working_days(date(2026, 1, 12), -7) == date(2025, 12, 31)
    # Fri 21/8: Sat 22/8 (1), 24-28/8 (2-6), 31/8, 1-2/9 off, Thu 3/9 (7).
    assert cal.add_working_days(date(2026, 8, 21), 7) == date(2026, 9, 3)
    # Tết 2026: Fri 13/2 -> Mon 23/2 is the next working day; (13/2, 23/2] holds 1.
    assert cal.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    assert cal.working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1
    assert cal.add_calendar_days(date(2026, 2, 4), 10) == date(2026, 2, 23)


def test_day_off_reasons_from_the_table(cal):
    assert cal.day_off_reason(date(2026, 1, 2)).startswith("Nghỉ Tết Dương lịch")
    assert cal.day_off_reason(date(2026, 1, 10)) is None
    assert cal.day_off_reason(date(2027, 2, 8)) == "Mùng ba Tết Nguyên Đán"
    assert cal.day_off_reason(date(2026, 1, 3)) == "weekend"
    assert cal.day_off_reason(date(2026, 11, 24)) == "Ngày Văn hóa Việt Nam"


# -- fast path == reference ----------------------------------------------------------
SPECIAL_STARTS = [
    # 2026 swaps and their neighbours
    date(2025, 12, 29),
    date(2025, 12, 31),
    date(2026, 1, 1),
    date(2026, 1, 2),
    date(2026, 1, 9),
    date(2026, 1, 10),
    date(2026, 1, 11),
    date(2026, 8, 20),
    date(2026, 8, 21),
    date(2026, 8, 22),
    date(2026, 8, 28),
    date(2026, 8, 31),
    date(2026, 9, 2),
    date(2026, 9, 3),
    # Tết 2026 and 2027
    date(2026, 2, 12),
    date(2026, 2, 13),
    date(2026, 2, 14),
    date(2026, 2, 18),
    date(2026, 2, 22),
    date(2026, 2, 23),
    date(2027, 2, 2),
    date(2027, 2, 3),
    date(2027, 2, 4),
    date(2027, 2, 7),
    date(2027, 2, 10),
    date(2027, 2, 11),
    # 24/11 and new years
    date(2026, 11, 20),
    date(2026, 11, 23),
    date(2026, 11, 24),
    date(2027, 11, 23),
    date(2026, 12, 30),
    date(2026, 12, 31),
    date(2027, 1, 1),
    date(2027, 12, 31),
    date(2028, 1, 1),
    date(2028, 1, 3),
    date(2028, 12, 29),
]
N_SPECIAL = [-40, -7, -1, 0, 1, 2, 5, 7, 10, 15, 30, 45, 60, 250, 400]


@pytest.mark.parametrize("start", SPECIAL_STARTS, ids=str)
def test_special_starts_agree_with_reference(cal, start):
    for n in N_SPECIAL:
        check_agrees(cal, start, n)


def test_random_starts_agree_with_reference(cal):
    rng = random.Random(20260214)
    first, last = date(2025, 1, 1).toordinal(), date(2028, 12, 31).toordinal()
    for _ in range(1500):
        start = date.fromordinal(rng.randint(first, last))
        n = rng.randint(-40, 400) if rng.random() < 0.3 else rng.randint(-40, 40)
        check_agrees(cal, start, n)


def test_random_spans_agree_with_reference(cal):
    rng = random.Random(4)
    first, last = date(2025, 1, 1).toordinal(), date(2028, 12, 31).toordinal()
    for _ in range(500):
        a = date.fromordinal(rng.randint(first, last))
        b = date.fromordinal(rng.randint(first, last))
        assert cal.working_days_between(a, b) == (ref_working_days_between(cal, a, b) if a != b else 0)


def test_every_start_over_the_new_year_and_tet(cal):
    # Every day from mid-December 2026 to the end of February 2027, N -40..40.
    day = date(2026, 12, 15)
    while day <= date(2027, 2, 28):
        for n in range(-40, 41, 3):
            check_agrees(cal, day, n)
        day += ONE


def test_aware_datetime_starts(cal):
    # 31/12/2026 20:00 UTC is already 1/1/2027 in Vietnam.
    ts = datetime(2026, 12, 31, 20, 0, tzinfo=UTC)
    assert cal.add_working_days(ts, 1) == ref_add_working_days(cal, date(2027, 1, 1), 1)
    assert cal.working_days_between(ts, date(2027, 1, 8)) == ref_working_days_between(
        cal, date(2027, 1, 1), date(2027, 1, 8)
    )
    with pytest.raises(ValueError, match="naive"):
        cal.add_working_days(datetime(2026, 12, 31, 20, 0), 1)


# -- lazy extension of the table -------------------------------------------------------
def test_lazy_extension_far_outside_the_first_range():
    c = default_calendar()
    assert c.add_working_days(date(2026, 2, 12), 7) == date(2026, 3, 2)  # builds around 2026
    first_range = (c._table.first, c._table.last)
    assert first_range[1] < 2031
    # 2031: outside the first range; the package and weekend rule still apply there.
    rng = random.Random(2031)
    for _ in range(200):
        start = date(2031, 1, 1) + timedelta(days=rng.randint(0, 364))
        check_agrees(c, start, rng.randint(-40, 400))
    assert c._table.last >= 2031
    assert not c.is_working_day(date(2031, 9, 2))  # Quốc khánh
    assert not c.is_working_day(date(2031, 11, 24))
    # Backwards before the range, and a period running off the end of the table.
    for start, n in [(date(2019, 6, 3), -40), (date(2019, 1, 2), 400), (date(2010, 1, 4), -5)]:
        check_agrees(c, start, n)
    last = c._table.last
    end = c.add_working_days(date(last, 12, 20), 1000)
    assert end.year > last and end == ref_add_working_days(c, date(last, 12, 20), 1000)
    assert c.working_days_between(date(2026, 1, 1), date(2040, 1, 1)) == ref_working_days_between(
        c, date(2026, 1, 1), date(2040, 1, 1)
    )
    # The 2026 answers did not move when the table grew.
    assert c.add_working_days(date(2026, 2, 12), 7) == date(2026, 3, 2)
    assert c.add_working_days(date(2026, 8, 21), 5) == date(2026, 8, 27)


def test_first_query_far_away_then_back():
    c = WorkingCalendar([Override(date(2031, 3, 4), False, "test"), Override(date(2031, 3, 8), True, "test")])
    assert not c.is_working_day(date(2031, 3, 4)) and c.is_working_day(date(2031, 3, 8))
    assert c.day_off_reason(date(2031, 3, 4)) == "test"
    check_agrees(c, date(2031, 3, 3), 5)
    check_agrees(c, date(2026, 2, 12), 7)
    assert c.add_working_days(date(2026, 2, 12), 7) == date(2026, 3, 2)  # Tết from the package alone
    check_agrees(c, date(2031, 3, 9), -5)


def test_long_run_of_days_off_from_overrides():
    # 40 extra days off: the table must walk past them like the reference.
    rows = [Override(date(2027, 3, 1) + timedelta(days=i), False, "test") for i in range(40)]
    c = WorkingCalendar(rows)
    for start in (date(2027, 2, 26), date(2027, 3, 1), date(2027, 3, 20), date(2027, 4, 9)):
        for n in (-3, 0, 1, 3):
            check_agrees(c, start, n)
    assert c.add_working_days(date(2027, 2, 26), 1) == date(2027, 4, 12)


def test_concurrent_first_use_and_extension():
    c = default_calendar()
    starts = [date(2025 + 3 * i, 6, 2) for i in range(8)]  # each thread wants another range
    errors: list[BaseException] = []
    results: dict[date, date] = {}

    def work(s):
        try:
            for _ in range(20):
                results[s] = c.add_working_days(s, 30)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(s,)) for s in starts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for s in starts:
        assert results[s] == ref_add_working_days(c, s, 30)
