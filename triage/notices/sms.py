"""Sending SMS: an HTTP gateway when one is configured, else files under instance/sms and the log (so a laptop
needs no gateway, as `FileMailer` needs no mail server).

A sender's `send(phone, text, reference)` returns the message's id, or raises `SmsError` for a delivery to retry.
`reference` is the outbox row's stable id: a resend after a worker died carries the same one, so a gateway that
deduplicates by it (and the file sender, which overwrites) delivers one copy.
"""

import hashlib
import json
import logging
import urllib.error
import urllib.request
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)


class SmsError(RuntimeError):
    """This delivery failed and may succeed later. The message never carries the phone number."""


class SmsSender(Protocol):
    def send(self, phone: str, text: str, reference: str | None = None) -> str: ...


class HttpSmsGateway:
    """POSTs `{"to", "text", "sender", "reference"}` as JSON with `Authorization: Bearer <key>`; a 2xx answer is a
    delivery (its JSON `id`, if any, is the message id), anything else or no answer in time is an `SmsError`."""

    def __init__(self, url: str, key: str, sender: str, *, timeout: float = 10):
        self.url, self.key, self.sender, self.timeout = url, key, sender, timeout

    def send(self, phone: str, text: str, reference: str | None = None) -> str:
        payload = {"to": phone, "text": text, "sender": self.sender, "reference": reference}
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {self.key}"}
        if reference:
            headers["Idempotency-Key"] = reference
        request = urllib.request.Request(self.url, data=json.dumps(payload).encode(), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as exc:  # its body may repeat the number: not kept
            raise SmsError(f"SMS gateway answered HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError) as exc:  # refused, unreachable, timed out
            raise SmsError(f"SMS gateway unreachable: {type(exc).__name__}") from None
        if not 200 <= status < 300:
            raise SmsError(f"SMS gateway answered HTTP {status}")
        try:
            answer = json.loads(body) if body else {}
        except ValueError:
            answer = {}
        found = answer.get("id") if isinstance(answer, dict) else None
        return str(found or reference or "")


class FileSms:
    """Writes each SMS to `<directory>/<reference>.txt` and logs its text (never the number): the default."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    def send(self, phone: str, text: str, reference: str | None = None) -> str:
        name = reference or "sms-" + hashlib.sha256(f"{phone}\n{text}".encode()).hexdigest()[:16]
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / f"{name}.txt").write_text(f"To: {phone}\n\n{text}\n", encoding="utf-8")
        log.info("SMS not sent (no gateway configured), written as %s.txt: %s", name, text)
        return name


def sms_from_config(config) -> SmsSender:
    if config.get("SMS_GATEWAY_URL"):
        return HttpSmsGateway(config["SMS_GATEWAY_URL"], config.get("SMS_GATEWAY_KEY") or "", config["SMS_SENDER"])
    return FileSms(Path(config["INSTANCE_PATH"]) / "sms")
