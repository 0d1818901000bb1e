"""The send job delivers a reporter's notice on its channel: SMS through the HTTP gateway (a failure is retried and
the retry carries the same reference), e-mail through SMTP under the row's own Message-ID (the same at a resend); a
second job for a failed row waits for its backoff instead of spending an attempt; nothing logs the number or the
address."""

import logging

import pytest
from sms_gateway_support import FakeGateway
from sqlalchemy import select, update

from core.extensions import db
from core.models import Notification
from triage.deadlines.jobs import DeliveryError, send_notification

PHONE, EMAIL = "0912345678", "em.hoang@example.vn"
CONTACT = {"reporter_name": "Hoàng Văn Em", "reporter_phone": "0912 345 678", "reporter_email": EMAIL}
TEXT = "Cán bộ một cửa UBND phường Quảng Phú đòi tiền bồi dưỡng mới nhận hồ sơ đăng ký kinh doanh của tôi."


@pytest.fixture
def gateway():
    with FakeGateway() as fake:
        yield fake


def _row(app, channel: str) -> Notification:
    with app.app_context():
        row = db.session.scalar(select(Notification).where(Notification.channel == channel))
        db.session.expunge(row)
        return row


def _due_now(app, notification_id: int) -> None:
    """Time passes: the row's backoff is over."""
    with app.app_context():
        row = db.session.get(Notification, notification_id)
        db.session.execute(
            update(Notification).where(Notification.id == notification_id).values(next_attempt_at=row.created_at)
        )
        db.session.commit()


def test_an_sms_failed_at_the_gateway_is_retried_with_the_same_reference(make_app, make_report, gateway, caplog):
    app = make_app(SMS_GATEWAY_URL=gateway.url, SMS_GATEWAY_KEY="k-sms", SMS_SENDER="THANHHOA")
    receipt = make_report(text=TEXT, **CONTACT)
    sms = _row(app, "sms")
    assert sms.event_key.endswith(":received") and sms.recipient == PHONE
    gateway.plan.append((503, {"error": "busy"}, 0))
    caplog.set_level(logging.INFO)
    with app.app_context(), pytest.raises(DeliveryError):
        send_notification(sms.id)
    failed = _row(app, "sms")
    assert (failed.status, failed.attempts) == ("failed", 1) and "HTTP 503" in failed.last_error
    with app.app_context():
        assert send_notification(sms.id) == "skipped"  # a second job before the backoff spends no attempt
    assert _row(app, "sms").attempts == 1 and len(gateway.received) == 1

    _due_now(app, sms.id)
    with app.app_context():
        assert send_notification(sms.id) == "sent"
        assert send_notification(sms.id) == "skipped"  # sent: never again
    sent = _row(app, "sms")
    assert (sent.status, sent.attempts) == ("sent", 2)
    first, second = (r["json"] for r in gateway.received)
    assert first == second and first["to"] == PHONE and receipt.tracking_code in first["text"]
    assert first["reference"].startswith(f"notice-{sms.id}.")
    assert {r["headers"]["Authorization"] for r in gateway.received} == {"Bearer k-sms"}
    assert PHONE not in caplog.text and EMAIL not in caplog.text


def test_an_email_whose_sent_mark_the_database_lost_is_not_sent_again(make_app, make_report, smtp_server):
    app = make_app(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.port)
    make_report(text=TEXT, **CONTACT)
    mail = _row(app, "email")
    with app.app_context():
        assert send_notification(mail.id) == "sent"
        # The database lost the "sent" mark (its connection went between the server's acceptance and the commit):
        # the sweep hands the row out again.
        db.session.execute(update(Notification).where(Notification.id == mail.id).values(status="failed"))
        db.session.commit()
        assert send_notification(mail.id) == "already-delivered"
    assert len(smtp_server.to(EMAIL)) == 1  # one message in the reporter's mailbox
    assert _row(app, "email").status == "sent"


def test_an_email_resent_when_both_stores_lost_the_mark_keeps_its_message_id(make_app, make_report, tmp_path):
    app = make_app()  # no SMTP server: messages are written to instance/mail, named by their Message-ID
    make_report(text=TEXT, **CONTACT)
    mail = _row(app, "email")
    with app.app_context():
        assert send_notification(mail.id) == "sent"
        # The row lost its mark and Redis its note (flushed): the message goes again, under the same Message-ID.
        app.extensions["redis"].delete(*app.extensions["redis"].keys(f"outbox-delivered:{app.config['JOBS_QUEUE']}:*"))
        db.session.execute(update(Notification).where(Notification.id == mail.id).values(status="failed"))
        db.session.commit()
        assert send_notification(mail.id) == "sent"
    (written,) = (tmp_path / "instance" / "mail").iterdir()  # the resend overwrote its own copy
    assert written.name.startswith(f"notice-{mail.id}.") and "Message-ID: <notice-" in written.read_text()
