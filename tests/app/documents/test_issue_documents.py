"""Issuing documents on stored reports: number, signer, file and its digest, the text kept for the case file,
and the signed scan's checks."""

import hashlib
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from core.document_files import DocumentFiles
from core.extensions import db
from core.models import Document, Report, Unit, User
from core.vocabulary import DocumentKind
from triage.documents.issue import MAX_SCAN_BYTES, ScanRefused, attach_signed_scan, issue_document
from triage.documents.texts import DocumentContent

NOW = datetime(2026, 12, 3, 2, 30, tzinfo=UTC)  # 09:30 on 3 December in Vietnam
GROUND = "Đã hết thời hiệu khiếu nại mà không có lý do chính đáng"
REFUSAL = {"ground": GROUND, "reason": "Quyết định bị khiếu nại ban hành từ năm 2023"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n% ban quet\n"


@pytest.fixture
def case(app, make_report, make_user):
    leader = make_user("ld.quangphu", role="leader", unit="16522", name="Lê Văn Bình")
    inspector = make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc")
    return _file(make_report, "khieu-nai", "Hoàng Văn Em", "0912345678"), leader, inspector


def _file(make_report, kind: str, name: str, phone: str):
    """A named reporter's đơn about the commune of Quảng Phú, with their address and phone."""
    return make_report(
        text="Cán bộ địa chính phường Quảng Phú đòi 20 triệu đồng mới làm hồ sơ đất cho tôi.",
        kind=kind,
        ward_code="16522",
        reporter_name=name,
        reporter_address="số 5 ngõ 3, phường Quảng Phú",
        reporter_phone=phone,
    )


def _unit(code: str) -> Unit:
    return db.session.scalar(select(Unit).where(Unit.code == code))


def _issue(app, report_id: int, kind=DocumentKind.REFUSAL, *, unit="16522", now=NOW, facts=REFUSAL, actor=None):
    report = db.session.get(Report, report_id)
    return issue_document(
        db.session,
        report,
        kind,
        unit=_unit(unit),
        actor=db.session.get(User, actor) if actor else None,
        now=now,
        facts=facts,
        public=True,
        files_root=app.config["ATTACHMENTS_DIR"],
    )


def test_an_issued_document_is_numbered_signed_stored_and_kept_as_text(app, case):
    receipt, leader, inspector = case
    with app.app_context():
        document = _issue(app, receipt.report_id, actor=inspector.id)
        db.session.commit()
        assert (document.number, document.year, document.reference) == (1, 2026, "1/TB-UBND")
        assert document.kind == DocumentKind.REFUSAL and document.public is True
        assert document.title == "Thông báo về việc không thụ lý đơn khiếu nại"
        assert (document.signer_name, document.signer_title) == (
            "Lê Văn Bình",
            "Chủ tịch Ủy ban nhân dân phường Quảng Phú",
        )
        assert document.issued_by_id == inspector.id and document.unit_id == _unit("16522").id
        data = DocumentFiles(app.config["ATTACHMENTS_DIR"]).read(document.storage_key)
        assert Path(app.config["ATTACHMENTS_DIR"], "van-ban", document.storage_key[:2], document.storage_key).is_file()
        assert hashlib.sha256(data).hexdigest() == document.sha256 and len(data) == document.size
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
        for expected in (
            "Số: 1/TB-UBND",
            "Quảng Phú, ngày 03 tháng 12 năm 2026",
            "Kính gửi: Ông (Bà) Hoàng Văn Em",
            GROUND,
        ):
            assert expected in text
        assert "0912345678" not in text and "ngõ 3" not in text
        content = DocumentContent.from_dict(db.session.get(Document, document.id).content)
        assert content.reference == "1/TB-UBND" and content.signer_name == "Lê Văn Bình"
        assert any(GROUND in block.text for block in content.blocks)


def test_numbers_run_per_unit_and_restart_each_year(app, case):
    receipt = case[0]
    answer = {"response": "Đã chỉ đạo cán bộ trả hồ sơ trong tuần."}
    with app.app_context():
        first = [_issue(app, receipt.report_id).reference for _ in range(2)]
        inspectorate = _issue(app, receipt.report_id, DocumentKind.ANSWER, unit="thanh-tra-tinh", facts=answer)
        next_year = _issue(app, receipt.report_id, now=datetime(2027, 1, 2, 1, 0, tzinfo=UTC))
        db.session.commit()
        assert first == ["1/TB-UBND", "2/TB-UBND"]
        assert inspectorate.reference == "1/TTr" and inspectorate.signer_name == ""
        assert (next_year.year, next_year.number) == (2027, 1)
        assert "ngày 02 tháng 01 năm 2027" in next_year.content["place_date"]


def test_a_missing_fact_is_refused_before_a_number_is_taken(app, case):
    receipt = case[0]
    with app.app_context():
        with pytest.raises(KeyError, match="thong-bao-khong-thu-ly"):
            _issue(app, receipt.report_id, facts={"reason": "không có căn cứ"})
        assert _issue(app, receipt.report_id).number == 1


def test_an_inactive_leader_does_not_sign(app, case):
    receipt, leader = case[0], case[1]
    with app.app_context():
        db.session.get(User, leader.id).active = False
        db.session.flush()
        assert _issue(app, receipt.report_id).signer_name == ""


def test_a_denunciation_transferred_keeps_its_reporter_out_of_the_pdf(app, make_report):
    receipt = _file(make_report, "to-cao", "Phạm Thị Giang", "0987654321")
    with app.app_context():
        document = _issue(
            app,
            receipt.report_id,
            DocumentKind.TRANSFER,
            unit="thanh-tra-tinh",
            facts={"body": "Công an tỉnh Thanh Hóa"},
        )
        data = DocumentFiles(app.config["ATTACHMENTS_DIR"]).read(document.storage_key)
        text = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
        assert receipt.tracking_code in text and "Kính gửi: Công an tỉnh Thanh Hóa" in text
        assert "Phạm Thị Giang" not in text and "0987654321" not in text
        assert "Điều 8 và Điều 47 Luật Tố cáo năm 2018" in text


def test_a_signed_scan_is_kept_and_a_second_replaces_it_without_deleting_the_first(app, case):
    receipt, _leader, inspector = case
    files = DocumentFiles(app.config["ATTACHMENTS_DIR"])
    with app.app_context():
        document = _issue(app, receipt.report_id)
        actor = db.session.get(User, inspector.id)
        attach_signed_scan(db.session, document, PDF, actor=actor, now=NOW, files_root=app.config["ATTACHMENTS_DIR"])
        first_key = document.scan_storage_key
        assert (document.scan_content_type, document.scan_size) == ("application/pdf", len(PDF))
        assert document.scan_sha256 == hashlib.sha256(PDF).hexdigest()
        assert document.scan_uploaded_by_id == inspector.id
        later = datetime(2026, 12, 4, 1, 0, tzinfo=UTC)
        attach_signed_scan(db.session, document, PNG, actor=actor, now=later, files_root=app.config["ATTACHMENTS_DIR"])
        db.session.commit()
        stored = db.session.get(Document, document.id)
        assert stored.scan_content_type == "image/png" and stored.scan_storage_key != first_key
        assert stored.scan_uploaded_at == later
        assert files.read(stored.scan_storage_key) == PNG
        assert files.read(first_key) == PDF  # the earlier scan is never deleted
        assert files.read(stored.storage_key)[:5] == b"%PDF-"  # nor is the generated document


@pytest.mark.parametrize(
    "data, message",
    [
        (b"GIF89a" + b"\x00" * 64, "Bản quét văn bản đã ký phải là tệp PDF hoặc ảnh JPEG, PNG"),
        (b"<html><body>%PDF-</body></html>", "Bản quét văn bản đã ký phải là tệp PDF hoặc ảnh JPEG, PNG"),
        (b"", "Tệp bản quét rỗng"),
        (b"%PDF-" + b"\x00" * MAX_SCAN_BYTES, "Tệp bản quét lớn hơn 20 MB"),
    ],
)
def test_a_scan_of_the_wrong_kind_or_size_is_refused_in_vietnamese(app, case, data, message):
    receipt, root = case[0], app.config["ATTACHMENTS_DIR"]
    with app.app_context():
        document = _issue(app, receipt.report_id)
        with pytest.raises(ScanRefused, match=message) as refused:
            attach_signed_scan(db.session, document, data, actor=None, now=NOW, files_root=root)
        assert isinstance(refused.value, ValueError)
        assert document.scan_storage_key is None


def test_issue_date_is_the_day_in_vietnam(app, case):
    receipt = case[0]
    late_evening = datetime(2026, 12, 31, 18, 0, tzinfo=UTC)  # already 1 January 2027 in Vietnam
    with app.app_context():
        document = _issue(app, receipt.report_id, now=late_evening)
        assert (document.year, document.content["issued_on"]) == (2027, date(2027, 1, 1).isoformat())
