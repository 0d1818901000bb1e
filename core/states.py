"""A report's status is an explicit state machine; every transition is an event."""
from enum import StrEnum


class Status(StrEnum):
    RECEIVED = "received"
    ROUTED = "routed"
    NEEDS_TRIAGE = "needs-triage"
    ACCEPTED = "accepted"
    RESOLVED = "resolved"
    CLOSED = "closed"


class Kind(StrEnum):
    PHAN_ANH = "phan-anh"
    KHIEU_NAI = "khieu-nai"
    TO_CAO = "to-cao"


KIND_LABELS = {
    Kind.PHAN_ANH: "Phản ánh, kiến nghị",
    Kind.KHIEU_NAI: "Khiếu nại",
    Kind.TO_CAO: "Tố cáo",
}

STATUS_LABELS = {
    Status.RECEIVED: "Đã tiếp nhận, đang phân loại",
    Status.ROUTED: "Đã chuyển cơ quan có thẩm quyền",
    Status.NEEDS_TRIAGE: "Đang phân loại thủ công",
    Status.ACCEPTED: "Đã thụ lý",
    Status.RESOLVED: "Đã có kết quả giải quyết",
    Status.CLOSED: "Đã đóng",
}

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
