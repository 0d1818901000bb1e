"""What an inspector does to a report, as services: each one a state transition, an event and its clocks."""

from datetime import datetime
from functools import cache

from core.models import Correction, Report
from core.units import unit_for, ward_choices
from core.vietnamese import legal_date
from core.vocabulary import (
    Agency,
    Category,
    ClockStatus,
    CorrectionSource,
    EventKind,
    Kind,
    RoutingReason,
    Status,
    label,
)
from intake.submission import legal_track
from triage.casework.redaction import contacts, redact
from triage.casework.steps import ActionRefused
from triage.deadlines.clocks import pause_clocks, replan_open_clocks, resume_clocks, start_for, stop_clocks
from triage.routing.rules import Body, body_above


def accept_report(
    report: Report, *, now: datetime, services, actor_id: int | None = None, require_sixclear: bool = False
) -> None:
    """Thụ lý: the acceptance clock is met and the resolution clock starts."""
    if require_sixclear and (missing := missing_sixclear(report)):
        raise ActionRefused('Chưa thể thụ lý: cần điền đủ "6 rõ" — còn thiếu ' + ", ".join(missing) + ".")
    report.move_to(Status.ACCEPTED, actor_id=actor_id)
    report.accepted_at = now
    acceptance = report.clock("acceptance")
    report.accepted_wd = max(0, services.calendar.working_days_between(report.received_at, now))
    report.accepted_on_time = acceptance is None or (acceptance.is_open and legal_date(now) <= acceptance.due_on)
    stop_clocks(report, now, stages={"acceptance", "forward", "notify"})
    _start_clocks(report, services, accepted_at=now)


def _start_clocks(report: Report, services, accepted_at: datetime | None = None) -> None:
    """The clocks the report's track needs now, for the unit that has it."""
    start_for(report, services, accepted_at=accepted_at)


def resolve_report(report: Report, *, now: datetime, outcome: str, actor_id: int | None = None, calendar=None) -> None:
    report.move_to(Status.RESOLVED, actor_id=actor_id, outcome=outcome)
    report.resolved_at, report.outcome, report.resolved_by_id = now, outcome, actor_id
    resolution = report.clock("resolution")
    report.resolved_on_time = resolution is None or (resolution.is_open and legal_date(now) <= resolution.due_on)
    if calendar is not None:
        report.resolved_wd = max(0, calendar.working_days_between(report.received_at, now))
    stop_clocks(report, now)


def close_report(report: Report, *, now: datetime, actor_id: int | None = None) -> None:
    report.move_to(Status.CLOSED, actor_id=actor_id)
    report.closed_at = now
    stop_clocks(report, now)


def request_information(report: Report, *, now: datetime, question: str, actor_id: int | None = None) -> None:
    """Ask the reporter for more; the clocks pause until they answer."""
    report.record(EventKind.INFORMATION_REQUESTED, public=True, actor_id=actor_id, question=question)
    pause_clocks(report, now)


def receive_information(report: Report, *, now: datetime, services) -> None:
    report.record(EventKind.INFORMATION_RECEIVED, public=True)
    resume_clocks(report, now, services.calendar, services.points)


def assign_report(report: Report, assignee, *, actor_id: int | None) -> None:
    """Give a report to an inspector of the unit that handles it (never one of the accused body)."""
    if assignee is not None and report.accuses(assignee.unit):
        raise ActionRefused("Không giao được cho cán bộ của cơ quan bị phản ánh.")
    if assignee is not None and (assignee.unit_id != report.unit_id or not assignee.active):
        raise ActionRefused("Chỉ giao được cho cán bộ đang làm việc của đơn vị đang giải quyết đơn.")
    previous = report.assignee_id
    report.assignee = assignee
    report.record(
        EventKind.ASSIGNED,
        actor_id=actor_id,
        assignee_id=assignee.id if assignee else None,
        assignee_name=(assignee.full_name or assignee.username) if assignee else None,
        previous=previous,
    )


