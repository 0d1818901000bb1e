"""What a reporter asks on the status page, recorded at once (the unit's decision follows, by a job or a person):
to withdraw the đơn, and for a khiếu nại decided at first instance, the second instance."""

from datetime import datetime, timedelta

from core.models import Report
from core.vietnamese import format_date, legal_date
from core.vocabulary import FINISHED, EventKind, Kind, Status

IN_COURSE = (Status.ACCEPTED, Status.SUSPENDED, Status.AWAITING_APPROVAL)
SECOND_INSTANCE_DAYS = 30  # Luật Khiếu nại 2011 Điều 33: from the first-instance decision
SECOND_INSTANCE_DAYS_REMOTE = 45


class RequestRefused(ValueError):
    """A request the rules do not allow; the message is Vietnamese, for the reporter."""


def decided_first_instance(report: Report) -> bool:
    """A khiếu nại decided at first instance (resolved, or resolved and closed): the second instance is open."""
    return (
        report.track == Kind.KHIEU_NAI
        and (report.instance or 1) == 1
        and report.status in (Status.RESOLVED, Status.CLOSED)
    )


def withdrawal_needs_decision(report: Report) -> bool:
    """An accepted tố cáo does not end by its withdrawal alone: the inspector decides (Luật Tố cáo 2018 Điều 33)."""
    return report.track == Kind.TO_CAO and report.status in IN_COURSE


def withdrawal_pending(report: Report) -> bool:
    return report.withdrawal_requested_at is not None and report.status not in FINISHED


def request_withdrawal(report: Report, *, now: datetime, reason: str) -> None:
    """The reporter asks, on the status page, to withdraw the đơn: recorded at once; a job (or the inspector)
    then applies it."""
    if report.status in FINISHED:
        raise RequestRefused("Đơn đã có kết quả xử lý: không rút được nữa.")
    if report.withdrawal_requested_at is not None:
        raise RequestRefused("Đề nghị rút đơn đã được ghi nhận trước đó.")
    report.withdrawal_requested_at = now
    report.record(EventKind.WITHDRAWAL_REQUESTED, public=True, reason=(reason or "").strip()[:1000])


def second_instance_window(report: Report) -> int:
    return SECOND_INSTANCE_DAYS_REMOTE if report.unit is not None and report.unit.remote else SECOND_INSTANCE_DAYS


def second_instance_open_until(report: Report):
    """The last day the reporter may ask for a second instance (Luật Khiếu nại 2011 Điều 33), or None when none
    can be asked: only a first-instance khiếu nại with a result."""
    if not decided_first_instance(report):
        return None
    if report.resolved_at is None:
        return None
    return legal_date(report.resolved_at) + timedelta(days=second_instance_window(report))


def request_second_instance(report: Report, *, now: datetime, reason: str) -> None:
    """The reporter disagrees with the first decision and asks, on the status page, for the second instance."""
    until = second_instance_open_until(report)
    if until is None:
        raise RequestRefused("Chỉ khiếu nại lần hai được với khiếu nại lần đầu đã có quyết định giải quyết.")
    if legal_date(now) > until:
        raise RequestRefused(
            f"Đã quá thời hạn khiếu nại lần hai (hết ngày {format_date(until)}, Luật Khiếu nại 2011 Điều 33)."
        )
    reason = (reason or "").strip()
    if len(reason) < 10:
        raise RequestRefused("Xin ghi rõ vì sao chưa đồng ý với quyết định giải quyết lần đầu.")
    if any(e.kind == EventKind.SECOND_INSTANCE_REQUESTED for e in report.events):
        raise RequestRefused("Đề nghị giải quyết lần hai đã được ghi nhận trước đó.")
    report.record(EventKind.SECOND_INSTANCE_REQUESTED, public=True, reason=reason)


def second_instance_requested(report: Report):
    """The reporter's request for a second instance still to be applied (its event), or None."""
    if not decided_first_instance(report):
        return None
    return next((e for e in reversed(report.events) if e.kind == EventKind.SECOND_INSTANCE_REQUESTED), None)
