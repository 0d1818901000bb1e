"""The vocabulary of codes: every code the system stores or exchanges, each next to its Vietnamese label.

A code is a member of a `StrEnum`: it compares equal to its stored string, so rows, forms and queries keep plain
strings while the code reads `Status.ACCEPTED`. The values are a contract (the database, the policy file,
docs/taxonomy.md): a label may change, a value may not. People only ever see the label: `label(code)` in Python,
the `label` filter in templates.

The routing taxonomy (`Agency`, `Category`) is defined by `ml.taxonomy`, which the classifier uses on its own; it
is re-exported here with its names (`AGENCY_NAMES`, `CATEGORY_NAMES`), and `label` knows it too.
"""

from enum import StrEnum

from ml.taxonomy import AGENCY_NAMES, CATEGORY_NAMES, Agency, Category

__all__ = [
    "AGENCY_NAMES",
    "CATEGORY_NAMES",
    "CODES",
    "FINISHED",
    "Agency",
    "AttachmentKind",
    "Category",
    "ClockStatus",
    "Code",
    "CorrectionSource",
    "Delivery",
    "EventKind",
    "Kind",
    "Outcome",
    "Recipient",
    "Role",
    "RoutingReason",
    "Status",
    "label",
]


class Code(StrEnum):
    """A code with its label, declared as `NAME = "value", "Vietnamese label"`; `Code("value")` finds the member."""

    label: str

    def __new__(cls, value: str, label: str = ""):  # the default only lets type checkers read `Kind("to-cao")`
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Status(Code):
    """Where a report stands; the moves between them are the state machine of `core.states`."""

    RECEIVED = "received", "Đã tiếp nhận, đang phân loại"
    ROUTED = "routed", "Đã chuyển cơ quan có thẩm quyền"
    NEEDS_TRIAGE = "needs-triage", "Đang phân loại thủ công"
    ACCEPTED = "accepted", "Đã thụ lý"
    RESOLVED = "resolved", "Đã có kết quả giải quyết"
    CLOSED = "closed", "Đã đóng"


# A report with an outcome: no clock of it is pending any more.
FINISHED = (Status.RESOLVED, Status.CLOSED)


class RoutingReason(Code):
    """Why a report went where it went (the `reason` of a status event written by routing or a reroute)."""

    CLASSIFIER = "classifier", "Theo phân loại tự động"
    ESCALATE = "escalate", "Phản ánh người đứng đầu: chuyển cơ quan cấp trên"
    UNSURE_ACCUSED = "unsure-accused", "Có thể phản ánh người đứng đầu: cần cán bộ xem trước khi chuyển"
    LOW_CONFIDENCE = "low-confidence", "Phân loại tự động chưa đủ tin cậy"
    NO_WARD = "no-ward", "Chưa xác định được xã, phường"
    NO_UNIT = "no-unit", "Không tìm thấy đơn vị giải quyết"
    REROUTE = "reroute", "Cán bộ chuyển đơn"


class Kind(Code):
    """What the citizen chose (`Report.kind`), and the legal track it is handled on (`Report.track`)."""

    PHAN_ANH = "phan-anh", "Phản ánh, kiến nghị"
    KHIEU_NAI = "khieu-nai", "Khiếu nại"
    TO_CAO = "to-cao", "Tố cáo"


class Outcome(Code):
    """The conclusion recorded when a report is resolved (`Report.outcome`)."""

    SUBSTANTIATED = "substantiated", "Nội dung phản ánh là đúng"
    PARTLY_SUBSTANTIATED = "partly-substantiated", "Nội dung phản ánh đúng một phần"
    UNSUBSTANTIATED = "unsubstantiated", "Nội dung phản ánh không đúng"
    TRANSFERRED = "transferred", "Không thuộc thẩm quyền, đã chuyển cơ quan có thẩm quyền"


