"""What the reporter reads on the status page at each public step of the legal procedure, and the documents
addressed to them: in plain words, with the legal ground, body, guidance or reason the law has them told; never the
internal findings, notes, officers' names or codes."""

import hashlib
import re

import pytest
from procedure_support import (
    FINDINGS,
    NOTE,
    RESPONSE,
    accept,
    file_routed,
    post_as_reporter,
    run,
    status_page,
    submit_result,
)
from sqlalchemy import select

from core.extensions import db
from core.models import Document, Report
from tests_support import look_up
from triage.casework import actions, handling, proceedings, signoff

pytestmark = pytest.mark.usefixtures("no_documents")

# Codes that must never reach the page: statuses, grounds, bodies, outcomes, document kinds.
RAW = re.compile(
    r"not-accepted|awaiting-approval|\bresolved\b|\brouted\b|\bguided\b|\barchived\b|\bwithdrawn\b|\bterminated\b"
    r"|\bsuspended\b|kn-het-thoi-hieu|co-quan-dieu-tra|ubkt-tinh-uy|\btrung\b|substantiated|thong-bao|phieu-|van-ban-tra"
)


def _text(page: str) -> str:
    """What a person reads: the page without its tags and attribute values."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def _no_codes(page: str) -> None:
    found = RAW.findall(_text(page))
    assert not found, found


def test_refusal_tells_the_legal_ground_and_the_reason(app, client, csrf_token, make_report, commune_staff):
    receipt = file_routed(app, make_report, kind="khieu-nai")
    run(
        app,
        receipt.report_id,
        handling.refuse,
        actor="cb.quangphu",
        ground="kn-het-thoi-hieu",
        reason="Quyết định bị khiếu nại ban hành từ năm 2023",
    )
    page = status_page(client, csrf_token, receipt)
    assert "Không thụ lý" in page
    assert "Căn cứ: Đã hết thời hiệu khiếu nại mà không có lý do chính đáng." in page
    assert "Lý do: Quyết định bị khiếu nại ban hành từ năm 2023." in page
    assert "Thông báo không thụ lý" in page  # the document addressed to the reporter
    assert "bạn có thể gửi đơn mới" in page  # what the reporter can do next
    assert 'id="rut-don"' not in page  # a đơn with its answer cannot be withdrawn
    assert "Trần Thị Cúc" not in page
    _no_codes(page)


def test_guidance_names_the_body_to_go_to(app, client, csrf_token, make_report, commune_staff):
    receipt = file_routed(app, make_report)
    guidance = "Xin nộp đơn tại Công an tỉnh, số 23 Hạc Thành, kèm bản sao giấy hẹn."
    run(
        app, receipt.report_id, handling.guide, actor="cb.quangphu", body="co-quan-dieu-tra", name="", guidance=guidance
    )
    page = status_page(client, csrf_token, receipt)
    assert "Cơ quan hướng dẫn bạn gửi đơn đến cơ quan có thẩm quyền" in page
    assert "Nơi gửi đơn: Cơ quan điều tra có thẩm quyền (Công an tỉnh Thanh Hóa)." in page
    assert guidance.rstrip(".") in page
    assert "Xin gửi đơn đến Cơ quan điều tra có thẩm quyền (Công an tỉnh Thanh Hóa)" in page  # the next step
    assert "Phiếu hướng dẫn" in page
    _no_codes(page)


def test_transfer_outside_names_the_receiving_body(app, client, csrf_token, make_report, commune_staff):
    receipt = file_routed(app, make_report)
    run(
        app,
        receipt.report_id,
        handling.transfer,
        actor="cb.quangphu",
        reason="Người bị phản ánh là đảng viên, thuộc thẩm quyền kiểm tra của Đảng",
        body="ubkt-tinh-uy",
    )
    page = status_page(client, csrf_token, receipt)
    body = "Ủy ban Kiểm tra Tỉnh ủy Thanh Hóa (cơ quan kiểm tra của Đảng)"
    assert f"Cơ quan nhận đơn: {body}." in page
    assert f"Đơn đã được chuyển đến {body}, cơ quan có thẩm quyền giải quyết." in page
    assert "thuộc thẩm quyền kiểm tra của Đảng" in page
    assert "Phiếu chuyển đơn" in page
    _no_codes(page)


def test_archived_shows_the_ground_and_never_the_internal_proposal(app, client, csrf_token, make_report, commune_staff):
    receipt = file_routed(app, make_report)
    internal = run(app, receipt.report_id, handling.archive, actor="cb.quangphu", ground="trung")
    page = status_page(client, csrf_token, receipt)
    assert "Lưu đơn, không xử lý" in page
    assert "Căn cứ: Đơn trùng nội dung với đơn đã được xử lý." in page
    assert "Phiếu đề xuất lưu đơn" not in page and 'id="van-ban"' not in page
    response = post_as_reporter(client, csrf_token, receipt, "/tra-cuu/van-ban", document=str(internal))
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "Không tìm thấy văn bản này" in response.get_data(as_text=True)
    _no_codes(page)


def test_returned_tells_the_reason(app, client, csrf_token, make_report, commune_staff):
    receipt = file_routed(app, make_report)
    reason = "Đơn gửi kèm bản chính giấy chứng nhận quyền sử dụng đất, cơ quan không giữ bản chính"
    run(app, receipt.report_id, handling.return_to_reporter, actor="cb.quangphu", reason=reason)
    page = status_page(client, csrf_token, receipt)
    assert "Cơ quan trả lại đơn và giấy tờ cho bạn" in page
    assert f"Lý do: {reason}." in page
    assert "Văn bản trả lại đơn và giấy tờ" in page
    _no_codes(page)


def test_suspension_resumption_and_termination_with_their_reasons(app, client, csrf_token, make_report, commune_staff):
    receipt = file_routed(app, make_report, kind="to-cao")
    accept(app, receipt.report_id)
    run(app, receipt.report_id, proceedings.suspend, actor="cb.quangphu", reason="Chờ kết quả giám định chữ ký")
    page = status_page(client, csrf_token, receipt)
    assert "Tạm đình chỉ: việc giải quyết tạm dừng, thời hạn ngừng tính" in page
    assert "Lý do: Chờ kết quả giám định chữ ký." in page
    assert "tạm dừng trong thời gian tạm đình chỉ" in page
    run(app, receipt.report_id, proceedings.resume, actor="cb.quangphu", reason="Đã có kết quả giám định")
    page = status_page(client, csrf_token, receipt)
    assert "Hết tạm đình chỉ: cơ quan tiếp tục giải quyết" in page and "Lý do: Đã có kết quả giám định." in page
    run(app, receipt.report_id, proceedings.terminate, actor="cb.quangphu", reason="Người bị tố cáo đã chết")
    page = status_page(client, csrf_token, receipt)
    assert "Đình chỉ: cơ quan chấm dứt việc giải quyết đơn" in page and "Lý do: Người bị tố cáo đã chết." in page
    assert "Quyết định tạm đình chỉ giải quyết" in page and "Quyết định đình chỉ giải quyết" in page
    assert 'id="rut-don"' not in page
    _no_codes(page)


def test_complexity_extension_and_track_change(app, client, csrf_token, make_report, commune_staff):
    receipt = file_routed(app, make_report, kind="to-cao")
    accept(app, receipt.report_id)
    run(
        app,
        receipt.report_id,
        proceedings.set_complexity,
        actor="cb.quangphu",
        level="complex",
        reason="Nhiều người liên quan ở hai xã",
    )
    run(app, receipt.report_id, proceedings.extend, actor="cb.quangphu", stage="resolution", reason="Cần xác minh")
    with app.app_context():
        due = db.session.get(Report, receipt.report_id).clock("resolution").due_on.strftime("%d/%m/%Y")
    page = status_page(client, csrf_token, receipt)
    assert "Cơ quan xác định vụ việc phức tạp: có thể được gia hạn" in page
    assert f"Gia hạn thời hạn giải quyết đến ngày {due}" in page or f"đến ngày {due}" in page
    assert "Quyết định gia hạn giải quyết tố cáo" in page
    run(
        app,
        receipt.report_id,
        proceedings.change_track,
        actor="cb.quangphu",
        track="khieu-nai",
        reason="Nội dung là đề nghị xem xét lại quyết định",
    )
    page = status_page(client, csrf_token, receipt)
    assert "Đơn được giải quyết theo trình tự khiếu nại" in page and "Trước đây: Tố cáo." in page
    _no_codes(page)


def test_answer_after_approval_without_what_is_internal(app, client, csrf_token, make_report, commune_staff):
    receipt = file_routed(app, make_report, kind="khieu-nai")
    accept(app, receipt.report_id)
    run(app, receipt.report_id, handling.notify_acceptance, actor="cb.quangphu")
    with app.app_context():
        report = db.session.get(Report, receipt.report_id)
        actions.add_note(report, NOTE, actor_id=None)
        due = report.clock("resolution").due_on.strftime("%d/%m/%Y")
        db.session.commit()
    page = status_page(client, csrf_token, receipt)
    assert f"Thời hạn giải quyết: đến hết ngày {due}." in page  # acceptance, with its deadline
    assert "Thông báo thụ lý" in page
    submit_result(app, receipt.report_id, "substantiated")
    page = status_page(client, csrf_token, receipt)
    assert "đang trình lãnh đạo cơ quan duyệt" in page and RESPONSE not in page
    run(app, receipt.report_id, signoff.approve, actor="ld.quangphu")
    page = status_page(client, csrf_token, receipt)
    assert RESPONSE in page and "Kết luận: <strong" in page and "Nội dung phản ánh là đúng" in page
    assert "Quyết định giải quyết khiếu nại" in page
    for internal in (FINDINGS, NOTE, "Trần Thị Cúc", "Lê Văn Lãnh", "cb.quangphu", "ld.quangphu"):
        assert internal not in page, internal
    _no_codes(page)


def _documents(app, report_id: int) -> dict[str, Document]:
    with app.app_context():
        rows = db.session.scalars(select(Document).where(Document.report_id == report_id)).all()
        for row in rows:
            db.session.expunge(row)
        return {row.kind: row for row in rows}


def test_documents_download_with_the_passphrase_only(app, client, csrf_token, make_report, commune_staff):
    receipt = file_routed(app, make_report, kind="khieu-nai")
    other = file_routed(app, make_report, kind="khieu-nai")
    for report_id in (receipt.report_id, other.report_id):
        accept(app, report_id)
        run(app, report_id, handling.notify_acceptance, actor="cb.quangphu")
    notice = _documents(app, receipt.report_id)["thong-bao-thu-ly"]
    foreign = _documents(app, other.report_id)["thong-bao-thu-ly"]
    page = status_page(client, csrf_token, receipt)
    listed = re.search(r'<section class="card" id="van-ban">(.*?)</section>', page, re.S).group(1)
    assert notice.title in listed and f"Số {notice.reference}" in listed
    assert notice.issued_at.strftime("%Y") in listed and f'value="{notice.id}"' in listed
    assert f'value="{foreign.id}"' not in listed

    response = post_as_reporter(client, csrf_token, receipt, "/tra-cuu/van-ban", document=str(notice.id))
    assert response.status_code == 200
    assert response.mimetype == "application/pdf" and response.data.startswith(b"%PDF")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert hashlib.sha256(response.data).hexdigest() == notice.sha256

    # Another report's document is not theirs, whatever id they send; nothing without the right passphrase.
    response = post_as_reporter(client, csrf_token, receipt, "/tra-cuu/van-ban", document=str(foreign.id))
    assert response.status_code == 404 and not response.data.startswith(b"%PDF")
    wrong = post_as_reporter(
        client, csrf_token, receipt, "/tra-cuu/van-ban", passphrase="AAAA-AAAA-AAAA", document=str(notice.id)
    )
    assert wrong.status_code == 403 and not wrong.data.startswith(b"%PDF")
    assert "Mã theo dõi hoặc mật mã tra cứu không đúng" in wrong.get_data(as_text=True)


def test_wrong_passphrases_on_a_download_lock_the_code_like_the_look_up(make_app, csrf_token, make_report, make_user):
    app = make_app(STATUS_MAX_FAILURES=3)
    make_user("cb.quangphu", unit="16522")
    receipt = file_routed(app, make_report, kind="khieu-nai")
    accept(app, receipt.report_id)
    notice = run(app, receipt.report_id, handling.notify_acceptance, actor="cb.quangphu")
    client = app.test_client()
    for _ in range(3):
        response = post_as_reporter(
            client, csrf_token, receipt, "/tra-cuu/van-ban", passphrase="AAAA-AAAA-AAAA", document=str(notice)
        )
        assert response.status_code == 403
    locked = post_as_reporter(client, csrf_token, receipt, "/tra-cuu/van-ban", document=str(notice))
    assert locked.status_code == 429 and not locked.data.startswith(b"%PDF")
    assert "đang tạm khóa tra cứu" in locked.get_data(as_text=True)
    assert look_up(client, csrf_token, receipt.tracking_code, receipt.passphrase).status_code == 429
