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
    "Channel",
    "Category",
    "HANDLED_WITHOUT_ACCEPTANCE",
    "NAMED_BODIES",
    "ArchiveGround",
    "ClockStatus",
    "Code",
    "Complexity",
    "DocumentKind",
    "CorrectionSource",
    "Delivery",
    "EventKind",
    "Kind",
    "LinkKind",
    "NoticeChannel",
    "Outcome",
    "OutsideBody",
    "Recipient",
    "RefusalGround",
    "Role",
    "RoutingReason",
    "Status",
    "label",
    "outcome_label",
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
    ROUTED = "routed", "Đã chuyển đến đơn vị xử lý"
    NEEDS_TRIAGE = "needs-triage", "Đang phân loại thủ công"
    ACCEPTED = "accepted", "Đã thụ lý"
    SUSPENDED = "suspended", "Tạm đình chỉ giải quyết"
    AWAITING_APPROVAL = "awaiting-approval", "Đang chờ lãnh đạo duyệt kết quả"
    RESOLVED = "resolved", "Đã có kết quả giải quyết"
    CLOSED = "closed", "Đã đóng"
    # The answers to a đơn other than acceptance (xử lý đơn, Thông tư 05/2021/TT-TTCP), and the ends of a case
    # before its result: each final, each with its document.
    NOT_ACCEPTED = "not-accepted", "Không thụ lý"
    GUIDED = "guided", "Đã hướng dẫn người gửi đơn đến cơ quan có thẩm quyền"
    TRANSFERRED = "transferred", "Đã chuyển đơn đến cơ quan có thẩm quyền"
    ARCHIVED = "archived", "Lưu đơn, không xử lý"
    RETURNED = "returned", "Đã trả lại đơn và giấy tờ"
    WITHDRAWN = "withdrawn", "Người gửi đã rút đơn"
    TERMINATED = "terminated", "Đình chỉ giải quyết"


# A report with an answer: no clock of it is pending any more (out of the queue's default list).
FINISHED = (
    Status.RESOLVED,
    Status.CLOSED,
    Status.NOT_ACCEPTED,
    Status.GUIDED,
    Status.TRANSFERRED,
    Status.ARCHIVED,
    Status.RETURNED,
    Status.WITHDRAWN,
    Status.TERMINATED,
)
# The answers given without acceptance (xử lý đơn): with acceptance, what a unit decides on a đơn it received.
HANDLED_WITHOUT_ACCEPTANCE = (
    Status.NOT_ACCEPTED,
    Status.GUIDED,
    Status.TRANSFERRED,
    Status.ARCHIVED,
    Status.RETURNED,
)


class RoutingReason(Code):
    """Why a report went where it went (the `reason` of a status event written by routing or a reroute)."""

    CLASSIFIER = "classifier", "Theo phân loại tự động"
    ESCALATE = "escalate", "Phản ánh người đứng đầu: chuyển cơ quan cấp trên"
    UNSURE_ACCUSED = "unsure-accused", "Có thể phản ánh người đứng đầu: cần cán bộ xem trước khi chuyển"
    LOW_CONFIDENCE = "low-confidence", "Phân loại tự động chưa đủ tin cậy"
    NO_WARD = "no-ward", "Chưa xác định được xã, phường"
    NO_UNIT = "no-unit", "Không tìm thấy đơn vị giải quyết"
    REROUTE = "reroute", "Cán bộ chuyển đơn"
    DESK = "desk", "Cán bộ tiếp nhận giao cho đơn vị mình giải quyết"  # /can-bo/nhap-don, "thuộc đơn vị tôi"


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


def outcome_label(outcome: str | None, track: str | None) -> str:
    """The conclusion in the words of its track: "Nội dung khiếu nại đúng một phần", "Nội dung tố cáo là đúng"."""
    if not outcome:
        return ""
    text = Outcome(outcome).label
    noun = {Kind.KHIEU_NAI: "khiếu nại", Kind.TO_CAO: "tố cáo"}.get(track or "")
    return text.replace("phản ánh", noun) if noun else text


