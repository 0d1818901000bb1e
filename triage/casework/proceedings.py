"""The course of an accepted case and what may change it (Luật Khiếu nại 2011; Luật Tố cáo 2018):

- tạm đình chỉ of a tố cáo and its end (`suspend`, `resume`; Luật Tố cáo 2018 Điều 34): the clocks stop
  counting while suspended;
- đình chỉ (`terminate`);
- rút đơn (asked by the reporter on the status page, `intake.reporter_requests`; `withdraw`): a withdrawn đơn
  ends, except an accepted tố cáo, which the inspector may go on with when there are signs of a violation
  (`pursue`);
- vụ việc phức tạp (`set_complexity`): a recorded decision that gives a khiếu nại its longer period and a tố cáo
  its extensions;
- gia hạn (`extend`), with its decision;
- a change of track by staff (`change_track`), its clocks planned again from the policy;
- xử lý lại (`reopen`) of a resolved case, which the "xử lý lại" KPI counts;
- khiếu nại lần hai (`open_second_instance`, asked on the status page or recorded from paper), handled by the
  body above with its own periods.
"""

from datetime import datetime, timedelta

from core.models import Report, Unit
from core.units import unit_for
from core.vietnamese import format_date, legal_date
from core.vocabulary import (
    FINISHED,
    Agency,
    ClockStatus,
    Complexity,
    DocumentKind,
    EventKind,
    Kind,
    Status,
    label,
)
from intake.reporter_requests import IN_COURSE, withdrawal_needs_decision
from triage.casework.actions import give_to
from triage.casework.steps import ActionRefused, Step, issue, reason_given, require_move
from triage.deadlines.clocks import (
    add_clock,
    extend_clock,
    pause_clocks,
    plans_for,
    replan_open_clocks,
    resume_clocks,
    start_for,
    stop_clocks,
)
from triage.deadlines.policy import ExtensionError


def _remote(report: Report) -> bool:
    return bool(report.unit and report.unit.remote)


# -- suspension and termination -------------------------------------------------------------------------------------


def suspend(step: Step, report: Report, *, reason: str):
    """Tạm đình chỉ: the case waits (for another body's result, for the reporter...); its clocks stop counting."""
    require_move(report, Status.SUSPENDED, "Chỉ tạm đình chỉ được đơn đang giải quyết.")
    if report.status != Status.ACCEPTED:
        raise ActionRefused("Chỉ tạm đình chỉ được đơn đang giải quyết.")
    if report.track != Kind.TO_CAO:
        raise ActionRefused("Pháp luật chỉ quy định tạm đình chỉ việc giải quyết tố cáo (Luật Tố cáo 2018, Điều 34).")
    if any(c.status == ClockStatus.PAUSED for c in report.clocks):
        raise ActionRefused("Thời hạn đang tạm dừng chờ người phản ánh trả lời: chưa tạm đình chỉ được.")
    reason = reason_given(reason, "Xin ghi lý do tạm đình chỉ.")
    report.move_to(Status.SUSPENDED, actor_id=step.actor_id, reason=reason)
    pause_clocks(report, step.now)
    return issue(step, report, DocumentKind.SUSPENSION, {"reason": reason, "stage_label": "giải quyết"}, public=True)


def resume(step: Step, report: Report, *, reason: str) -> None:
    """The reason for the suspension is gone: the case goes on, its deadlines moved by the time suspended."""
    if report.status != Status.SUSPENDED:
        raise ActionRefused("Đơn không ở trạng thái tạm đình chỉ.")
    reason = reason_given(reason, "Xin ghi lý do tiếp tục giải quyết.")
    report.move_to(Status.ACCEPTED, actor_id=step.actor_id, reason=reason, resumed=True)
    resume_clocks(report, step.now, step.services.calendar, step.services.points)


