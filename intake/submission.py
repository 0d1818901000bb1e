"""Filing a report: the service behind the public form. It flushes; the view commits."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from core.models import Report, utcnow
from core.search import fold
from core.vocabulary import Channel, EventKind, Kind
from intake.receipts import hash_passphrase, new_passphrase, new_tracking_code


@dataclass(frozen=True)
class Receipt:
    report_id: int
    tracking_code: str
    passphrase: str  # shown once, never stored
    kind: str
    track: str


def legal_track(kind: str, reporter_name: str | None, reporter_address: str | None) -> str:
    """A denunciation or a complaint without the reporter's name and address is handled as feedback (phản ánh): the
    law requires them of both (Luật Tố cáo 2018 Điều 23; Luật Khiếu nại 2011 Điều 8), and anonymous reports that
    are concrete are still looked into (Luật Tố cáo 2018 Điều 25)."""
    if kind in (Kind.TO_CAO, Kind.KHIEU_NAI) and not (reporter_name and reporter_address):
        return Kind.PHAN_ANH
    return kind


def submit_report(
    session: Session,
    *,
    text: str,
    kind: str,
    ward_code: str | None = None,
    office: str | None = None,
    occurred_on=None,
    reporter_name: str | None = None,
    reporter_address: str | None = None,
    reporter_phone: str | None = None,
    reporter_email: str | None = None,
    attachments=(),
    channel: str = Channel.WEB,
    received_at: datetime | None = None,
    entered_by_id: int | None = None,
    api_key_id: int | None = None,
    notify_reporter: bool = True,
) -> Receipt:
    """File one report from any channel. `received_at` is when the đơn was really received (a paper đơn entered
    at the desk days later; the clocks count from it); by default now. `entered_by_id` is the officer who entered
    it, `api_key_id` the partner system that filed it; `notify_reporter` False: the reporter asked not to be told
    of each step at the contact details given."""
    passphrase = new_passphrase()
    now = utcnow()
    report = Report(
        tracking_code=new_tracking_code(),
        passphrase_hash=hash_passphrase(passphrase),
        text=text,
        text_folded=fold(text),
        kind=kind,
        track=legal_track(kind, reporter_name, reporter_address),
        ward_code_given=ward_code or None,
        office=office or None,
        occurred_on=occurred_on,
        reporter_name=reporter_name or None,
        reporter_address=reporter_address or None,
        reporter_phone=reporter_phone or None,
        reporter_email=reporter_email or None,
        received_at=received_at or now,
        channel=channel,
        entered_by_id=entered_by_id,
        entered_at=now if entered_by_id is not None else None,
        api_key_id=api_key_id,
        notify_reporter=notify_reporter,
    )
    report.attachments.extend(attachments)
    session.add(report)
    report.record(
        EventKind.RECEIVED,
        public=True,
        actor_id=entered_by_id,
        kind=kind,
        track=report.track,
        attachments=len(report.attachments),
        channel=str(channel),
    )
    session.flush()
    return Receipt(report.id, report.tracking_code, passphrase, kind, report.track)
