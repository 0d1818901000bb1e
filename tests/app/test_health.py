"""Health: the cron's heartbeat, /healthz and /readyz."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from probe_support import get_guarded, silent_redis_url
from redis import Redis

from core.database import upgrade_database
from core.extensions import db
from core.models import Report
from core.queueing import enqueue_routing
from ml.classifier import publish, resolve_artifact
from triage.heartbeat import (
    CLASSIFIER_STATE_MAX_AGE_SECONDS,
    beat,
    classifier_states,
    last_beat,
    report_classifier_state,
)
from triage.routing.jobs import route_report

ROOT = Path(__file__).resolve().parents[2]


def test_a_beat_is_read_back_and_a_process_that_never_beat_has_none(redis_url):
    redis = Redis.from_url(redis_url)
    redis.delete("heartbeat:h2-test", "heartbeat:never")
    before = time.time()
    beat(redis, "h2-test")
    stamp = last_beat(redis, "h2-test")
    assert stamp is not None and before <= stamp <= time.time()
    assert last_beat(redis, "never") is None
    assert redis.ttl("heartbeat:h2-test") > 86400


def test_the_cron_scheduler_beats_as_soon_as_its_loop_turns(redis_url, tmp_path):
    redis = Redis.from_url(redis_url)
    redis.delete("heartbeat:cron")
    env = {
        **os.environ,
        "REDIS_URL": redis_url,
        "INSTANCE_PATH": str(tmp_path),
        "SECRET_KEY": "k",
        "ROUTING_QUEUE": f"routing-{tmp_path.name}",  # a lease of its own: no other test's cron holds it
        "JOBS_QUEUE": f"jobs-{tmp_path.name}",
    }
    cron = subprocess.Popen(
        [sys.executable, "-m", "triage.cron"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while last_beat(redis) is None and time.monotonic() < deadline and cron.poll() is None:
            time.sleep(0.2)
    finally:
        cron.terminate()
        cron.wait(timeout=30)
    assert last_beat(redis) is not None


# -- /healthz and /readyz ----------------------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again on leaving: nothing listens there


def _ready(client):
    response = client.get("/readyz")
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_json()
    checks = {name: (c["status"], c["detail"]) for name, c in body["checks"].items()}
    return response.status_code, body["status"], checks


def test_healthz_answers_without_database_or_redis(make_app):
    port = _closed_port()
    app = make_app(
        SQLALCHEMY_DATABASE_URI=f"postgresql+psycopg://nobody@127.0.0.1:{port}/none",
        REDIS_URL=f"redis://127.0.0.1:{port}/12",
    )
    client = app.test_client()
    response = client.get("/healthz")
    assert (response.status_code, response.get_json()) == (200, {"status": "ok"})
    assert response.headers["Cache-Control"] == "no-store"
    code, status, checks = _ready(client)
    assert (code, status) == (503, "not-ready")
    assert checks["database"][0] == checks["redis"][0] == checks["cron"][0] == "fail"
    details = " ".join(detail for _, detail in checks.values())
    assert "127.0.0.1" not in details and str(port) not in details and "nobody" not in details


def test_ready_when_everything_answers(app, client):
    beat(app.extensions["redis"])
    code, status, checks = _ready(client)
    assert (code, status) == (200, "ready"), checks
    assert {name: s for name, (s, _) in checks.items()} == {
        "database": "ok",
        "redis": "ok",
        "classifier": "ok",
        "cron": "ok",
    }
    assert "published" in checks["classifier"][1]  # loadable, not loaded: the web process does not route


def test_an_officer_signed_in_reads_readiness_like_anyone(app, client, make_user, login_as):
    """A staff cookie has the app's hooks load the signed-in user before the view runs, in a transaction that on
    SQLite holds the write lock; the probe reads the database on its own connection and used to wait for its own
    request's lock until the busy timeout, then call the database unreachable."""
    beat(app.extensions["redis"])
    make_user("ops", role="admin")
    login_as(client, "ops")
    code, status, checks = _ready(client)
    assert (code, status, checks["database"][0]) == (200, "ready", "ok"), checks


def test_not_ready_when_redis_is_unreachable(make_app):
    app = make_app(REDIS_URL=f"redis://127.0.0.1:{_closed_port()}/12")
    code, status, checks = _ready(app.test_client())
    assert (code, status) == (503, "not-ready")
    assert checks["redis"] == ("fail", "unreachable (ConnectionError)")
    assert checks["database"][0] == "ok"


