"""WorkingCalendar on the real 2026 civil-servant calendar.

2026 reference (weekdays checked on a wall calendar): 1/1 Thu, 2/1 Fri, 10/1 Sat;
12/2 Thu, 14-15/2 Sat-Sun, Tết 16-20/2 Mon-Fri, 21-22/2 Sat-Sun, 23/2 Mon;
1/3 Sun; 26/4 Sun (Hùng Kings), 27/4 Mon; 30/4 Thu, 1/5 Fri; 22/8 Sat, 28/8 Fri,
31/8 Mon, 1/9 Tue, 2/9 Wed, 3/9 Thu; 20/11 Fri, 24/11 Tue.
"""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from core.vietnamese import legal_date
from triage.deadlines.calendar import (
    Override,
    WorkingCalendar,
    default_calendar,
    end_of_day_utc,
    load_overrides,
)


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return default_calendar()


# The whole 2026 list of docs/legal-deadlines.md, whichever source (package or override) gives it.
DAYS_OFF_2026 = [
    date(2026, 1, 1),
    date(2026, 1, 2),
    *[date(2026, 2, d) for d in range(14, 23)],
    date(2026, 4, 27),
    date(2026, 4, 30),
    date(2026, 5, 1),
    date(2026, 8, 31),
    date(2026, 9, 1),
    date(2026, 9, 2),
    date(2026, 11, 24),
]


@pytest.mark.parametrize("d", DAYS_OFF_2026, ids=str)
def test_2026_days_off(cal, d):
    assert not cal.is_working_day(d)


@pytest.mark.parametrize("d", [date(2026, 1, 10), date(2026, 8, 22)], ids=str)
def test_2026_made_up_saturdays_are_working_days(cal, d):
    assert d.weekday() == 5
    assert cal.is_working_day(d)


def test_ordinary_days(cal):
    assert cal.is_working_day(date(2026, 2, 23))  # Monday after Tết
    assert not cal.is_working_day(date(2026, 1, 3))  # plain Saturday
    assert not cal.is_working_day(date(2026, 8, 23))  # Sunday after the made-up Saturday
    assert cal.day_off_reason(date(2026, 11, 24)) == "Ngày Văn hóa Việt Nam"
    assert cal.day_off_reason(date(2026, 2, 23)) is None


def test_holidays_package_observed_rule_without_overrides():
    # No override rows: the package alone. Hùng Kings day 2026 is Sunday 26/4,
    # observed on Monday 27/4; 1/5/2027 is a Saturday, observed Monday 3/5/2027.
    bare = WorkingCalendar([])
    assert not bare.is_working_day(date(2026, 4, 27))
    assert not bare.is_working_day(date(2027, 5, 3))
    # ... but the package does not know the 2/1/2026 swap: that needs a row.
    assert bare.is_working_day(date(2026, 1, 2))
    assert not bare.is_working_day(date(2026, 1, 10))


def test_overrides_win_over_the_package():
    custom = WorkingCalendar(
        [
            Override(date(2026, 11, 24), True, "test: worked"),
            Override(date(2026, 3, 4), False, "test: extra day off"),
        ]
    )
    assert custom.is_working_day(date(2026, 11, 24))
    assert not custom.is_working_day(date(2026, 3, 4))
    assert custom.day_off_reason(date(2026, 3, 4)) == "test: extra day off"
    assert custom.override_years == {2026}


def test_contradictory_overrides_rejected():
    with pytest.raises(ValueError):
        WorkingCalendar([Override(date(2026, 3, 4), False, "a"), Override(date(2026, 3, 4), True, "b")])


def test_shipped_override_file_parses():
    rows = load_overrides()
    days = {r.day: r.working for r in rows}
    assert days[date(2026, 1, 2)] is False
    assert days[date(2026, 1, 10)] is True
    assert days[date(2026, 8, 22)] is True
    assert all(r.reason for r in rows)


def test_override_file_rejects_bad_rows(tmp_path):
    p = tmp_path / "o.toml"
    p.write_text('[[override]]\nday = "2026-01-02"\nworking = false\n', encoding="utf-8")
    with pytest.raises(ValueError, match="TOML date"):
        load_overrides(p)


def test_working_days_through_tet(cal):
    # Received Thu 12/2; 7 working days from Fri 13/2: 13/2 (1), then 14/2-22/2
    # all off, 23, 24, 25, 26, 27/2 (2-6), Mon 2/3 (7).
    assert cal.add_working_days(date(2026, 2, 12), 7) == date(2026, 3, 2)


def test_working_days_over_national_day(cal):
    # Received Fri 28/8; 29-30/8 weekend, 31/8, 1/9, 2/9 off; 3/9 (1), 4/9 (2),
    # 7/9 (3), 8/9 (4), 9/9 (5).
    assert cal.add_working_days(date(2026, 8, 28), 5) == date(2026, 9, 9)


def test_made_up_saturday_counts(cal):
    # Received Fri 21/8; Sat 22/8 is worked (1), Mon 24 (2), 25 (3), 26 (4),
    # Thu 27/8 (5). Without the swap it would be Fri 28/8.
    assert cal.add_working_days(date(2026, 8, 21), 5) == date(2026, 8, 27)


