"""/metrics: the figures match what was created, and only allowed clients (or the token) read them."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from jobs_support import run_failing_job
from probe_support import get_guarded, silent_redis_url
from prometheus_client.parser import text_string_to_metric_families

from core.extensions import db
from core.models import Notification, Report, Unit, utcnow
from core.vietnamese import today_in_vietnam
from core.vocabulary import Status
from ml.classifier import publish, resolve_artifact
from triage.heartbeat import beat
from triage.metrics import ReceivedCounts
from triage.routing.jobs import route_report
from triage.run import WEB_CONFIG

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Cán bộ địa chính xã hẹn lần hẹn lữa, ba tháng chưa trả kết quả hồ sơ đất của gia đình tôi."


def samples(text: str) -> dict:
    """{(sample name, frozenset of labels): value} of a scrape."""
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(scrape: dict, name: str, **labels) -> float | None:
    return scrape.get((name, frozenset(labels.items())))


def scrape(client, **kwargs) -> dict:
    response = client.get("/metrics", **kwargs)
    assert response.status_code == 200, response.status_code
    assert response.headers["Cache-Control"] == "no-store"
    assert response.content_type.startswith("text/plain")
    return samples(response.get_data(as_text=True))


def test_the_figures_match_what_was_created(app, client, csrf_token):
    for _ in range(3):
        token = csrf_token(client.get("/"))
        assert client.post("/", data={"csrf_token": token, "text": TEXT, "kind": "phan-anh"}).status_code == 201
    redis = app.extensions["redis"]
    failed = run_failing_job(redis, app.config["JOBS_QUEUE"])
    beat(redis)

    figures = scrape(client)
    assert value(figures, "thanhhoa_reports_received", channel="web") == 3
    assert value(figures, "thanhhoa_reports_routed", channel="web") == 0
    assert value(figures, "thanhhoa_reports_waiting_routing") == 3
    assert value(figures, "thanhhoa_oldest_unrouted_report_age_seconds") >= 0
    assert value(figures, "thanhhoa_rq_queue_depth", queue=app.config["ROUTING_QUEUE"]) == 3  # one routing job each
    assert value(figures, "thanhhoa_rq_failed_jobs", queue=app.config["JOBS_QUEUE"]) == 1
    assert value(figures, "thanhhoa_rq_failed_jobs", queue=app.config["ROUTING_QUEUE"]) == 0
    assert value(figures, "thanhhoa_cron_heartbeat_age_seconds") < 60
    assert value(figures, "thanhhoa_scrape_error", source="database") == 0
    assert value(figures, "thanhhoa_scrape_error", source="redis") == 0
    # Requests by endpoint name, never by path.
    assert value(figures, "thanhhoa_http_requests_total", endpoint="public.submit", method="POST", status="201") == 3
    assert value(figures, "thanhhoa_http_request_duration_seconds_count", endpoint="public.submit") == 3
    assert not any("/" in dict(labels).get("endpoint", "") for _, labels in figures)
    failed.delete()

    with app.app_context():
        ids = db.session.scalars(db.select(Report.id).order_by(Report.id)).all()
        route_report(ids[0])
        status = db.session.get(Report, ids[0]).status
    figures = scrape(client)
    assert value(figures, "thanhhoa_reports_routed", channel="web") == (0 if status == "needs-triage" else 1)
    assert value(figures, "thanhhoa_reports_needs_triage", channel="web") == (1 if status == "needs-triage" else 0)
    assert value(figures, "thanhhoa_reports_waiting_routing") == 2
    # The routing happened in this process: it reported the classifier it holds.
    infos = [dict(labels) for name, labels in figures if name == "thanhhoa_classifier_info"]
    assert len(infos) == 1 and infos[0]["process"] == f"{socket.gethostname()}:{os.getpid()}"
    assert infos[0]["version"] and infos[0]["published"].startswith("classifier-")
    assert value(figures, "thanhhoa_classifier_degraded", process=infos[0]["process"]) == 0


def test_the_outbox_and_the_deadlines_are_counted(app, client, make_report):
    receipt = make_report()
    with app.app_context():
        for n, status in enumerate(("pending", "pending", "dead", "sent")):
            db.session.add(
                Notification(
                    report_id=receipt.report_id,
                    event_key=f"test:{n}",
                    recipient="a@b.vn",
                    recipient_role="unit",
                    subject="s",
                    body="b",
                    status=status,
                )
            )
        db.session.commit()
        route_report(receipt.report_id)  # starts the report's clocks
        assert len(db.session.get(Report, receipt.report_id).clocks) >= 1
    figures = scrape(client)
    assert value(figures, "thanhhoa_outbox_notifications", status="pending") == 2
    assert value(figures, "thanhhoa_outbox_notifications", status="dead") == 1
    assert value(figures, "thanhhoa_outbox_notifications", status="failed") == 0
    assert value(figures, "thanhhoa_reports_overdue") == value(figures, "thanhhoa_clocks_overdue_unswept") == 0

    today = today_in_vietnam()
    for due_on, expected in ((today - timedelta(days=1), (1, 1, 0)), (today, (0, 0, 1))):
        with app.app_context():
            clock = db.session.get(Report, receipt.report_id).clocks[0]
            clock.due_on = due_on  # the report's next_due_on follows (its flush hook)
            db.session.commit()
        figures = scrape(client)
        names = ("thanhhoa_reports_overdue", "thanhhoa_clocks_overdue_unswept", "thanhhoa_clocks_due_soon")
        assert tuple(value(figures, name) for name in names) == expected, due_on


def test_an_officer_signed_in_scrapes_the_database_figures(app, client, make_user, login_as, make_report):
    """With a staff cookie the request already holds a transaction (the signed-in user, loaded by the app's hooks)
    when the collector opens its own: on SQLite the scrape used to wait for that lock, then count nothing."""
    make_report()
    make_user("ops", role="admin")
    login_as(client, "ops")
    figures = scrape(client)
    assert value(figures, "thanhhoa_scrape_error", source="database") == 0
    assert value(figures, "thanhhoa_reports_received", channel="web") == 1


def test_only_allowed_addresses_or_the_token_read_the_metrics(make_app):
    app = make_app(METRICS_TOKEN="jeton-de-test-123", METRICS_ALLOW=("10.1.0.0/16",))
    client = app.test_client()
    outside = {"REMOTE_ADDR": "203.0.113.9"}
    assert client.get("/metrics", environ_base=outside).status_code == 404
    assert client.get("/metrics").status_code == 404  # loopback is not in this list
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "10.1.2.3"}).status_code == 200
    wrong = {"Authorization": "Bearer jeton-de-test-124"}
    assert client.get("/metrics", environ_base=outside, headers=wrong).status_code == 404
    right = {"Authorization": "Bearer jeton-de-test-123"}
    assert "thanhhoa_reports_received" in client.get("/metrics", environ_base=outside, headers=right).text


def test_the_socket_peer_decides_never_a_forwarded_header(make_app):
    """The proxies answer 404 for /metrics: a scraper reaches gunicorn directly, so with TRUSTED_PROXY_HOPS the
    X-Forwarded-For a client writes itself must open nothing."""
    app = make_app(TRUSTED_PROXY_HOPS=1)  # default list: loopback only
    client, outsider = app.test_client(), app.test_client()
    outside = {"REMOTE_ADDR": "10.20.0.7"}  # a host of the private network, talking to gunicorn directly
    outsider.environ_base.update(outside)  # for the redirected request too
    for forwarded in ("127.0.0.1", "1.2.3.4, 127.0.0.1", "::1"):
        # "//metrics" as the server passes it on (the test client would read "metrics" as a host name); Flask
        # serves it as /metrics, and "/%6detrics" too (decoded): the same check answers.
        for url, path in (("/metrics", "/metrics"), ("/", "//metrics"), ("/%6detrics", None)):
            raw = {"PATH_INFO": path, "REQUEST_URI": path, "RAW_URI": path} if path else {}
            response = outsider.get(url, environ_overrides=raw, headers={"X-Forwarded-For": forwarded})
            assert response.status_code == 404 and "thanhhoa_" not in response.text, (forwarded, url, path)
    # From loopback (the scraper on the machine) it reads, whatever a header says.
    assert client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 200
    assert client.get("/%6detrics").status_code == 200
    assert client.get("/", environ_overrides={"PATH_INFO": "//metrics"}).status_code == 200
    untrusting = make_app().test_client()
    assert untrusting.get("/metrics", environ_base=outside, headers={"X-Forwarded-For": "127.0.0.1"}).status_code == 404


def test_routed_counts_the_reports_given_a_unit_not_those_waiting_for_manual_triage(app, client, make_report):
    receipts = [make_report() for _ in range(8)]
    with app.app_context():
        unit_id = db.session.scalar(db.select(Unit.id).order_by(Unit.id).limit(1))
        for n, receipt in enumerate(receipts):
            report = db.session.get(Report, receipt.report_id)
            report.routed_at = utcnow()  # both kinds went through the routing
            if n < 5:
                report.status, report.unit_id = Status.ROUTED, unit_id
            else:
                report.status = Status.NEEDS_TRIAGE
        db.session.commit()
    figures = scrape(client)
    assert value(figures, "thanhhoa_reports_received", channel="web") == 8
    assert value(figures, "thanhhoa_reports_routed", channel="web") == 5
    assert value(figures, "thanhhoa_reports_needs_triage", channel="web") == 3
    assert value(figures, "thanhhoa_reports_waiting_routing") == 0


def test_a_redis_that_never_answers_is_a_scrape_error_not_a_hang(make_app):
    with silent_redis_url() as url:
        response = get_guarded(make_app(REDIS_URL=url).test_client(), "/metrics")
    assert response.status_code == 200
    figures = samples(response.get_data(as_text=True))
    assert value(figures, "thanhhoa_scrape_error", source="redis") == 1
    assert value(figures, "thanhhoa_scrape_error", source="database") == 0


def test_the_published_artifact_is_shown_whole_or_not(make_app, model_dir, tmp_path):
    models = shutil.copytree(model_dir, tmp_path / "models")
    client = make_app(ML_MODEL_DIR=str(models)).test_client()
    good = resolve_artifact(models)
    assert value(scrape(client), "thanhhoa_classifier_published_whole", published=good.name) == 1
    (models / "classifier-garbage.joblib").write_bytes(b"not a model at all\n" * 100)
    publish(models, "classifier-garbage.joblib")
    figures = scrape(client)
    assert value(figures, "thanhhoa_classifier_published_whole", published="classifier-garbage.joblib") == 0
    assert value(figures, "thanhhoa_classifier_published_whole", published=good.name) is None


def test_a_database_that_does_not_answer_is_reported_not_fatal(make_app):
    app = make_app(SQLALCHEMY_DATABASE_URI="postgresql+psycopg://nobody@127.0.0.1:1/none")
    figures = scrape(app.test_client())
    assert value(figures, "thanhhoa_scrape_error", source="database") == 1
    assert value(figures, "thanhhoa_scrape_error", source="redis") == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


@pytest.mark.slow
def test_gunicorn_processes_add_up_their_counts(database_url, redis_url, model_dir, tmp_path):
    """Two gunicorn workers, prometheus_client's multi-process mode: a scrape counts the requests of both."""
    port = _free_port()
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "ML_MODEL_DIR": model_dir,
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SECRET_KEY": "k",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
    }
    command = [sys.executable, "-m", "gunicorn", "-w", "2", *WEB_CONFIG, "-b", f"127.0.0.1:{port}", "wsgi:app"]
    log = open(tmp_path / "web.log", "w")
    web = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(base + "/healthz")
                break
            except OSError:
                assert web.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        before = samples(_get(base + "/metrics"))  # the probes above may have been counted late
        for _ in range(30):
            assert _get(base + "/healthz") == '{"status":"ok"}\n'
        after = samples(_get(base + "/metrics"))
    finally:
        web.terminate()
        web.wait(30)
        print((tmp_path / "web.log").read_text()[-5000:])  # shown when the test fails
    labels = {"endpoint": "health.healthz", "method": "GET", "status": "200"}
    assert (
        value(after, "thanhhoa_http_requests_total", **labels) - value(before, "thanhhoa_http_requests_total", **labels)
        == 30
    )
    assert value(after, "thanhhoa_http_requests_total", endpoint="metrics.metrics", method="GET", status="200") >= 1
    assert list(metrics_dir.glob("counter_*.db"))  # the processes wrote their counts there


def test_the_received_counts_are_caught_up_by_chunks_then_by_the_newest_ids(app, make_report):
    counts = ReceivedCounts()
    counts.TAIL, counts.CHUNK = 2, 3  # ten reports: the first 8 ids are settled, 3 a scrape; the last 2 the tail

    def count():
        with app.app_context():
            try:
                return counts.counts(db.session)
            finally:
                db.session.remove()

    for n in range(10):
        make_report(channel="paper" if n % 2 else "web")
    assert [count(), count()] == [None, None]  # 3 + 3 of the 8 settled ids
    assert count() == {"web": 5, "paper": 5}  # the last 2 settled, and the tail
    make_report(channel="hotline")
    assert count() == {"web": 5, "paper": 5, "hotline": 1}
    assert count() == {"web": 5, "paper": 5, "hotline": 1}  # nothing counted twice
