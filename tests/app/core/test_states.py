import pytest

from core.models import Report
from core.states import InvalidTransition, check_transition
from core.vocabulary import Status


def test_allowed_path_records_every_transition():
    report = Report(text="x" * 30, kind="phan-anh", track="phan-anh", status=Status.RECEIVED, events=[])
    for target in (Status.ROUTED, Status.ACCEPTED, Status.RESOLVED, Status.CLOSED):
        report.move_to(target)
    assert report.status == Status.CLOSED
    assert [(e.data["previous"], e.data["status"]) for e in report.events] == [
        ("received", "routed"),
        ("routed", "accepted"),
        ("accepted", "resolved"),
        ("resolved", "closed"),
    ]


@pytest.mark.parametrize(
    "current,target",
    [
        (Status.RECEIVED, Status.ACCEPTED),
        (Status.NEEDS_TRIAGE, Status.RESOLVED),
        (Status.CLOSED, Status.NOT_ACCEPTED),
        (Status.RESOLVED, Status.SUSPENDED),
        (Status.ACCEPTED, Status.NOT_ACCEPTED),  # refusing is a decision before acceptance
        (Status.AWAITING_APPROVAL, Status.CLOSED),  # no answer reaches the reporter before the leader approves
        (Status.RESOLVED, Status.WITHDRAWN),  # nothing left to withdraw once answered
        (Status.NOT_ACCEPTED, Status.ACCEPTED),
        (Status.TRANSFERRED, Status.ROUTED),
        (Status.WITHDRAWN, Status.ACCEPTED),
    ],
)
def test_forbidden_transitions_raise(current, target):
    with pytest.raises(InvalidTransition):
        check_transition(current, target)
    report = Report(text="x" * 30, kind="phan-anh", track="phan-anh", status=current, events=[])
    with pytest.raises(InvalidTransition):
        report.move_to(target)
    assert report.status == current and report.events == []
