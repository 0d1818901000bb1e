"""Is the service alive, and ready? For load balancers, orchestrators and the operator.

- `GET /healthz`: the process answers; touches neither the database nor Redis.
- `GET /readyz`: one entry per check (database reachable and at the newest migration, Redis reachable, a classifier
  held or loadable in this process and what the routing processes reported holding, the cron scheduler's heartbeat
  recent), each with a status (`ok`, `degraded`, `fail`) and a short detail; 200 when nothing fails, 503 otherwise.
  A classifier serving the last good model because the published one does not load is `degraded`: still ready.

The details name revisions, versions and exception types, never an address, a URL or a setting's value. Both
answers are JSON, never cached, exempt from CSRF and from rate limits.
"""

import time
from dataclasses import asdict, dataclass
from functools import cache

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Blueprint, current_app, jsonify
from redis import Redis
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from core.database import alembic_config
from core.extensions import csrf, db
from core.ratelimit import limiter_for
from triage.heartbeat import classifier_states, last_beat

bp = Blueprint("health", __name__)

OK, DEGRADED, FAIL = "ok", "degraded", "fail"
STATEMENT_TIMEOUT_MS = 2000  # a readiness probe must answer, even when the database is slow
REDIS_PROBE_TIMEOUT_SECONDS = 1.0  # and when Redis accepts connections but does not answer


def probe_redis(app) -> Redis:
    """The Redis client of /readyz and /metrics: one try, a short timeout (the app's own client waits 5 s and
    retries, right for the routing, too slow for a probe)."""
    client = app.extensions.get("redis_probe")
    if client is None:
        client = app.extensions["redis_probe"] = Redis.from_url(
            app.config["REDIS_URL"],
            socket_connect_timeout=REDIS_PROBE_TIMEOUT_SECONDS,
            socket_timeout=REDIS_PROBE_TIMEOUT_SECONDS,
            retry=Retry(NoBackoff(), 0),
        )
    return client


@dataclass(frozen=True)
class Check:
    status: str
    detail: str


def no_store(response):
    """Operations answers are never cached."""
    response.headers["Cache-Control"] = "no-store"
    return response


def own_connection():
    """Operations endpoints read the database on a connection of their own. On SQLite every transaction takes the
    write lock (`core.database.configure_sqlite`), and the app's hooks have already opened one for a request with a
    staff cookie (loading the signed-in user): it is ended first, or the probe waits for its own request's lock
    until the busy timeout and answers "not ready" 15 s later."""
    db.session.rollback()


bp.before_request(own_connection)
bp.after_request(no_store)


def exempt(app, blueprint: Blueprint) -> None:
    """Operations endpoints: no CSRF, no rate limit (a probe every few seconds is not an attack)."""
    csrf.exempt(blueprint)
    limiter_for(app).exempt(blueprint)


def init_app(app) -> None:
    exempt(app, bp)
    app.register_blueprint(bp)


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    redis = check_redis()
    checks = {
        "database": check_database(),
        "redis": redis,
        "classifier": check_classifier(redis.status == OK),
        "cron": check_cron() if redis.status == OK else Check(FAIL, "heartbeat unreadable: Redis does not answer"),
    }
    statuses = {c.status for c in checks.values()}
    status = "not-ready" if FAIL in statuses else DEGRADED if DEGRADED in statuses else "ready"
    body = {"status": status, "checks": {name: asdict(c) for name, c in checks.items()}}
    return jsonify(body), 503 if status == "not-ready" else 200


@cache
def _migration_heads() -> frozenset[str]:
    """The newest revisions of the code (read once per process: they change only with a release)."""
    return frozenset(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def check_database() -> Check:
    try:
        with db.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text(f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}"))
            current = frozenset(MigrationContext.configure(conn).get_current_heads())
            conn.rollback()
    except SQLAlchemyError as exc:
        return Check(FAIL, f"unreachable ({type(exc).__name__})")
    heads = _migration_heads()
    if current != heads:
        at = ", ".join(sorted(current)) or "no revision"
        return Check(FAIL, f"at {at}, the code needs {', '.join(sorted(heads))}: run `flask --app wsgi db upgrade`")
    return Check(OK, f"at revision {', '.join(sorted(current))}")


def check_redis() -> Check:
    try:
        probe_redis(current_app).ping()
    except RedisError as exc:
        return Check(FAIL, f"unreachable ({type(exc).__name__})")
    return Check(OK, "answers")


def check_classifier(redis_answers: bool = True) -> Check:
    """This process's classifier (held, or published and loadable), then what the workers reported holding."""
    here = _classifier_here()
    if not redis_answers or (here.status == FAIL and "does not load" not in here.detail):
        return here
    try:
        states = classifier_states(probe_redis(current_app), current_app.config["ROUTING_QUEUE"])
    except RedisError:
        return here  # the redis check says why
    serving = ", ".join(sorted({s["loaded"] for s in states.values() if s.get("loaded")})) or "no model"
    held = DEGRADED if any(s.get("loaded") for s in states.values()) else FAIL  # a broken publication: ready
    troubled = [s for s in states.values() if s.get("failed")]  # only while some process still holds a model
    if troubled:
        failed, error = troubled[0]["failed"], troubled[0]["error"]
        return Check(
            held,
            f"{len(troubled)} of {len(states)} process(es) cannot load the published {failed} ({error}); "
            f"serving {serving}",
        )
    if here.status == FAIL:
        return Check(held, f"{here.detail}; {len(states)} process(es) serving {serving}")
    if states and not here.detail.startswith("serving"):
        return Check(OK, f"{here.detail}; {len(states)} process(es) serving {serving}")
    return here


def _classifier_here() -> Check:
    services = current_app.extensions["services"]
    state = services.classifier_state()
    if state is not None and state.degraded:
        return Check(DEGRADED, f"serving {state.loaded}; the published {state.failed} does not load ({state.error})")
    if state is not None and state.loaded:
        return Check(OK, f"serving {state.loaded}")
    if state is not None and state.failed:
        return Check(FAIL, f"the published {state.failed} does not load ({state.error}) and no model is held")
    try:
        name, problem = services.published_artifact()
    except OSError as exc:
        return Check(FAIL, f"no published model ({type(exc).__name__})")
    if problem:
        return Check(FAIL, f"the published {name} does not load ({problem})")
    return Check(OK, f"{name} published and whole, loaded on first use in this process")


def check_cron() -> Check:
    try:
        beat = last_beat(probe_redis(current_app))
    except RedisError as exc:
        return Check(FAIL, f"heartbeat unreadable: Redis unreachable ({type(exc).__name__})")
    if beat is None:
        return Check(FAIL, "no heartbeat: is `python -m triage.cron` running?")
    age = max(0.0, time.time() - beat)
    limit = current_app.config["CRON_HEARTBEAT_MAX_AGE_SECONDS"]
    if age > limit:
        return Check(FAIL, f"last heartbeat {age:.0f} s ago (more than {limit} s)")
    return Check(OK, f"last heartbeat {age:.0f} s ago")