# -- corrections: every label a person may correct, and the one rule no correction may break ------------------------
#
# Staff correct a report's labels before it is accepted (`CORRECTABLE`): the unit holding it, triage officers for
# the needs-triage queue, supervisors (`may(user, "correct labels", report)`). Every correction moves the report to
# the body its labels now name, is kept as a `Correction` (a labelled example for the classifier) and is written on
# the timeline as an internal event. No correction, reroute or bulk action may give a report to the body whose head
# it accuses (`Report.accuses`): each refuses with `ACCUSED_BODY`, and the flush guard of `Report` is the last net.
#
# The kind (the legal track) may change only before acceptance. Before it, the only clocks are those counting from
# receipt (acceptance, and the forwarding clock when it applies): they are planned again on the new track from the
# same receipt date, as if the report had been filed with the right kind, and a breach that the right track's
# deadline does not confirm is withdrawn. After acceptance the resolution clock counts on the track accepted; a
# different track needs a new acceptance decision, which the application does not model, so the change is refused.

CORRECTABLE = (Status.ROUTED, Status.NEEDS_TRIAGE)
ACCUSED_BODY = "Đơn phản ánh người đứng đầu cơ quan này: không được chuyển cho chính cơ quan bị phản ánh."
FIELD_NAMES = {
    "agency": "Cơ quan giải quyết",
    "ward_code": "Xã, phường nơi xảy ra",
    "category": "Loại vi phạm",
    "kind": "Loại đơn",
    "track": "Trình tự giải quyết",
    "escalate": "Phản ánh người đứng đầu",
    "accused": "Cơ quan có người đứng đầu bị phản ánh",
}


@cache
def ward_names() -> dict[str, str]:
    """Ward code -> "Phường Quảng Phú", for the 166 communes of the 2025 list."""
    return dict(ward_choices())


def ward_name(code: str | None) -> str:
    return ward_names().get(code, code) if code else ""


def body_name(agency: str | None, ward_code: str | None, unit=None) -> str:
    """A body as people call it: the unit's name, or the agency's, or "UBND xã, phường (chưa rõ ...)"."""
    if unit is not None:
        return unit.name
    if not agency:
        return ""
    if agency == Agency.XA:
        return f"UBND {ward_name(ward_code)}" if ward_code else "UBND xã, phường (chưa rõ xã, phường nào)"
    return label(agency)


def accused_name(report: Report) -> str:
    """The body whose head the report accuses (or, waiting in triage, may accuse); "" when none."""
    return body_name(report.accused_agency, report.accused_ward_code, report.accused_unit)


def _reason(reason: str | None, message: str) -> str:
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise ActionRefused(message)
    return reason


def _predicted(report: Report) -> dict:
    """What the classifier read when the report was routed (its event), whatever people changed since."""
    event = next((e for e in report.events if e.kind == EventKind.CLASSIFIED), None)
    data = (event.data or {}) if event else {}
    return {key: data.get(key) for key in ("agency", "ward_code", "category", "escalate")}


def _keep(session, report: Report, source: CorrectionSource, reason: str, actor_id: int | None) -> Correction:
    """The report's labels after a correction, as a labelled example for the classifier."""
    predicted = _predicted(report)
    correction = Correction(
        report_id=report.id,
        source=source,
        # The example keeps the words, never who wrote them: it is exported for retraining and outlives the
        # purge of contact details.
        text=redact(report.text, known=contacts(report)),
        agency=report.agency,
        ward_code=report.ward_code,
        category=report.category or Category.KHAC,
        escalate=bool(report.escalate),
        kind=report.kind,
        accused_agency=report.accused_agency,
        accused_ward_code=report.accused_ward_code,
        predicted_agency=predicted["agency"],
        predicted_ward_code=predicted["ward_code"],
        predicted_category=predicted["category"],
        predicted_escalate=predicted["escalate"],
        reason=reason,
        created_by=actor_id,
    )
    session.add(correction)
    return correction


def _shown(field: str, value) -> str:
    if value is None or value == "":
        return "không có"
    if field == "ward_code":
        return ward_name(value)
    if field == "escalate":
        return "có" if value else "không"
    if field == "accused":
        return body_name(*value)
    return label(value)


