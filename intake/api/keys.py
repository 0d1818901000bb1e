"""API keys of partner systems (the national public-service portal, a hotline, a Zalo mini-app): created by an
administrator, shown once, stored only as their SHA-256, each with its own rate limit, revocable, and every use
recorded without the client's address. Services flush; the caller commits."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from limits import parse_many
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import audit
from core.models import ApiKey, ApiKeyUse, utcnow

KEY_PREFIX = "th_"
PREFIX_LENGTH = 10  # "th_" and 7 characters of the secret: enough to tell keys apart in a list, nothing to guess
DEFAULT_RATE_LIMIT = "60/minute"


class KeyRefused(ValueError):
    """A key that cannot be created or revoked as asked; the message says why."""


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def check_rate_limit(value: str) -> str:
    """The limit as Flask-Limiter reads it ("60/minute", "1000 per day;60 per minute"); refuses what it cannot."""
    value = (value or "").strip()
    try:
        if not value or not parse_many(value):
            raise ValueError(value)
    except ValueError:
        raise KeyRefused(f"rate limit {value!r} is not a limit such as '60/minute' or '1000 per day'") from None
    return value


@dataclass(frozen=True)
class NewKey:
    api_key: ApiKey
    key: str  # shown once, never stored


def create_key(session: Session, name: str, *, rate_limit: str = DEFAULT_RATE_LIMIT, created_by: str | None) -> NewKey:
    """A new key for the partner `name` (unique); the audit trail records who made it, never the key."""
    name = (name or "").strip()
    if not name:
        raise KeyRefused("a key needs a name (the partner system it is for)")
    if session.scalar(select(ApiKey.id).where(ApiKey.name == name)) is not None:
        raise KeyRefused(f"a key named {name!r} exists already (revoked keys keep their name)")
    rate_limit = check_rate_limit(rate_limit)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    api_key = ApiKey(
        name=name, prefix=key[:PREFIX_LENGTH], key_hash=hash_key(key), rate_limit=rate_limit, created_by=created_by
    )
    session.add(api_key)
    session.flush()
    _audit(session, "api_key.create", api_key, created_by, rate_limit=rate_limit)
    return NewKey(api_key, key)


def revoke_key(session: Session, name: str, *, revoked_by: str | None) -> ApiKey:
    """Refuse every later request made with the key `name`; its uses and reports stay."""
    api_key = session.scalar(select(ApiKey).where(ApiKey.name == name))
    if api_key is None:
        raise KeyRefused(f"no key named {name!r}")
    if api_key.revoked_at is not None:
        raise KeyRefused(f"the key {name!r} was revoked already")
    api_key.revoked_at = utcnow()
    session.flush()
    _audit(session, "api_key.revoke", api_key, revoked_by)
    return api_key


def _audit(session: Session, action: str, api_key: ApiKey, by: str | None, **data) -> None:
    audit.append(
        session,
        actor_id=None,
        action=action,
        object_type="api_key",
        object_id=api_key.id,
        data={"name": api_key.name, "prefix": api_key.prefix, "by": by, **data},
    )


def verify_key(session: Session, key: object) -> ApiKey | None:
    """The active key this secret belongs to, or None (unknown, malformed or revoked). The candidates are found by
    their public prefix and compared on the hash in constant time, so timing tells nothing about the secret."""
    if not isinstance(key, str) or not key.startswith(KEY_PREFIX) or len(key) < PREFIX_LENGTH + 16 or len(key) > 200:
        return None
    digest = hash_key(key)
    found = None
    for candidate in session.scalars(select(ApiKey).where(ApiKey.prefix == key[:PREFIX_LENGTH])):
        if hmac.compare_digest(candidate.key_hash, digest):
            found = candidate
    return found if found is not None and found.revoked_at is None else None


def record_use(
    session: Session, api_key: ApiKey, *, method: str, endpoint: str, status: int, report_id: int | None = None
) -> ApiKeyUse:
    """One request made with the key: when, what, its answer and the report it concerned; never who sent it."""
    now = utcnow()
    use = ApiKeyUse(
        api_key_id=api_key.id, at=now, method=method, endpoint=endpoint[:200], status=status, report_id=report_id
    )
    session.add(use)
    api_key.last_used_at = now
    session.flush()
    return use


@dataclass(frozen=True)
class KeyRow:
    name: str
    prefix: str
    rate_limit: str
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None
    uses: int


def list_keys(session: Session) -> list[KeyRow]:
    """Every key, oldest first, with the number of its recorded uses."""
    uses = select(ApiKeyUse.api_key_id, func.count(ApiKeyUse.id).label("n")).group_by(ApiKeyUse.api_key_id).subquery()
    rows = session.execute(
        select(ApiKey, func.coalesce(uses.c.n, 0))
        .outerjoin(uses, uses.c.api_key_id == ApiKey.id)
        .order_by(ApiKey.created_at, ApiKey.id)
    )
    return [KeyRow(k.name, k.prefix, k.rate_limit, k.created_at, k.revoked_at, k.last_used_at, int(n)) for k, n in rows]
