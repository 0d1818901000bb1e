"""The SMS senders against a real HTTP server on loopback: the gateway's JSON, its bearer key and its reference;
an error answer, a refused connection or a timeout is a failure to retry that never names the number; the file
sender writes one file per reference and logs no number."""

import logging

import pytest
from sms_gateway_support import FakeGateway

from triage.notices.sms import FileSms, HttpSmsGateway, SmsError, sms_from_config

PHONE = "0912345678"


@pytest.fixture
def gateway():
    with FakeGateway() as fake:
        yield fake


def test_the_gateway_gets_json_with_the_bearer_key_and_the_reference(gateway):
    sender = HttpSmsGateway(gateway.url, "k-123", "THANHHOA")
    assert sender.send(PHONE, "Don TH-AAAA-BBBB: da duoc thu ly", "notice-7.abc") == "gw-1"
    (request,) = gateway.received
    assert request["json"] == {
        "to": PHONE,
        "text": "Don TH-AAAA-BBBB: da duoc thu ly",
        "sender": "THANHHOA",
        "reference": "notice-7.abc",
    }
    assert request["headers"]["Authorization"] == "Bearer k-123"
    assert request["headers"]["Idempotency-Key"] == "notice-7.abc"


@pytest.mark.parametrize("status", [500, 429, 401])
def test_an_error_answer_is_a_failure_that_does_not_name_the_number(gateway, status):
    gateway.plan.append((status, {"error": f"bad number {PHONE}"}, 0))
    with pytest.raises(SmsError) as failure:
        HttpSmsGateway(gateway.url, "k", "THANHHOA").send(PHONE, "x", "notice-1.a")
    assert str(status) in str(failure.value) and PHONE not in str(failure.value)


def test_a_gateway_too_slow_or_gone_is_a_failure(gateway):
    gateway.plan.append((200, {"id": "late"}, 2))
    with pytest.raises(SmsError, match="unreachable"):
        HttpSmsGateway(gateway.url, "k", "THANHHOA", timeout=0.3).send(PHONE, "x", "notice-1.a")
    gone = gateway.url
    gateway.close()
    with pytest.raises(SmsError, match="unreachable"):
        HttpSmsGateway(gone, "k", "THANHHOA", timeout=2).send(PHONE, "x", "notice-1.a")


def test_without_a_gateway_each_sms_is_one_file_and_a_log_line_without_the_number(tmp_path, caplog):
    sender = sms_from_config({"SMS_GATEWAY_URL": "", "INSTANCE_PATH": str(tmp_path), "SMS_SENDER": "X"})
    assert isinstance(sender, FileSms)
    caplog.set_level(logging.INFO)
    for _ in range(2):  # a resend of the same row overwrites its file
        assert sender.send(PHONE, "Don TH-AAAA-BBBB: da duoc tiep nhan", "notice-3.ff") == "notice-3.ff"
    (written,) = (tmp_path / "sms").iterdir()
    assert written.name == "notice-3.ff.txt" and written.read_text(encoding="utf-8").startswith(f"To: {PHONE}")
    assert "da duoc tiep nhan" in caplog.text and PHONE not in caplog.text
    assert isinstance(sms_from_config({"SMS_GATEWAY_URL": "http://sms", "SMS_SENDER": "X"}), HttpSmsGateway)
