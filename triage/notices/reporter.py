"""The reporter is told of each public step of their đơn, by e-mail and SMS, exactly once.

One mechanism, which no new code path can bypass: every step of a report is a `ReportEvent` (`Report.record`,
`Report.move_to`), so a session hook turns each new public event of a notifiable step (`step_of`) into outbox rows
just before its transaction commits. The rows commit with the event or not at all (a rolled-back step tells nobody),
and their `event_key` (`reporter:<event id>:<step>`) with the unique (report, event_key, recipient) makes a step
one row per recipient, however often the transaction's code runs. After the commit the rows' send jobs are
enqueued; when Redis is down the periodic sweep finds them.

Recipients: `Report.reporter_email` (e-mail) and `Report.reporter_phone` (SMS). Nobody when the reporter opted out
(`Report.notify_reporter` False) or gave no contact (an anonymous report). A report merged into another's case has
the case's public steps recorded on it too: each reporter is told on their own code, by the same hook.

The overdue notice is the sweep's (`messages.breach_to_citizen`, by e-mail); this hook adds its SMS.
"""

import logging
import re

from flask import current_app, has_app_context
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from core.config import Settings
from core.models import Notification, Report, ReportEvent
from core.vocabulary import EventKind, NoticeChannel, Recipient, Status
from triage.deadlines.messages import Message
from triage.deadlines.outbox import enqueue_send, queue_notification
from triage.notices import texts
from triage.services import Links

log = logging.getLogger(__name__)

# The decisions told as they are (the status is the step).
DECISIONS = (
    Status.NOT_ACCEPTED,
    Status.GUIDED,
    Status.TRANSFERRED,
    Status.RETURNED,
    Status.SUSPENDED,
    Status.TERMINATED,
    Status.WITHDRAWN,
    Status.RESOLVED,
)
# The other events told as they are (the kind is the step). The reporter's own requests (an answer, a withdrawal,
# a second instance asked) are not told back to them; the breach is told by e-mail by the sweep, here by SMS only.
KINDS = (
    EventKind.INFORMATION_REQUESTED,
    EventKind.EXTENDED,
    EventKind.REOPENED,
    EventKind.PURSUED,
    EventKind.SECOND_INSTANCE,
    EventKind.BREACH,
)
EMAIL_STEPS_ELSEWHERE = ("breach",)

_EVENTS = "reporter_notices.events"  # session.info: public events flushed in this transaction, to be told
_ROWS = "reporter_notices.rows"  # the outbox rows written for them
_SENDS = "reporter_notices.sends"  # their ids, enqueued once the transaction commits


def step_of(report_event: ReportEvent) -> str | None:
    """The notice an event is (a key of `texts.STEPS`), or None for one the reporter is not told of.

    Lưu đơn (archived) is not told: the law has the unit file it without an answer (its phiếu stays inside), and the
    status page shows it. A second instance's routing is told by its own event, a reopening's acceptance by the
    reopening, a draft returned for revision is internal."""
    if not report_event.public:
        return None
    data = report_event.data or {}
    if report_event.kind == EventKind.RECEIVED:
        return "received"
    if report_event.kind in KINDS:
        return str(report_event.kind)
    if report_event.kind != EventKind.STATUS:
        return None
    status = data.get("status")
    if status == Status.ROUTED and not data.get("second_instance"):
        if data.get("transferred"):
            return "transferred-in"
        return "rerouted" if data.get("previous") == Status.ROUTED else "routed"  # from one body to another
    if status == Status.ACCEPTED and not (data.get("reopened") or data.get("revision")):
        return "resumed" if data.get("resumed") else "accepted"
    return str(status) if status in DECISIONS else None


def phone_number(raw: str | None) -> str:
    """A phone number as the gateway takes it: digits and a leading +, no spaces, dots or dashes."""
    return re.sub(r"[^\d+]", "", raw or "")


def recipients(report: Report) -> list[tuple[NoticeChannel, str]]:
    if report.notify_reporter is False:
        return []
    found = []
    if (report.reporter_email or "").strip():
        found.append((NoticeChannel.EMAIL, report.reporter_email.strip()))
    if phone := phone_number(report.reporter_phone):
        found.append((NoticeChannel.SMS, phone))
    return found


def tell(session: Session, report: Report, report_event: ReportEvent, links: Links) -> list[Notification]:
    """The outbox rows of one event for the reporter (none when it is no notice, or nobody is to be told)."""
    step = step_of(report_event)
    told = recipients(report)
    if step is None or not told:
        return []
    rows = []
    key = f"reporter:{report_event.id}:{step}"
    mail = texts.email(step, report, report_event, links.status())
    for channel, address in told:
        if channel == NoticeChannel.EMAIL:
            if step in EMAIL_STEPS_ELSEWHERE:
                continue
            message = mail
        else:  # the subject only shows the row to the supervisors (an SMS has none)
            message = Message(subject=mail.subject, body=texts.sms(step, report, report_event, links.status()))
        row = queue_notification(session, report, None, key, address, Recipient.CITIZEN, message, channel)
        if row is not None:
            rows.append(row)
    return rows


def _links() -> Links:
    if has_app_context():
        return current_app.extensions["services"].links
    return Links(Settings.from_env().public_base_url)


def _collect(session: Session, _flush_context) -> None:
    """after_flush: the new public events of this flush (with their ids now), and the ids of the rows written."""
    new_reports = {obj.id: obj for obj in session.new if isinstance(obj, Report)}
    for obj in session.new:
        if isinstance(obj, ReportEvent) and step_of(obj) is not None:
            # With its report when that is new too (held here: the identity map alone may let it go).
            session.info.setdefault(_EVENTS, []).append((obj, new_reports.get(obj.report_id)))
        elif isinstance(obj, Notification) and obj in session.info.get(_ROWS, ()):
            session.info.setdefault(_SENDS, []).append(obj.id)


def _write(session: Session) -> None:
    """before_commit: the rows of every event flushed in this transaction that is still in it."""
    session.flush()
    told = session.info.pop(_EVENTS, [])
    if not told:
        return
    links = _links()
    with session.no_autoflush:
        for report_event, known in told:
            state = inspect(report_event)
            if not state.persistent or state.deleted:  # rolled back with a savepoint
                continue
            report = known if known is not None else session.get(Report, report_event.report_id)
            if report is not None:
                session.info.setdefault(_ROWS, []).extend(tell(session, report, report_event, links))


def _enqueue(session: Session) -> None:
    """after_commit: each new row's send job (the sweep finds any that Redis lost)."""
    ids = session.info.pop(_SENDS, [])
    session.info.pop(_ROWS, None)
    if not ids or not has_app_context():
        return
    app = current_app
    for notification_id in ids:
        enqueue_send(app.extensions["redis"], app.config["JOBS_QUEUE"], notification_id)


def _forget(session: Session, transaction) -> None:
    """after_transaction_end: nothing of a finished transaction is carried into the next one."""
    if transaction.parent is None:
        for key in (_EVENTS, _ROWS, _SENDS):
            session.info.pop(key, None)


HOOKS = (
    ("after_flush", _collect),
    ("before_commit", _write),
    ("after_commit", _enqueue),
    ("after_transaction_end", _forget),
)


def install() -> None:
    """Register the hook on every session (once per process, whatever number of apps is built)."""
    for name, hook in HOOKS:
        if not event.contains(Session, name, hook):
            event.listen(Session, name, hook)
