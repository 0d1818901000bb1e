"""The words of the reporter's notices: an e-mail and an SMS per public step, in plain Vietnamese.

What a notice may say is what the status page already shows of that step (`intake.timeline`): the body, the legal
ground, the reason or guidance the law has the reporter told, the public answer (`Report.response`). Never the
passphrase (only its hash is stored), internal notes or findings, officers' names, or the reporter's own contact
details. Every notice carries the tracking code and the status page's address.

An SMS is written without diacritics (a GSM-7 segment holds 160 characters, 153 when a message has several) and
kept within two segments.
"""

from collections.abc import Callable
from dataclasses import dataclass

from core.models import Report, ReportEvent
from core.vietnamese import format_date, today_in_vietnam
from core.vocabulary import Status, outcome_label
from ml.normalize import strip_diacritics
from triage.deadlines.messages import Message

SMS_LIMIT = 2 * 153  # two concatenated GSM-7 segments
FOOTER = "Thư này được gửi tự động; xin không trả lời thư này."


@dataclass(frozen=True)
class Said:
    """What one step says: the subject after "Đơn <code>", the sentences of the e-mail, the SMS's few words."""

    subject: str
    lines: tuple[str, ...]
    sms: str


def _reasons(data: dict, *fields: tuple[str, str]) -> tuple[str, ...]:
    """ "Lý do: …." lines from (lead, data key) pairs, leaving out the empty ones."""
    return tuple(
        f"{lead}: {str(data[key]).strip().rstrip('.')}." for lead, key in fields if str(data.get(key) or "").strip()
    )


def _unit(report: Report, data: dict) -> str:
    return data.get("unit_name") or (report.unit.name if report.unit else "cơ quan có thẩm quyền")


def _due(report: Report, stage: str) -> str:
    clock = report.clock(stage)
    return format_date(clock.due_on) if clock is not None and clock.due_on else ""


def _told(subject: str, lead: str, sms: str, *fields: tuple[str, str]):
    """A step that says one sentence about the đơn `{code}` and the public fields of its event."""

    def say(report, event, data, code) -> Said:
        return Said(subject, (lead.format(code=code), *_reasons(data, *fields)), sms)

    return say


def _received(report, event, data, code) -> Said:
    where = (
        f"Đơn được giao ngay cho {report.unit.name} xem xét, giải quyết."  # entered at that body's own desk
        if report.unit is not None
        else "Đơn đang được phân loại để chuyển đến cơ quan có thẩm quyền giải quyết."
    )
    return Said(
        "đã được tiếp nhận",
        (f"Hệ thống đã tiếp nhận đơn {code} của ông/bà ngày {format_date(report.received_at)}.", where),
        "da duoc tiep nhan"
        if report.unit is not None
        else "da duoc tiep nhan, dang phan loai de chuyen co quan co tham quyen",
    )


def _routed(report, event, data, code) -> Said:
    unit = _unit(report, data)
    clock = report.clock("acceptance")
    due = _due(report, "acceptance")
    if clock is not None and clock.due_on and clock.due_on < today_in_vietnam():
        # a paper đơn entered late: its first period is already over when the reporter hears of it
        when = (
            f" Thời hạn xem xét thụ lý, tính từ ngày nhận đơn {format_date(report.received_at)}, đã hết ngày {due}:"
            " cơ quan phải trả lời ông/bà ngay."
        )
    else:
        when = f" Hạn trả lời: đến hết ngày {due}." if due else " Hạn trả lời theo thời hạn luật định."
    return Said(
        f"đã được chuyển đến {unit}",
        (
            f"Đơn {code} đã được chuyển đến {unit}.",
            "Cơ quan sẽ xem xét để thụ lý (nhận giải quyết) hoặc trả lời ông/bà." + when,
        ),
        f"da chuyen den {unit} de xem xet thu ly",
    )


def _rerouted(report, event, data, code) -> Said:
    unit = _unit(report, data)
    return Said(
        f"đã được chuyển sang {unit}",
        (
            f"Đơn {code} đã được chuyển sang {unit}, cơ quan có thẩm quyền giải quyết.",
            "Cơ quan này sẽ xem xét để thụ lý (nhận giải quyết) hoặc trả lời ông/bà.",
        ),
        f"da chuyen sang {unit}, co quan co tham quyen",
    )


def _resolution(report: Report, lead: str) -> tuple[tuple[str, ...], str]:
    """The resolution deadline as an e-mail line and an SMS tail (nothing when no clock runs)."""
    due = _due(report, "resolution")
    return ((f"{lead}: đến hết ngày {due}.",) if due else ()), (f", han giai quyet {due}" if due else "")