class EventKind(Code):
    """The steps of a report's life (`ReportEvent.kind`, written by `Report.record`)."""

    RECEIVED = "received", "Tiếp nhận đơn"
    CLASSIFIED = "classified", "Phân loại tự động"
    STATUS = "status", "Chuyển trạng thái"
    DEADLINE = "deadline", "Tính thời hạn"
    ASSIGNED = "assigned", "Giao cán bộ xử lý"
    SIX_CLEAR = "six-clear", 'Cập nhật "6 rõ"'
    NOTE = "note", "Ghi chú nội bộ"
    FINDINGS = "findings", "Kết quả xác minh"
    INFORMATION_REQUESTED = "information-requested", "Đề nghị bổ sung thông tin"
    INFORMATION_RECEIVED = "information-received", "Người phản ánh trả lời"
    EXTENDED = "extended", "Gia hạn"
    BREACH = "breach", "Quá hạn"
    REMINDER = "reminder", "Nhắc hạn"
    CONTACT_VIEWED = "contact-viewed", "Xem thông tin liên hệ người phản ánh"
    ORIGINAL_VIEWED = "original-viewed", "Tải bản gốc tệp đính kèm"
    CONTACT_PURGED = "contact-purged", "Xóa thông tin liên hệ hết hạn lưu giữ"
    CORRECTED = "corrected", "Sửa phân loại"


class CorrectionSource(Code):
    """What a person corrected (`Correction.source`); each correction is a labelled example for the classifier."""

    REROUTE = "reroute", "Chuyển đơn"
    LABELS = "labels", "Sửa phân loại"
    ESCALATION_SET = "escalation-set", "Xác định người đứng đầu bị phản ánh"
    ESCALATION_CLEAR = "escalation-clear", "Bỏ đánh dấu phản ánh người đứng đầu"


class AttachmentKind(Code):
    """What an evidence file is, told by its content (`Attachment.kind`)."""

    IMAGE = "image", "Ảnh"
    PDF = "pdf", "Tài liệu PDF"
    VIDEO = "video", "Video"
    AUDIO = "audio", "Ghi âm"


class ClockStatus(Code):
    """The state of one legal deadline (`Clock.status`)."""

    RUNNING = "running", "Đang tính hạn"
    PAUSED = "paused", "Tạm dừng chờ người phản ánh"
    MET = "met", "Đã hoàn thành"
    BREACHED = "breached", "Đã quá hạn"


class Delivery(Code):
    """The state of one notification in the outbox (`Notification.status`)."""

    PENDING = "pending", "Chờ gửi"
    SENDING = "sending", "Đang gửi"
    SENT = "sent", "Đã gửi"
    FAILED = "failed", "Gửi lỗi, sẽ thử lại"  # will be retried
    DEAD = "dead", "Gửi thất bại"  # gave up; an admin can retry


class Recipient(Code):
    """Why a notification goes to its recipient (`Notification.recipient_role`)."""

    UNIT = "unit", "Đơn vị được giao"
    ESCALATION = "escalation", "Cơ quan cấp trên theo dõi"
    SUPERVISOR = "supervisor", "Lãnh đạo giám sát"
    CITIZEN = "citizen", "Người phản ánh"


class Role(Code):
    """A staff member's role (`User.role`)."""

    INSPECTOR = "inspector", "Cán bộ xử lý"
    TRIAGE = "triage", "Cán bộ phân loại"
    SUPERVISOR = "supervisor", "Lãnh đạo giám sát"
    ADMIN = "admin", "Quản trị viên"


# Every enum of codes. A plain string is looked up in this order: "received" is a status before an event kind
# (an event kind given as a plain string should be made an `EventKind` first), "supervisor" a role before a recipient.
CODES: tuple[type[StrEnum], ...] = (
    Status,
    RoutingReason,
    Kind,
    Outcome,
    EventKind,
    AttachmentKind,
    ClockStatus,
    Delivery,
    Role,
    Recipient,
    Agency,
    Category,
    CorrectionSource,  # last: the plain string "reroute" is the routing reason
)
_TAXONOMY_NAMES: dict[type[StrEnum], dict] = {Agency: AGENCY_NAMES, Category: CATEGORY_NAMES}


def label(code: StrEnum | str | None) -> str:
    """The Vietnamese label of a code: a member of one of `CODES`, or a plain string equal to a code's value.
    No code (None or "") has the empty label; a string that is no code raises ValueError."""
    if code is None or code == "":
        return ""
    if isinstance(code, Code):
        return code.label
    names = _TAXONOMY_NAMES.get(type(code))
    if names is not None:
        return names[code]
    for enum in CODES:
        if code in enum:
            return label(enum(code))
    raise ValueError(f"{code!r} is no code of the vocabulary")
