"""One log format for every process, and the line each job logs when it ends (real jobs, real database and Redis)."""

import inspect
import logging
import os
import re
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from redis import Redis
from rq import Queue
from rq.job import Job
from rq.utils import import_attribute
from sqlalchemy import select

import triage.jobs
import triage.periodic_jobs
from core.extensions import db
from core.logs import logged_job
from core.models import Notification, Report
from triage.casework.jobs import enqueue_export_corrections, export_corrections, purge_contacts
from triage.deadlines.jobs import DeliveryError, resume_after_reply, send_notification, sweep_deadlines
from triage.reporting.jobs import build_due_periodic_reports, build_periodic_report
from triage.routing.jobs import reconcile_unrouted, route_report

ROOT = Path(__file__).resolve().parents[3]
LINE = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} %s\[\d+\] %s %s: %s"
TEXT = (
    "Cán bộ địa chính UBND phường Quảng Phú hẹn lần hẹn lữa, hồ sơ tách thửa của tôi nộp từ đầu tháng "
    "đến nay quá hẹn mà không ai trả lời."
)
CITIZEN = {
    "reporter_name": "Phạm Thị D",
    "reporter_phone": "0987654321",
    "reporter_email": "dan@example.vn",
    "reporter_address": "thôn Nam, phường Quảng Phú",
}


def _python(code: str, **env) -> subprocess.CompletedProcess:
    environ = {**os.environ, "INSTANCE_PATH": "/tmp/logs-test-instance", "SECRET_KEY": "k", **env}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=environ, timeout=60
    )


def _job_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("job=")]


def _project_log(caplog) -> str:
    """What the project's loggers wrote (the test's own SMTP server logs its recipients)."""
    return "\n".join(r.getMessage() for r in caplog.records if r.name.split(".")[0] in ("core", "triage", "rq"))


# -- the format ------------------------------------------------------------------------------------------------------


def test_one_format_with_time_process_level_logger_and_message_at_log_level():
    code = (
        "import logging; from core.logs import configure_logging; configure_logging('cron');"
        "log = logging.getLogger('triage.example'); log.debug('not at INFO'); log.info('at INFO');"
        "log.warning('a warning')"
    )
    lines = _python(code, LOG_LEVEL="INFO").stderr.splitlines()
    assert len(lines) == 2, lines
    assert re.fullmatch(LINE % ("cron", "INFO", "triage.example", "at INFO"), lines[0]), lines[0]
    assert re.fullmatch(LINE % ("cron", "WARNING", "triage.example", "a warning"), lines[1]), lines[1]
    warnings_only = _python(code, LOG_LEVEL="WARNING").stderr.splitlines()
    assert len(warnings_only) == 1 and re.fullmatch(
        LINE % ("cron", "WARNING", "triage.example", "a warning"), warnings_only[0]
    ), warnings_only


def test_an_unknown_log_level_stops_the_process_with_the_reason():
    result = _python("from core.logs import configure_logging; configure_logging('worker')", LOG_LEVEL="LOUD")
    assert result.returncode != 0
    assert "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got 'LOUD'" in result.stderr


def test_gunicorn_error_and_access_logs_and_the_app_in_the_same_format():
    code = (
        "import logging; from gunicorn.config import Config; from triage.run import WEB_LOGGING;"
        "cfg = Config(); cfg.set('logger_class', WEB_LOGGING[WEB_LOGGING.index('--logger-class') + 1]);"
        "cfg.set('accesslog', '-'); log = cfg.logger_class(cfg);"
        "log.info('Booting worker'); log.debug('not at INFO'); log.access_log.info('POST / 201 0.01s');"
        "logging.getLogger('triage.example').warning('from the app')"
    )
    result = _python(code, LOG_LEVEL="INFO")
    assert result.returncode == 0, result.stderr
    errors, access = result.stderr.splitlines(), result.stdout.splitlines()
    assert len(errors) == 2 and len(access) == 1, (errors, access)
    assert re.fullmatch(LINE % ("web", "INFO", "gunicorn.error", "Booting worker"), errors[0]), errors[0]
    assert re.fullmatch(LINE % ("web", "WARNING", "triage.example", "from the app"), errors[1]), errors[1]
    assert re.fullmatch(LINE % ("web", "INFO", "gunicorn.access", "POST / 201 0.01s"), access[0]), access[0]


