"""Wrong passwords, counted so that they neither tell which accounts exist nor let anyone lock an officer out.

Failures are counted in Redis under keyed hashes (never a raw name or address), the same way whether the name is an
account or not:

- per name and client: LOGIN_MAX_FAILURES in a row lock that client out of that name for LOGIN_LOCK_MINUTES (the
  officer at their own desk is not locked out by someone guessing elsewhere);
- per name: LOGIN_ACCOUNT_MAX_FAILURES from all clients within LOGIN_LOCK_MINUTES lock the name for everyone (a
  guessing attack spread over many addresses); for an account the lock is also written on its row, so the
  administrators see it and can lift it.

Each further failure during a lock extends nothing: the lock ends LOGIN_LOCK_MINUTES after the failure that set it.
When Redis cannot be reached nothing is counted (sign-in keeps working; the per-client rate limit still applies
from the web worker's memory).
"""

from dataclasses import dataclass

from flask import current_app
from redis.exceptions import RedisError

from core.ratelimit import client_key, keyed_hash


@dataclass(frozen=True)
class Verdict:
    locked_seconds: int  # 0: not locked
    account_wide: bool = False


def _keys(username: str) -> tuple[str, str]:
    prefix = current_app.config.get("RATELIMIT_KEY_PREFIX") or "rl"
    name = keyed_hash("signin:" + username.strip().lower())[:32]
    return f"{prefix}:signin:{name}:{client_key()}", f"{prefix}:signin:{name}"


def _limits() -> tuple[int, int, int]:
    config = current_app.config
    return (
        int(config["LOGIN_MAX_FAILURES"]),
        int(config["LOGIN_ACCOUNT_MAX_FAILURES"]),
        int(config["LOGIN_LOCK_MINUTES"]) * 60,
    )


def _redis():
    return current_app.extensions["redis"]


def locked(username: str) -> Verdict:
    """Whether this client may try this name now."""
    per_client, per_name, _ = _limits()
    pair, name = _keys(username)
    try:
        with _redis().pipeline() as pipe:
            pipe.get(pair).ttl(pair).get(name).ttl(name)
            pair_count, pair_ttl, name_count, name_ttl = pipe.execute()
    except RedisError:
        return Verdict(0)
    if name_count is not None and int(name_count) >= per_name:
        return Verdict(max(int(name_ttl), 1), account_wide=True)
    if pair_count is not None and int(pair_count) >= per_client:
        return Verdict(max(int(pair_ttl), 1))
    return Verdict(0)


def failed(username: str) -> Verdict:
    """Count one wrong password; the lock it sets, if any."""
    per_client, per_name, lock_seconds = _limits()
    pair, name = _keys(username)
    try:
        with _redis().pipeline() as pipe:
            pipe.incr(pair).expire(pair, lock_seconds).incr(name).expire(name, lock_seconds)
            pair_count, _, name_count, _ = pipe.execute()
    except RedisError:
        return Verdict(0)
    if name_count >= per_name:
        return Verdict(lock_seconds, account_wide=True)
    if pair_count >= per_client:
        return Verdict(lock_seconds)
    return Verdict(0)


def succeeded(username: str) -> None:
    """The right password: this client's count for the name starts again."""
    pair, _ = _keys(username)
    try:
        _redis().delete(pair)
    except RedisError:
        pass


def lift(username: str) -> None:
    """An administrator lifts the locks of an account, for every client."""
    _, name = _keys(username)
    try:
        redis = _redis()
        redis.delete(name, *redis.scan_iter(match=f"{name}:*", count=1000))
    except RedisError:
        pass