def terminate(step: Step, report: Report, *, reason: str):
    """Đình chỉ: the case ends without a result (the reporter died, the matter was settled by a court...)."""
    require_move(report, Status.TERMINATED, "Chỉ đình chỉ được đơn đang giải quyết.")
    reason = reason_given(reason, "Xin ghi lý do đình chỉ giải quyết.")
    report.move_to(Status.TERMINATED, actor_id=step.actor_id, reason=reason)
    stop_clocks(report, step.now, status=ClockStatus.STOPPED)
    return issue(step, report, DocumentKind.TERMINATION, {"reason": reason}, public=True)


# -- withdrawal -------------------------------------------------------------------------------------------------------


def withdraw(step: Step, report: Report, *, reason: str, by_reporter: bool = False):
    """Rút đơn: the đơn ends and its clocks stop; an accepted đơn gets the notice of its withdrawal. An accepted
    tố cáo withdrawn by its reporter waits for the inspector's decision (`withdraw` by staff, or `pursue`)."""
    if report.status in FINISHED:
        raise ActionRefused("Đơn đã có kết quả xử lý: không rút được nữa.")
    if by_reporter and withdrawal_needs_decision(report):
        return None
    reason = reason_given(reason, "Xin ghi lý do, hoặc nội dung đề nghị rút đơn của người gửi.")
    report.withdrawal_requested_at = report.withdrawal_requested_at or step.now
    report.move_to(Status.WITHDRAWN, actor_id=step.actor_id, reason=reason, by_reporter=by_reporter)
    stop_clocks(report, step.now, status=ClockStatus.STOPPED)
    if report.unit is None:
        return None
    withdrawn_on = legal_date(report.withdrawal_requested_at)
    return issue(step, report, DocumentKind.WITHDRAWAL, {"withdrawn_on": withdrawn_on, "reason": reason}, public=True)


def pursue(step: Step, report: Report, *, reason: str) -> None:
    """A withdrawn tố cáo is pursued: there are signs of a violation (Luật Tố cáo 2018 Điều 33)."""
    if not (withdrawal_needs_decision(report) and report.withdrawal_requested_at):
        raise ActionRefused("Không có đề nghị rút tố cáo đang chờ quyết định.")
    reason = reason_given(reason, "Xin ghi dấu hiệu vi phạm cho thấy cần tiếp tục giải quyết.")
    report.withdrawal_requested_at = None
    report.record(EventKind.PURSUED, public=True, actor_id=step.actor_id, reason=reason)


# -- complexity, extension, track -------------------------------------------------------------------------------------


def set_complexity(step: Step, report: Report, *, level: str, reason: str) -> None:
    """The decision that a case is complex: a khiếu nại's resolution period becomes the law's longer one (from its
    acceptance); a tố cáo may be extended once (complex) or twice (especially complex)."""
    if level not in Complexity:
        raise ActionRefused("Xin chọn mức độ phức tạp.")
    if report.status not in (Status.ROUTED, *IN_COURSE):
        raise ActionRefused("Chỉ xác định mức độ phức tạp của đơn đang xử lý.")
    if level == report.complexity:
        raise ActionRefused(f"Vụ việc đã được xác định là {label(Complexity(level)).lower()}.")
    reason = reason_given(reason, "Xin ghi lý do xác định mức độ phức tạp.")
    before, report.complexity = report.complexity, str(level)
    replan_open_clocks(report, services=step.services, now=step.now, in_course=report.status in IN_COURSE)
    report.record(
        EventKind.COMPLEXITY,
        public=True,
        actor_id=step.actor_id,
        complexity=str(level),
        label=label(Complexity(level)),
        previous=before,
        reason=reason,
    )