def _record_correction(report: Report, source: CorrectionSource, changes: dict, reason: str, actor_id) -> None:
    """The internal timeline entry: what changed (codes, and in words), and why."""
    summary = "; ".join(
        f"{FIELD_NAMES[field]}: {_shown(field, old)} → {_shown(field, new)}" for field, (old, new) in changes.items()
    )
    report.record(
        EventKind.CORRECTED,
        public=False,
        actor_id=actor_id,
        source=str(source),
        changes={field: [old, new] for field, (old, new) in changes.items()},
        summary=summary,
        reason=reason,
    )


def _labels(report: Report) -> dict:
    return {
        "agency": report.agency,
        "ward_code": report.ward_code,
        "category": report.category,
        "kind": report.kind,
        "track": report.track,
        "escalate": bool(report.escalate),
        "accused": (report.accused_agency, report.accused_ward_code) if report.accused_agency else None,
    }


def _changes(before: dict, after: dict) -> dict:
    return {field: (before[field], after[field]) for field in before if before[field] != after[field]}


def give_to(report: Report, unit, *, actor_id, note: str, why: RoutingReason = RoutingReason.REROUTE, **data) -> None:
    """The report goes to `unit` (routed, unassigned), as a public status event saying where and why."""
    report.unit, report.assignee = unit, None
    report.move_to(
        Status.ROUTED, actor_id=actor_id, unit_code=unit.code, unit_name=unit.name, reason=why, note=note, **data
    )


def _send(report: Report, unit, *, actor_id, note: str, why: RoutingReason) -> None:
    """Give the report to `unit` (never the accused body); nothing moves when it already has it."""
    if report.accuses(unit):
        raise ActionRefused(ACCUSED_BODY)
    if report.status == Status.ROUTED and report.unit_id == unit.id:
        return
    give_to(report, unit, actor_id=actor_id, note=note, why=why)


def _check_correctable(report: Report) -> None:
    if report.status not in CORRECTABLE:
        raise ActionRefused("Chỉ sửa được phân loại của đơn chưa thụ lý.")


def _check_code(value, codes, message: str):
    if value not in codes:
        raise ActionRefused(message)
    return str(value)


def _check_ward(ward_code: str | None) -> str | None:
    ward_code = ward_code or None
    if ward_code is not None and ward_code not in ward_names():
        raise ActionRefused("Xã, phường không có trong danh sách của tỉnh.")
    return ward_code


def _unit_named(session, agency: str, ward_code: str | None):
    if agency == Agency.XA and not ward_code:
        raise ActionRefused("Đơn thuộc UBND xã, phường: xin chọn xã, phường nơi xảy ra.")
    unit = unit_for(session, agency=agency, ward_code=ward_code)
    if unit is None:
        raise ActionRefused("Không tìm thấy đơn vị giải quyết cho cơ quan và xã, phường này.")
    return unit