class EventKind(Code):
    """The steps of a report's life (`ReportEvent.kind`, written by `Report.record`)."""

    RECEIVED = "received", "Tiếp nhận đơn"
    CLASSIFIED = "classified", "Phân loại tự động"
    STATUS = "status", "Chuyển trạng thái"
    DEADLINE = "deadline", "Tính thời hạn"
    ASSIGNED = "assigned", "Giao cán bộ xử lý"
    SIX_CLEAR = "six-clear", 'Cập nhật "6 rõ"'
    NOTE = "note", "Ghi chú nội bộ"
    FINDINGS = "findings", "Ghi chép xác minh (nội bộ)"
    INFORMATION_REQUESTED = "information-requested", "Đề nghị bổ sung thông tin"
    INFORMATION_RECEIVED = "information-received", "Người phản ánh trả lời"
    EXTENDED = "extended", "Gia hạn"
    BREACH = "breach", "Quá hạn"
    REMINDER = "reminder", "Nhắc hạn"
    CONTACT_VIEWED = "contact-viewed", "Xem thông tin liên hệ người phản ánh"
    ORIGINAL_VIEWED = "original-viewed", "Tải bản gốc tệp đính kèm"
    EVIDENCE_UNREADABLE = "evidence-unreadable", "Tệp đính kèm không đọc được, chưa xóa được thông tin ẩn"
    CONTACT_PURGED = "contact-purged", "Xóa thông tin liên hệ hết hạn lưu giữ"
    CORRECTED = "corrected", "Sửa phân loại"
    DOCUMENT = "document", "Ban hành văn bản"
    SIGNED_SCAN = "signed-scan", "Lưu bản quét văn bản đã ký"
    SUBMITTED = "submitted", "Trình lãnh đạo duyệt kết quả"
    APPROVED = "approved", "Lãnh đạo duyệt kết quả"
    REVISION_REQUESTED = "revision-requested", "Lãnh đạo trả lại dự thảo, yêu cầu sửa"
    WITHDRAWAL_REQUESTED = "withdrawal-requested", "Người gửi đề nghị rút đơn"
    PURSUED = "pursued", "Tiếp tục giải quyết tố cáo đã rút"
    COMPLEXITY = "complexity", "Xác định vụ việc phức tạp"
    TRACK_CHANGED = "track-changed", "Đổi trình tự giải quyết"
    REOPENED = "reopened", "Xử lý lại"
    SECOND_INSTANCE_REQUESTED = "second-instance-requested", "Người khiếu nại đề nghị giải quyết lần hai"
    SECOND_INSTANCE = "second-instance", "Thụ lý khiếu nại lần hai"
    LINKED = "linked", "Gắn với đơn khác (liên quan hoặc gộp vụ việc)"
    UNLINKED = "unlinked", "Bỏ liên kết, tách đơn khỏi vụ việc"


class Complexity(Code):
    """How complex a case is (`Report.complexity`), by a recorded decision: it sets the longer legal periods of a
    khiếu nại and how many extensions a tố cáo may have."""

    NORMAL = "normal", "Thông thường"
    COMPLEX = "complex", "Phức tạp"
    ESPECIALLY_COMPLEX = "especially_complex", "Đặc biệt phức tạp"


