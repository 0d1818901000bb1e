"""Issuing a numbered document for a report, and keeping the scan of its signed paper copy.

`issue_document` takes the unit's next number, writes the text, renders the PDF, stores the file and adds the
`Document` row; it flushes, the caller commits (a rollback gives the number back; the file it wrote stays on
disk, unreferenced). `attach_signed_scan` accepts the scan of the signed copy by its content only (PDF, JPEG or
PNG), records it on the document and keeps every earlier scan's file.
"""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.document_files import DocumentFiles
from core.models import Document, Report, Unit, User
from core.vietnamese import legal_date
from core.vocabulary import DocumentKind, Role
from triage.documents.numbering import next_number
from triage.documents.pdf import render
from triage.documents.texts import check_facts, compose

MAX_SCAN_BYTES = 20 * 1024 * 1024
SCAN_TYPES = (
    ("application/pdf", lambda head: head[:5] == b"%PDF-"),
    ("image/jpeg", lambda head: head[:3] == b"\xff\xd8\xff"),
    ("image/png", lambda head: head[:8] == b"\x89PNG\r\n\x1a\n"),
)


class ScanRefused(ValueError):
    """A signed scan that is not accepted; the message is for the staff member, in Vietnamese."""


def signer_name(session: Session, unit: Unit, actor: User | None = None) -> str:
    """Who signs: the leader issuing it (the one who approved), else the unit's leader (the first active account of
    role `leader`) for a document drafted by an inspector, blank when the unit has none."""
    if actor is not None and actor.role == Role.LEADER and actor.unit_id == unit.id and actor.full_name:
        return actor.full_name
    name = session.scalar(
        select(User.full_name)
        .where(User.unit_id == unit.id, User.role == Role.LEADER, User.active.is_(True))
        .order_by(User.id)
        .limit(1)
    )
    return name or ""


def issue_document(
    session: Session,
    report: Report,
    kind: DocumentKind | str,
    *,
    unit: Unit,
    actor: User | None,
    now: datetime,
    facts: dict,
    public: bool,
    files_root: str,
) -> Document:
    """Issue document `kind` of `unit` about `report` at `now` (aware); `facts` as `triage.documents.texts`
    documents them (KeyError before any number is taken when one is missing)."""
    kind = check_facts(kind, facts)
    issued_on = legal_date(now)
    number = next_number(session, unit.id, issued_on.year)
    content = compose(
        kind,
        report=report,
        unit=unit,
        facts=facts,
        number=number,
        issued_on=issued_on,
        signer_name=signer_name(session, unit, actor),
    )
    storage_key, sha256, size = DocumentFiles(files_root).save(render(content))
    document = Document(
        report_id=report.id,
        unit_id=unit.id,
        kind=kind.value,
        year=issued_on.year,
        number=number,
        reference=content.reference,
        title=content.heading[:300],
        public=public,
        issued_at=now,
        issued_by_id=actor.id if actor is not None else None,
        signer_title=content.signer_title[:200],
        signer_name=content.signer_name[:200],
        content=content.as_dict(),
        storage_key=storage_key,
        sha256=sha256,
        size=size,
    )
    session.add(document)
    session.flush()
    return document


def scan_type(data: bytes) -> str | None:
    """The content type of a signed scan, told by its first bytes; None when it is none of those accepted."""
    for content_type, test in SCAN_TYPES:
        if test(data[:16]):
            return content_type
    return None


def attach_signed_scan(
    session: Session,
    document: Document,
    data: bytes,
    *,
    actor: User | None,
    now: datetime,
    files_root: str,
) -> Document:
    """Keep `data` as the scan of `document`'s signed copy (ScanRefused, in Vietnamese, when it is not a PDF,
    JPEG or PNG of at most 20 MB). A later scan replaces the reference; the earlier file stays."""
    if not data:
        raise ScanRefused("Tệp bản quét rỗng.")
    if len(data) > MAX_SCAN_BYTES:
        raise ScanRefused(f"Tệp bản quét lớn hơn {MAX_SCAN_BYTES // (1024 * 1024)} MB.")
    content_type = scan_type(data)
    if content_type is None:
        raise ScanRefused("Bản quét văn bản đã ký phải là tệp PDF hoặc ảnh JPEG, PNG; nội dung tệp này không phải.")
    storage_key, sha256, size = DocumentFiles(files_root).save(data)
    document.scan_storage_key = storage_key
    document.scan_sha256 = sha256
    document.scan_content_type = content_type
    document.scan_size = size
    document.scan_uploaded_at = now
    document.scan_uploaded_by_id = actor.id if actor is not None else None
    session.flush()
    return document