def _accepted(report, event, data, code) -> Said:
    lines, tail = _resolution(report, "Thời hạn giải quyết")
    unit = _unit(report, data)
    return Said("đã được thụ lý", (f"{unit} đã thụ lý (nhận giải quyết) đơn {code}.", *lines), "da duoc thu ly" + tail)


def _guided(report, event, data, code) -> Said:
    body = data.get("body_name") or "cơ quan có thẩm quyền"
    return Said(
        "hướng dẫn gửi đơn đến cơ quan có thẩm quyền",
        (
            f"Nội dung đơn {code} thuộc thẩm quyền của cơ quan khác. Cơ quan hướng dẫn ông/bà gửi đơn đến {body}.",
            *_reasons(data, ("Hướng dẫn", "guidance")),
        ),
        f"huong dan ong/ba gui don den {body}",
    )


def _transferred(report, event, data, code) -> Said:
    body = data.get("body_name") or "cơ quan có thẩm quyền"
    return Said(
        f"đã được chuyển đến {body}",
        (
            f"Đơn {code} đã được chuyển đến {body}, cơ quan có thẩm quyền giải quyết. Cơ quan đó sẽ trả lời ông/bà.",
            *_reasons(data, ("Lý do", "reason")),
        ),
        f"da chuyen don den {body}, co quan co tham quyen",
    )


def _transferred_in(report, event, data, code) -> Said:
    unit = _unit(report, data)
    return Said(
        f"đã được chuyển đến {unit}",
        (f"Đơn {code} đã được chuyển đến {unit}, cơ quan có thẩm quyền giải quyết; cơ quan này sẽ xem xét thụ lý.",),
        f"da chuyen den {unit}, co quan co tham quyen",
    )


def _withdrawn(report, event, data, code) -> Said:
    whose = " theo đề nghị của ông/bà" if data.get("by_reporter") else ""
    return Said(
        "đã được rút",
        (f"Đơn {code} đã được rút{whose}; cơ quan ngừng giải quyết.",),
        "da duoc rut, co quan ngung giai quyet",
    )


def _resolved(report, event, data, code) -> Said:
    outcome = outcome_label(data.get("outcome") or report.outcome, report.track)
    answer = (report.response or "").strip()
    return Said(
        "đã có kết quả giải quyết",
        (
            f"Cơ quan đã có kết quả giải quyết đơn {code}.",
            *((f"Kết luận: {outcome}.",) if outcome else ()),
            *((f"Trả lời của cơ quan:\n{answer}",) if answer else ()),
        ),
        "da co ket qua giai quyet; xem tra loi tai trang tra cuu",
    )


def _question(report, event, data, code) -> Said:
    question = str(data.get("question") or "").strip()
    return Said(
        "cơ quan đề nghị ông/bà bổ sung thông tin",
        (
            f"Cơ quan giải quyết đơn {code} cần ông/bà bổ sung thông tin.",
            *((f"Câu hỏi: {question}",) if question else ()),
            "Mọi thời hạn giải quyết tạm dừng cho đến khi ông/bà trả lời. Xin trả lời trên trang tra cứu "
            "(nhập mã theo dõi và mật mã tra cứu).",
        ),
        "co quan de nghi bo sung thong tin; thoi han tam dung den khi ong/ba tra loi tai trang tra cuu",
    )


def _extended(report, event, data, code) -> Said:
    what = str(data.get("label") or "thời hạn").lower()
    due = data.get("due_on_vi", "")
    return Said(
        f"gia hạn {what} đến ngày {due}",
        (f"Cơ quan gia hạn {what} của đơn {code} đến hết ngày {due}.", *_reasons(data, ("Lý do", "reason"))),
        f"gia han {what} den het ngay {due}",
    )


def _reopened(report, event, data, code) -> Said:
    lines, tail = _resolution(report, "Thời hạn giải quyết mới")
    reasons = _reasons(data, ("Lý do", "reason"))
    return Said("được xử lý lại", (f"Cơ quan xử lý lại đơn {code}.", *reasons, *lines), "co quan xu ly lai don" + tail)


def _second_instance(report, event, data, code) -> Said:
    unit = data.get("unit_name") or "cơ quan cấp trên"
    return Said(
        f"khiếu nại lần hai chuyển đến {unit}",
        (f"Khiếu nại lần hai của ông/bà (đơn {code}) đã được chuyển đến {unit} để giải quyết.",),
        f"khieu nai lan hai da chuyen den {unit}",
    )


