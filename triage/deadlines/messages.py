"""The Vietnamese texts of notifications. Mail to a unit never carries the reporter's contact details."""

from dataclasses import dataclass

from core.models import Clock, Report
from core.vietnamese import format_date


@dataclass(frozen=True)
class Message:
    subject: str
    body: str


def reminder_to_unit(report: Report, clock: Clock, reason_vi: str, staff_link: str, left: int) -> Message:
    return Message(
        subject=f"[Nhắc hạn] Đơn {report.tracking_code}: {clock.label} {format_date(clock.due_on)}",
        body=(
            f"Kính gửi {report.unit.name if report.unit else 'đơn vị'},\n\n"
            f"Đơn {report.tracking_code} (nhận ngày {format_date(report.received_at)}) đang chờ xử lý.\n"
            f"Thời hạn: {clock.label} — {format_date(clock.due_on)} (còn {left} ngày làm việc).\n"
            f"Lý do nhắc: {reason_vi}.\n\n"
            f"Xem và xử lý đơn: {staff_link}\n\n"
            "Thư này được gửi tự động từ hệ thống tiếp nhận phản ánh của tỉnh Thanh Hóa."
        ),
    )


def breach_to_staff(report: Report, clock: Clock, follower: str, staff_link: str, role: str) -> Message:
    who = {"unit": "đơn vị được giao", "escalation": "cơ quan cấp trên theo dõi", "supervisor": "cán bộ giám sát"}[role]
    return Message(
        subject=f"[Quá hạn] Đơn {report.tracking_code}: {clock.label} {format_date(clock.due_on)}",
        body=(
            f"Kính gửi {who},\n\n"
            f"Đơn {report.tracking_code} giao {report.unit.name if report.unit else 'chưa có đơn vị'} "
            f"đã QUÁ HẠN: {clock.label} là ngày {format_date(clock.due_on)}.\n"
            f"Từ nay {follower} theo dõi việc xử lý đơn này.\n\n"
            f"Xem đơn: {staff_link}\n\n"
            "Thư này được gửi tự động từ hệ thống tiếp nhận phản ánh của tỉnh Thanh Hóa."
        ),
    )


def breach_to_citizen(report: Report, clock: Clock, follower: str, status_link: str) -> Message:
    return Message(
        subject=f"Đơn {report.tracking_code} đã quá hạn xử lý",
        body=(
            "Kính gửi ông/bà,\n\n"
            f"Đơn {report.tracking_code} của ông/bà chưa được xử lý đúng hạn "
            f"({clock.label}: {format_date(clock.due_on)}).\n"
            f"Từ nay {follower} trực tiếp theo dõi, đôn đốc việc giải quyết đơn.\n\n"
            f"Tra cứu tình trạng đơn bằng mã theo dõi và mật mã tra cứu tại: {status_link}\n\n"
            "Thư này được gửi tự động; xin không trả lời thư này."
        ),
    )