class RefusalGround(Code):
    """Why a đơn is not accepted (không thụ lý), per track; "khac" asks for the reason in words."""

    KN_INTERNAL = "kn-noi-bo", "Quyết định, hành vi hành chính trong nội bộ cơ quan để chỉ đạo, tổ chức công việc"
    KN_NOT_AFFECTED = (
        "kn-khong-anh-huong",
        "Việc bị khiếu nại không liên quan trực tiếp đến quyền, lợi ích của người khiếu nại",
    )
    KN_NO_SIGNATURE = "kn-khong-chu-ky", "Đơn khiếu nại không có chữ ký hoặc điểm chỉ của người khiếu nại"
    KN_CAPACITY = "kn-nang-luc", "Người khiếu nại không có năng lực hành vi dân sự đầy đủ mà không có người đại diện"
    KN_REPRESENTATIVE = "kn-dai-dien", "Người đại diện không hợp pháp"
    KN_TIME_LIMIT = "kn-het-thoi-hieu", "Đã hết thời hiệu khiếu nại mà không có lý do chính đáng"
    KN_SECOND_DONE = "kn-da-giai-quyet-lan-hai", "Khiếu nại đã có quyết định giải quyết lần hai"
    KN_COURT = "kn-toa-an", "Việc khiếu nại đã được Tòa án thụ lý hoặc đã có bản án, quyết định của Tòa án"
    KN_LAPSED = "kn-khong-tiep-tuc", "Đã có thông báo đình chỉ mà sau 30 ngày người khiếu nại không tiếp tục khiếu nại"
    TC_FORM = "tc-hinh-thuc", "Đơn tố cáo thiếu họ tên, địa chỉ, cách liên hệ, chữ ký hoặc điểm chỉ (Điều 23)"
    TC_CAPACITY = "tc-nang-luc", "Người tố cáo không có năng lực hành vi dân sự đầy đủ mà không có người đại diện"
    TC_NO_BASIS = "tc-khong-co-so", "Không có cơ sở để xác định người vi phạm, hành vi vi phạm pháp luật"
    TC_FROM_COMPLAINT = (
        "tc-tu-khieu-nai",
        "Tố cáo người đã giải quyết đúng pháp luật một khiếu nại mà không có bằng chứng",
    )
    TC_ALREADY = "tc-da-giai-quyet", "Tố cáo tiếp vụ việc đã giải quyết đúng pháp luật, không có tình tiết mới"
    PA_SCOPE = "pa-ngoai-pham-vi", "Nội dung không thuộc phạm vi tiếp nhận, xử lý phản ánh, kiến nghị"
    PA_ALREADY = "pa-da-tra-loi", "Nội dung đã được xem xét, trả lời mà không có tình tiết mới"
    OTHER = "khac", "Lý do khác"


class ArchiveGround(Code):
    """Why a đơn is filed without handling (lưu đơn)."""

    DUPLICATE = "trung", "Đơn trùng nội dung với đơn đã được xử lý"
    NO_CONTENT = "khong-noi-dung", "Đơn không có nội dung hoặc nội dung không rõ ràng"
    ANONYMOUS = "nac-danh", "Đơn nặc danh, mạo danh, không có thông tin, tài liệu cụ thể về vi phạm"
    ANSWERED = "da-tra-loi", "Đơn đã được hướng dẫn, trả lời mà không có tình tiết mới"
    SENT_ELSEWHERE = "gui-nhieu-noi", "Đơn đã gửi cùng lúc đến cơ quan có thẩm quyền, hoặc đã được hướng dẫn mà vẫn gửi"
    OTHER = "khac", "Lý do khác"


class OutsideBody(Code):
    """A competent body outside this province's directory that a đơn may be transferred or the citizen guided to.
    Those marked in `NAMED_BODIES` need their name in words (which province, which ministry)."""

    OTHER_PROVINCE = "ubnd-tinh-khac", "UBND tỉnh, thành phố khác"
    MINISTRY = "bo-nganh", "Bộ, cơ quan ngang bộ"
    PARTY_INSPECTION = "ubkt-tinh-uy", "Ủy ban Kiểm tra Tỉnh ủy Thanh Hóa (cơ quan kiểm tra của Đảng)"
    INVESTIGATION = "co-quan-dieu-tra", "Cơ quan điều tra có thẩm quyền (Công an tỉnh Thanh Hóa)"
    PROCURACY = "vien-kiem-sat", "Viện kiểm sát nhân dân có thẩm quyền"
    COURT = "toa-an", "Tòa án nhân dân"
    OTHER = "khac", "Cơ quan, tổ chức khác"


NAMED_BODIES = (OutsideBody.OTHER_PROVINCE, OutsideBody.MINISTRY, OutsideBody.COURT, OutsideBody.OTHER)


