"""`access.may`: every role × every action × own unit's, another unit's, escalated and pending reports.

The expected answers are written out here, not derived from the table they check. Units: 1 and 2 are communes,
3 the provincial inspectorate; the escalated report accuses the head of commune 1 and is handled by unit 3.
"""

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import create_engine, insert
from sqlalchemy.orm import Session

from core.models import Base, Report, Unit, User
from core.vocabulary import Role, Status
from triage.casework.access import ACTIONS, may, visible_reports

USERS = {
    "inspector_1": User(id=1, username="cb1", role=Role.INSPECTOR, unit_id=1, active=True),
    "inspector_2": User(id=2, username="cb2", role=Role.INSPECTOR, unit_id=2, active=True),
    "inspector_3": User(id=3, username="cb3", role=Role.INSPECTOR, unit_id=3, active=True),
    "inspector_no_unit": User(id=4, username="cb4", role=Role.INSPECTOR, unit_id=None, active=True),
    "leader_1": User(id=9, username="ld1", role=Role.LEADER, unit_id=1, active=True),
    "triage": User(id=5, username="pl", role=Role.TRIAGE, active=True),
    "supervisor": User(id=6, username="gs", role=Role.SUPERVISOR, active=True),
    "admin": User(id=7, username="qt", role=Role.ADMIN, active=True),
}
REPORTS = {
    "unit_1": dict(id=1, status=Status.ROUTED, unit_id=1, accused_unit_id=None),
    "unit_2": dict(id=2, status=Status.ACCEPTED, unit_id=2, accused_unit_id=None),
    "escalated": dict(id=3, status=Status.ROUTED, unit_id=3, accused_unit_id=1),
    # Should routing ever leave an escalated report with the accused body itself, that body still never sees it.
    "escalated_at_home": dict(id=4, status=Status.ROUTED, unit_id=1, accused_unit_id=1),
    "pending": dict(id=5, status=Status.NEEDS_TRIAGE, unit_id=None, accused_unit_id=None),
}
SEES = {
    "unit_1": {"inspector_1", "leader_1", "supervisor", "admin"},
    "unit_2": {"inspector_2", "supervisor", "admin"},
    "escalated": {"inspector_3", "supervisor", "admin"},
    "escalated_at_home": {"supervisor", "admin"},
    "pending": {"triage", "supervisor", "admin"},
}
HANDLERS = {  # the unit's own inspectors and leader, and admins
    "unit_1": {"inspector_1", "leader_1", "admin"},
    "unit_2": {"inspector_2", "admin"},
    "escalated": {"inspector_3", "admin"},
    "escalated_at_home": {"admin"},
    "pending": {"admin"},
}
HANDLER_ACTIONS = (
    "accept",
    "request information",
    "extend",
    "note",
    "record findings",
    "resolve",
    "close",
    "edit six-clear",
    "handle",
    "upload signed scan",
)
UNIT_STAFF = {"inspector_1", "inspector_2", "inspector_3", "leader_1"}  # inspectors and leaders with a unit
LEADERS = {"unit_1": {"leader_1"}, "unit_2": set(), "escalated": set(), "escalated_at_home": set(), "pending": set()}
ON_REPORT = {
    "work the queue": SEES,
    **{action: HANDLERS for action in HANDLER_ACTIONS},
    "approve": LEADERS,
    "reopen": LEADERS,
    # Evidence as sent: the handling unit's own officers, not administrators.
    "download original": {r: HANDLERS[r] - {"admin"} for r in REPORTS},
    "record second instance": {r: HANDLERS[r] | {"supervisor"} for r in REPORTS},
    "assign": {r: HANDLERS[r] | {"supervisor"} for r in REPORTS},
    "reveal contact": {r: HANDLERS[r] | {"supervisor"} for r in REPORTS},
    "reroute": {**{r: HANDLERS[r] | {"supervisor"} for r in REPORTS}, "pending": {"triage", "supervisor", "admin"}},
    "correct labels": {
        **{r: HANDLERS[r] | {"supervisor"} for r in REPORTS},
        "pending": {"triage", "supervisor", "admin"},
    },
    # Page actions asked about one report still require seeing it.
    "view dashboard": {r: SEES[r] - {"triage"} for r in REPORTS},
    # The reception desk: unit staff and triage officers, who may ask it from any report they see.
    "enter reports": {r: SEES[r] & (UNIT_STAFF | {"triage"}) for r in REPORTS},
    "supervise deadlines": {r: {"supervisor", "admin"} for r in REPORTS},
    "export": {r: {"supervisor", "admin"} for r in REPORTS},
    "administer": {r: {"admin"} for r in REPORTS},
}
INSPECTORS = {"inspector_1", "inspector_2", "inspector_3", "inspector_no_unit", "leader_1"}
WITHOUT_REPORT = {
    "work the queue": set(USERS),
    **{action: INSPECTORS | {"admin"} for action in HANDLER_ACTIONS},
    "approve": {"leader_1"},
    "reopen": {"leader_1"},
    "download original": INSPECTORS - {"inspector_no_unit"},
    "record second instance": INSPECTORS | {"supervisor", "admin"},
    "assign": INSPECTORS | {"supervisor", "admin"},
    "reveal contact": INSPECTORS | {"supervisor", "admin"},
    "reroute": INSPECTORS | {"triage", "supervisor", "admin"},
    "correct labels": INSPECTORS | {"triage", "supervisor", "admin"},
    "view dashboard": {"inspector_1", "inspector_2", "inspector_3", "leader_1", "supervisor", "admin"},
    "enter reports": UNIT_STAFF | {"triage"},
    "supervise deadlines": {"supervisor", "admin"},
    "export": {"supervisor", "admin"},
    "administer": {"admin"},
}


