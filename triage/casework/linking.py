"""Two reports tied together: related (each keeps its own case) or merged (one case for the same incident).

Merging: the report received first is the case (`Report.case_id` of the other points to it); the later report's
open clocks stop (`ClockStatus.STOPPED`: neither met nor breached), so the deadlines of the incident are the
case's, counting from the earliest received date. The merged report leaves the queue's default view and takes
the case's status.

From then on, every step the case takes is taken by each report merged into it, on its own record: the same
status, outcome, public answer, dates and unit, and a copy of each public event (`_mirror_cases`, a `before_flush`
hook, so no procedure service needs to know about merges). Each reporter follows the case on their own code, and
whatever turns new public events into notices tells each of them. Internal events (notes, assignments, findings)
and the reporter's own exchanges (questions, answers, requests) stay with the report they belong to.

Splitting a merged report off (unmerge) is allowed while the case is not decided: the report gets back the status
it had and its own clocks, which count again from its own received date (a period that passed meanwhile is a
breach for the deadline sweep). Once the case is decided its result is the answer to every report in it.

Figures: every report counts as received (a citizen did file it); the other figures (open, accepted, resolved,
on time, decisions, stage rates) count the case once, from the case (`triage.reporting`: `Report.case_id` null).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import event, func, inspect, or_, select
from sqlalchemy.orm import Session

from core.models import Report, ReportLink
from core.vocabulary import FINISHED, ClockStatus, EventKind, LinkKind, Status
from triage.casework.access import may
from triage.casework.steps import ActionRefused
from triage.deadlines.clocks import done_points, schedule, stop_clocks

IN_COURSE = (Status.ACCEPTED, Status.SUSPENDED, Status.AWAITING_APPROVAL)

NOT_VISIBLE = "Không tìm thấy đơn có mã này trong các đơn bạn được xem."
SAME_REPORT = "Không thể gắn một đơn với chính nó."
FINISHED_REPORT = "Đơn {code} đã kết thúc ({status}): không gắn hoặc gộp được nữa."
MERGED_ELSEWHERE = "Đơn {code} đã được gộp vào một vụ việc khác: xin mở đơn chính của vụ việc đó."
ALREADY_LINKED = "Hai đơn này đã được gắn với nhau."
OTHER_UNIT = "Hai đơn do hai đơn vị khác nhau giải quyết: chỉ gắn hoặc gộp được các đơn của cùng một đơn vị."
ACCUSED = "Không gộp được: vụ việc sẽ do chính cơ quan bị đơn {code} phản ánh giải quyết."
NOT_HANDLER = "Bạn không xử lý đơn {code}: không gắn hoặc gộp được."
LATER_AHEAD = (
    "Đơn gửi sau ({code}) đã được thụ lý, đơn gửi trước thì chưa: xin thụ lý đơn gửi trước (là vụ việc chính) "
    "rồi mới gộp."
)
NOT_LINKED = "Hai đơn này không được gắn với nhau."
DECIDED = "Vụ việc đã có kết quả: không tách đơn ra được nữa, kết quả là câu trả lời cho mọi đơn trong vụ việc."


def link_between(session: Session, a: Report, b: Report) -> ReportLink | None:
    low, high = sorted((a.id, b.id))
    return session.scalar(select(ReportLink).where(ReportLink.report_id == low, ReportLink.other_id == high))


def links_of(session: Session, report: Report) -> list[tuple[ReportLink, Report]]:
    """The links of a report with the report at the other end, oldest link first."""
    found = session.scalars(
        select(ReportLink)
        .where(or_(ReportLink.report_id == report.id, ReportLink.other_id == report.id))
        .order_by(ReportLink.id)
    ).all()
    others = {r.id: r for r in session.scalars(select(Report).where(Report.id.in_({*_ends(found)} - {report.id})))}
    return [(link, others[link.other_id if link.report_id == report.id else link.report_id]) for link in found]


def _ends(links) -> list[int]:
    return [i for link in links for i in (link.report_id, link.other_id)]


def case_and_merged(a: Report, b: Report) -> tuple[Report, Report]:
    """(the case, the report merged into it): the one received first is the case (ties: the lower id)."""
    return (a, b) if (a.received_at, a.id) <= (b.received_at, b.id) else (b, a)


def reporters(session: Session, case_ids: list[int]) -> dict[int, int]:
    """How many reports (the case's own and those merged into it) each case has; only cases with more than one."""
    if not case_ids:
        return {}
    rows = session.execute(
        select(Report.case_id, func.count()).where(Report.case_id.in_(case_ids)).group_by(Report.case_id)
    )
    return {case_id: n + 1 for case_id, n in rows}


def _check(user, report: Report, other: Report | None, *, merging: bool) -> None:
    """The refusals shared by linking and merging, in the order a person would want to hear them."""
    if other is None:
        raise ActionRefused(NOT_VISIBLE)
    if other.id == report.id:
        raise ActionRefused(SAME_REPORT)
    for r in (report, other):
        if not may(user, "note", r):
            raise ActionRefused(NOT_HANDLER.format(code=r.tracking_code))
        if r.status in FINISHED:
            raise ActionRefused(FINISHED_REPORT.format(code=r.tracking_code, status=Status(r.status).label.lower()))
        if r.case_id is not None:
            raise ActionRefused(MERGED_ELSEWHERE.format(code=r.tracking_code))
    if merging:
        case, merged = case_and_merged(report, other)
        if merged.accuses(case.unit) or case.accuses(merged.unit):
            accuser = merged if merged.accuses(case.unit) else case
            raise ActionRefused(ACCUSED.format(code=accuser.tracking_code))
    if report.unit_id != other.unit_id:
        raise ActionRefused(OTHER_UNIT)


def _record_both(a: Report, b: Report, kind: EventKind, actor_id: int | None, **data) -> None:
    for this, that in ((a, b), (b, a)):
        this.record(kind, actor_id=actor_id, other_id=that.id, other_code=that.tracking_code, **data)


def link(session: Session, user, report: Report, other: Report | None, *, now: datetime) -> ReportLink:
    """Mark two reports as related: each keeps its own case and clocks."""
    _check(user, report, other, merging=False)
    if link_between(session, report, other) is not None:
        raise ActionRefused(ALREADY_LINKED)
    low, high = sorted((report.id, other.id))
    row = ReportLink(report_id=low, other_id=high, kind=LinkKind.RELATED, linked_by_id=user.id, linked_at=now)
    session.add(row)
    _record_both(report, other, EventKind.LINKED, user.id, link=str(LinkKind.RELATED))
    return row


def merge(session: Session, user, report: Report, other: Report | None, *, now: datetime) -> Report:
    """Handle two reports as one case; returns the case (the report received first)."""
    _check(user, report, other, merging=True)
    case, merged = case_and_merged(report, other)
    if merged.status in IN_COURSE and case.status not in IN_COURSE:
        raise ActionRefused(LATER_AHEAD.format(code=merged.tracking_code))
    row = link_between(session, report, other)
    if row is None:
        low, high = sorted((report.id, other.id))
        row = ReportLink(report_id=low, other_id=high)
        session.add(row)
    row.kind, row.linked_by_id, row.linked_at = LinkKind.MERGED, user.id, now
    before = {c.id: _was(c) for c in merged.clocks if c.is_open}
    stopped = [(c, before[c.id]) for c in stop_clocks(merged, now, status=ClockStatus.STOPPED)]
    previous = str(merged.status)
    merged_link = {"link": str(LinkKind.MERGED), "case_id": case.id}
    case.record(EventKind.LINKED, actor_id=user.id, other_id=merged.id, other_code=merged.tracking_code, **merged_link)
    merged.record(
        EventKind.LINKED,
        actor_id=user.id,
        other_id=case.id,
        other_code=case.tracking_code,
        previous_status=previous,
        clocks=[[c.id, was] for c, was in stopped],
        **merged_link,
    )
    merged.case_id = case.id
    if merged.status != case.status:
        merged.status = case.status
        merged.record(EventKind.STATUS, public=True, actor_id=user.id, previous=previous, status=str(case.status))
    _copy_fields(case, merged)
    return case


def _was(clock) -> str:
    return str(ClockStatus.PAUSED) if clock.status == ClockStatus.PAUSED else str(ClockStatus.RUNNING)


def unlink(session: Session, user, report: Report, other: Report | None, *, now: datetime, services) -> None:
    """Remove a link; for a merged pair, split the later report off with its own clocks again."""
    if other is None:
        raise ActionRefused(NOT_VISIBLE)
    row = link_between(session, report, other)
    if row is None:
        raise ActionRefused(NOT_LINKED)
    for r in (report, other):
        if not may(user, "note", r):
            raise ActionRefused(NOT_HANDLER.format(code=r.tracking_code))
    if row.kind == LinkKind.MERGED:
        case, merged = case_and_merged(report, other)
        if case.status in FINISHED:
            raise ActionRefused(DECIDED)
        _split(merged, user, now=now, services=services)
    session.delete(row)
    _record_both(report, other, EventKind.UNLINKED, user.id, link=str(row.kind))


def _split(merged: Report, user, *, now: datetime, services) -> None:
    """The merged report's own case again: its status from before the merge, its stopped clocks running."""
    merge_event = next(
        (e for e in reversed(merged.events) if e.kind == EventKind.LINKED and e.data.get("link") == LinkKind.MERGED),
        None,
    )
    data = merge_event.data if merge_event is not None else {}
    was = dict((int(i), status) for i, status in data.get("clocks", []))
    for clock in merged.clocks:
        if clock.id in was and clock.status == ClockStatus.STOPPED:
            clock.status, clock.stopped_at = was[clock.id], None
            if clock.status == ClockStatus.PAUSED:
                clock.paused_at = now
            else:
                schedule(clock, services.calendar, services.points, done_points(merged, clock))
    merged.case_id = None
    previous = data.get("previous_status") or str(Status.ROUTED)
    if previous != merged.status:
        before = merged.status
        merged.status = Status(previous)
        merged.record(EventKind.STATUS, public=True, actor_id=user.id, previous=str(before), status=previous)
    if Status(previous) not in IN_COURSE:
        merged.accepted_at = None


# -- one case, every reporter told: the steps of a case taken by the reports merged into it -------------------------

MIRRORED_FIELDS = ("status", "unit_id", "unit", "outcome", "response", "accepted_at", "resolved_at", "closed_at")
# Public events of the case that are the case's steps (not the reporter's own exchanges with the unit).
MIRRORED_EVENTS = frozenset(
    {
        EventKind.STATUS,
        EventKind.DEADLINE,
        EventKind.EXTENDED,
        EventKind.BREACH,
        EventKind.DOCUMENT,
        EventKind.COMPLEXITY,
        EventKind.TRACK_CHANGED,
        EventKind.REOPENED,
        EventKind.PURSUED,
        EventKind.SECOND_INSTANCE,
    }
)


def _copy_fields(case: Report, merged: Report) -> None:
    for name in MIRRORED_FIELDS:
        if name != "unit_id" and getattr(merged, name) != getattr(case, name):
            setattr(merged, name, getattr(case, name))
    merged.unit_id = case.unit.id if case.unit is not None else None


@event.listens_for(Session, "before_flush", insert=True)
def _mirror_cases(session: Session, _flush_context, _instances) -> None:
    """Every step a case takes, its merged reports take on their own records, whichever service took it.

    Registered first (`insert=True`) so that the hooks after it (the accused-body guard, `next_due_on`, the
    notices) see the merged reports' new status and events in the same flush."""
    for case in [o for o in session.dirty if isinstance(o, Report)]:
        if case.id is None or case.case_id is not None:
            continue
        state = inspect(case)
        changed = any(state.attrs[name].history.has_changes() for name in MIRRORED_FIELDS)
        added = [e for e in state.attrs.events.history.added if e.public and e.kind in MIRRORED_EVENTS]
        if not changed and not added:
            continue
        with session.no_autoflush:
            found = session.scalars(select(Report).where(Report.case_id == case.id)).all()
            merged = [m for m in found if m.case_id == case.id]  # not one split off in this very session
            for report in merged:
                for e in added:
                    data = {**(e.data or {}), "case_id": case.id}
                    report.record(EventKind(e.kind), public=True, actor_id=e.actor_id, **data)
                _copy_fields(case, report)
