"""Deadline policy and clock arithmetic on real 2026 dates.

2026 days off used below: Tết 14-22/2 (Sat-Sun); 30/4 Thu, 1/5 Fri; 31/8 Mon,
1-2/9 Tue-Wed; 24/11 Tue. Worked Saturdays: 10/1 and 22/8.
"""

from datetime import UTC, date, datetime
from enum import StrEnum
from importlib import resources

import pytest

from core.vocabulary import Kind
from triage.deadlines.calendar import default_calendar
from triage.deadlines.policy import (
    ClockPlan,
    ExtensionError,
    PolicyError,
    Unit,
    extend,
    load_policy,
    paused_days,
    plan_clocks,
    shift_for_pause,
)


@pytest.fixture(scope="module")
def cal():
    return default_calendar()


@pytest.fixture(scope="module")
def policy():
    return load_policy()


def by_stage(plans: list[ClockPlan]) -> dict[str, ClockPlan]:
    return {p.stage: p for p in plans}


def test_policy_loads_with_version(policy):
    assert policy.version == "2026-07"
    assert {t.key for t in policy.tracks.values()} == {"phan-anh", "khieu-nai-1", "khieu-nai-2", "to-cao"}


def test_to_cao_received_before_tet(cal, policy):
    # Thu 12/2: acceptance 7 working days = 13/2, 23, 24, 25, 26, 27/2, 2/3 -> 2/3.
    # Forward (if not competent) 5 working days = 13/2, 23, 24, 25, 26/2 -> 26/2.
    plans = by_stage(plan_clocks("to-cao", date(2026, 2, 12), cal, policy))
    assert set(plans) == {"acceptance", "forward"}  # nothing counts from acceptance yet
    acc = plans["acceptance"]
    assert acc.due_on == date(2026, 3, 2)
    assert acc.unit == Unit.WORKING_DAYS and acc.amount == 7
    assert acc.label_vi == "Hạn thụ lý"
    assert acc.policy_version == "2026-07"
    assert acc.starts_on == date(2026, 2, 12)
    assert acc.due_at_utc == datetime(2026, 3, 2, 16, 59, 59, 999999, tzinfo=UTC)
    assert plans["forward"].due_on == date(2026, 2, 26)
    assert plans["forward"].condition == "not_competent"


def test_to_cao_several_places(cal, policy):
    # 10 working days from 12/2: ... 2/3 (7), 3/3 (8), 4/3 (9), 5/3 (10).
    acc = by_stage(plan_clocks("to-cao", date(2026, 2, 12), cal, policy, several_places=True))["acceptance"]
    assert acc.due_on == date(2026, 3, 5)
    assert acc.amount == 10 and acc.variant == ("several_places",)


def test_to_cao_received_23_30_utc_is_next_day(cal, policy):
    # 12/2 23:30 UTC = Fri 13/2 in Vietnam: 23, 24, 25, 26, 27/2, 2/3, 3/3 -> 3/3.
    received = datetime(2026, 2, 12, 23, 30, tzinfo=UTC)
    acc = by_stage(plan_clocks("to-cao", received, cal, policy))["acceptance"]
    assert acc.starts_on == date(2026, 2, 13)
    assert acc.due_on == date(2026, 3, 3)


def test_to_cao_resolution_once_accepted(cal, policy):
    # Accepted Mon 2/3: resolution 30 days -> Wed 1/4; reporter notified within 5
    # working days -> 3, 4, 5, 6, 9/3 -> Mon 9/3.
    plans = by_stage(plan_clocks("to-cao", date(2026, 2, 12), cal, policy, accepted_at=date(2026, 3, 2)))
    res = plans["resolution"]
    assert res.starts_on == date(2026, 3, 2)
    assert res.due_on == date(2026, 4, 1)
    assert res.unit == Unit.CALENDAR_DAYS and res.label_vi == "Hạn giải quyết"
    assert plans["notify"].due_on == date(2026, 3, 9)


