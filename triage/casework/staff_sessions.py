"""Staff sessions held on the server (`StaffSession`): the signed cookie carries a random session id, the database
its SHA-256. A session counts only while its row is open, so signing out ends every copy of the cookie, wherever
it was copied to; a new password or a deactivated account ends them all."""

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from core.models import StaffSession, utcnow


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def open_session(db: Session, user_id: int, lifetime_seconds: float) -> str:
    """A new session for this user; returns the id to keep in the cookie. Rows older than a session's lifetime
    are dropped on the way (they can no longer be used)."""
    now = utcnow()
    db.execute(
        delete(StaffSession).where(
            StaffSession.user_id == user_id, StaffSession.started_at < now - timedelta(seconds=lifetime_seconds)
        )
    )
    session_id = secrets.token_urlsafe(32)
    db.add(StaffSession(id_hash=_hash(session_id), user_id=user_id, started_at=now))
    return session_id


def is_open(db: Session, user_id: int, session_id: object) -> bool:
    if not isinstance(session_id, str) or not session_id:
        return False
    row = db.scalar(select(StaffSession).where(StaffSession.id_hash == _hash(session_id)))
    return row is not None and row.user_id == user_id and row.ended_at is None


def end_session(db: Session, session_id: object) -> None:
    if isinstance(session_id, str) and session_id:
        db.execute(
            update(StaffSession)
            .where(StaffSession.id_hash == _hash(session_id), StaffSession.ended_at.is_(None))
            .values(ended_at=utcnow())
        )


def end_all_sessions(db: Session, user_id: int) -> int:
    """End every open session of an account (a new password, a deactivation)."""
    result = db.execute(
        update(StaffSession)
        .where(StaffSession.user_id == user_id, StaffSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    )
    return result.rowcount
