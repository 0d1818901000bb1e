"""A reporter with an e-mail address and a phone is told of each public step exactly once, while a worker is killed
with SIGKILL in the middle of sending: the đơn filed on the real form, routed by a real rq worker, accepted, a
question asked and answered on the status page, the deadline extended and the result approved through the staff's
HTTP endpoints; the mail reaches a real SMTP server on loopback, the SMS the file sender of the workers."""

import asyncio
import re
import signal
import threading
import time
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import Notification, Report, utcnow
from tests_support import look_up, sign_in
from triage.deadlines.jobs import sweep_deadlines
from triage.deadlines.outbox import message_id

DENUNCIATION = (
    "Tôi tố cáo cán bộ một cửa UBND phường Quảng Phú đòi tôi đưa 2 triệu đồng mới nhận hồ sơ đăng ký kinh doanh "
    "hộ gia đình, có người làm chứng."
)
EMAIL, PHONE = "em.hoang@example.vn", "0912345678"
STEPS = ["received", "routed", "accepted", "information-requested", "extended", "resolved"]
RESPONSE = "Phường đã nhận hồ sơ đăng ký kinh doanh của ông và kiểm điểm cán bộ một cửa."


class HoldingSink:
    """A real SMTP server's handler that keeps each message with its Message-ID; the first message is held after it
    was received, its acknowledgement never sent: the sender is killed while it waits."""

    def __init__(self):
        self.messages, self.holding, self.hold = [], threading.Event(), 0.0

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(
            {
                "to": envelope.rcpt_tos[0],
                "subject": str(message["Subject"]),
                "message_id": str(message["Message-ID"]),
                "body": message.get_content(),
            }
        )
        if self.hold:
            hold, self.hold = self.hold, 0.0
            self.holding.set()
            await asyncio.sleep(hold)
        return "250 Message accepted"


