"""Heartbeats: a long-running process (the cron scheduler) stamps the time in Redis on each turn of its loop, so
readiness checks and metrics can tell how long ago it was last alive."""

import time

from redis import Redis

# Long enough to outlive any outage worth reporting: a missing key reads as "never beat", an old one as "stalled".
BEAT_TTL_SECONDS = 7 * 86400


def _key(name: str) -> str:
    return f"heartbeat:{name}"


def beat(redis: Redis, name: str = "cron") -> None:
    """Record that the process called `name` is alive now (unix time)."""
    redis.set(_key(name), repr(time.time()), ex=BEAT_TTL_SECONDS)


def last_beat(redis: Redis, name: str = "cron") -> float | None:
    """The unix time of the last beat of `name`, or None when it never beat (or the key expired)."""
    value = redis.get(_key(name))
    return float(value) if value is not None else None


def beat_on_each_turn(scheduler, name: str = "cron") -> None:
    """Make an rq CronScheduler beat each time its loop turns: rq calls `scheduler.heartbeat()` once per turn
    (at least once a minute), so `beat` rides on it."""
    rq_heartbeat = scheduler.heartbeat

    def heartbeat() -> None:
        rq_heartbeat()
        beat(scheduler.connection, name)

    scheduler.heartbeat = heartbeat
