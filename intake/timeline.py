"""What the citizen may see of a report's life, in plain words: every public step of the legal procedure (with its
legal ground, body, guidance or reason as the law has the reporter told), what the current status means and what
the reporter can do next. No classifier labels, no internal notes or findings, no names of officers, no codes."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import object_session

from core.models import Report
from core.vietnamese import format_date
from core.vocabulary import FINISHED, Complexity, EventKind, Kind, Status, label
from intake.reporter_requests import withdrawal_needs_decision


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    title: str
    detail: str = ""


def _label(code: str | None) -> str:
    """The label of a stored code, or nothing for a value that is no code (never the raw value)."""
    try:
        return label(code)
    except ValueError:
        return ""


def _sentences(*parts: tuple[str, str | None]) -> str:
    """ "Căn cứ: …. Lý do: …." from (lead, value) pairs, leaving out the empty ones."""
    return " ".join(f"{lead}: {value.strip().rstrip('.')}." for lead, value in parts if value and value.strip())


def _day(iso: str | None) -> str:
    try:
        return format_date(date.fromisoformat(iso)) if iso else ""
    except ValueError:
        return ""


def _resolution_due(report: Report, after) -> str:
    """The resolution deadline set right after an acceptance (its public deadline event)."""
    for event in report.events:
        if event.id is not None and after.id is not None and event.id <= after.id:
            continue
        if event.kind == EventKind.DEADLINE and (event.data or {}).get("stage") == "resolution":
            return event.data.get("due_on_vi", "")
        if event.kind == EventKind.STATUS:
            break
    return ""


# The decisions told with their grounds, bodies and reasons: status -> (title, (lead, data key) of its detail).
DECISIONS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    Status.NOT_ACCEPTED: (
        "Cơ quan không thụ lý đơn (không nhận giải quyết)",
        (("Căn cứ", "ground_label"), ("Lý do", "reason")),
    ),
    Status.GUIDED: (
        "Cơ quan hướng dẫn bạn gửi đơn đến cơ quan có thẩm quyền",
        (("Nơi gửi đơn", "body_name"), ("Hướng dẫn", "guidance")),
    ),
    Status.TRANSFERRED: (
        "Đơn đã được chuyển đến cơ quan có thẩm quyền",
        (("Cơ quan nhận đơn", "body_name"), ("Lý do", "reason")),
    ),
    Status.ARCHIVED: ("Đơn được lưu, không xử lý", (("Căn cứ", "ground_label"), ("Lý do", "reason"))),
    Status.RETURNED: (
        "Cơ quan trả lại đơn và giấy tờ cho bạn",
        (("Lý do", "reason"), ("Cơ quan có thẩm quyền", "body_name")),
    ),
    Status.SUSPENDED: ("Tạm đình chỉ: việc giải quyết tạm dừng, thời hạn ngừng tính", (("Lý do", "reason"),)),
    Status.TERMINATED: ("Đình chỉ: cơ quan chấm dứt việc giải quyết đơn", (("Lý do", "reason"),)),
}
# The other public steps told with what their event says: kind -> (title, (lead, data key) of its detail).
STEPS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    EventKind.WITHDRAWAL_REQUESTED: ("Bạn đã đề nghị rút đơn", (("Lý do", "reason"),)),
    EventKind.REOPENED: ("Cơ quan xử lý lại đơn", (("Lý do", "reason"),)),
    EventKind.SECOND_INSTANCE_REQUESTED: (
        "Bạn đã đề nghị giải quyết khiếu nại lần hai",
        (("Lý do không đồng ý", "reason"),),
    ),
}


def _detail(data: dict, fields) -> str:
    return _sentences(*((lead, data.get(key)) for lead, key in fields))


def _status_entry(report: Report, event, data: dict) -> TimelineEntry | None:
    status, at = data.get("status"), event.at
    if status == Status.ROUTED:
        if data.get("second_instance"):
            return None  # told by the second-instance event
        if data.get("transferred"):
            return TimelineEntry(
                at,
                f"Đơn đã được chuyển đến {data.get('unit_name', 'cơ quan có thẩm quyền')}",
                "Cơ quan nhận đơn có thẩm quyền giải quyết và sẽ xem xét thụ lý.",
            )
        return TimelineEntry(at, "Đã chuyển đến cơ quan có thẩm quyền", data.get("unit_name", ""))
    if status == Status.NEEDS_TRIAGE:
        return TimelineEntry(at, "Đang được cán bộ phân loại để chuyển đúng cơ quan")
    if status == Status.ACCEPTED:
        if data.get("reopened"):
            return None  # told by the reopening event
        if data.get("resumed"):
            return TimelineEntry(
                at, "Hết tạm đình chỉ: cơ quan tiếp tục giải quyết", _sentences(("Lý do", data.get("reason")))
            )
        due = _resolution_due(report, event)
        return TimelineEntry(
            at,
            "Cơ quan đã thụ lý đơn (nhận giải quyết)",
            f"Thời hạn giải quyết: đến hết ngày {due}." if due else "",
        )
    if status == Status.AWAITING_APPROVAL:
        return TimelineEntry(at, "Cán bộ đã có kết quả xác minh, đang trình lãnh đạo cơ quan duyệt")
    if status == Status.RESOLVED:
        return TimelineEntry(at, "Đã có kết quả giải quyết", _label(data.get("outcome")))
    if status == Status.CLOSED:
        return TimelineEntry(at, "Hồ sơ đã đóng")
    if status in DECISIONS:
        title, fields = DECISIONS[status]
        return TimelineEntry(at, title, _detail(data, fields))
    if status == Status.WITHDRAWN:
        if data.get("by_reporter"):
            return TimelineEntry(at, "Đơn đã được rút theo đề nghị của bạn; cơ quan ngừng giải quyết")
        return TimelineEntry(
            at, "Đơn đã được rút; cơ quan ngừng giải quyết", _sentences(("Nội dung", data.get("reason")))
        )
    return None


def _describe(report: Report, event) -> TimelineEntry | None:
    data = event.data or {}
    at = event.at
    if event.kind == EventKind.RECEIVED:
        detail = f"Loại đơn: {_label(data.get('kind', report.kind))}."
        if data.get("track") and data.get("track") != data.get("kind"):
            detail += " Đơn tố cáo không ghi đủ họ tên và địa chỉ nên được xử lý theo trình tự phản ánh, kiến nghị."
        return TimelineEntry(at, "Đã tiếp nhận đơn", detail)
    if event.kind == EventKind.STATUS:
        return _status_entry(report, event, data)
    if event.kind == EventKind.BREACH:
        return TimelineEntry(
            at,
            f"Đã quá hạn: {data.get('label', '')}",
            f"Từ nay {data.get('follower', 'cơ quan cấp trên')} trực tiếp theo dõi, đôn đốc việc giải quyết.",
        )
    if event.kind == EventKind.INFORMATION_REQUESTED:
        return TimelineEntry(at, "Cơ quan đề nghị bổ sung thông tin", data.get("question", ""))
    if event.kind == EventKind.INFORMATION_RECEIVED:
        return TimelineEntry(at, "Đã nhận thông tin bổ sung, tiếp tục xử lý")
    if event.kind == EventKind.EXTENDED:
        return TimelineEntry(
            at,
            f"Gia hạn {data.get('label', 'thời hạn').lower()} đến ngày {data.get('due_on_vi', '')}",
            _sentences(("Lý do", data.get("reason"))),
        )
    if event.kind == EventKind.DEADLINE:
        return TimelineEntry(at, f"{data.get('label', 'Thời hạn')}: đến hết ngày {data.get('due_on_vi', '')}")
    if event.kind == EventKind.DOCUMENT:
        return TimelineEntry(
            at, f"Cơ quan ban hành văn bản: {data.get('title', '')}", f"Số {data.get('reference', '')}"
        )
    if event.kind in STEPS:
        title, fields = STEPS[event.kind]
        return TimelineEntry(at, title, _detail(data, fields))
    if event.kind == EventKind.PURSUED:
        return TimelineEntry(
            at,
            "Cơ quan tiếp tục giải quyết tố cáo dù bạn đã đề nghị rút",
            "Theo Luật Tố cáo, khi có dấu hiệu vi phạm pháp luật, cơ quan vẫn giải quyết tố cáo đã rút.",
        )
    if event.kind == EventKind.COMPLEXITY:
        if data.get("complexity") == Complexity.NORMAL:
            title = "Cơ quan xác định vụ việc ở mức thông thường"
        else:
            effect = "có thể được gia hạn" if report.track == Kind.TO_CAO else "thời hạn giải quyết dài hơn"
            title = f"Cơ quan xác định vụ việc {data.get('label', 'phức tạp').lower()}: {effect}"
        return TimelineEntry(at, title, _sentences(("Lý do", data.get("reason"))))
    if event.kind == EventKind.TRACK_CHANGED:
        detail = _sentences(("Trước đây", _label(data.get("previous"))), ("Lý do", data.get("reason")))
        return TimelineEntry(at, f"Đơn được giải quyết theo trình tự {_label(data.get('track')).lower()}", detail)
    if event.kind == EventKind.SECOND_INSTANCE:
        unit = data.get("unit_name") or "cơ quan cấp trên"
        received = _day(data.get("received_on"))
        return TimelineEntry(
            at,
            f"Khiếu nại lần hai: đơn đã chuyển đến {unit}",
            f"{unit} giải quyết khiếu nại lần hai; thời hạn tính từ ngày {received}." if received else "",
        )
    return None


def public_timeline(report: Report) -> list[TimelineEntry]:
    entries = (_describe(report, e) for e in report.events if e.public)
    return [e for e in entries if e is not None]


def open_question(report: Report) -> str | None:
    """The inspector's question still waiting for the reporter's answer, if any (none once the đơn is answered)."""
    if report.status in FINISHED:
        return None
    asked = [e for e in report.events if e.kind == EventKind.INFORMATION_REQUESTED]
    answered = [e for e in report.events if e.kind == EventKind.INFORMATION_RECEIVED]
    if asked and (not answered or answered[-1].id < asked[-1].id):
        return asked[-1].data.get("question", "")
    return None


def current_clocks(report: Report) -> list:
    """The deadlines of the current instance and cycle, one per stage (earlier cycles' and the first instance's
    are history). A report merged into another's case has the case's deadlines (its own stopped at the merge)."""
    if report.case_id is not None:
        report = object_session(report).get(Report, report.case_id) or report
    second = (report.instance or 1) == 2
    stages = dict.fromkeys(c.stage for c in report.clocks if not second or (c.track or "").endswith("-2"))
    clocks = [report.clock(stage) for stage in stages]
    return sorted((c for c in clocks if c is not None), key=lambda c: (c.due_on is None, c.due_on))


# -- what the status means, and what the reporter can do next --------------------------------------------------------


@dataclass(frozen=True)
class Explanation:
    meaning: str
    next_step: str = ""


# What a status says by itself (the others name the body, the deadline or the next instance).
EXPLANATIONS = {
    Status.RECEIVED: Explanation(
        "Đơn đã được tiếp nhận và đang được phân loại để chuyển đến đúng cơ quan có thẩm quyền.",
        "Bạn chưa cần làm gì. Xin giữ mã theo dõi và mật mã tra cứu để xem lại.",
    ),
    Status.SUSPENDED: Explanation(
        "Việc giải quyết đang tạm dừng (tạm đình chỉ) vì lý do ghi ở phần diễn biến; thời hạn ngừng tính.",
        "Khi lý do tạm dừng không còn, cơ quan tiếp tục giải quyết và trang này sẽ cho bạn biết.",
    ),
    Status.AWAITING_APPROVAL: Explanation(
        "Cán bộ đã có kết quả xác minh và đang trình lãnh đạo cơ quan duyệt.",
        "Kết quả sẽ hiện ở trang này sau khi lãnh đạo duyệt.",
    ),
    Status.NOT_ACCEPTED: Explanation(
        "Cơ quan không thụ lý (không nhận giải quyết) đơn, vì căn cứ ghi ở phần diễn biến.",
        "Nếu khắc phục được điều đó (ví dụ ghi đủ họ tên, địa chỉ, chữ ký), bạn có thể gửi đơn mới.",
    ),
    Status.ARCHIVED: Explanation(
        "Đơn được lưu, không xử lý, vì căn cứ ghi ở phần diễn biến.",
        "Nếu có tình tiết mới hoặc bằng chứng cụ thể, bạn có thể gửi đơn mới.",
    ),
    Status.WITHDRAWN: Explanation("Đơn đã được rút; cơ quan ngừng giải quyết.", "Nếu cần, bạn có thể gửi đơn mới."),
    Status.TERMINATED: Explanation(
        "Cơ quan đã đình chỉ (chấm dứt) việc giải quyết đơn, vì lý do ghi ở phần diễn biến.",
        "Nếu chưa đồng ý, bạn có thể gửi đơn đến cơ quan cấp trên của cơ quan đã giải quyết.",
    ),
}
EXPLANATIONS[Status.NEEDS_TRIAGE] = EXPLANATIONS[Status.RECEIVED]


def _last_status_data(report: Report, status: str) -> dict:
    for event in reversed(report.events):
        if event.kind == EventKind.STATUS and (event.data or {}).get("status") == status:
            return event.data
    return {}


AFTER_RESULT = {
    Kind.PHAN_ANH: "Nếu chưa đồng ý với câu trả lời, bạn có thể gửi đơn mới, nói rõ điều chưa được giải quyết.",
    Kind.TO_CAO: "Nếu có căn cứ cho rằng việc giải quyết tố cáo chưa đúng pháp luật, bạn có thể tố cáo tiếp đến "
    "cơ quan cấp trên của cơ quan đã giải quyết.",
}


def _after_result(report: Report, second_instance_until: date | None, second_instance_asked: bool) -> str:
    if report.track != Kind.KHIEU_NAI:
        return AFTER_RESULT.get(report.track, AFTER_RESULT[Kind.PHAN_ANH])
    if (report.instance or 1) >= 2:
        return "Nếu vẫn chưa đồng ý, bạn có quyền khởi kiện vụ án hành chính tại Tòa án theo quy định của pháp luật."
    if second_instance_asked:
        return "Đề nghị khiếu nại lần hai của bạn đã được ghi nhận; đơn sẽ được chuyển đến cơ quan cấp trên giải quyết."
    if second_instance_until is not None:
        return (
            "Nếu chưa đồng ý với quyết định này, bạn có thể khiếu nại lần hai ngay trên trang này "
            f"đến hết ngày {format_date(second_instance_until)}, hoặc khởi kiện tại Tòa án."
        )
    return "Nếu chưa đồng ý, bạn có quyền khởi kiện vụ án hành chính tại Tòa án theo quy định của pháp luật."


def explain_status(
    report: Report,
    *,
    withdrawal_pending: bool = False,
    second_instance_until: date | None = None,
    second_instance_asked: bool = False,
) -> Explanation:
    """What the report's current status means for the reporter, and what they can do next."""
    status = report.status
    unit = report.unit.name if report.unit is not None else "cơ quan có thẩm quyền"
    if withdrawal_pending:
        if withdrawal_needs_decision(report):
            return Explanation(
                "Bạn đã đề nghị rút đơn. Vì tố cáo đã được thụ lý, cơ quan sẽ xem xét: nếu có dấu hiệu vi phạm "
                "pháp luật, cơ quan vẫn tiếp tục giải quyết; nếu không, việc giải quyết sẽ dừng lại.",
                "Bạn không cần làm gì thêm. Kết quả sẽ hiện ở trang này.",
            )
        return Explanation(
            "Bạn đã đề nghị rút đơn. Đề nghị đang được xử lý; sau đó cơ quan ngừng giải quyết đơn.",
            "Bạn không cần làm gì thêm.",
        )
    if status in EXPLANATIONS:
        return EXPLANATIONS[status]
    if status == Status.ROUTED:
        if (report.instance or 1) >= 2:
            meaning = f"Khiếu nại lần hai của bạn đã đến {unit}. Cơ quan sẽ xem xét thụ lý trong thời hạn ghi dưới đây."
        else:
            meaning = (
                f"Đơn đã đến {unit}. Cơ quan sẽ xem xét để thụ lý (nhận giải quyết) hoặc trả lời bạn "
                "trong thời hạn ghi dưới đây."
            )
        return Explanation(meaning, "Nếu cơ quan cần thêm thông tin, câu hỏi sẽ hiện ở trang này.")
    if status == Status.ACCEPTED:
        return Explanation(
            f"{unit} đã thụ lý (nhận giải quyết) đơn và đang xác minh nội dung.",
            "Nếu cơ quan cần thêm thông tin, câu hỏi sẽ hiện ở trang này. Kết quả cũng sẽ hiện ở đây.",
        )
    if status in (Status.RESOLVED, Status.CLOSED):
        return Explanation(
            "Cơ quan đã có kết quả giải quyết, ghi ở mục trả lời dưới đây.",
            _after_result(report, second_instance_until, second_instance_asked),
        )
    if status == Status.GUIDED:
        body = _last_status_data(report, Status.GUIDED).get("body_name") or "cơ quan có thẩm quyền"
        return Explanation(
            "Nội dung đơn thuộc thẩm quyền của cơ quan khác; cơ quan đã hướng dẫn bạn nơi gửi đơn.",
            f"Xin gửi đơn đến {body} theo hướng dẫn ghi ở phần diễn biến.",
        )
    if status == Status.TRANSFERRED:
        body = _last_status_data(report, Status.TRANSFERRED).get("body_name") or "cơ quan có thẩm quyền"
        return Explanation(
            f"Đơn đã được chuyển đến {body}, cơ quan có thẩm quyền giải quyết.",
            "Cơ quan đó sẽ giải quyết và trả lời bạn; trang này không theo dõi tiếp. Cần hỏi thêm, xin liên hệ "
            "trực tiếp cơ quan đó.",
        )
    if status == Status.RETURNED:
        body = _last_status_data(report, Status.RETURNED).get("body_name")
        return Explanation(
            "Cơ quan đã trả lại đơn và giấy tờ kèm theo, vì lý do ghi ở phần diễn biến.",
            f"Bạn có thể gửi đơn đến {body}." if body else "Nếu khắc phục được lý do đó, bạn có thể gửi đơn mới.",
        )
    return Explanation(_label(status))