def test_culture_day_24_11(cal):
    # Received Fri 20/11; Mon 23 (1), Tue 24 off, 25 (2), 26 (3), 27 (4), Mon 30/11 (5).
    assert cal.add_working_days(date(2026, 11, 20), 5) == date(2026, 11, 30)


def test_received_on_a_day_off(cal):
    # Received Sat 14/2 (Tết): the next working day, Mon 23/2, is day 1.
    assert cal.add_working_days(date(2026, 2, 14), 1) == date(2026, 2, 23)
    assert cal.add_working_days(date(2026, 2, 14), 0) == date(2026, 2, 23)
    assert cal.add_working_days(date(2026, 2, 23), 0) == date(2026, 2, 23)


def test_negative_working_days(cal):
    # Two working days before Mon 23/2: Fri 13/2 (1), Thu 12/2 (2).
    assert cal.add_working_days(date(2026, 2, 23), -2) == date(2026, 2, 12)


def test_working_days_between_is_signed(cal):
    # (28/8, 3/9] holds one working day, 3/9.
    assert cal.working_days_between(date(2026, 8, 28), date(2026, 9, 3)) == 1
    # Today 3/9, due 9/9: 4, 7, 8, 9/9 -> "còn 4 ngày làm việc".
    assert cal.working_days_between(date(2026, 9, 3), date(2026, 9, 9)) == 4
    # Today 9/9, due 3/9: "quá hạn 4 ngày làm việc".
    assert cal.working_days_between(date(2026, 9, 9), date(2026, 9, 3)) == -4
    assert cal.working_days_between(date(2026, 9, 9), date(2026, 9, 9)) == 0


def test_working_days_between_inverts_add(cal):
    start = date(2026, 1, 1)
    for offset in range(0, 365, 3):
        s = start + timedelta(days=offset)
        for n in (1, 5, 7, 10, 15):
            assert cal.working_days_between(s, cal.add_working_days(s, n)) == n


def test_calendar_days_ending_on_sunday_roll_to_monday(cal):
    # Fri 30/1 + 30 days = Sun 1/3 -> Mon 2/3 (Civil Code Art. 148).
    assert cal.add_calendar_days(date(2026, 1, 30), 30) == date(2026, 3, 2)


def test_calendar_days_ending_in_tet_roll_past_it(cal):
    # Fri 16/1 + 30 days = Sun 15/2, inside Tết 14-22/2 -> Mon 23/2.
    assert cal.add_calendar_days(date(2026, 1, 16), 30) == date(2026, 2, 23)


def test_calendar_days_ending_on_working_day(cal):
    # Mon 2/3 + 30 = Wed 1/4, a working day.
    assert cal.add_calendar_days(date(2026, 3, 2), 30) == date(2026, 4, 1)


def test_calendar_days_ending_on_made_up_saturday(cal):
    # Thu 23/7 + 30 = Sat 22/8, a worked Saturday: the period ends there.
    assert cal.add_calendar_days(date(2026, 7, 23), 30) == date(2026, 8, 22)


def test_next_working_day(cal):
    assert cal.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)
    assert cal.next_working_day(date(2026, 2, 23)) == date(2026, 2, 24)
    assert cal.next_working_day(date(2026, 2, 23), inclusive=True) == date(2026, 2, 23)
    assert cal.next_working_day(date(2026, 8, 21)) == date(2026, 8, 22)


def test_utc_late_evening_is_next_vietnamese_day(cal):
    # 12/2 23:30 UTC = 13/2 06:30 in Vietnam (UTC+7): the period counts from 14/2,
    # so 7 working days end on Tue 3/3 instead of Mon 2/3.
    late = datetime(2026, 2, 12, 23, 30, tzinfo=UTC)
    assert legal_date(late) == date(2026, 2, 13)
    assert cal.add_working_days(late, 7) == date(2026, 3, 3)
    # 16:59 UTC is still 23:59 on 12/2 in Vietnam; 17:00 UTC is already 13/2.
    assert legal_date(datetime(2026, 2, 12, 16, 59, tzinfo=UTC)) == date(2026, 2, 12)
    assert legal_date(datetime(2026, 2, 12, 17, 0, tzinfo=UTC)) == date(2026, 2, 13)
    # Any aware timezone works.
    assert legal_date(datetime(2026, 2, 13, 1, 0, tzinfo=timezone(timedelta(hours=9)))) == date(2026, 2, 12)


def test_naive_datetime_refused(cal):
    with pytest.raises(ValueError, match="naive"):
        cal.is_working_day(datetime(2026, 2, 12, 10, 0))


def test_end_of_day_utc():
    # The day 2/3/2026 ends at 23:59:59.999999 in Vietnam = 16:59:59.999999 UTC.
    eod = end_of_day_utc(date(2026, 3, 2))
    assert eod == datetime(2026, 3, 2, 16, 59, 59, 999999, tzinfo=UTC)
    assert eod.utcoffset() == timedelta(0)
    assert datetime(2026, 3, 2, 17, 0, tzinfo=UTC) > eod  # 00:00 on 3/3 in Vietnam: late