def _breach(report, event, data, code) -> Said:
    follower = data.get("follower") or "cơ quan cấp trên"
    what = str(data.get("label") or "thời hạn").lower()
    return Said(
        "đã quá hạn xử lý",
        (f"Đơn {code} chưa được xử lý đúng hạn ({what}). Từ nay {follower} trực tiếp theo dõi, đôn đốc.",),
        f"qua han ({what}); {follower} truc tiep theo doi",
    )


_not_accepted = _told(
    "không được thụ lý",
    "Cơ quan không thụ lý (không nhận giải quyết) đơn {code}.",
    "co quan khong thu ly don; xem can cu tai trang tra cuu",
    ("Căn cứ", "ground_label"),
    ("Lý do", "reason"),
)
_returned = _told(
    "trả lại đơn và giấy tờ",
    "Cơ quan trả lại đơn {code} và giấy tờ kèm theo cho ông/bà.",
    "co quan tra lai don va giay to; xem ly do tai trang tra cuu",
    ("Lý do", "reason"),
    ("Cơ quan có thẩm quyền", "body_name"),
)
_suspended = _told(
    "tạm đình chỉ giải quyết",
    "Việc giải quyết đơn {code} tạm đình chỉ; thời hạn ngừng tính.",
    "tam dinh chi giai quyet, thoi han ngung tinh",
    ("Lý do", "reason"),
)
_resumed = _told(
    "tiếp tục giải quyết",
    "Hết tạm đình chỉ: cơ quan tiếp tục giải quyết đơn {code}.",
    "het tam dinh chi, co quan tiep tuc giai quyet",
    ("Lý do", "reason"),
)
_terminated = _told(
    "đình chỉ giải quyết",
    "Cơ quan đình chỉ (chấm dứt) việc giải quyết đơn {code}.",
    "co quan dinh chi (cham dut) viec giai quyet",
    ("Lý do", "reason"),
)
_pursued = _told(
    "cơ quan tiếp tục giải quyết tố cáo",
    "Cơ quan tiếp tục giải quyết tố cáo {code} dù ông/bà đã đề nghị rút: theo Luật Tố cáo, khi có dấu hiệu vi phạm "
    "pháp luật, cơ quan vẫn giải quyết tố cáo đã rút.",
    "co quan tiep tuc giai quyet to cao du ong/ba de nghi rut",
)


STEPS: dict[str, Callable[[Report, ReportEvent, dict, str], Said]] = {
    "received": _received,
    "routed": _routed,
    "rerouted": _rerouted,
    "transferred-in": _transferred_in,
    "accepted": _accepted,
    "resumed": _resumed,
    Status.NOT_ACCEPTED.value: _not_accepted,
    Status.GUIDED.value: _guided,
    Status.TRANSFERRED.value: _transferred,
    Status.RETURNED.value: _returned,
    Status.SUSPENDED.value: _suspended,
    Status.TERMINATED.value: _terminated,
    Status.WITHDRAWN.value: _withdrawn,
    Status.RESOLVED.value: _resolved,
    "information-requested": _question,
    "extended": _extended,
    "reopened": _reopened,
    "pursued": _pursued,
    "second-instance": _second_instance,
    "breach": _breach,
}


def said(step: str, report: Report, event: ReportEvent) -> Said:
    return STEPS[step](report, event, event.data or {}, report.tracking_code)


def email(step: str, report: Report, event: ReportEvent, status_link: str) -> Message:
    what = said(step, report, event)
    code = report.tracking_code
    return Message(
        subject=f"Đơn {code}: {what.subject}",
        body="\n\n".join(
            (
                "Kính gửi ông/bà,",
                "\n".join(what.lines),
                f"Mã theo dõi: {code}\nTra cứu tình trạng đơn tại {status_link} bằng mã theo dõi và mật mã tra cứu "
                "được cấp khi gửi đơn (vì an toàn, thư này không ghi mật mã).",
                FOOTER,
            )
        ),
    )


def sms(step: str, report: Report, event: ReportEvent, status_link: str) -> str:
    """At most two segments without diacritics: the code, the step in a few words (cut if a name is long), the link."""
    head, tail = f"Don {report.tracking_code}: ", f". Tra cuu: {status_link}"
    words = " ".join(strip_diacritics(said(step, report, event).sms).split())
    room = SMS_LIMIT - len(head) - len(tail)
    if len(words) > room:
        words = words[: room - 3].rstrip() + "..."
    return _gsm(head + words + tail)


def _gsm(text: str) -> str:
    """Plain ASCII: whatever diacritic-free form a character lacks (a quote, a dash) becomes a space."""
    return "".join(c if 32 <= ord(c) < 127 else " " for c in text)
