"""What every step of the legal procedure shares: who takes it, when, with which services, and the numbered
document it issues (recorded on the timeline; public when the law has the reporter receive it)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from core.models import Document, Report, User
from core.states import can_move
from core.vocabulary import DocumentKind, EventKind, Status, label
from triage.documents.issue import issue_document


class ActionRefused(ValueError):
    """An action the rules do not allow; the message is Vietnamese, for the person who tried it."""


@dataclass(frozen=True)
class Step:
    """One person's (or, with actor None, the system's) step on a report: the session it is written in, the
    time, the services (calendar, policy, reminder points) and where documents are kept."""

    session: Session
    actor: User | None
    now: datetime
    services: object
    files_root: str

    @property
    def actor_id(self) -> int | None:
        return self.actor.id if self.actor is not None else None


def require_move(report: Report, target: Status, message: str) -> None:
    """Refuse, in words, a step the report's status does not allow."""
    if not can_move(report.status, target):
        raise ActionRefused(message)


def reason_given(reason: str | None, message: str, minimum: int = 5) -> str:
    reason = (reason or "").strip()
    if len(reason) < minimum:
        raise ActionRefused(message)
    return reason


def issue(step: Step, report: Report, kind: DocumentKind, facts: dict, *, public: bool) -> Document:
    """Issue the numbered document of a step from the unit holding the report, and put it on the timeline."""
    if report.unit is None:
        raise ActionRefused("Đơn chưa có đơn vị giải quyết: chưa ban hành được văn bản.")
    document = issue_document(
        step.session,
        report,
        kind,
        unit=report.unit,
        actor=step.actor,
        now=step.now,
        facts=facts,
        public=public,
        files_root=step.files_root,
    )
    report.record(
        EventKind.DOCUMENT,
        public=public,
        actor_id=step.actor_id,
        document_id=document.id,
        document_kind=str(kind),
        reference=document.reference,
        title=label(kind),
    )
    return document
