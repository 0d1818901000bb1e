"""The audit trail: every staff action and every view of a reporter's contact data, hash-chained.

Records are written by a session hook in the same transaction as the change they describe, so the
trail cannot miss an action that was committed. Nothing in the application updates or deletes them
(an ORM guard refuses it, and database triggers refuse it below the ORM); `verify_chain` recomputes
every hash and names the first record that does not match.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC

import click
from flask_login import current_user
from sqlalchemy import event, inspect, select, text
from sqlalchemy.orm import Session

from core.extensions import db
from core.models import AuditRecord, CalendarOverride, ReportEvent, Unit, User, utcnow
from core.vocabulary import EventKind

GENESIS = "0" * 64
# Report events that are staff actions or views of the reporter's identity.
AUDITED_EVENTS = {EventKind.CONTACT_VIEWED, EventKind.ORIGINAL_VIEWED}
AUDITED_MODELS = {User: "user", Unit: "unit", CalendarOverride: "calendar_override"}
SECRET_FIELDS = {"password_hash"}


class AuditViolation(RuntimeError):
    pass


def record_hash(prev_hash: str, at, actor_id, action, object_type, object_id, data) -> str:
    payload = json.dumps(
        [
            prev_hash,
            at.astimezone(UTC).isoformat(timespec="microseconds"),
            actor_id,
            action,
            object_type,
            object_id,
            data,
        ],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _last_hash(session: Session) -> str:
    if session.connection().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(734001)"))  # one writer of the chain at a time
    last = session.scalar(select(AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1))
    return last or GENESIS


def append(session: Session, *, actor_id, action: str, object_type: str, object_id, data: dict) -> AuditRecord:
    at = utcnow()
    prev = session.info.get("audit_last_hash") or _last_hash(session)
    data = json.loads(json.dumps(data, ensure_ascii=False, default=str))
    record = AuditRecord(
        at=at,
        actor_id=actor_id,
        action=action,
        object_type=object_type,
        object_id=object_id,
        data=data,
        prev_hash=prev,
        hash=record_hash(prev, at, actor_id, action, object_type, object_id, data),
    )
    session.add(record)
    session.info["audit_last_hash"] = record.hash
    return record


def _changes(obj) -> dict:
    state = inspect(obj)
    out = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.has_changes() and attr.key not in SECRET_FIELDS:
            out[attr.key] = history.added[0] if history.added else None
        elif history.has_changes():
            out[attr.key] = "(changed)"
    return out


def _before_flush(session: Session, _flush_context, _instances) -> None:
    actor = session.info.get("audit_actor_id")
    pending = []
    for obj in list(session.new):
        if isinstance(obj, ReportEvent) and (obj.actor_id is not None or obj.kind in AUDITED_EVENTS):
            pending.append((obj.actor_id, f"report.{obj.kind}", "report", obj, dict(obj.data or {})))
        elif type(obj) in AUDITED_MODELS:
            pending.append(
                (actor, f"{AUDITED_MODELS[type(obj)]}.create", AUDITED_MODELS[type(obj)], obj, _changes(obj))
            )
    for obj in list(session.dirty):
        if isinstance(obj, AuditRecord):
            raise AuditViolation("audit records are append-only")
        if type(obj) in AUDITED_MODELS and session.is_modified(obj):
            pending.append(
                (actor, f"{AUDITED_MODELS[type(obj)]}.update", AUDITED_MODELS[type(obj)], obj, _changes(obj))
            )
    for obj in list(session.deleted):
        if isinstance(obj, AuditRecord):
            raise AuditViolation("audit records are append-only")
    if pending:
        session.info["audit_pending"] = session.info.get("audit_pending", []) + pending


def _after_flush(session: Session, _flush_context) -> None:
    """Write the records of what was just flushed; the session flushes them in the same transaction."""
    pending = session.info.pop("audit_pending", [])
    for actor_id, action, object_type, obj, data in pending:
        object_id = obj.report_id if isinstance(obj, ReportEvent) else getattr(obj, "id", None)
        append(session, actor_id=actor_id, action=action, object_type=object_type, object_id=object_id, data=data)


def _forget_chain_head(session: Session, *_args) -> None:
    session.info.pop("audit_last_hash", None)
    session.info.pop("audit_pending", None)


def install(session_class) -> None:
    """Hook the audit trail into every session of the application (idempotent)."""
    if event.contains(session_class, "before_flush", _before_flush):
        return
    event.listen(session_class, "before_flush", _before_flush)
    event.listen(session_class, "after_flush_postexec", _after_flush)
    for name in ("after_commit", "after_rollback", "after_soft_rollback"):
        event.listen(session_class, name, _forget_chain_head)


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_broken: int | None
    reason: str = ""


def verify_chain(session: Session) -> ChainReport:
    prev, checked = GENESIS, 0
    for record in session.scalars(select(AuditRecord).order_by(AuditRecord.id)).yield_per(1000):
        expected = record_hash(
            prev, record.at, record.actor_id, record.action, record.object_type, record.object_id, record.data
        )
        if record.prev_hash != prev:
            return ChainReport(checked, record.id, "its link to the previous record is broken")
        if record.hash != expected:
            return ChainReport(checked, record.id, "its content does not match its hash")
        prev, checked = record.hash, checked + 1
    return ChainReport(checked, None)


def init_app(app) -> None:
    """Record who acts (the signed-in user) and add `flask audit verify`."""
    install(db.session)

    @app.before_request
    def _audit_actor():
        if current_user and current_user.is_authenticated:
            db.session.info["audit_actor_id"] = current_user.id

    @app.cli.group("audit")
    def audit_group():
        """The append-only audit trail."""

    @audit_group.command("verify")
    def audit_verify():
        """Recompute the hash chain; exit 1 naming the first broken record."""
        result = verify_chain(db.session)
        if result.first_broken is not None:
            click.echo(
                f"audit trail BROKEN at record {result.first_broken}: {result.reason} "
                f"({result.checked} record(s) before it are intact)",
                err=True,
            )
            raise SystemExit(1)
        click.echo(f"audit trail intact: {result.checked} record(s)")