class DocumentKind(Code):
    """The numbered official documents of a case (`Document.kind`)."""

    ACCEPTANCE = "thong-bao-thu-ly", "Thông báo thụ lý"
    REFUSAL = "thong-bao-khong-thu-ly", "Thông báo không thụ lý"
    TRANSFER = "phieu-chuyen-don", "Phiếu chuyển đơn"
    GUIDANCE = "phieu-huong-dan", "Phiếu hướng dẫn"
    RETURN = "tra-lai-don", "Văn bản trả lại đơn và giấy tờ"
    ARCHIVE = "phieu-luu-don", "Phiếu đề xuất lưu đơn"
    WITHDRAWAL = "thong-bao-rut-don", "Thông báo đình chỉ việc giải quyết do rút đơn"
    SUSPENSION = "quyet-dinh-tam-dinh-chi", "Quyết định tạm đình chỉ giải quyết"
    TERMINATION = "quyet-dinh-dinh-chi", "Quyết định đình chỉ giải quyết"
    EXTENSION = "quyet-dinh-gia-han", "Quyết định gia hạn giải quyết tố cáo"
    ANSWER = "van-ban-tra-loi", "Văn bản trả lời"
    COMPLAINT_DECISION = "quyet-dinh-giai-quyet", "Quyết định giải quyết khiếu nại"
    CONCLUSION = "ket-luan", "Thông báo kết luận nội dung tố cáo"


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


class CleanState(Code):
    """Where an evidence file's metadata-free copy stands (`Attachment.clean_state`): made by a job after the
    report is committed."""

    PENDING = "pending", "Đang xử lý"
    CLEAN = "clean", "Đã xóa thông tin ẩn"
    FAILED = "failed", "Không đọc được tệp, chưa xóa được thông tin ẩn"


class ClockStatus(Code):
    """The state of one legal deadline (`Clock.status`)."""

    RUNNING = "running", "Đang tính hạn"
    PAUSED = "paused", "Tạm dừng chờ người phản ánh"
    MET = "met", "Đã hoàn thành"
    BREACHED = "breached", "Đã quá hạn"
    STOPPED = "stopped", "Dừng vì đơn đã kết thúc"  # withdrawn or terminated: neither met nor breached


class Delivery(Code):
    """The state of one notification in the outbox (`Notification.status`)."""

    PENDING = "pending", "Chờ gửi"
    SENDING = "sending", "Đang gửi"
    SENT = "sent", "Đã gửi"
    FAILED = "failed", "Gửi lỗi, sẽ thử lại"  # will be retried
    DEAD = "dead", "Gửi thất bại"  # gave up; an admin can retry


class Channel(Code):
    """How a report came in (`Report.channel`). The public form and the API enter themselves; staff enter the
    others at the reception desk (`/can-bo/nhap-don`) with the date the đơn was really received."""

    WEB = "web", "Biểu mẫu trực tuyến"
    PAPER = "paper", "Đơn giấy, qua bưu điện"
    IN_PERSON = "in-person", "Trực tiếp tại nơi tiếp công dân"
    HOTLINE = "hotline", "Đường dây nóng"
    PORTAL = "portal", "Cổng dịch vụ công"
    API = "api", "Ứng dụng đối tác (API)"
    OTHER = "other", "Khác"


class NoticeChannel(Code):
    """How an outbox row is delivered (`Notification.channel`): the recipient is an address or a phone number."""

    EMAIL = "email", "Thư điện tử"
    SMS = "sms", "Tin nhắn SMS"


class LinkKind(Code):
    """How two reports are tied (`ReportLink.kind`)."""

    RELATED = "related", "Đơn liên quan"
    MERGED = "merged", "Gộp vào cùng một vụ việc"


class Recipient(Code):
    """Why a notification goes to its recipient (`Notification.recipient_role`)."""

    UNIT = "unit", "Đơn vị được giao"
    ESCALATION = "escalation", "Cơ quan cấp trên theo dõi"
    SUPERVISOR = "supervisor", "Lãnh đạo giám sát"
    CITIZEN = "citizen", "Người phản ánh"


class Role(Code):
    """A staff member's role (`User.role`)."""

    INSPECTOR = "inspector", "Cán bộ xử lý"
    LEADER = "leader", "Lãnh đạo đơn vị"
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
    Channel,
    NoticeChannel,
    LinkKind,
    Role,
    Recipient,
    Agency,
    Category,
    Complexity,
    RefusalGround,
    ArchiveGround,
    OutsideBody,
    DocumentKind,
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
