"""What the citizen may see of a report's life: no labels, no notes, no names of officers."""

from dataclasses import dataclass
from datetime import datetime

from core.models import Report
from core.vocabulary import EventKind, Kind, Status, label


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    title: str
    detail: str = ""


def _describe(report: Report, event) -> TimelineEntry | None:
    data = event.data or {}
    if event.kind == EventKind.RECEIVED:
        detail = f"Loại đơn: {label(Kind(data.get('kind', report.kind)))}."
        if data.get("track") and data.get("track") != data.get("kind"):
            detail += " Đơn tố cáo không ghi đủ họ tên và địa chỉ nên được xử lý theo trình tự phản ánh, kiến nghị."
        return TimelineEntry(event.at, "Đã tiếp nhận đơn", detail)
    if event.kind == EventKind.STATUS:
        status = data.get("status")
        if status == Status.ROUTED:
            return TimelineEntry(event.at, "Đã chuyển đến cơ quan có thẩm quyền", data.get("unit_name", ""))
        if status == Status.NEEDS_TRIAGE:
            return TimelineEntry(event.at, "Đang được cán bộ phân loại để chuyển đúng cơ quan")
        if status == Status.ACCEPTED:
            return TimelineEntry(event.at, "Cơ quan đã thụ lý đơn")
        if status == Status.RESOLVED:
            return TimelineEntry(event.at, "Đã có kết quả giải quyết", label(data.get("outcome")))
        if status == Status.CLOSED:
            return TimelineEntry(event.at, "Hồ sơ đã đóng")
    if event.kind == EventKind.BREACH:
        return TimelineEntry(
            event.at,
            f"Đã quá hạn: {data.get('label', '')}",
            f"Từ nay {data.get('follower', 'cơ quan cấp trên')} trực tiếp theo dõi, đôn đốc việc giải quyết.",
        )
    if event.kind == EventKind.INFORMATION_REQUESTED:
        return TimelineEntry(event.at, "Cơ quan đề nghị bổ sung thông tin", data.get("question", ""))
    if event.kind == EventKind.INFORMATION_RECEIVED:
        return TimelineEntry(event.at, "Đã nhận thông tin bổ sung, tiếp tục xử lý")
    if event.kind == EventKind.EXTENDED:
        return TimelineEntry(
            event.at, f"Gia hạn {data.get('label', 'thời hạn')} đến {data.get('due_on_vi', '')}", data.get("reason", "")
        )
    if event.kind == EventKind.DEADLINE:
        return TimelineEntry(event.at, f"{data.get('label', 'Thời hạn')}: {data.get('due_on_vi', '')}")
    return None


def public_timeline(report: Report) -> list[TimelineEntry]:
    entries = (_describe(report, e) for e in report.events if e.public)
    return [e for e in entries if e is not None]


def open_question(report: Report) -> str | None:
    """The inspector's question still waiting for the reporter's answer, if any."""
    asked = [e for e in report.events if e.kind == EventKind.INFORMATION_REQUESTED]
    answered = [e for e in report.events if e.kind == EventKind.INFORMATION_RECEIVED]
    if asked and (not answered or answered[-1].id < asked[-1].id):
        return asked[-1].data.get("question", "")
    return None