def extend(step: Step, report: Report, *, stage: str, reason: str):
    """Gia hạn one clock, as far as the law allows for the complexity decided; the decision is a document."""
    clock = report.clock(stage)
    if clock is None or not (clock.is_open or clock.status == ClockStatus.BREACHED):
        raise ActionRefused("Không có thời hạn này đang tính.")
    reason = reason_given(reason, "Xin ghi lý do gia hạn.")
    rule = step.services.policy.stage(clock.track, clock.stage)
    if rule.extension is None:
        raise ActionRefused(
            f"Pháp luật không cho gia hạn thời hạn này ({clock.label.lower()}) của {label(Kind(report.track)).lower()}."
            + (" Vụ việc phức tạp có thời hạn dài hơn: xin xác định mức độ phức tạp." if rule.variants else "")
        )
    if rule.extension.allowed(report.complexity or Complexity.NORMAL) == 0:
        raise ActionRefused("Chỉ gia hạn được vụ việc đã xác định là phức tạp hoặc đặc biệt phức tạp.")
    try:
        extend_clock(
            clock,
            complexity=report.complexity,
            policy=step.services.policy,
            calendar=step.services.calendar,
            points=step.services.points,
        )
    except ExtensionError:
        raise ActionRefused(
            f"Đã gia hạn {clock.extensions} lần: pháp luật không cho gia hạn thêm với vụ việc "
            f"{label(Complexity(report.complexity)).lower()}."
        ) from None
    report.record(
        EventKind.EXTENDED,
        public=True,
        actor_id=step.actor_id,
        stage=clock.stage,
        label=clock.label,
        reason=reason,
        due_on=clock.due_on.isoformat(),
        due_on_vi=format_date(clock.due_on),
    )
    return issue(
        step,
        report,
        DocumentKind.EXTENSION,
        {"reason": reason, "stage_label": clock.label.lower().removeprefix("hạn "), "due_on": clock.due_on},
        public=True,
    )


def change_track(step: Step, report: Report, *, track: str, reason: str) -> None:
    """Handle the đơn on another legal track (a "khiếu nại" that is a tố cáo...): every open clock is planned again
    on the new track from the same receipt and acceptance; clocks the new track does not have are dropped."""
    if track not in Kind:
        raise ActionRefused("Xin chọn trình tự giải quyết.")
    if report.status not in (Status.ROUTED, Status.NEEDS_TRIAGE, *IN_COURSE):
        raise ActionRefused("Chỉ đổi được trình tự của đơn đang xử lý.")
    if track == report.track:
        raise ActionRefused("Đơn đang được giải quyết theo trình tự này.")
    if track in (Kind.TO_CAO, Kind.KHIEU_NAI) and not (report.reporter_name and report.reporter_address):
        raise ActionRefused(
            "Đơn không ghi rõ họ tên, địa chỉ người gửi: pháp luật không cho giải quyết theo trình tự khiếu nại, "
            "tố cáo; xử lý như phản ánh, kiến nghị."
        )
    if any(c.status == ClockStatus.PAUSED for c in report.clocks):
        raise ActionRefused("Thời hạn đang tạm dừng: chỉ đổi được trình tự khi thời hạn đang tính.")
    reason = reason_given(reason, "Xin ghi lý do đổi trình tự giải quyết.")
    before = report.track
    report.track = str(track)
    if track != Kind.KHIEU_NAI:
        report.instance = 1
    replan_open_clocks(
        report,
        services=step.services,
        now=step.now,
        in_course=report.status in IN_COURSE,
        drop_missing=True,
    )
    report.record(
        EventKind.TRACK_CHANGED,
        public=True,
        actor_id=step.actor_id,
        previous=before,
        track=str(track),
        label=label(Kind(track)),
        reason=reason,
    )


# -- reopening and the second instance --------------------------------------------------------------------------------


def reopen(step: Step, report: Report, *, reason: str) -> None:
    """Xử lý lại: a resolved case is handled again (the result was wrong, incomplete, or annulled); a new
    resolution period counts from today."""
    if report.status not in (Status.RESOLVED, Status.CLOSED):
        raise ActionRefused("Chỉ xử lý lại được đơn đã có kết quả giải quyết.")
    reason = reason_given(reason, "Xin ghi lý do xử lý lại.")
    report.move_to(Status.ACCEPTED, actor_id=step.actor_id, reason=reason, reopened=True)
    report.reopened = (report.reopened or 0) + 1
    report.record(EventKind.REOPENED, public=True, actor_id=step.actor_id, reason=reason, times=report.reopened)
    report.outcome = report.proposed_outcome = None
    report.resolved_at = report.closed_at = report.submitted_at = report.approved_at = None
    report.approved_by_id = None
    services = step.services
    plans = plans_for(
        report, calendar=services.calendar, policy=services.policy, remote=_remote(report), accepted_at=step.now
    )
    plan = next((p for p in plans if p.stage == "resolution"), None)
    if plan is not None:
        cycle = 1 + max((c.cycle or 0 for c in report.clocks if c.stage == "resolution"), default=0)
        add_clock(report, plan, services.calendar, services.points, cycle=cycle)