def test_not_ready_when_redis_accepts_connections_but_never_answers(make_app):
    with silent_redis_url() as url:
        response = get_guarded(make_app(REDIS_URL=url).test_client(), "/readyz")
    checks = {name: (c["status"], c["detail"]) for name, c in response.get_json()["checks"].items()}
    assert (response.status_code, response.get_json()["status"]) == (503, "not-ready")
    assert checks["redis"] == ("fail", "unreachable (TimeoutError)")
    assert checks["cron"] == ("fail", "heartbeat unreadable: Redis does not answer")
    assert checks["database"][0] == "ok"


def test_not_ready_when_the_database_is_not_at_the_newest_migration(make_app, app, tmp_path):
    beat(app.extensions["redis"])
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade_database(url, "0015")
    code, status, checks = _ready(make_app(SQLALCHEMY_DATABASE_URI=url).test_client())
    assert (code, status) == (503, "not-ready")
    assert checks["database"][0] == "fail" and "at 0015" in checks["database"][1]
    assert checks["redis"][0] == checks["cron"][0] == "ok"


def test_not_ready_when_the_cron_heartbeat_is_old(app, client):
    redis = app.extensions["redis"]
    redis.set("heartbeat:cron", repr(time.time() - 3600.4))
    code, _, checks = _ready(client)
    assert code == 503 and checks["cron"][0] == "fail" and "more than 180 s" in checks["cron"][1]
    redis.delete("heartbeat:cron")
    code, _, checks = _ready(client)
    assert code == 503 and checks["cron"][0] == "fail" and "no heartbeat" in checks["cron"][1]
    beat(redis)
    assert _ready(client)[0] == 200


