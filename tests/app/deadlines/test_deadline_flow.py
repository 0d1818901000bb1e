"""Clocks that keep themselves: reminders at each point, the breach and its escalation, each exactly once."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from core.extensions import db
from core.models import Clock, Notification, Report
from tests_support import look_up
from triage.casework.actions import accept_report, receive_information, request_information
from triage.deadlines.jobs import sweep_deadlines
from triage.deadlines.reminders import reminder_points
from triage.routing.jobs import route_report

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


@pytest.fixture
def mail_app(make_app, smtp_server):
    return make_app(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.port, MAIL_MAX_ATTEMPTS=2)


def _routed_report(app, make_report, **fields):
    receipt = make_report(text=TEXT, ward_code="16522", **fields)
    with app.app_context():
        assert route_report(receipt.report_id) == "routed"
        report = db.session.get(Report, receipt.report_id)
        clock = report.clocks[0]
        return receipt, clock.id, clock.starts_on, clock.due_on, clock.amount


def _sweep(app, day: date) -> dict:
    with app.app_context():
        return sweep_deadlines(today=day.isoformat(), inline=True)


def test_reminders_at_each_point_then_breach_each_exactly_once(mail_app, make_report, smtp_server, make_user):
    app = mail_app
    make_user("gs1", role="supervisor", email="giamsat@thanhhoa.gov.vn")
    receipt, clock_id, starts_on, due_on, amount = _routed_report(
        app, make_report, kind="to-cao", **CITIZEN
    )  # 7 working days to accept
    calendar = app.extensions["services"].calendar
    points = reminder_points(starts_on, due_on, amount, "working_days", calendar, ("half", "before:2", "due"))
    assert [p.key for p in points] == ["half", "before:2", "due"]

    unit_address = "ubnd.phuongquangphu@thanhhoa.gov.vn"
    for n, point in enumerate(points, start=1):
        _sweep(app, point.on - timedelta(days=1))  # the day before: nothing new
        assert len(smtp_server.to(unit_address)) == n - 1
        _sweep(app, point.on)
        _sweep(app, point.on)  # twice on the same day: still one
        mails = smtp_server.to(unit_address)
        assert len(mails) == n
        assert receipt.tracking_code in mails[-1]["subject"]
        assert due_on.strftime("%d/%m/%Y") in mails[-1]["body"]
        assert "/can-bo/bao-cao/" in mails[-1]["body"]

    breach_day = due_on + timedelta(days=1)
    _sweep(app, breach_day)
    _sweep(app, breach_day + timedelta(days=3))
    recipients = sorted(
        m["to"] for m in smtp_server.messages if "[Quá hạn]" in m["subject"] or "quá hạn" in m["subject"]
    )
    assert recipients == sorted(
        [unit_address, "thanh-tra-tinh@thanhhoa.gov.vn", "giamsat@thanhhoa.gov.vn", "dan@example.vn"]
    )
    for mail in smtp_server.messages:
        if mail["to"] != "dan@example.vn":  # nothing that identifies the reporter in mail to staff
            for secret in ("Phạm Thị D", "0987654321", "dan@example.vn", "thôn Nam"):
                assert secret not in mail["body"]
    (citizen_mail,) = [m for m in smtp_server.to("dan@example.vn") if "quá hạn" in m["subject"]]
    assert "Thanh tra tỉnh" in citizen_mail["body"] and "/tra-cuu" in citizen_mail["body"]

    with app.app_context():
        clock = db.session.get(Clock, clock_id)
        assert clock.status == "breached" and clock.next_action_on is None
        report = db.session.get(Report, receipt.report_id)
        assert report.overdue_at is not None
        assert db.session.scalar(select(func.count(Notification.id)).where(Notification.status != "sent")) == 0
    assert len(smtp_server.messages) == 3 + 4 + 2  # and the reporter's notices of receipt and routing


def test_breach_shows_on_the_status_page(mail_app, make_report, csrf_token):
    receipt, _, _, due_on, _ = _routed_report(mail_app, make_report)
    _sweep(mail_app, due_on + timedelta(days=1))
    page = look_up(mail_app.test_client(), csrf_token, receipt.tracking_code, receipt.passphrase).get_data(as_text=True)
    assert "Đã quá hạn: Hạn tiếp nhận, phân loại" in page
    assert "Thanh tra tỉnh trực tiếp theo dõi" in page


def test_reminders_stop_once_the_report_is_accepted(mail_app, make_report, smtp_server):
    receipt, clock_id, starts_on, due_on, amount = _routed_report(mail_app, make_report)
    with mail_app.app_context():
        report = db.session.get(Report, receipt.report_id)
        accept_report(report, now=report.received_at + timedelta(hours=5), services=mail_app.extensions["services"])
        db.session.commit()
        stages = {c.stage: c.status for c in report.clocks}
    assert stages["acceptance"] == "met" and stages["resolution"] == "running"
    for day in range(1, 12):
        _sweep(mail_app, starts_on + timedelta(days=day))
    assert not any("Hạn tiếp nhận" in m["subject"] for m in smtp_server.messages)


def test_pause_while_waiting_for_the_citizen_moves_the_deadline(mail_app, make_report, smtp_server):
    receipt, clock_id, starts_on, due_on, amount = _routed_report(mail_app, make_report)
    services = mail_app.extensions["services"]
    calendar = services.calendar
    with mail_app.app_context():
        report = db.session.get(Report, receipt.report_id)
        paused_at = report.received_at + timedelta(days=1)
        request_information(report, now=paused_at, question="Xin gửi ảnh giấy hẹn trả kết quả.")
        db.session.commit()
        assert report.clocks[0].status == "paused"
    _sweep(mail_app, due_on + timedelta(days=2))  # no reminder and no breach while paused
    assert smtp_server.messages == []
    with mail_app.app_context():
        report = db.session.get(Report, receipt.report_id)
        resumed_at = paused_at + timedelta(days=14)
        receive_information(report, now=resumed_at, services=services)
        db.session.commit()
        clock = report.clocks[0]
        from core.vietnamese import legal_date

        lost = calendar.working_days_between(legal_date(paused_at), legal_date(resumed_at))
        assert clock.status == "running"
        assert clock.due_on == calendar.add_working_days(due_on, lost)
        assert clock.paused_days == lost > 0


def test_failed_delivery_is_retried_then_dead_then_retried_by_a_supervisor(
    make_app, make_report, smtp_server, csrf_token, make_user, login_as
):
    from triage.deadlines.jobs import enqueue_pending_notifications

    down = make_app(SMTP_HOST="127.0.0.1", SMTP_PORT=1, MAIL_MAX_ATTEMPTS=2)
    receipt, clock_id, starts_on, due_on, amount = _routed_report(down, make_report)
    _sweep(down, due_on + timedelta(days=1))  # breach: notifications queued, delivery fails
    with down.app_context():
        rows = db.session.scalars(select(Notification)).all()
        assert rows and all(r.status == "failed" and r.attempts == 1 for r in rows)
        assert "ConnectionRefusedError" in rows[0].last_error
        db.session.execute(Notification.__table__.update().values(next_attempt_at=rows[0].created_at))
        db.session.commit()
        enqueue_pending_notifications(inline=True)
        db.session.remove()
        rows = db.session.scalars(select(Notification)).all()
        assert all(r.status == "dead" and r.attempts == 2 for r in rows)
        dead_id = rows[0].id
        db.session.remove()

    up = make_app(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.port)
    make_user("giamsat", role="supervisor")
    client = up.test_client()
    login_as(client, "giamsat")
    page = client.get("/can-bo/giam-sat/thong-bao?status=dead").get_data(as_text=True)
    assert "Gửi thất bại" in page and "ConnectionRefusedError" in page
    token = csrf_token(client.get("/can-bo/giam-sat/thong-bao"))
    client.post(f"/can-bo/giam-sat/thong-bao/{dead_id}/gui-lai", data={"csrf_token": token})
    with up.app_context():
        from rq import Queue

        assert db.session.get(Notification, dead_id).status == "pending"
        Queue(up.config["JOBS_QUEUE"], connection=up.extensions["redis"]).empty()
        enqueue_pending_notifications(inline=True)
        db.session.remove()
        assert db.session.get(Notification, dead_id).status == "sent"
    assert len(smtp_server.messages) == 1


def test_inspectors_cannot_see_the_supervisor_page(app, client, make_user, login_as):
    make_user("tp.quangphu", unit="16522")
    login_as(client, "tp.quangphu")
    assert client.get("/can-bo/giam-sat/thong-bao").status_code == 404


def test_cli_moves_time_forward(mail_app, make_report, smtp_server):
    receipt, clock_id, starts_on, due_on, amount = _routed_report(mail_app, make_report)
    runner = mail_app.test_cli_runner()
    result = runner.invoke(args=["deadlines", "sweep", "--today", (due_on + timedelta(days=1)).isoformat(), "--inline"])
    assert result.exit_code == 0, result.output
    assert "1 clock(s) due" in result.output
    assert {m["to"] for m in smtp_server.messages} == {
        "ubnd.phuongquangphu@thanhhoa.gov.vn",
        "thanh-tra-tinh@thanhhoa.gov.vn",
    }
    again = runner.invoke(args=["deadlines", "sweep", "--today", (due_on + timedelta(days=2)).isoformat(), "--inline"])
    assert "0 clock(s) due" in again.output
    assert len(smtp_server.messages) == 2


def test_extensions_follow_the_law(make_app, make_report):
    from triage.deadlines.clocks import extend_clock
    from triage.deadlines.policy import ExtensionError

    app = make_app()
    receipt = make_report(text=TEXT, ward_code="16522", kind="to-cao", **CITIZEN)
    services = app.extensions["services"]
    with app.app_context():
        route_report(receipt.report_id)
        report = db.session.get(Report, receipt.report_id)
        with pytest.raises(ExtensionError):  # the acceptance window of a tố cáo cannot be extended
            extend_clock(
                report.clocks[0],
                complexity="complex",
                policy=services.policy,
                calendar=services.calendar,
                points=services.points,
            )
        accept_report(report, now=report.received_at + timedelta(days=2), services=services)
        resolution = next(c for c in report.clocks if c.stage == "resolution")
        first_due = resolution.due_on
        assert resolution.amount == 30 and resolution.unit == "calendar_days"
        extend_clock(
            resolution,
            complexity="especially_complex",
            policy=services.policy,
            calendar=services.calendar,
            points=services.points,
        )
        second_due = resolution.due_on
        assert (second_due - first_due).days >= 28  # +30 calendar days, both ends moved off days off
        extend_clock(
            resolution,
            complexity="especially_complex",
            policy=services.policy,
            calendar=services.calendar,
            points=services.points,
        )
        assert resolution.extensions == 2 and resolution.due_on > second_due
        with pytest.raises(ExtensionError):  # at most twice, 90 days in all
            extend_clock(
                resolution,
                complexity="especially_complex",
                policy=services.policy,
                calendar=services.calendar,
                points=services.points,
            )
        db.session.rollback()