def _report(name: str) -> Report:
    return Report(**REPORTS[name])


def test_the_expectations_cover_every_declared_action():
    assert set(ON_REPORT) == set(WITHOUT_REPORT) == set(ACTIONS)


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("report", sorted(REPORTS))
@pytest.mark.parametrize("user", sorted(USERS))
def test_may_on_a_report(user, report, action):
    assert may(USERS[user], action, _report(report)) is (user in ON_REPORT[action][report])


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("user", sorted(USERS))
def test_may_without_a_report(user, action):
    assert may(USERS[user], action) is (user in WITHOUT_REPORT[action])


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_anonymous_and_deactivated_users_may_nothing(action):
    gone = User(id=8, username="cu", role=Role.ADMIN, unit_id=1, active=False)
    for report in (None, _report("unit_1")):
        assert may(AnonymousUserMixin(), action, report) is False
        assert may(gone, action, report) is False


def test_the_accused_body_may_do_nothing_with_an_escalated_report():
    for name in ("escalated", "escalated_at_home"):
        assert not any(may(USERS["inspector_1"], action, _report(name)) for action in ACTIONS), name


def test_an_unknown_action_is_an_error():
    with pytest.raises(KeyError):
        may(USERS["admin"], "delete everything")


def test_may_sees_what_visible_reports_lets_through():
    """The rule for one loaded report and the SQL rule of every list agree, for every user and report."""
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.execute(
            insert(Unit),
            [
                dict(
                    id=n,
                    code=f"u{n}",
                    name=f"Đơn vị {n}",
                    name_ascii=f"don vi {n}",
                    division="xã",
                    agency="ubnd",
                    email=f"u{n}@example.org",
                )
                for n in (1, 2, 3)
            ],
        )
        session.execute(
            insert(Report),
            [
                dict(
                    tracking_code=f"TH-{fields['id']}",
                    passphrase_hash="x",
                    text="...",
                    kind="phan-anh",
                    track="phan-anh",
                    **fields,
                )
                for fields in REPORTS.values()
            ],
        )
        by_id = {fields["id"]: name for name, fields in REPORTS.items()}
        for name, user in USERS.items():
            listed = {by_id[r.id] for r in session.scalars(visible_reports(user))}
            assert listed == {r for r in REPORTS if name in SEES[r]}, name
            assert listed == {r for r in REPORTS if may(user, "work the queue", _report(r))}, name
    engine.dispose()
