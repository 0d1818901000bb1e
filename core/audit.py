"""The audit trail: every staff action and every view of a reporter's contact data, hash-chained.

Records are written by a session hook in the same transaction as the change they describe, so the
trail cannot miss an action that was committed. Nothing in the application updates or deletes them
(an ORM guard refuses it, and database triggers refuse it below the ORM).

Each record's hash is an HMAC-SHA-256, keyed by AUDIT_KEY (never stored in the database), of its content
and the previous record's hash: whoever can write to the database cannot recompute a valid chain after
changing or deleting records. The chain's head (number of records, last id, last hash) is appended
periodically to AUDIT_ANCHOR_FILE, outside the database, so that deleting the last records is noticed too.
`verify_chain` recomputes every hash, checks the chain against every anchor, and names the first record
that does not match or the anchor the trail falls short of.
"""

import hashlib
import hmac
import json
from dataclasses import asdict, dataclass
from datetime import UTC
from pathlib import Path

import click
from flask import current_app
from flask_login import current_user
from sqlalchemy import event, func, inspect, select, text
from sqlalchemy.orm import Session

from core.config import app_secret
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


def chain_key() -> bytes:
    """The HMAC key of the chain: AUDIT_KEY, else a key made once under the instance folder."""
    return app_secret(current_app, "AUDIT_KEY")


def record_hash(prev_hash: str, at, actor_id, action, object_type, object_id, data, *, key: bytes) -> str:
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
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


def _last_hash(session: Session) -> str:
    if session.connection().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(734001)"))  # one writer of the chain at a time
    last = session.scalar(select(AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1))
    return last or GENESIS


def append(session: Session, *, actor_id, action: str, object_type: str, object_id, data: dict) -> AuditRecord:
    at = utcnow()
    # Never autoflush here: a flush would run the hooks, whose records would be chained to the same head as this one.
    with session.no_autoflush:
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
        hash=record_hash(prev, at, actor_id, action, object_type, object_id, data, key=chain_key()),
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
    truncated: bool = False


@dataclass(frozen=True)
class Anchor:
    """The chain's head at a moment: how many records, the last one's id and hash."""

    at: str
    count: int
    last_id: int
    head: str


def chain_head(session: Session) -> Anchor:
    count = session.scalar(select(func.count()).select_from(AuditRecord)) or 0
    last = session.execute(select(AuditRecord.id, AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)).first()
    at = utcnow().isoformat(timespec="seconds")
    return Anchor(at, count, last.id, last.hash) if last else Anchor(at, 0, 0, GENESIS)


def write_anchor(session: Session, path: str | Path) -> Anchor:
    """Append the chain's head to the anchor file (one JSON line each time)."""
    anchor = chain_head(session)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps(asdict(anchor)) + "\n")
    return anchor


def read_anchors(path: str | Path) -> list[Anchor]:
    path = Path(path)
    if not path.exists():
        return []
    return [Anchor(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def verify_chain(session: Session, anchors: list[Anchor] | None = None, *, key: bytes | None = None) -> ChainReport:
    """Recompute the chain with the key, then hold it against each anchor: the record an anchor names must be
    there, at the same place in the chain, with the same hash."""
    key = key or chain_key()
    wanted = {anchor.last_id for anchor in anchors or ()}
    seen: dict[int, tuple[int, str]] = {}
    prev, checked = GENESIS, 0
    for record in session.scalars(select(AuditRecord).order_by(AuditRecord.id)).yield_per(1000):
        expected = record_hash(
            prev, record.at, record.actor_id, record.action, record.object_type, record.object_id, record.data, key=key
        )
        if record.prev_hash != prev:
            return ChainReport(checked, record.id, "its link to the previous record is broken")
        if record.hash != expected:
            return ChainReport(checked, record.id, "its content does not match its hash")
        prev, checked = record.hash, checked + 1
        if record.id in wanted:
            seen[record.id] = (checked, record.hash)
    for anchor in anchors or ():
        if anchor.count == 0:
            continue
        place = seen.get(anchor.last_id)
        if place is None or checked < anchor.count:
            return ChainReport(
                checked,
                anchor.last_id,
                f"the trail ends short of its anchor of {anchor.at} ({anchor.count} records up to record "
                f"{anchor.last_id}): records were deleted",
                truncated=True,
            )
        if place != (anchor.count, anchor.head):
            return ChainReport(
                checked, anchor.last_id, f"the chain differs from its anchor of {anchor.at}: records were rewritten"
            )
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
        """Recompute the hash chain and hold it against the anchors; exit 1 naming what is wrong."""
        anchors = read_anchors(app.config["AUDIT_ANCHOR_FILE"])
        result = verify_chain(db.session, anchors)
        if result.first_broken is not None:
            what = "TRUNCATED" if result.truncated else "BROKEN"
            click.echo(
                f"audit trail {what} at record {result.first_broken}: {result.reason} "
                f"({result.checked} record(s) checked)",
                err=True,
            )
            raise SystemExit(1)
        click.echo(f"audit trail intact: {result.checked} record(s), {len(anchors)} anchor(s) matched")

    @audit_group.command("anchor")
    def audit_anchor():
        """Append the chain's head to AUDIT_ANCHOR_FILE (the cron does it every 10 minutes)."""
        anchor = write_anchor(db.session, app.config["AUDIT_ANCHOR_FILE"])
        click.echo(f"anchored: {anchor.count} record(s), head {anchor.head[:16]}… at record {anchor.last_id}")