@pytest.fixture
def smtp_server():
    """The SMTP server of the `workers` fixture, holding the first message."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sink = HoldingSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    sink.port = port
    yield sink
    controller.stop()


def _until(what, check, timeout: float = 90, app=None):
    """Poll `check` (with the sweep's release of dead claims when `app` is given) until it holds."""
    deadline = time.monotonic() + timeout
    while True:
        if app is not None:
            with app.app_context():
                sweep_deadlines()
        if result := check():
            return result
        assert time.monotonic() < deadline, f"timed out waiting for {what}: {result}"
        time.sleep(0.3)


def _read(app, query):
    with app.app_context():
        try:
            return db.session.execute(query).all()
        finally:
            db.session.remove()


def _citizen_rows(app):
    return [
        row
        for (row,) in _read(app, select(Notification).where(Notification.recipient_role == "citizen").order_by("id"))
    ]


def _all_sent(rows):
    """The rows when there is one per step and channel and all are sent, else None."""
    return rows if len(rows) == 2 * len(STEPS) and all(r.status == "sent" for r in rows) else None


def _paused(app, report_id: int) -> bool:
    with app.app_context():
        try:
            return any(c.status == "paused" for c in db.session.get(Report, report_id).clocks)
        finally:
            db.session.remove()


def _staff_post(client, csrf_token, report_id, action, **data):
    token = csrf_token(client.get(f"/can-bo/bao-cao/{report_id}"))
    response = client.post(f"/can-bo/bao-cao/{report_id}/{action}", data={"csrf_token": token, **data})
    assert response.status_code in (302, 303), (action, response.status_code)


def test_each_public_step_reaches_the_reporter_once_though_a_worker_dies_mid_send(
    workers, smtp_server, csrf_token, make_user, tmp_path
):
    app = workers.app
    inspector = make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc")
    make_user("ld.quangphu", role="leader", unit="16522", name="Lê Văn Lãnh")
    smtp_server.hold = 120
    victim = workers.start()

    # The reporter files on the real form.
    citizen = app.test_client()
    token = csrf_token(citizen.get("/"))
    form = {
        "csrf_token": token,
        "kind": "to-cao",
        "text": DENUNCIATION,
        "ward": "16522",
        "reporter_name": "Hoàng Văn Em",
        "reporter_address": "số 5 ngõ 3, phường Quảng Phú",
        "reporter_phone": "0912 345 678",
        "reporter_email": EMAIL,
    }
    page = citizen.post("/", data=form)
    assert page.status_code == 201
    code = re.search(r'id="tracking-code">([^<]+)<', page.get_data(as_text=True)).group(1)
    passphrase = re.search(r'id="passphrase">([^<]+)<', page.get_data(as_text=True)).group(1)
    (report_id,) = _read(app, select(Report.id).where(Report.tracking_code == code))[0]

    # The worker routes it and starts sending; it is killed while the SMTP server holds its first message.
    assert smtp_server.holding.wait(120), "the worker never reached the SMTP server"
    victim.send_signal(signal.SIGKILL)
    victim.wait(10)
    assert [r.status for r in _citizen_rows(app)].count("sending") == 1
    workers.start()
    _until("routing", lambda: _read(app, select(Report.status).where(Report.id == report_id))[0][0] == "routed")

    # The inspector accepts, asks; the reporter answers on the status page; the inspector extends and submits; the
    # leader approves. Every step through the staff's HTTP endpoints, with CSRF.
    staff = app.test_client()
    assert sign_in(staff, csrf_token, "cb.quangphu").status_code == 302
    sixclear = {
        "six-assignee": str(inspector.id),
        "six-task": "Làm việc với bộ phận một cửa, lấy lời khai người làm chứng",
        "six-responsibility": "UBND phường Quảng Phú",
        "six-authority": "Luật Tố cáo 2018, Điều 24, 29",
        "six-due_on": (utcnow() + timedelta(days=30)).date().isoformat(),
    }
    _staff_post(staff, csrf_token, report_id, "thu-ly", **sixclear)
    _staff_post(staff, csrf_token, report_id, "hoi-them", **{"ask-text": "Xin gửi ảnh giấy biên nhận hồ sơ."})
    assert look_up(citizen, csrf_token, code, passphrase).status_code == 200
    token = csrf_token(citizen.get("/tra-cuu"))
    answer = {"csrf_token": token, "code": code, "passphrase": passphrase, "answer": "Tôi gửi ảnh biên nhận ngày 5/11."}
    assert citizen.post("/tra-cuu/tra-loi", data=answer).status_code == 200
    _until("the clocks to run again", lambda: not _paused(app, report_id))
    _staff_post(staff, csrf_token, report_id, "muc-do", **{"pt-level": "complex", "pt-reason": "Liên quan nhiều hộ"})
    _staff_post(
        staff,
        csrf_token,
        report_id,
        "gia-han",
        **{"gh-stage": "resolution", "gh-reason": "Cần xác minh thêm", "gh-confirm": "y"},
    )
    draft = {
        "kq-outcome": "substantiated",
        "kq-findings": "Cán bộ một cửa thừa nhận đã nhận tiền, có hai người làm chứng.",
        "kq-response": RESPONSE,
    }
    _staff_post(staff, csrf_token, report_id, "giai-quyet", **draft)
    leader = app.test_client()
    assert sign_in(leader, csrf_token, "ld.quangphu").status_code == 302
    _staff_post(leader, csrf_token, report_id, "duyet", **{"duyet-confirm": "y"})

    # Every notice sent (the dead worker's claim released by the sweep, its row sent again).
    rows = _until(
        "every notice sent",
        lambda: _all_sent(_citizen_rows(app)),
        app=app,
    )
    mails = [r for r in rows if r.channel == "email"]
    assert [r.event_key.split(":")[2] for r in mails] == STEPS
    assert [r.event_key.split(":")[2] for r in rows if r.channel == "sms"] == STEPS
    assert sum(r.attempts for r in rows) == len(rows) + 1  # one row was sent twice: the one the worker died on

    # The reporter's mailbox: one message per step (a copy carrying an id already received is dropped, as mail
    # clients drop it), none missing, none twice under two ids.
    domain = app.config["MAIL_FROM"].rsplit("@", 1)[-1]
    expected = {message_id(r, domain): r.event_key.split(":")[2] for r in mails}
    received = [m for m in smtp_server.messages if m["to"] == EMAIL]
    assert {m["message_id"] for m in received} == set(expected)
    assert len(received) == len(expected) + 1  # the resend of the message the dead worker's server had taken
    link = app.extensions["services"].links.status()
    for mail in received:
        assert code in mail["subject"] and code in mail["body"] and link in mail["body"]
        assert passphrase not in mail["body"] and PHONE not in mail["body"] and EMAIL not in mail["body"]
    resolved = next(m for m in received if expected[m["message_id"]] == "resolved")
    assert RESPONSE in resolved["body"] and "lời khai" not in resolved["body"]

    # The SMS, written by the workers' file sender: one file per step.
    texts = sorted((tmp_path / "instance" / "sms").glob("*.txt"))
    assert len(texts) == len(STEPS)
    for text in texts:
        content = text.read_text(encoding="utf-8")
        assert content.startswith(f"To: {PHONE}") and code in content and link in content and passphrase not in content