@pytest.mark.e2e
def test_the_worker_and_cron_processes_log_in_the_one_format(app, make_report, tmp_path):
    """The worker routes a report and logs its job line; cron starts and logs, both in the one format."""
    receipt = make_report(text=TEXT)
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "REDIS_URL": app.config["REDIS_URL"],
        "ML_MODEL_DIR": app.config["ML_MODEL_DIR"],
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "ROUTING_QUEUE": app.config["ROUTING_QUEUE"],
        "JOBS_QUEUE": app.config["JOBS_QUEUE"],
        "SECRET_KEY": "k",
        "LOG_LEVEL": "INFO",
    }
    logs = {name: tmp_path / f"{name}.log" for name in ("worker", "cron")}
    processes = {
        name: subprocess.Popen(
            [sys.executable, "-m", f"triage.{name}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(logs[name], "w"),
        )
        for name in ("worker", "cron")
    }
    try:
        expected = f"job=route_report report_id={receipt.report_id} outcome=routed"
        deadline = time.monotonic() + 90
        while expected not in logs["worker"].read_text() and time.monotonic() < deadline:
            time.sleep(0.3)
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            process.wait(60)  # a loaded machine: the worker finishes its turn first
    worker = logs["worker"].read_text().splitlines()
    assert any(
        re.fullmatch(LINE % ("worker", "INFO", "triage.routing.jobs", re.escape(expected)), line) for line in worker
    ), worker
    assert any(re.fullmatch(LINE % ("worker", "INFO", r"rq\.worker", ".*"), line) for line in worker), worker
    cron = logs["cron"].read_text().splitlines()
    assert any(re.fullmatch(LINE % ("cron", "INFO", r"rq\.cron", "Registered .*"), line) for line in cron), cron
    assert all(re.fullmatch(LINE % ("cron", r"[A-Z]+", r"[\w.]+", ".*"), line) for line in cron), cron
    for secret in CITIZEN.values():
        assert secret not in logs["worker"].read_text()


# -- the decorator ---------------------------------------------------------------------------------------------------


def test_the_line_says_the_outcome_the_ids_and_the_figures(caplog):
    @logged_job
    def act_on(report_id: int, clock_id: int | None = None) -> str:
        return "done"

    @logged_job(count="enqueued", also=("kind",))
    def enqueue_some(kind: str, user_id: int | None = None) -> int:
        return 3

    @logged_job
    def sweep(today: str) -> dict:
        return {"today": today, "clocks": 2}

    @logged_job
    def fail(notification_id: int) -> None:
        raise OSError("refused by mail@example.vn")

    caplog.set_level(logging.INFO)
    act_on(7, clock_id=9)
    act_on(report_id=8)
    enqueue_some("month", user_id=4)
    sweep("2026-03-02")
    with pytest.raises(OSError):
        fail(5)
    assert _job_lines(caplog) == [
        "job=act_on report_id=7 outcome=done clock_id=9",
        "job=act_on report_id=8 outcome=done",
        "job=enqueue_some report_id=- outcome=ok kind=month user_id=4 enqueued=3",
        "job=sweep report_id=- outcome=ok today=2026-03-02 clocks=2",
        "job=fail report_id=- outcome=error notification_id=5 error=OSError",
    ]
    assert [r.levelname for r in caplog.records] == ["INFO"] * 4 + ["ERROR"]
    assert "example.vn" not in caplog.text


def test_every_job_of_the_facades_is_logged_and_rq_still_finds_it_by_its_path():
    jobs = {
        name: getattr(module, name)
        for module in (triage.jobs, triage.periodic_jobs)
        for name in module.__all__
        if inspect.isfunction(getattr(module, name))
    }
    assert len(jobs) == 12
    assert [name for name, job in jobs.items() if not hasattr(job, "__wrapped__")] == []
    job = Job.create(route_report, args=(1,), connection=Redis())  # no command is sent
    assert job.func_name == "triage.routing.jobs.route_report"
    assert import_attribute(job.func_name) is route_report


# -- real jobs -------------------------------------------------------------------------------------------------------


def test_routing_jobs_log_their_outcome(app, make_report, caplog):
    caplog.set_level(logging.INFO)
    receipt = make_report(text=TEXT)
    with app.app_context():
        reconcile_unrouted()
        route_report(receipt.report_id)
        route_report(receipt.report_id)
        route_report(10**9)
        Queue(app.config["ROUTING_QUEUE"], connection=app.extensions["redis"]).empty()
    assert _job_lines(caplog) == [
        "job=reconcile_unrouted report_id=- outcome=ok enqueued=1",
        f"job=route_report report_id={receipt.report_id} outcome=routed",
        f"job=route_report report_id={receipt.report_id} outcome=already-routed",
        f"job=route_report report_id={10**9} outcome=missing",
    ]
    assert {r.name for r in caplog.records if r.getMessage().startswith("job=")} == {"triage.routing.jobs"}


def test_deadline_jobs_log_clocks_and_notifications_without_addresses(make_app, make_report, smtp_server, caplog):
    app = make_app(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.port)
    receipt = make_report(text=TEXT, ward_code="16522", **CITIZEN)
    with app.app_context():
        route_report(receipt.report_id)
        clock = db.session.get(Report, receipt.report_id).clocks[0]
        clock_id, breach_day = clock.id, clock.due_on + timedelta(days=1)
        db.session.remove()
        caplog.set_level(logging.INFO)
        figures = sweep_deadlines(today=breach_day.isoformat(), inline=True)
        resume_after_reply(receipt.report_id)
        sent = db.session.scalars(select(Notification.id).order_by(Notification.id)).all()
        db.session.remove()
    assert figures["clocks"] == 1 and sent
    assert _job_lines(caplog) == [
        f"job=process_due_clock report_id=- outcome=breach clock_id={clock_id}",
        *[f"job=send_notification report_id=- outcome=sent notification_id={n}" for n in sent],
        f"job=enqueue_pending_notifications report_id=- outcome=ok notifications={len(sent)}",
        f"job=sweep_deadlines report_id=- outcome=ok today={breach_day.isoformat()} clocks=1 "
        f"notifications={len(sent)} released=0",
        f"job=resume_after_reply report_id={receipt.report_id} outcome=nothing-paused",
    ]
    for secret in (*CITIZEN.values(), "@"):
        assert secret not in _project_log(caplog)


def test_a_failed_delivery_logs_outcome_error_and_rq_gets_the_exception(make_app, make_report, caplog):
    app = make_app(SMTP_HOST="127.0.0.1", SMTP_PORT=1)
    receipt = make_report(text=TEXT, ward_code="16522", **CITIZEN)
    with app.app_context():
        route_report(receipt.report_id)
        breach_day = db.session.get(Report, receipt.report_id).clocks[0].due_on + timedelta(days=1)
        db.session.remove()
        sweep_deadlines(today=breach_day.isoformat(), inline=True)  # queues the mail; delivery fails
        breach = Notification.event_key.endswith(":breach")  # not the reporter's notices of receipt and routing
        row = db.session.scalars(select(Notification).where(Notification.recipient == "dan@example.vn", breach)).one()
        db.session.execute(Notification.__table__.update().values(next_attempt_at=row.created_at))
        db.session.commit()
        caplog.set_level(logging.INFO)
        caplog.clear()
        with pytest.raises(DeliveryError) as failure:
            send_notification(row.id)
    assert _job_lines(caplog) == [
        f"job=send_notification report_id=- outcome=error notification_id={row.id} error=DeliveryError"
    ]
    assert caplog.records[-1].levelname == "ERROR"
    assert "dan@example.vn" not in str(failure.value) and failure.value.__cause__ is None
    assert "dan@example.vn" not in _project_log(caplog)


def test_casework_and_reporting_jobs_log_their_figures(app, caplog):
    caplog.set_level(logging.INFO)
    with app.app_context():
        purge_contacts()
        export_corrections()
        enqueue_export_corrections()
        built = build_periodic_report("month", "2026-01-01")
        again = build_periodic_report("month", "2026-01-01")
        Queue(app.config["JOBS_QUEUE"], connection=app.extensions["redis"]).empty()
    assert (built, again) == ("built", "exists")
    assert _job_lines(caplog) == [
        "job=purge_contacts report_id=- outcome=ok purged=0",
        "job=export_corrections report_id=- outcome=ok corrections=0",
        "job=enqueue_export_corrections report_id=- outcome=ok",
        "job=build_periodic_report report_id=- outcome=built kind=month starts_on=2026-01-01",
        "job=build_periodic_report report_id=- outcome=exists kind=month starts_on=2026-01-01",
    ]


def test_the_periodic_run_logs_each_report_it_builds_then_its_count(app, caplog):
    caplog.set_level(logging.INFO)
    with app.app_context():
        built = build_due_periodic_reports("2026-02-02")
    lines = _job_lines(caplog)
    assert built and lines[-1] == f"job=build_due_periodic_reports report_id=- outcome=ok built={len(built)}"
    assert len(lines) == len(built) + 1
    assert all(
        re.fullmatch(r"job=build_periodic_report report_id=- outcome=built kind=\w+ starts_on=[\d-]+", line)
        for line in lines[:-1]
    ), lines
