"""Handling a đơn before acceptance (xử lý đơn, Thông tư 05/2021/TT-TTCP): the unit that holds a routed đơn
answers it within the acceptance period counted from receipt, in one of six ways:

- thụ lý (`actions.accept_report`), and for a khiếu nại or tố cáo the thông báo thụ lý (`notify_acceptance`),
  which is what the tố cáo's five-working-day notice clock waits for;
- không thụ lý (`refuse`), on a legal ground of the đơn's track;
- hướng dẫn (`guide`): the matter is for another body; the citizen is told where to go;
- chuyển đơn (`transfer`): to a competent unit of the directory (the đơn stays routed, at that unit) or to a body
  outside it (another province, a ministry, the Party inspection commission, the police, the procuracy); the
  forwarding clock of the track, counted from receipt, is met or breached by the transfer;
- lưu đơn (`archive`): duplicate, no content, anonymous without evidence;
- trả lại đơn và giấy tờ (`return_to_reporter`).

Each is a state transition and an event, stops the clocks that waited for the decision (a clock already breached
stays breached) and issues its numbered document.
"""

from core.models import Report, Unit
from core.vietnamese import legal_date
from core.vocabulary import (
    NAMED_BODIES,
    ArchiveGround,
    ClockStatus,
    DocumentKind,
    EventKind,
    Kind,
    OutsideBody,
    RefusalGround,
    Status,
    label,
)
from triage.casework.actions import give_to
from triage.casework.steps import ActionRefused, Step, issue, reason_given, require_move
from triage.deadlines.calendar import end_of_day_utc
from triage.deadlines.clocks import close_on_decision, plans_for, schedule, stop_clocks

NOT_NOW = "Đơn đã được xử lý hoặc không còn ở bước xem xét thụ lý: không thực hiện được bước này."

# The legal grounds of không thụ lý, per track (Luật Khiếu nại 2011 Điều 11; Luật Tố cáo 2018 Điều 29;
# Nghị định 20/2008/NĐ-CP for phản ánh, kiến nghị); "khac" with the reason in words on every track.
REFUSAL_GROUNDS: dict[str, tuple[RefusalGround, ...]] = {
    Kind.KHIEU_NAI: tuple(g for g in RefusalGround if g.value.startswith("kn-")),
    Kind.TO_CAO: tuple(g for g in RefusalGround if g.value.startswith("tc-")),
    Kind.PHAN_ANH: tuple(g for g in RefusalGround if g.value.startswith("pa-")),
}


def refusal_grounds(track: str) -> tuple[RefusalGround, ...]:
    return (*REFUSAL_GROUNDS.get(track, ()), RefusalGround.OTHER)


def _received_on(report: Report):
    return legal_date(report.instance_received)


def _answered(step: Step, report: Report, status: Status, **data) -> None:
    """The decision on the timeline (public: the reporter sees it), and the clocks waiting for it stopped."""
    report.move_to(status, actor_id=step.actor_id, **data)
    stop_clocks(report, step.now)


def notify_acceptance(step: Step, report: Report):
    """The thông báo thụ lý to the reporter of a khiếu nại or tố cáo: it meets the notice clock (Luật Tố cáo 2018
    Điều 29: within five working days of acceptance). Once per acceptance."""
    if report.status not in (Status.ACCEPTED, Status.SUSPENDED, Status.AWAITING_APPROVAL):
        raise ActionRefused("Chỉ ra thông báo thụ lý cho đơn đã thụ lý.")
    if report.track == Kind.PHAN_ANH:
        raise ActionRefused("Phản ánh, kiến nghị không có thông báo thụ lý.")
    if acceptance_notified(report):
        raise ActionRefused("Đã ra thông báo thụ lý cho đơn này.")
    resolution = report.clock("resolution")
    document = issue(
        step,
        report,
        DocumentKind.ACCEPTANCE,
        {"received_on": legal_date(report.instance_received), "due_on": resolution.due_on if resolution else None},
        public=True,
    )
    stop_clocks(report, step.now, stages={"notify"})
    return document


def acceptance_notified(report: Report) -> bool:
    """Whether this acceptance (the last one) has had its notice."""
    accepted = report.accepted_at
    return any(
        e.kind == EventKind.DOCUMENT
        and e.data.get("document_kind") == DocumentKind.ACCEPTANCE
        and (accepted is None or e.at is None or e.at >= accepted)
        for e in report.events
    )


def refuse(step: Step, report: Report, *, ground: str, reason: str | None = None):
    """Không thụ lý: the đơn does not meet the conditions of its track, on a legal ground."""
    if ground not in refusal_grounds(report.track):
        ground = ""  # a ground of another track is no ground here
    return _on_ground(
        step, report, Status.NOT_ACCEPTED, RefusalGround, ground, reason, DocumentKind.REFUSAL, public=True
    )


GROUND_MESSAGES = {
    Status.NOT_ACCEPTED: ("Xin chọn căn cứ không thụ lý phù hợp với loại đơn.", "Xin ghi rõ lý do không thụ lý."),
    Status.ARCHIVED: ("Xin chọn căn cứ lưu đơn.", "Xin ghi rõ lý do lưu đơn."),
}


