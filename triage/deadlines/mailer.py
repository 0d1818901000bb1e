"""Sending e-mail: SMTP when configured, else files under instance/mail (so a laptop needs no mail server).

A file is named by its Message-ID: a resend of the same outbox row overwrites its copy instead of adding one."""

import smtplib
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path


class SmtpMailer:
    def __init__(
        self,
        host: str,
        port: int,
        sender: str,
        *,
        user: str | None = None,
        password: str | None = None,
        starttls: bool = False,
        timeout: float = 20,
    ):
        self.host, self.port, self.sender = host, port, sender
        self.user, self.password, self.starttls, self.timeout = user, password, starttls, timeout

    def send(self, recipient: str, subject: str, body: str, *, message_id: str | None = None) -> str:
        message = _message(self.sender, recipient, subject, body, message_id)
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.user:
                smtp.login(self.user, self.password or "")
            smtp.send_message(message)
        return message["Message-ID"]


class FileMailer:
    """Writes each message as an .eml file: the default when no SMTP server is configured."""

    def __init__(self, directory: str | Path, sender: str):
        self.directory, self.sender = Path(directory), sender

    def send(self, recipient: str, subject: str, body: str, *, message_id: str | None = None) -> str:
        message = _message(self.sender, recipient, subject, body, message_id)
        self.directory.mkdir(parents=True, exist_ok=True)
        name = message["Message-ID"].strip("<>").replace("@", "_")
        (self.directory / f"{name}.eml").write_bytes(bytes(message))
        return message["Message-ID"]


def _message(sender: str, recipient: str, subject: str, body: str, message_id: str | None) -> EmailMessage:
    """The message; `message_id` is the outbox row's own (the same at a resend), else a fresh one."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, recipient, subject
    message["Message-ID"] = message_id or make_msgid(domain=sender.rsplit("@", 1)[-1])
    message.set_content(body, charset="utf-8")
    return message


def mailer_from_config(config):
    sender = config["MAIL_FROM"]
    if config.get("SMTP_HOST"):
        return SmtpMailer(
            config["SMTP_HOST"],
            int(config["SMTP_PORT"]),
            sender,
            user=config.get("SMTP_USER"),
            password=config.get("SMTP_PASSWORD"),
            starttls=bool(config.get("SMTP_STARTTLS")),
        )
    return FileMailer(Path(config["INSTANCE_PATH"]) / "mail", sender)
