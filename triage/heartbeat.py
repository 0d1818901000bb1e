"""Heartbeats: a long-running process (the cron scheduler) stamps the time in Redis on each turn of its loop, so
readiness checks and metrics can tell how long ago it was last alive; and the workers say which classifier they
hold, so that the web processes, which hold none, can tell."""

import json
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


# -- the classifier each process holds --------------------------------------------------------------------------
# Workers route, the web processes answer /readyz and /metrics: each worker writes what its model handle holds
# (`ml.classifier.HandleState`) into one hash per deployment, and readers skip the entries older than this.
CLASSIFIER_STATE_MAX_AGE_SECONDS = 300


def _states_key(deployment: str) -> str:
    return f"classifier-states:{deployment}"


def report_classifier_state(redis: Redis, deployment: str, process: str, state: dict) -> None:
    """Record what `process` ("host:pid") holds now: loaded, published, failed, error."""
    redis.hset(_states_key(deployment), process, json.dumps({**state, "at": time.time()}))


def classifier_states(redis: Redis, deployment: str) -> dict[str, dict]:
    """What each process reported within CLASSIFIER_STATE_MAX_AGE_SECONDS, by process; older entries are dropped."""
    fresh, stale = {}, []
    for process, raw in redis.hgetall(_states_key(deployment)).items():
        name = process.decode() if isinstance(process, bytes) else process
        state = json.loads(raw)
        if time.time() - state.get("at", 0) > CLASSIFIER_STATE_MAX_AGE_SECONDS:
            stale.append(name)
        else:
            fresh[name] = state
    if stale:
        redis.hdel(_states_key(deployment), *stale)
    return fresh
