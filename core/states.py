"""A report's status is an explicit state machine; every transition is an event."""

from core.vocabulary import Status

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.ROUTED, Status.NEEDS_TRIAGE}),
    Status.NEEDS_TRIAGE: frozenset({Status.ROUTED}),
    Status.ROUTED: frozenset({Status.ACCEPTED, Status.NEEDS_TRIAGE, Status.ROUTED}),
    Status.ACCEPTED: frozenset({Status.RESOLVED}),
    Status.RESOLVED: frozenset({Status.CLOSED}),
    Status.CLOSED: frozenset(),
}


class InvalidTransition(ValueError):
    def __init__(self, current: str, target: str):
        super().__init__(f"report cannot go from {current!r} to {target!r}")
        self.current, self.target = current, target


def check_transition(current: str, target: str) -> None:
    if Status(target) not in TRANSITIONS[Status(current)]:
        raise InvalidTransition(current, target)