VERTICAL = (Agency.CONG_AN_TINH, Agency.THUE, Agency.BHXH)  # their chain of command is outside the province


def second_instance_unit(step: Step, report: Report) -> Unit:
    """The body that decides a second instance: the Chủ tịch UBND tỉnh for a decision of a commune's chairman, a
    sở's director or the provincial inspectorate (Luật Khiếu nại 2011 Điều 21, with the two-level local
    government of 2025); a decision of the police, tax or social insurance goes up their own chain, and one of
    the Chủ tịch UBND tỉnh to a minister: outside this directory."""
    unit = report.unit
    if unit is None:
        raise ActionRefused("Đơn chưa có đơn vị giải quyết lần đầu.")
    if unit.agency == Agency.UBND_TINH:
        raise ActionRefused(
            "Quyết định lần đầu của Chủ tịch UBND tỉnh: khiếu nại lần hai do Bộ trưởng quản lý ngành giải quyết. "
            "Xin hướng dẫn người khiếu nại."
        )
    if unit.agency in VERTICAL:
        raise ActionRefused(
            f"Quyết định lần đầu của {unit.name}: khiếu nại lần hai do thủ trưởng cơ quan cấp trên trực tiếp của "
            "ngành giải quyết. Xin hướng dẫn người khiếu nại."
        )
    above = unit_for(step.session, agency=Agency.UBND_TINH, ward_code=None)
    if above is None or report.accuses(above):
        raise ActionRefused("Không tìm thấy cơ quan giải quyết khiếu nại lần hai.")
    return above


def open_second_instance(step: Step, report: Report, *, received_at: datetime, reason: str) -> Unit:
    """Khiếu nại lần hai: the đơn goes to the body above, to be handled from its own receipt with the second
    instance's periods (Luật Khiếu nại 2011 Điều 36, 37)."""
    if report.track != Kind.KHIEU_NAI or (report.instance or 1) != 1:
        raise ActionRefused("Chỉ khiếu nại lần đầu mới có khiếu nại lần hai.")
    if report.status not in (Status.RESOLVED, Status.CLOSED):
        raise ActionRefused("Chỉ mở khiếu nại lần hai khi lần đầu đã có quyết định giải quyết.")
    if received_at > step.now + timedelta(minutes=5):
        raise ActionRefused("Ngày nhận đơn khiếu nại lần hai không được ở tương lai.")
    if report.resolved_at is not None and legal_date(received_at) < legal_date(report.resolved_at):
        raise ActionRefused(
            f"Ngày nhận đơn khiếu nại lần hai không được trước ngày có quyết định lần đầu "
            f"({format_date(legal_date(report.resolved_at))})."
        )
    reason = reason_given(reason, "Xin ghi nội dung khiếu nại lần hai.", 10)
    above = second_instance_unit(step, report)
    first = report.unit
    report.instance, report.instance_received_at = 2, received_at
    report.complexity = Complexity.NORMAL  # the body of the second instance decides it anew
    report.agency = above.agency
    report.accepted_at = report.resolved_at = report.closed_at = report.submitted_at = report.approved_at = None
    report.outcome = report.proposed_outcome = report.approved_by_id = None
    report.sixclear_task = report.sixclear_due_on = None
    give_to(report, above, actor_id=step.actor_id, note=reason, second_instance=True)
    report.record(
        EventKind.SECOND_INSTANCE,
        public=True,
        actor_id=step.actor_id,
        first_unit=first.name if first else "",
        unit_name=above.name,
        received_on=legal_date(received_at).isoformat(),
        reason=reason,
    )
    start_for(report, step.services)
    return above
