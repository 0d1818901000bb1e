"""Vietnam's days, the one Period, and Vietnamese formatting (core.vietnamese)."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from core.vietnamese import (
    Period,
    format_date,
    format_datetime,
    format_decimal,
    format_int,
    format_number,
    format_percent,
    legal_date,
    today_in_vietnam,
    utc_bounds,
)


def test_the_vietnamese_day_of_an_instant():
    assert legal_date(datetime(2026, 2, 12, 16, 59, tzinfo=UTC)) == date(2026, 2, 12)
    assert legal_date(datetime(2026, 2, 12, 17, 0, tzinfo=UTC)) == date(2026, 2, 13)
    assert legal_date(date(2026, 2, 12)) == date(2026, 2, 12)
    with pytest.raises(ValueError):
        legal_date(datetime(2026, 2, 12, 17, 0))
    assert today_in_vietnam(datetime(2025, 12, 31, 17, 30, tzinfo=UTC)) == date(2026, 1, 1)
    assert today_in_vietnam(datetime(2026, 1, 1, 1, 0, tzinfo=timezone(timedelta(hours=9)))) == date(2025, 12, 31)
    assert utc_bounds(date(2026, 3, 1), date(2026, 3, 31)) == (
        datetime(2026, 2, 28, 17, tzinfo=UTC),
        datetime(2026, 3, 31, 17, tzinfo=UTC),
    )


def test_periods_labels_refs_and_neighbours():
    q = Period.containing("quarter", date(2026, 2, 5))
    assert (q.starts_on, q.ends_on, q.label, q.ref, q.slug) == (
        date(2026, 1, 1),
        date(2026, 3, 31),
        "Quý I/2026",
        "2026-Q1",
        "quy-1-2026",
    )
    assert q.previous() == Period("quarter", date(2025, 10, 1), date(2025, 12, 31))
    assert q.previous().label == "Quý IV/2025" and q.next().label == "Quý II/2026"
    assert [Period.parse("quarter", f"2026-Q{n}").label for n in (2, 3, 4)] == [
        "Quý II/2026",
        "Quý III/2026",
        "Quý IV/2026",
    ]
    feb = Period.parse("month", "2024-02")
    assert (feb.ends_on, feb.label, feb.ref, feb.days) == (date(2024, 2, 29), "Tháng 2/2024", "2024-02", 29)
    assert Period.parse("year", "2026-03").label == "Năm 2026" and Period.parse("year", "2026").ref == "2026"
    assert Period.parse(q.kind, q.ref) == q
    assert (
        feb.bounds
        == (feb.start_utc, feb.end_utc)
        == (datetime(2024, 1, 31, 17, tzinfo=UTC), datetime(2024, 2, 29, 17, tzinfo=UTC))
    )
    for kind, text in (("week", "2026-01"), ("quarter", "2026-Q5"), ("month", "2026-13"), ("year", "1999")):
        with pytest.raises(ValueError):
            Period.parse(kind, text)


def test_custom_periods():
    p = Period.custom(date(2026, 3, 19), date(2026, 3, 10))
    assert (p.starts_on, p.ends_on, p.days) == (date(2026, 3, 10), date(2026, 3, 19), 10)
    assert p.label == "10/03/2026 – 19/03/2026" and p.ref == ""
    assert p.previous() == Period("custom", date(2026, 2, 28), date(2026, 3, 9))
    assert p.next() == Period("custom", date(2026, 3, 20), date(2026, 3, 29))
    with pytest.raises(ValueError):
        Period.containing("custom", date(2026, 3, 10))


def test_numbers_percentages_and_dates_as_vietnamese_read_them():
    assert format_int(1234567) == "1.234.567" and format_int(-5, signed=True) == "-5"
    assert format_int(12, signed=True) == "+12"
    assert format_decimal(1234.56) == "1.234,6" and format_decimal(-0.25, 2, signed=True) == "-0,25"
    assert [format_number(v) for v in (None, 3, 2.0, 2.5, 12345.0)] == ["–", "3", "2", "2,5", "12.345"]
    assert format_percent(0.125) == "12,5%" and format_percent(None) == "–"
    assert format_percent(0.5, 0, signed=True) == "+50%"
    assert format_date(date(2026, 1, 5)) == "05/01/2026" and format_date(None) == ""
    late = datetime(2026, 1, 31, 17, 30, tzinfo=UTC)  # already 1 February in Vietnam
    assert format_date(late) == "01/02/2026" and format_datetime(late) == "00:30 01/02/2026"
    assert format_datetime(None) == ""


def test_a_day_received_is_never_later_than_now_whatever_the_hour():
    from core.vietnamese import legal_date, received_instant

    for hour in range(24):
        now = datetime(2026, 12, 3, hour, 30, tzinfo=UTC)
        today = legal_date(now)
        assert received_instant(today, now) == now
        earlier = received_instant(date(2026, 11, 20), now)
        assert earlier < now and legal_date(earlier) == date(2026, 11, 20)
