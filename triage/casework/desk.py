"""Entering a đơn at the reception desk (tiếp công dân) or a unit's mail desk: the services behind
/can-bo/nhap-don. They flush; the view commits.

A đơn that came on paper, in person or by phone is filed with `intake.submission.submit_report`, like one from the
web form, with the date it was really received: the clocks count from that date, not from the day it is typed in.
One entered more than a working day after it was received is marked late (an internal note on its timeline, with
the count), so that the delay of the desk is seen and not charged to the unit that handles the đơn.

It then goes through the same routing as the web form (the worker classifies it), or, when the officer says it
belongs to their own unit, straight to that unit (`actions.give_to`), never to a unit whose head the text accuses.
"""

from dataclasses import dataclass
from datetime import date, datetime

from core.models import Report, Unit
from core.models.report import AccusedBodyError
from core.units import unit_for
from core.vietnamese import format_date, legal_date, received_instant
from core.vocabulary import Agency, EventKind, RoutingReason, label
from intake.submission import Receipt, submit_report
from ml.accused import analyse
from triage.casework.actions import ACCUSED_BODY, accused_name, give_to
from triage.casework.steps import ActionRefused
from triage.deadlines.clocks import start_for
from triage.routing.rules import Body, body_above

LATE_AFTER_WORKING_DAYS = 1  # a đơn is entered on the day it is received or the next working day


@dataclass(frozen=True)
class Entry:
    receipt: Receipt
    received_at: datetime
    late_working_days: int  # 0 when entered in time
    unit: Unit | None  # the unit it was given to straight away; None: the routing worker places it


def late_by(received_at: datetime, now: datetime, calendar) -> int:
    """Working days between receipt and entry beyond the one allowed; 0 when entered in time."""
    days = calendar.working_days_between(received_at, now)
    return days if days > LATE_AFTER_WORKING_DAYS else 0


def enter_report(
    session,
    *,
    officer,
    received_on: date,
    now: datetime,
    services,
    own_unit: bool,
    note: str | None = None,
    **fields,
) -> Entry:
    """File the đơn as the officer entered it; with `own_unit`, give it to the officer's unit at once.

    Raises ActionRefused (nothing flushed worth keeping: the view rolls back) when it cannot go to that unit."""
    if own_unit and officer.unit is None:
        raise ActionRefused(
            "Tài khoản của bạn không thuộc đơn vị nào nên không giao thẳng được: bỏ chọn ô giao cho đơn vị mình, "
            "đơn sẽ được phân loại và chuyển đến đúng nơi."
        )
    received_at = received_instant(received_on, now)
    receipt = submit_report(session, received_at=received_at, entered_by_id=officer.id, **fields)
    report = session.get(Report, receipt.report_id)
    # The timeline, the reporter's notice and the API say it was received when it was, not when it was typed in
    # (that is `Report.entered_at`).
    next(e for e in report.events if e.kind == EventKind.RECEIVED).at = received_at
    late = late_by(received_at, now, services.calendar)
    if late or note:
        _desk_note(report, officer, received_at, now, late, note)
    unit = None
    if own_unit:
        unit = officer.unit
        give_to_own_unit(session, report, unit, actor_id=officer.id, services=services, now=now)
    session.flush()
    return Entry(receipt, received_at, late, unit)


def _desk_note(report: Report, officer, received_at: datetime, now: datetime, late: int, note: str | None) -> None:
    """The internal note of the desk: how late the đơn was entered (`entered_late_working_days`), and the
    officer's own remark."""
    parts = []
    if late:
        parts.append(
            f"Nhập muộn {late} ngày làm việc: đơn nhận ngày {format_date(received_at)}, nhập vào hệ thống ngày "
            f"{format_date(now)}."
        )
    if note:
        parts.append(f"Ghi chú khi tiếp nhận: {note}")
    report.record(
        EventKind.NOTE,
        actor_id=officer.id,
        text=" ".join(parts),
        entered_late_working_days=late,
        received_on=legal_date(received_at).isoformat(),
    )


def give_to_own_unit(session, report: Report, unit: Unit, *, actor_id: int, services, now: datetime) -> None:
    """The đơn goes to `unit` without the classifier, with its clocks started.

    Who the text accuses is read with the classifier's own rules (`ml.accused`): a đơn accusing (or possibly
    accusing) the head of `unit` can never go to it (the flush guard refuses it; the message says why); one
    accusing the head of another body goes to the body above that one, so it may be given here only when `unit`
    is that body."""
    reading = analyse(report.text, text_ward=report.ward_code_given)
    body = Body.from_contract(reading.accused if reading.escalate else reading.suspected)
    if body is not None:
        ward = body.ward_code or (report.ward_code_given if body.agency == Agency.XA else None)
        report.set_accused(unit_for(session, agency=body.agency, ward_code=ward), body.agency, ward)
    if report.accuses(unit):
        raise ActionRefused(ACCUSED_BODY)
    escalate = reading.escalate and body is not None
    if escalate and unit.agency != body_above(body):
        raise ActionRefused(
            f"Đơn phản ánh người đứng đầu {accused_name(report)}: do {label(body_above(body))} giải quyết, không "
            f"giao thẳng cho {unit.name} được. Xin bỏ chọn ô giao cho đơn vị mình để đơn được chuyển đúng nơi."
        )
    report.escalate = escalate
    report.agency = unit.agency
    report.ward_code = unit.ward_code or report.ward_code_given
    report.routed_at = now
    give_to(
        report,
        unit,
        actor_id=actor_id,
        note="Cán bộ tiếp nhận giao đơn cho đơn vị mình giải quyết.",
        why=RoutingReason.ESCALATE if escalate else RoutingReason.DESK,
    )
    start_for(report, services)
    try:
        session.flush()  # the flush guard: the last net against giving a đơn to the body it accuses
    except AccusedBodyError as exc:
        raise ActionRefused(ACCUSED_BODY) from exc
