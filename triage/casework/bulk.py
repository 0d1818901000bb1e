"""The queue's bulk actions on the reports a user checked: give them to an inspector, take them back from whoever
has them, or reroute them to another unit (or back to manual triage).

- The form's fields carry the prefix "bulk-", so they never mix with the queue's filters, which travel in the
  URL of the form's action and come back in the redirect.
- An action is only ever the value of the button pressed. A form posted without one (the Enter key in a field:
  the bulk form's first submit button is disabled, so a browser submits nothing, and anything that still posts
  the fields without a button) does nothing. Taking reports back is a button of its own, never a value of the
  assignee's select.
- Each action flushes; the view commits, flashes what was done and enqueues what must follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_wtf import FlaskForm
from sqlalchemy import select
from sqlalchemy.orm import joinedload
from wtforms import StringField

from core.extensions import db
from core.models import Report, Unit, User
from core.states import InvalidTransition
from core.vocabulary import Role, Status
from triage.casework import actions
from triage.casework.access import PROVINCE_WIDE, UNIT_ROLES, may, visible_reports

PREFIX = "bulk"
ASSIGN, UNASSIGN, REROUTE = "assign", "unassign", "reroute"
TRIAGE_CHOICE = "__triage__"  # the same value as the case file's reroute form
MIN_REASON, MAX_REASON = 5, 500


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class BulkForm(FlaskForm):
    """The bulk fields, named "bulk-<field>"; the checked reports are the "bulk-ids" values (`checked_ids`)."""

    action = StringField("Thao tác", filters=[_strip])
    assignee = StringField("Cán bộ được giao", filters=[_strip])
    unit = StringField("Chuyển đến", filters=[_strip])
    reason = StringField("Lý do chuyển", filters=[_strip])


def bulk_form() -> BulkForm:
    return BulkForm(prefix=PREFIX)


def checked_ids(formdata) -> list[int]:
    return sorted({int(v) for v in formdata.getlist(f"{PREFIX}-ids") if v.isdigit()})


def visible_among(user, ids: list[int]) -> dict[int, Report]:
    """The checked reports this user can see: anything else counts as not found and is never touched."""
    return {r.id: r for r in db.session.scalars(visible_reports(user).where(Report.id.in_(ids)))}


def assignable(user, unit_ids) -> list[User]:
    """Who reports may be given to: the user's own colleagues, or (province-wide) the inspectors of the units."""
    query = select(User).options(joinedload(User.unit)).where(User.role == Role.INSPECTOR, User.active.is_(True))
    if user.role in PROVINCE_WIDE:
        if not unit_ids:
            return []
        query = query.where(User.unit_id.in_(unit_ids))
    elif user.role in UNIT_ROLES and user.unit_id is not None:
        query = query.where(User.unit_id == user.unit_id)
    else:
        return []
    return list(db.session.scalars(query.order_by(User.unit_id, User.full_name, User.username)))


def person(user: User) -> str:
    return user.full_name or user.username


def assignee_choices(user, users: list[User]) -> list[tuple[str, str]]:
    province = user.role in PROVINCE_WIDE
    return [("", "— Chọn cán bộ —")] + [
        (str(u.id), person(u) + (f" — {u.unit.name}" if province and u.unit else "")) for u in users
    ]


def unit_choices() -> list[tuple[str, str]]:
    units = db.session.execute(select(Unit.code, Unit.name).order_by(Unit.division, Unit.name_ascii)).all()
    return [("", "— Chọn nơi chuyển đến —"), (TRIAGE_CHOICE, "Trả về phân loại thủ công")] + [
        (code, name) for code, name in units
    ]


@dataclass
class Outcome:
    """What a bulk action did: the tracking codes changed, those already as asked, and why others were not."""

    done: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    corrected: bool = False


def _each(user, ids: list[int], reports: dict[int, Report], action: str, verb: str, step) -> Outcome:
    """`step(report)` on each checked report this user may `action` (`verb` words it), each in its own savepoint,
    so a refusal holds up no other report; `step` returns False when the report already was as asked."""
    out = Outcome()
    for report_id in ids:
        report = reports.get(report_id)
        if report is None:
            out.refusals.append(f"đơn #{report_id}: không tìm thấy")
            continue
        if not may(user, action, report):
            out.refusals.append(f"{report.tracking_code}: không có quyền {verb} đơn này")
            continue
        try:
            with db.session.begin_nested():
                changed = step(report)
        except actions.ActionRefused as exc:
            out.refusals.append(f"{report.tracking_code}: {exc}")
        except InvalidTransition:
            out.refusals.append(f"{report.tracking_code}: đơn không ở trạng thái {verb} được")
        else:
            (out.done if changed else out.unchanged).append(report.tracking_code)
    return out


def assign(user, ids: list[int], reports: dict[int, Report], assignee: User | None) -> Outcome:
    """Give each report to `assignee`, or (None) take it back from whoever has it."""

    def step(report: Report) -> bool:
        if (assignee.id if assignee else None) == report.assignee_id:
            return False
        actions.assign_report(report, assignee, actor_id=user.id)
        return True

    return _each(user, ids, reports, "assign", "giao", step)


def reroute(user, ids: list[int], reports: dict[int, Report], unit: Unit | None, reason: str) -> Outcome:
    """Send each report to `unit`, or (None) back to manual triage, with the reason kept as a correction."""
    corrected = False

    def step(report: Report) -> bool:
        nonlocal corrected
        if unit is None and report.status == Status.NEEDS_TRIAGE:
            raise actions.ActionRefused("đơn đang chờ phân loại thủ công")
        correction = actions.reroute_report(db.session, report, unit, reason=reason, actor_id=user.id)
        corrected = corrected or correction is not None
        return True

    out = _each(user, ids, reports, "reroute", "chuyển", step)
    out.corrected = corrected
    return out