def correct_labels(
    session,
    report: Report,
    *,
    agency: str,
    ward_code: str | None,
    category: str,
    kind: str,
    reason: str,
    actor_id: int | None,
    services,
    now: datetime,
) -> Correction:
    """Correct the agency, place, category and kind; the report goes to the body its labels now name.

    An escalated report stays with the body above the accused one: its agency changes only by clearing escalation.
    """
    if report.status not in CORRECTABLE and kind != report.kind:
        raise ActionRefused(
            f"Đơn đã thụ lý theo trình tự {label(report.track).lower()}: không đổi được loại đơn nữa, vì thời hạn "
            "giải quyết đã tính theo trình tự này. Nếu đơn phải giải quyết theo trình tự khác, xin ghi chú nội bộ "
            "và báo lãnh đạo."
        )
    _check_correctable(report)
    reason = _reason(reason, "Xin ghi lý do sửa phân loại.")
    agency = _check_code(agency, Agency, "Cơ quan không có trong danh mục.")
    category = _check_code(category, Category, "Loại vi phạm không có trong danh mục.")
    kind = _check_code(kind, Kind, "Loại đơn không có trong danh mục.")
    ward_code = _check_ward(ward_code)
    if report.escalate and agency != report.agency:
        raise ActionRefused(
            "Đơn phản ánh người đứng đầu: do cơ quan cấp trên của cơ quan bị phản ánh giải quyết. Muốn đổi cơ quan "
            'giải quyết, xin bỏ đánh dấu ở phần "Người đứng đầu bị phản ánh" trước.'
        )
    if not report.escalate and agency == Agency.UBND_TINH:
        raise ActionRefused(
            "Chủ tịch UBND tỉnh chỉ giải quyết đơn phản ánh người đứng đầu Thanh tra tỉnh: xin xác định ở phần "
            '"Người đứng đầu bị phản ánh".'
        )
    before = _labels(report)
    if (agency, ward_code, category, kind) == (report.agency, report.ward_code, report.category, report.kind):
        raise ActionRefused("Phân loại không thay đổi: không có gì để lưu.")
    unit = report.unit if report.escalate else _unit_named(session, agency, ward_code)
    if report.accuses(unit):
        raise ActionRefused(ACCUSED_BODY)
    if kind != report.kind and any(c.status == ClockStatus.PAUSED for c in report.clocks):
        raise ActionRefused(
            "Thời hạn đang tạm dừng chờ người phản ánh bổ sung thông tin: chỉ đổi được loại đơn sau khi họ trả lời."
        )
    report.agency, report.ward_code, report.category = agency, ward_code, category
    if unit is not None:
        _send(report, unit, actor_id=actor_id, note=reason, why=RoutingReason.REROUTE)
    if kind != report.kind:
        _change_kind(report, kind, services=services, now=now)
    _record_correction(report, CorrectionSource.LABELS, _changes(before, _labels(report)), reason, actor_id)
    return _keep(session, report, CorrectionSource.LABELS, reason, actor_id)


def set_escalation(session, report: Report, accused, *, reason: str, actor_id: int | None) -> Correction:
    """The report accuses the head of `accused` (a unit chosen by a person): it goes to the body above, and the
    accused body can no longer receive or see it."""
    _check_correctable(report)
    reason = _reason(reason, "Xin ghi lý do: vì sao đơn phản ánh người đứng đầu cơ quan này.")
    if accused is None:
        raise ActionRefused("Xin chọn cơ quan có người đứng đầu bị phản ánh.")
    if accused.agency == Agency.UBND_TINH:
        raise ActionRefused(
            "Không có cơ quan nào trên Chủ tịch UBND tỉnh trong hệ thống: đơn phản ánh người đứng đầu UBND tỉnh "
            "không chuyển được ở đây."
        )
    if report.escalate and report.accused_unit_id == accused.id and report.unit is not None:
        raise ActionRefused(f"Đơn đã được xác định là phản ánh người đứng đầu {accused.name}.")
    above = unit_for(session, agency=body_above(Body(accused.agency, accused.ward_code)), ward_code=None)
    if above is None:
        raise ActionRefused("Không tìm thấy cơ quan cấp trên của cơ quan bị phản ánh.")
    before = _labels(report)
    report.set_accused(accused, accused.agency, accused.ward_code)
    report.escalate, report.agency = True, above.agency
    _send(report, above, actor_id=actor_id, note=reason, why=RoutingReason.ESCALATE)
    _record_correction(report, CorrectionSource.ESCALATION_SET, _changes(before, _labels(report)), reason, actor_id)
    return _keep(session, report, CorrectionSource.ESCALATION_SET, reason, actor_id)


def clear_escalation(
    session, report: Report, *, agency: str, ward_code: str | None, reason: str, actor_id: int | None
) -> Correction:
    """No head is accused after all: the accused body is forgotten and the report goes to the body named."""
    _check_correctable(report)
    if not (report.escalate or report.accused_agency or report.accused_unit_id):
        raise ActionRefused("Đơn không được đánh dấu là phản ánh người đứng đầu.")
    reason = _reason(reason, "Xin ghi lý do: vì sao đơn không phản ánh người đứng đầu.")
    agency = _check_code(agency, Agency, "Cơ quan không có trong danh mục.")
    if agency == Agency.UBND_TINH:
        raise ActionRefused("Chủ tịch UBND tỉnh chỉ giải quyết đơn phản ánh người đứng đầu Thanh tra tỉnh.")
    ward_code = _check_ward(ward_code)
    unit = _unit_named(session, agency, ward_code)
    before = _labels(report)
    report.set_accused(None, None, None)
    report.escalate, report.agency, report.ward_code = False, agency, ward_code
    _send(report, unit, actor_id=actor_id, note=reason, why=RoutingReason.REROUTE)
    _record_correction(report, CorrectionSource.ESCALATION_CLEAR, _changes(before, _labels(report)), reason, actor_id)
    return _keep(session, report, CorrectionSource.ESCALATION_CLEAR, reason, actor_id)


