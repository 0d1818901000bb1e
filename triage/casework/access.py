"""Who may see which report and who may do what: the one place where staff permissions are written.

- `visible_reports`: every list, count, search, export and page of reports goes through it (SQL);
- `may(user, action, report=None)`: the table `ACTIONS` below. With a report, the user must first see it (the
  same rule as `visible_reports`, so an escalated report is never anything to the accused body); without one,
  it says whether the user's role may take the action at all (a page, a menu entry, a bulk action);
- `guard_blueprint(bp, action)`: every staff blueprint's gate; `current_user_may` is the template global `may`.
"""

from collections.abc import Callable

from flask import Blueprint, abort, current_app
from flask_login import current_user
from sqlalchemy import Select, or_, select

from core.models import Report, User
from core.vocabulary import Role, Status

PROVINCE_WIDE = frozenset({Role.SUPERVISOR, Role.ADMIN})
UNIT_ROLES = frozenset({Role.INSPECTOR, Role.LEADER})  # who work their own unit's cases

Rule = Callable[[User, Report | None], bool]


def visible_reports(user: User, query: Select | None = None) -> Select:
    """Restrict a query over Report to what this user may see.

    - supervisors and admins: every report;
    - triage officers: the needs-triage queue;
    - inspectors and leaders of a unit: their own unit's reports, and never a report that accuses their own
      body's head.
    """
    query = select(Report) if query is None else query
    if user.role in PROVINCE_WIDE:
        return query
    if user.role == Role.TRIAGE:
        return query.where(Report.status == Status.NEEDS_TRIAGE)
    if user.unit_id is None:
        return query.where(Report.id.is_(None))
    return query.where(
        Report.unit_id == user.unit_id,
        or_(Report.accused_unit_id.is_(None), Report.accused_unit_id != user.unit_id),
    )


def _sees(user: User, report: Report) -> bool:
    """The rule of `visible_reports` for one loaded report."""
    if user.role in PROVINCE_WIDE:
        return True
    if user.role == Role.TRIAGE:
        return report.status == Status.NEEDS_TRIAGE
    return (
        user.role in UNIT_ROLES
        and user.unit_id is not None
        and report.unit_id == user.unit_id
        and report.accused_unit_id != user.unit_id
    )


# -- the rules the table is made of (report None: "on the reports this role works on") ------------------------------


def _roles(*roles: Role) -> Rule:
    allowed = frozenset(roles)
    return lambda user, report: user.role in allowed


def _handler(user: User, report: Report | None) -> bool:
    """The unit's own inspectors and leaders (and admins) work the case."""
    if user.role == Role.ADMIN:
        return True
    return user.role in UNIT_ROLES and (report is None or report.unit_id == user.unit_id)


def _unit_officer(user: User, report: Report | None) -> bool:
    """The handling unit's own inspectors and leader, and nobody else: not administrators, whose role is the
    accounts and the directory, not the cases."""
    return user.role in UNIT_ROLES and user.unit_id is not None and (report is None or report.unit_id == user.unit_id)


def _leader(user: User, report: Report | None) -> bool:
    """The leader of the unit holding the report signs its result off."""
    return user.role == Role.LEADER and user.unit_id is not None and (report is None or report.unit_id == user.unit_id)


def _triage_pending(user: User, report: Report | None) -> bool:
    """Triage officers place the reports waiting for manual triage."""
    return user.role == Role.TRIAGE and (report is None or report.status == Status.NEEDS_TRIAGE)


def _unit_inspector(user: User, report: Report | None) -> bool:
    return user.role in UNIT_ROLES and user.unit_id is not None


def _own_case(rule: Rule) -> Rule:
    """The steps of the procedure: none on a report merged into another's case, which takes them from its case
    (`triage.casework.linking`); notes, questions, contact and the rest stay with the report."""
    return lambda user, report: (report is None or report.case_id is None) and rule(user, report)


def _any(*rules: Rule) -> Rule:
    return lambda user, report: any(rule(user, report) for rule in rules)


_STAFF = _roles(*Role)
_SUPERVISOR = _roles(Role.SUPERVISOR)

ACTIONS: dict[str, Rule] = {
    # the queue, its CSV list and the case file: any staff, each on the reports they see
    "work the queue": _STAFF,
    # on one report
    "accept": _own_case(_handler),
    # the answers to a đơn before acceptance, and the course of an accepted case (the services say when)
    "handle": _own_case(_handler),
    "approve": _own_case(_leader),  # the result reaches the reporter only once the unit's leader approves it
    "reopen": _own_case(_leader),  # the leader who approved a result decides to handle it again
    "record second instance": _own_case(_any(_handler, _SUPERVISOR)),
    "upload signed scan": _handler,
    "request information": _handler,
    "extend": _own_case(_handler),
    "note": _handler,
    "record findings": _handler,
    "resolve": _own_case(_handler),
    "close": _own_case(_handler),
    "download original": _unit_officer,  # evidence as sent, with whatever metadata the device wrote
    "edit six-clear": _handler,
    "assign": _any(_handler, _SUPERVISOR),
    "reveal contact": _any(_handler, _SUPERVISOR),
    "reroute": _any(_handler, _SUPERVISOR, _triage_pending),
    # agency, place, category, kind, and escalation set or cleared (before acceptance: the service says so)
    "correct labels": _any(_handler, _SUPERVISOR, _triage_pending),
    # pages of their own
    "view dashboard": _any(_roles(*PROVINCE_WIDE), _unit_inspector),
    "supervise deadlines": _roles(*PROVINCE_WIDE),
    "export": _roles(*PROVINCE_WIDE),  # periodic reports and KPI exports
    "administer": _roles(Role.ADMIN),  # accounts, units, the calendar, the deadline policy
    # a đơn received on paper, at the desk or by phone, entered by the unit's staff or the reception (triage) desk
    "enter reports": _any(_unit_inspector, _roles(Role.TRIAGE)),
}


def may(user, action: str, report: Report | None = None) -> bool:
    """Whether this user may take this action (on this report); an unknown action is a programming error."""
    rule = ACTIONS[action]
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if report is not None and not _sees(user, report):
        return False
    return rule(user, report)


def current_user_may(action: str, report: Report | None = None) -> bool:
    """`may` for the signed-in user: the templates' `may('resolve', report)`."""
    return may(current_user, action, report)


def guard_blueprint(bp: Blueprint, action: str) -> None:
    """Let into every view of `bp` only who `may(action)`: anonymous visitors are sent to sign in, and anyone
    else signed in gets 404 (the pages do not admit they exist)."""
    if action not in ACTIONS:  # fail when the blueprint is made, not on its first request
        raise KeyError(action)

    @bp.before_request
    def _guard():
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()
        if not may(current_user, action):
            abort(404)
        return None
