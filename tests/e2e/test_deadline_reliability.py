"""No reminder lost, none sent twice: two workers at once, a worker killed with SIGKILL mid-send, Redis flushed."""

import signal
import time
from datetime import timedelta

from redis import Redis
from sqlalchemy import func, select

from core.extensions import db
from core.models import Notification, Report
from intake.submission import submit_report
from triage.deadlines.jobs import sweep_deadlines
from triage.routing.jobs import route_report

TEXT = "Cán bộ một cửa UBND phường Quảng Phú hẹn lần hẹn lữa, hồ sơ của tôi quá hạn mà không ai trả lời ({n})."


def _breached_reports(app, n: int):
    """n routed reports, and the day on which all their acceptance clocks are breached."""
    with app.app_context():
        ids = []
        for i in range(n):
            ids.append(submit_report(db.session, text=TEXT.format(n=i), kind="phan-anh", ward_code="16522").report_id)
        db.session.commit()
        for report_id in ids:
            route_report(report_id)
        due = max(db.session.get(Report, i).clocks[0].due_on for i in ids)
        db.session.remove()
    return ids, due + timedelta(days=1)


def _wait_all_sent(app, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    with app.app_context():
        while True:
            counts = dict(
                db.session.execute(select(Notification.status, func.count()).group_by(Notification.status)).all()
            )
            db.session.remove()
            if (counts and set(counts) == {"sent"}) or time.monotonic() > deadline:
                return counts
            time.sleep(0.3)


def _sweep(app, day):
    with app.app_context():
        return sweep_deadlines(today=day.isoformat())


def _assert_each_row_delivered_once(app, smtp_server):
    with app.app_context():
        rows = db.session.execute(select(Notification.recipient, Notification.subject)).all()
        db.session.remove()
    delivered = [(m["to"], m["subject"]) for m in smtp_server.messages]
    assert len(delivered) == len(set(delivered)), "a message was delivered twice"
    assert sorted(delivered) == sorted(rows)


def test_two_workers_and_a_repeated_sweep_send_each_message_once(workers, smtp_server):
    app = workers.app
    ids, breach_day = _breached_reports(app, 12)
    _sweep(app, breach_day)
    _sweep(app, breach_day)  # the periodic sweep runs again before the workers get to it
    workers.start(), workers.start()
    time.sleep(3)
    _sweep(app, breach_day)
    counts = _wait_all_sent(app)
    assert counts == {"sent": 12 * 2}  # the unit and the escalation body, per report
    _sweep(app, breach_day + timedelta(days=1))
    time.sleep(2)
    _assert_each_row_delivered_once(app, smtp_server)


def test_worker_killed_mid_send_loses_nothing_and_duplicates_nothing(workers, smtp_server):
    app = workers.app
    ids, breach_day = _breached_reports(app, 3)
    smtp_server.rcpt_delay = 60  # the first delivery hangs inside the SMTP conversation
    victim = workers.start()
    _sweep(app, breach_day)
    assert smtp_server.in_rcpt.wait(60), "the worker never reached the SMTP server"
    victim.send_signal(signal.SIGKILL)
    victim.wait(10)
    smtp_server.rcpt_delay = 0
    with app.app_context():
        assert db.session.scalar(select(func.count()).where(Notification.status == "sending")) == 1
        db.session.remove()
    workers.start()
    time.sleep(1.5)  # past MAIL_CLAIM_TIMEOUT_SECONDS: the dead worker's claim is released by the sweep
    _sweep(app, breach_day)
    assert _wait_all_sent(app) == {"sent": 3 * 2}
    _assert_each_row_delivered_once(app, smtp_server)


def test_redis_flushed_before_the_workers_run_loses_nothing(workers, smtp_server, redis_url):
    app = workers.app
    ids, breach_day = _breached_reports(app, 4)
    result = _sweep(app, breach_day)
    assert result["clocks"] == 4
    Redis.from_url(redis_url).flushdb()  # every queued job is gone
    workers.start()
    _sweep(app, breach_day)  # the next periodic sweep rebuilds the work from the database
    assert _wait_all_sent(app) == {"sent": 4 * 2}
    _assert_each_row_delivered_once(app, smtp_server)