def _change_kind(report: Report, kind: str, *, services, now: datetime) -> None:
    """A new kind before acceptance: the legal track follows it, and the clocks counting from receipt are planned
    again on that track (same receipt date; paused days kept; a breach the new deadline does not confirm is
    withdrawn). Paused clocks are refused before (`correct_labels`)."""
    report.kind = kind
    track = legal_track(kind, report.reporter_name, report.reporter_address)
    if track == report.track:
        return
    report.track = track
    replan_open_clocks(report, services=services, now=now, in_course=False, drop_missing=True)


def reroute_report(session, report: Report, unit, *, reason: str, actor_id: int | None, category: str | None = None):
    """Send a report to another unit (or, with unit=None, back to manual triage), keeping the correction.

    The correction becomes a labelled example for the classifier. A report that accuses the head of a
    body can never be sent to that body (nor, when its commune is not known, to any commune).
    """
    if not reason or len(reason.strip()) < 5:
        raise ActionRefused("Xin ghi lý do chuyển đơn.")
    if report.status not in CORRECTABLE:
        raise ActionRefused("Chỉ chuyển được đơn chưa thụ lý.")
    if report.accuses(unit):
        raise ActionRefused(ACCUSED_BODY)
    if unit is not None and unit.id == report.unit_id:
        raise ActionRefused("Đơn đang ở đúng đơn vị này.")
    if unit is None:
        report.unit, report.assignee = None, None
        report.move_to(Status.NEEDS_TRIAGE, actor_id=actor_id, reason=reason)
        return None
    before = _labels(report)
    report.agency = Agency.THANH_TRA_TINH if report.escalate and unit.code == Agency.THANH_TRA_TINH else unit.agency
    if unit.ward_code:
        report.ward_code = unit.ward_code
    if category:
        report.category = category
    give_to(report, unit, actor_id=actor_id, note=reason)
    reason = reason.strip()
    _record_correction(report, CorrectionSource.REROUTE, _changes(before, _labels(report)), reason, actor_id)
    return _keep(session, report, CorrectionSource.REROUTE, reason, actor_id)


def add_note(report: Report, text: str, *, actor_id: int | None) -> None:
    """An internal note: never shown to the reporter."""
    if not text.strip():
        raise ActionRefused("Ghi chú đang để trống.")
    report.record(EventKind.NOTE, public=False, actor_id=actor_id, text=text.strip())


def record_findings(report: Report, text: str, *, actor_id: int | None) -> None:
    """Internal verification notes (the timeline only): what reaches the reporter is the result submitted for
    approval (`signoff.submit`), whose findings are printed in the answer."""
    report.record(EventKind.FINDINGS, public=False, actor_id=actor_id, text=text.strip())


SIXCLEAR_MISSING = {
    "assignee": "rõ người (cán bộ xử lý)",
    "task": "rõ việc (việc sẽ làm)",
    "responsibility": "rõ trách nhiệm (đơn vị chịu trách nhiệm)",
    "authority": "rõ thẩm quyền (căn cứ pháp lý)",
    "due": "rõ thời gian (hạn hoàn thành)",
}


def missing_sixclear(report: Report) -> list[str]:
    """The "6 rõ" items still empty; all five must be filled before acceptance (the sixth, result, at resolution)."""
    filled = {
        "assignee": report.assignee_id is not None,
        "task": bool(report.sixclear_task),
        "responsibility": bool(report.sixclear_responsibility),
        "authority": bool(report.sixclear_authority),
        "due": report.sixclear_due_on is not None,
    }
    return [SIXCLEAR_MISSING[k] for k, ok in filled.items() if not ok]