def test_to_cao_extensions(cal, policy):
    res = by_stage(plan_clocks("to-cao", date(2026, 2, 12), cal, policy, accepted_at=date(2026, 3, 2)))["resolution"]
    # Complex, first extension: 2/3 + 60 = Fri 1/5 (holiday) -> 2-3/5 weekend -> Mon 4/5.
    assert extend(res, 0, policy, cal, "complex") == date(2026, 5, 4)
    # Especially complex, second extension: 2/3 + 90 = Sun 31/5 -> Mon 1/6.
    assert extend(res, 1, policy, cal, "especially_complex") == date(2026, 6, 1)
    # Past the legal limits.
    with pytest.raises(ExtensionError, match="at most 1 time"):
        extend(res, 1, policy, cal, "complex")
    with pytest.raises(ExtensionError, match="at most 2 time"):
        extend(res, 2, policy, cal, "especially_complex")
    with pytest.raises(ExtensionError, match="at most 0 time"):
        extend(res, 0, policy, cal, "normal")
    with pytest.raises(ValueError):
        extend(res, 0, policy, cal, "very_complex")


def test_to_cao_resolution_ending_on_sunday(cal, policy):
    # Accepted Fri 30/1: 30 days -> Sun 1/3 -> Mon 2/3.
    res = by_stage(plan_clocks("to-cao", date(2026, 1, 26), cal, policy, accepted_at=date(2026, 1, 30)))["resolution"]
    assert res.nominal_due_on == date(2026, 3, 1)
    assert res.due_on == date(2026, 3, 2)


def test_khieu_nai_first_instance(cal, policy):
    # Received and accepted Fri 16/1.
    # Acceptance 10 working days: 19, 20, 21, 22, 23, 26, 27, 28, 29, 30/1 -> 30/1.
    # Resolution 30 days: 16/1 + 30 = Sun 15/2 (Tết) -> Mon 23/2.
    # Complex or remote 45: 16/1 + 45 = Mon 2/3. Remote and complex 60: Tue 17/3.
    day = date(2026, 1, 16)
    plain = by_stage(plan_clocks("khieu-nai", day, cal, policy, accepted_at=day))
    assert plain["acceptance"].due_on == date(2026, 1, 30)
    assert plain["resolution"].due_on == date(2026, 2, 23)
    assert plain["resolution"].track == "khieu-nai-1"
    for flags in ({"complex": True}, {"remote": True}):
        res = by_stage(plan_clocks("khieu-nai", day, cal, policy, accepted_at=day, **flags))["resolution"]
        assert (res.amount, res.due_on) == (45, date(2026, 3, 2))
    both = by_stage(plan_clocks("khieu-nai", day, cal, policy, accepted_at=day, remote=True, complex=True))
    assert both["resolution"].amount == 60
    assert both["resolution"].variant == ("complex", "remote")
    assert both["resolution"].due_on == date(2026, 3, 17)


def test_khieu_nai_second_instance(cal, policy):
    # Accepted Fri 16/1. 45 days -> Sun 1/3 -> Mon 2/3; complex 60 -> Tue 17/3;
    # remote and complex 70 -> Fri 27/3.
    day = date(2026, 1, 16)
    res = by_stage(plan_clocks("khieu-nai", day, cal, policy, instance=2, accepted_at=day))["resolution"]
    assert (res.track, res.amount, res.due_on) == ("khieu-nai-2", 45, date(2026, 3, 2))
    res = by_stage(plan_clocks("khieu-nai", day, cal, policy, instance=2, accepted_at=day, complex=True))["resolution"]
    assert res.due_on == date(2026, 3, 17)
    res = by_stage(plan_clocks("khieu-nai", day, cal, policy, instance=2, accepted_at=day, complex=True, remote=True))[
        "resolution"
    ]
    assert (res.amount, res.due_on) == (70, date(2026, 3, 27))