def _on_ground(step: Step, report: Report, status: Status, grounds, ground, reason, kind, *, public: bool):
    """A decision on one of a list of legal grounds ("khac" needs the reason in words), and its document."""
    require_move(report, status, NOT_NOW)
    no_ground, no_reason = GROUND_MESSAGES[status]
    if ground not in grounds:
        raise ActionRefused(no_ground)
    ground = grounds(ground)
    reason = (reason or "").strip()
    if ground == grounds.OTHER:
        reason = reason_given(reason, no_reason)
    if public:
        _answered(step, report, status, ground=str(ground), ground_label=label(ground), reason=reason)
    else:  # the reporter sees the ground; the reason in words stays with the unit, as its document does
        _answered(step, report, status, ground=str(ground), ground_label=label(ground))
        if reason:
            report.record(EventKind.NOTE, public=False, actor_id=step.actor_id, text=reason)
    facts = {"ground": label(ground), "reason": reason, "received_on": _received_on(report)}
    return issue(step, report, kind, facts, public=public)


def outside_body_name(body: str, name: str | None) -> str:
    """The name of a body outside the directory: its label, or the name given where one is needed."""
    if body not in OutsideBody:
        raise ActionRefused("Xin chọn cơ quan có thẩm quyền.")
    body = OutsideBody(body)
    name = (name or "").strip()
    if body in NAMED_BODIES:
        return reason_given(name, f"Xin ghi tên cụ thể của cơ quan ({label(body)}).", minimum=3)
    return f"{label(body)} ({name})" if name else label(body)


def guide(step: Step, report: Report, *, body: str, name: str | None, guidance: str):
    """Hướng dẫn: the matter belongs to another body; the citizen is told which and how to go there."""
    require_move(report, Status.GUIDED, NOT_NOW)
    body_name = outside_body_name(body, name)
    guidance = reason_given(guidance, "Xin ghi nội dung hướng dẫn người gửi đơn (nộp đơn ở đâu, kèm giấy tờ gì).", 10)
    _answered(step, report, Status.GUIDED, body=str(body), body_name=body_name, guidance=guidance)
    return issue(
        step,
        report,
        DocumentKind.GUIDANCE,
        {"body": body_name, "guidance": guidance, "received_on": _received_on(report)},
        public=True,
    )


def transfer(step: Step, report: Report, *, reason: str, unit: Unit | None = None, body: str = "", name: str = ""):
    """Chuyển đơn to the competent body: a unit of the directory (never the accused body) or a body outside it.
    The forwarding clock of the track (counted from receipt) is met by a transfer in time, breached by a late one.
    """
    require_move(report, Status.TRANSFERRED, NOT_NOW)
    reason = reason_given(reason, "Xin ghi lý do chuyển đơn (vì sao cơ quan đó có thẩm quyền).")
    if unit is not None:
        if report.accuses(unit):
            raise ActionRefused(
                "Đơn phản ánh người đứng đầu cơ quan này: không được chuyển cho chính cơ quan bị phản ánh."
            )
        if unit.id == report.unit_id:
            raise ActionRefused("Đơn đang ở đúng đơn vị này.")
        body_name = unit.name
    else:
        body_name = outside_body_name(body, name)
    _forwarded(step, report)
    document = issue(
        step,
        report,
        DocumentKind.TRANSFER,
        {"body": body_name, "reason": reason, "received_on": _received_on(report)},
        public=True,
    )
    if unit is None:
        _answered(step, report, Status.TRANSFERRED, body=str(body), body_name=body_name, reason=reason)
        return document
    give_to(report, unit, actor_id=step.actor_id, note=reason, transferred=True)
    _restart_acceptance(step, report)
    return document


def _forwarded(step: Step, report: Report) -> None:
    """The forwarding clock of the track, closed by this transfer (once: a second transfer is not timed)."""
    if report.clock("forward") is not None:
        return
    services = step.services
    remote = bool(report.unit and report.unit.remote)
    plans = plans_for(report, calendar=services.calendar, policy=services.policy, remote=remote)
    plan = next((p for p in plans if p.stage == "forward"), None)
    if plan is not None:
        close_on_decision(report, plan, step.now)


def _restart_acceptance(step: Step, report: Report) -> None:
    """The unit that receives a transferred đơn has the acceptance period again, from the day it receives it."""
    clock = report.clock("acceptance")
    if clock is None or clock.status == ClockStatus.MET:
        return
    calendar = step.services.calendar
    today = legal_date(step.now)
    if clock.status == ClockStatus.PAUSED:
        return  # waiting for the reporter: it runs again from their answer
    clock.starts_on = today
    clock.due_on = (
        calendar.add_working_days(today, clock.amount)
        if clock.unit == "working_days"
        else calendar.add_calendar_days(today, clock.amount)
    )
    clock.nominal_due_on, clock.due_at, clock.paused_days = clock.due_on, end_of_day_utc(clock.due_on), 0
    clock.status, clock.breached_at = ClockStatus.RUNNING, None
    schedule(clock, calendar, step.services.points)


def archive(step: Step, report: Report, *, ground: str, reason: str | None = None):
    """Lưu đơn: filed without handling; the phiếu đề xuất stays inside the unit."""
    return _on_ground(step, report, Status.ARCHIVED, ArchiveGround, ground, reason, DocumentKind.ARCHIVE, public=False)


def return_to_reporter(step: Step, report: Report, *, reason: str, body: str = "", name: str = ""):
    """Trả lại đơn và giấy tờ: the đơn and the originals sent with it go back to the reporter, with where to
    take them when another body is competent."""
    require_move(report, Status.RETURNED, NOT_NOW)
    reason = reason_given(reason, "Xin ghi lý do trả lại đơn và giấy tờ.")
    body_name = outside_body_name(body, name) if body else ""
    _answered(step, report, Status.RETURNED, reason=reason, body_name=body_name)
    return issue(
        step,
        report,
        DocumentKind.RETURN,
        {"reason": reason, "body": body_name, "received_on": _received_on(report)},
        public=True,
    )
