"""A report's status is an explicit state machine; every transition is an event.

The steps follow the law on handling a đơn (Thông tư 05/2021/TT-TTCP; Luật Khiếu nại 2011; Luật Tố cáo 2018):
- a received đơn is routed to the competent unit (or waits for a person to place it);
- the unit handles it (xử lý đơn): accepts it (thụ lý), or answers it without acceptance: không thụ lý, hướng
  dẫn, chuyển đơn (to a body outside the directory; inside it, a reroute keeps it routed), lưu đơn, trả lại đơn;
- an accepted case may be suspended and resumed, terminated, withdrawn; its result is drafted, approved by the
  unit's leader (or returned for changes), and answered; a resolved case may be reopened (xử lý lại), and a
  resolved khiếu nại goes to a second instance at the body above (routed again);
- the reporter may withdraw a đơn at any time before its answer.
"""

from core.vocabulary import Status

_WITHDRAWABLE = frozenset({Status.WITHDRAWN})
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.ROUTED, Status.NEEDS_TRIAGE}) | _WITHDRAWABLE,
    Status.NEEDS_TRIAGE: frozenset({Status.ROUTED}) | _WITHDRAWABLE,
    Status.ROUTED: frozenset(
        {
            Status.ACCEPTED,
            Status.NEEDS_TRIAGE,
            Status.ROUTED,
            Status.NOT_ACCEPTED,
            Status.GUIDED,
            Status.TRANSFERRED,
            Status.ARCHIVED,
            Status.RETURNED,
        }
    )
    | _WITHDRAWABLE,
    Status.ACCEPTED: frozenset({Status.AWAITING_APPROVAL, Status.RESOLVED, Status.SUSPENDED, Status.TERMINATED})
    | _WITHDRAWABLE,
    Status.SUSPENDED: frozenset({Status.ACCEPTED, Status.TERMINATED}) | _WITHDRAWABLE,
    Status.AWAITING_APPROVAL: frozenset({Status.RESOLVED, Status.ACCEPTED}) | _WITHDRAWABLE,
    Status.RESOLVED: frozenset({Status.CLOSED, Status.ACCEPTED, Status.ROUTED}),
    Status.CLOSED: frozenset({Status.ACCEPTED, Status.ROUTED}),
    Status.NOT_ACCEPTED: frozenset(),
    Status.GUIDED: frozenset(),
    Status.TRANSFERRED: frozenset(),
    Status.ARCHIVED: frozenset(),
    Status.RETURNED: frozenset(),
    Status.WITHDRAWN: frozenset(),
    Status.TERMINATED: frozenset(),
}


class InvalidTransition(ValueError):
    def __init__(self, current: str, target: str):
        super().__init__(f"report cannot go from {current!r} to {target!r}")
        self.current, self.target = current, target


def check_transition(current: str, target: str) -> None:
    if Status(target) not in TRANSITIONS[Status(current)]:
        raise InvalidTransition(current, target)


def can_move(current: str, target: str) -> bool:
    return Status(target) in TRANSITIONS[Status(current)]