def test_khieu_nai_has_no_extension(cal, policy):
    day = date(2026, 1, 16)
    res = by_stage(plan_clocks("khieu-nai", day, cal, policy, accepted_at=day))["resolution"]
    with pytest.raises(ExtensionError, match="re-plan with"):
        extend(res, 0, policy, cal, "complex")


def test_phan_anh_over_national_day(cal, policy):
    # Received Fri 28/8: 5 working days -> 3, 4, 7, 8, 9/9 -> 9/9 (31/8, 1-2/9 off).
    # Accepted Wed 9/9: resolution 15 working days -> 10, 11 (2), 14-18 (7),
    # 21-25 (12), 28, 29, 30/9 (15) -> Wed 30/9.
    plans = by_stage(plan_clocks(Kind.PHAN_ANH, date(2026, 8, 28), cal, policy, accepted_at=date(2026, 9, 9)))
    assert plans["acceptance"].due_on == date(2026, 9, 9)
    assert plans["resolution"].due_on == date(2026, 9, 30)
    assert plans["resolution"].unit == Unit.WORKING_DAYS


def test_phan_anh_made_up_saturday_and_culture_day(cal, policy):
    # Received Fri 21/8: 22/8 (worked Saturday), 24, 25, 26, 27/8 -> Thu 27/8.
    acc = by_stage(plan_clocks("phan-anh", date(2026, 8, 21), cal, policy))["acceptance"]
    assert acc.due_on == date(2026, 8, 27)
    # Received Fri 20/11: 23, (24 off), 25, 26, 27, 30/11 -> Mon 30/11.
    acc = by_stage(plan_clocks("phan-anh", date(2026, 11, 20), cal, policy))["acceptance"]
    assert acc.due_on == date(2026, 11, 30)


def test_kind_from_another_enum(cal, policy):
    class OtherKind(StrEnum):
        TO_CAO = "to-cao"

    a = plan_clocks(OtherKind.TO_CAO, date(2026, 2, 12), cal, policy)
    b = plan_clocks("to-cao", date(2026, 2, 12), cal, policy)
    assert a == b
    with pytest.raises(ValueError, match="unknown report kind"):
        plan_clocks("khieu-kien", date(2026, 2, 12), cal, policy)
    with pytest.raises(ValueError, match="second instance"):
        plan_clocks("to-cao", date(2026, 2, 12), cal, policy, instance=2)
    with pytest.raises(ValueError, match="before it was received"):
        plan_clocks("to-cao", date(2026, 2, 12), cal, policy, accepted_at=date(2026, 2, 11))


def test_pause_on_working_day_clock(cal, policy):
    # Acceptance of a tố cáo received 12/2 is due Mon 2/3. Paused Tue 24/2, the
    # citizen answered Fri 27/2: (24/2, 27/2] = 25, 26, 27 = 3 working days lost,
    # so the due date moves 3 working days: 3, 4, 5/3 -> Thu 5/3.
    acc = by_stage(plan_clocks("to-cao", date(2026, 2, 12), cal, policy))["acceptance"]
    assert paused_days(date(2026, 2, 24), date(2026, 2, 27), cal, acc.unit) == 3
    assert shift_for_pause(acc.due_on, date(2026, 2, 24), date(2026, 2, 27), cal, acc.unit) == date(2026, 3, 5)
    # A pause over Tết: paused Thu 12/2, resumed Mon 23/2. (12/2, 23/2] holds only
    # two working days, 13/2 and 23/2, so the due date moves 2/3 -> 3/3, 4/3.
    assert shift_for_pause(acc.due_on, date(2026, 2, 12), date(2026, 2, 23), cal, acc.unit) == date(2026, 3, 4)


