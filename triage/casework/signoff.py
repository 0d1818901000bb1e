"""The result of a case and its sign-off: the inspector verifies, drafts the findings and the answer and submits
them; the unit's leader approves (the answer then reaches the reporter, with its numbered document) or returns
the draft with a comment. A leader who drafts the result signs it at once. Every step and its time is an event,
and `submitted_at` / `approved_at` are the inputs of the sign-off KPIs."""

from core.models import Report
from core.vietnamese import legal_date
from core.vocabulary import ClockStatus, DocumentKind, EventKind, Kind, Outcome, Role, Status, outcome_label
from triage.casework.actions import resolve_report
from triage.casework.steps import ActionRefused, Step, issue, reason_given

ANSWER_DOCUMENT = {
    Kind.PHAN_ANH: DocumentKind.ANSWER,
    Kind.KHIEU_NAI: DocumentKind.COMPLAINT_DECISION,
    Kind.TO_CAO: DocumentKind.CONCLUSION,
}


def is_leader_of(user, report: Report) -> bool:
    return (
        user is not None
        and user.role == Role.LEADER
        and user.unit_id is not None
        and user.unit_id == report.unit_id
        and user.active
    )


def submit(step: Step, report: Report, *, outcome: str, findings: str, response: str):
    """The inspector's draft: findings, the answer to the reporter and the outcome. A leader's own draft is
    approved at once."""
    if report.status != Status.ACCEPTED:
        raise ActionRefused("Chỉ trình kết quả của đơn đang giải quyết.")
    if outcome not in Outcome or outcome == Outcome.TRANSFERRED:
        raise ActionRefused("Xin chọn kết luận.")
    if any(c.status == ClockStatus.PAUSED for c in report.clocks):
        raise ActionRefused("Đang chờ người gửi đơn bổ sung thông tin: chưa trình kết quả được cho đến khi họ trả lời.")
    findings = reason_given(findings, "Xin ghi kết quả xác minh.", 10)
    response = reason_given(response, "Xin viết nội dung trả lời người gửi đơn.", 10)
    report.findings, report.response, report.proposed_outcome = findings, response, str(outcome)
    report.submitted_at = step.now
    report.move_to(Status.AWAITING_APPROVAL, actor_id=step.actor_id, public=True)
    report.record(EventKind.SUBMITTED, actor_id=step.actor_id, outcome=str(outcome))
    if is_leader_of(step.actor, report):
        return approve(step, report)
    return None


def approve(step: Step, report: Report):
    """The leader approves: the case is resolved, and the answer with its document goes to the reporter."""
    if report.status != Status.AWAITING_APPROVAL:
        raise ActionRefused("Không có dự thảo kết quả nào đang chờ duyệt.")
    if not is_leader_of(step.actor, report):
        raise ActionRefused("Chỉ lãnh đạo đơn vị đang giải quyết đơn mới duyệt được kết quả.")
    report.approved_at, report.approved_by_id = step.now, step.actor_id
    report.record(EventKind.APPROVED, actor_id=step.actor_id, outcome=report.proposed_outcome)
    resolve_report(
        report,
        now=step.now,
        outcome=report.proposed_outcome,
        actor_id=step.actor_id,
        calendar=step.services.calendar,
    )
    return issue(
        step,
        report,
        ANSWER_DOCUMENT[Kind(report.track)],
        {
            "outcome": outcome_label(report.outcome, report.track),
            "findings": report.findings,
            "response": report.response,
            "received_on": legal_date(report.instance_received),
        },
        public=True,
    )


def request_revision(step: Step, report: Report, *, comment: str) -> None:
    """The leader returns the draft with a comment; the case is back with the inspector, its clocks running."""
    if report.status != Status.AWAITING_APPROVAL:
        raise ActionRefused("Không có dự thảo kết quả nào đang chờ duyệt.")
    if not is_leader_of(step.actor, report):
        raise ActionRefused("Chỉ lãnh đạo đơn vị đang giải quyết đơn mới trả lại được dự thảo.")
    comment = reason_given(comment, "Xin ghi ý kiến để cán bộ sửa dự thảo.")
    report.move_to(Status.ACCEPTED, actor_id=step.actor_id, public=False, revision=True)
    report.record(EventKind.REVISION_REQUESTED, actor_id=step.actor_id, comment=comment)