def test_a_truncated_model_published_as_current_leaves_routing_working_and_readiness_degraded(
    make_app, make_report, model_dir, tmp_path
):
    models = shutil.copytree(model_dir, tmp_path / "models")
    app = make_app(ML_MODEL_DIR=str(models))
    beat(app.extensions["redis"])
    first = make_report()
    with app.app_context():
        route_report(first.report_id)
        held = db.session.get(Report, first.report_id).model_version
    assert held

    good = resolve_artifact(models)
    data = good.read_bytes()
    (models / "classifier-broken.joblib").write_bytes(data[: len(data) // 3])
    publish(models, "classifier-broken.joblib")
    app.extensions["services"]._handle.check_interval = 0.0  # look at the pointer on the next report
    second = make_report(text="Cán bộ một cửa xã Ngọc Lặc đòi 500 nghìn mới nhận hồ sơ khai sinh cho con tôi.")
    with app.app_context():
        route_report(second.report_id)
        report = db.session.get(Report, second.report_id)
        assert report.status != "received" and report.model_version == held

    client = app.test_client()
    code, status, checks = _ready(client)
    assert (code, status) == (200, "degraded")
    assert checks["classifier"][0] == "degraded"
    assert held in checks["classifier"][1] and "classifier-broken.joblib" in checks["classifier"][1]
    metrics = client.get("/metrics").get_data(as_text=True)
    process = f"{socket.gethostname()}:{os.getpid()}"
    assert f'thanhhoa_classifier_degraded{{process="{process}"}} 1.0' in metrics
    assert f'{{process="{process}",published="classifier-broken.joblib",version="{held}"}} 1.0' in metrics


def test_a_worker_that_cannot_load_the_published_model_makes_readiness_degraded(app, client):
    """The web process holds no model: what the workers reported decides."""
    redis, deployment = app.extensions["redis"], app.config["ROUTING_QUEUE"]
    beat(redis)
    good = {"loaded": "v1", "published": "classifier-v1.joblib", "failed": "", "error": ""}
    report_classifier_state(redis, deployment, "worker-a:1", good)
    code, status, checks = _ready(client)
    assert (code, status) == (200, "ready") and "1 process(es) serving v1" in checks["classifier"][1]
    bad = {"loaded": "v1", "published": "classifier-v2.joblib", "failed": "classifier-v2.joblib", "error": "EOFError"}
    report_classifier_state(redis, deployment, "worker-b:2", bad)
    code, status, checks = _ready(client)
    assert (code, status, checks["classifier"][0]) == (200, "degraded", "degraded")
    assert "1 of 2 process(es) cannot load the published classifier-v2.joblib (EOFError)" in checks["classifier"][1]
    assert "worker-b" not in checks["classifier"][1]  # no host names in the probe's answer
    # A report older than a few minutes is a process that went away: forgotten.
    stale = json.dumps({**bad, "at": time.time() - CLASSIFIER_STATE_MAX_AGE_SECONDS - 1})
    redis.hset(f"classifier-states:{deployment}", "worker-b:2", stale)
    assert _ready(client)[1] == "ready"
    assert set(classifier_states(redis, deployment)) == {"worker-a:1"}


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_published_artifact_that_would_not_load_is_seen_by_the_web_process(make_app, model_dir, tmp_path, damage):
    """The web process holds no model: it checks the published file (once per file), then what workers hold."""
    models = shutil.copytree(model_dir, tmp_path / "models")
    app = make_app(ML_MODEL_DIR=str(models))
    client, redis, deployment = app.test_client(), app.extensions["redis"], app.config["ROUTING_QUEUE"]
    beat(redis)
    assert _ready(client)[2]["classifier"][0] == "ok"
    data = resolve_artifact(models).read_bytes()
    broken = b"not a model\n" * 1000 if damage == "garbage" else data[: len(data) * 2 // 3]
    (models / "classifier-broken.joblib").write_bytes(broken)
    publish(models, "classifier-broken.joblib")
    code, status, checks = _ready(client)
    assert (code, status, checks["classifier"][0]) == (503, "not-ready", "fail"), checks  # nobody holds a model
    assert "the published classifier-broken.joblib does not load" in checks["classifier"][1]
    # A worker still holding its model, that has not looked at the pointer since.
    held = {"loaded": "v1", "published": "classifier-v1.joblib", "failed": "", "error": ""}
    report_classifier_state(redis, deployment, "worker-a:1", held)
    code, status, checks = _ready(client)
    assert (code, status, checks["classifier"][0]) == (200, "degraded", "degraded"), checks
    assert "does not load" in checks["classifier"][1] and "serving v1" in checks["classifier"][1]


def _wait_routed(app, report_id: int, worker) -> Report:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and worker.poll() is None:
        with app.app_context():
            report = db.session.get(Report, report_id)
            if report.status != "received":
                db.session.expunge(report)
                return report
        time.sleep(0.3)
    raise AssertionError(f"report {report_id} not routed (worker exit code {worker.poll()})")


@pytest.mark.e2e
def test_a_worker_process_keeps_routing_with_its_model_when_a_truncated_one_is_published(
    make_app, make_report, model_dir, tmp_path
):
    models = shutil.copytree(model_dir, tmp_path / "models")
    app = make_app(ML_MODEL_DIR=str(models))
    redis = app.extensions["redis"]
    beat(redis)
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "REDIS_URL": app.config["REDIS_URL"],
        "ML_MODEL_DIR": str(models),
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "ROUTING_QUEUE": app.config["ROUTING_QUEUE"],
        "JOBS_QUEUE": app.config["JOBS_QUEUE"],
        "SECRET_KEY": "k",
        "AUDIT_KEY": app.config["AUDIT_KEY"],
        "PASSPHRASE_KEY": app.config["PASSPHRASE_KEY"],
    }
    log = tmp_path / "worker.log"
    worker = subprocess.Popen(
        [sys.executable, "-m", "triage.worker"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(log, "w")
    )
    try:
        first = make_report()
        enqueue_routing(redis, app.config["ROUTING_QUEUE"], first.report_id)
        held = _wait_routed(app, first.report_id, worker).model_version
        good = resolve_artifact(models)
        data = good.read_bytes()
        (models / "classifier-broken.joblib").write_bytes(data[: len(data) // 2])
        publish(models, "classifier-broken.joblib")
        time.sleep(2.5)  # the worker looks at the pointer at most every 2 s
        for text in ("Cán bộ một cửa xã Ngọc Lặc đòi 500 nghìn mới nhận hồ sơ.", "Công an xã hẹn mãi không cấp giấy."):
            receipt = make_report(text=text)
            enqueue_routing(redis, app.config["ROUTING_QUEUE"], receipt.report_id)
            assert _wait_routed(app, receipt.report_id, worker).model_version == held
        code, status, checks = _ready(app.test_client())
    finally:
        worker.terminate()
        worker.wait(30)
    assert (code, status, checks["classifier"][0]) == (200, "degraded", "degraded"), checks
    assert (
        "cannot load the published classifier-broken.joblib" in checks["classifier"][1]
        and held in checks["classifier"][1]
    )
    assert log.read_text().count("does not load") == 1  # one error for the bad artifact, not one per report