def test_pause_on_calendar_day_clock(cal, policy):
    # Khiếu nại accepted Fri 16/1: nominal end Sun 15/2, due Mon 23/2. Paused 20/1,
    # resumed 30/1: 10 calendar days lost -> nominal 25/2 (Wed), a working day.
    day = date(2026, 1, 16)
    res = by_stage(plan_clocks("khieu-nai", day, cal, policy, accepted_at=day))["resolution"]
    assert paused_days(date(2026, 1, 20), date(2026, 1, 30), cal, res.unit) == 10
    assert shift_for_pause(res.nominal_due_on, date(2026, 1, 20), date(2026, 1, 30), cal, res.unit) == date(2026, 2, 25)
    # Paused 20/1, resumed 25/1: 5 days -> nominal Fri 20/2 (Tết) -> Mon 23/2.
    assert shift_for_pause(res.nominal_due_on, date(2026, 1, 20), date(2026, 1, 25), cal, res.unit) == date(2026, 2, 23)


def test_pause_edge_cases(cal):
    due = date(2026, 3, 2)
    # Same-day pause and resume: nothing lost.
    assert shift_for_pause(due, date(2026, 2, 24), date(2026, 2, 24), cal, "working_days") == due
    # Paused after the deadline: the delay is not excused.
    assert shift_for_pause(due, date(2026, 3, 3), date(2026, 3, 10), cal, "working_days") == due
    with pytest.raises(ValueError, match="before it was paused"):
        shift_for_pause(due, date(2026, 2, 27), date(2026, 2, 24), cal, "working_days")
    # Pause times as UTC datetimes: 23/2 23:00 UTC is 24/2 in Vietnam, and
    # 27/2 20:00 UTC is 28/2 (Saturday) -> (24/2, 28/2] = 25, 26, 27 = 3 -> 5/3.
    assert shift_for_pause(
        due,
        datetime(2026, 2, 23, 23, 0, tzinfo=UTC),
        datetime(2026, 2, 27, 20, 0, tzinfo=UTC),
        cal,
        "working_days",
    ) == date(2026, 3, 5)


def test_custom_policy_file(tmp_path, cal):
    # A policy with another version and a shorter tố cáo acceptance (5 working
    # days from 12/2: 13/2, 23, 24, 25, 26/2 -> 26/2).
    text = resources.files("triage.deadlines").joinpath("data/deadline_policy.toml").read_text(encoding="utf-8")
    text = text.replace('version = "2026-07"', 'version = "test-1"')
    old = 'stage = "acceptance"\nlabel_vi = "Hạn thụ lý"\namount = 7'
    assert text.count(old) == 1
    text = text.replace(old, old[:-1] + "5")
    p = tmp_path / "policy.toml"
    p.write_text(text, encoding="utf-8")
    pol = load_policy(p)
    acc = by_stage(plan_clocks("to-cao", date(2026, 2, 12), cal, pol))["acceptance"]
    assert (acc.policy_version, acc.amount, acc.due_on) == ("test-1", 5, date(2026, 2, 26))


@pytest.mark.parametrize(
    "body, message",
    [
        ('version = "x"\n[tracks]\n', "no track"),
        (
            'version = "x"\n[tracks.to-cao]\nkind = "to-cao"\n[[tracks.to-cao.stages]]\n'
            'stage = "acceptance"\nlabel_vi = "x"\namount = 7\nunit = "hours"\ncounts_from = "received"\n',
            "hours",
        ),
        (
            'version = "x"\n[tracks.to-cao]\nkind = "to-cao"\n[[tracks.to-cao.stages]]\n'
            'stage = "resolution"\nlabel_vi = "x"\namount = 30\nunit = "calendar_days"\ncounts_from = "accepted"\n'
            'extension = { amount = 30, unit = "calendar_days", '
            "max_times = { especially_complex = 3 }, max_total = 90 }\n",
            "exceeds max_total",
        ),
        ('version = "x"\nvesion = "y"\n[tracks]\n', "unknown keys"),
    ],
)
def test_policy_validation(tmp_path, body, message):
    p = tmp_path / "bad.toml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(PolicyError, match=message):
        load_policy(p)
