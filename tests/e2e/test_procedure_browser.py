"""The legal procedure's answers other than acceptance, in a real browser: a khiếu nại refused (không thụ lý) with its
numbered notice, a tố cáo transferred outside the directory and a khiếu nại transferred to another unit of it, and
the keyboard: Enter in a field of one step never performs another."""

import io
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from test_workspace_browser import open_case, phone, report_by_code, shot, sign_in, status_page

from core.extensions import db
from core.models import Document, Report
from triage.routing.jobs import route_report

# The database paths of each branch run on both backends in tests/app/casework/test_procedure.py.
pytestmark = pytest.mark.one_backend

COMPLAINT = (
    "Tôi khiếu nại việc cán bộ địa chính UBND phường Quảng Phú từ chối nhận hồ sơ đăng ký biến động đất đai của "
    "gia đình tôi, không ghi lý do, hẹn đi hẹn lại bốn lần."
)
DENUNCIATION = (
    "Tôi tố cáo cán bộ tư pháp UBND phường Quảng Phú nhận của tôi 1,5 triệu đồng để chứng thực nhanh hợp đồng, "
    "không có biên lai, có người đi cùng làm chứng."
)
NAMED = {"reporter_name": "Nguyễn Văn An", "reporter_address": "số 12 phố Quảng Phú", "ward_code": "16522"}
GROUND = "Đã hết thời hiệu khiếu nại mà không có lý do chính đáng"
ROUTED = "Đã chuyển đến đơn vị xử lý"
PARTY_COMMISSION = "Ủy ban Kiểm tra Tỉnh ủy Thanh Hóa"


def _file_on_the_form(page, base: str, kind: str, text: str) -> tuple[str, str]:
    """A named đơn filed on the public form; its tracking code and passphrase from the receipt."""
    page.goto(base + "/")
    page.fill("textarea[name=text]", text)
    page.select_option("#ward", NAMED["ward_code"])
    page.check(f"input[name=kind][value={kind}]")
    page.fill("input[name=reporter_name]", NAMED["reporter_name"])
    page.fill("input[name=reporter_address]", NAMED["reporter_address"])
    page.click("button[type=submit]")
    return page.text_content("#tracking-code"), page.text_content("#passphrase")


def _filed(browser, base: str, kind: str, text: str):
    """A named đơn filed by a citizen on a phone; the phone, the tracking code and passphrase, and the inspector of
    UBND phường Quảng Phú in its case file once the worker has routed it there."""
    citizen = phone(browser)
    code, passphrase = _file_on_the_form(citizen, base, kind, text)
    staff = sign_in(browser, base, "cb.quangphu")
    open_case(staff, base, code)
    return citizen, code, passphrase, staff


def _routed(app, make_report, kind: str, text: str):
    """A named đơn stored and routed to UBND phường Quảng Phú (as the worker routes it)."""
    receipt = make_report(text=text, kind=kind, **NAMED)
    with app.app_context():
        assert route_report(receipt.report_id) == "routed"
        assert db.session.get(Report, receipt.report_id).unit.code == NAMED["ward_code"]
    return receipt


def _documents(app, report_id: int) -> list[Document]:
    with app.app_context():
        return list(db.session.scalars(select(Document).where(Document.report_id == report_id).order_by(Document.id)))


def _pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF"), data[:20]
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _posts(page) -> list[str]:
    """The paths of the forms the page sends from now on."""
    sent: list[str] = []
    page.on("request", lambda request: sent.append(urlsplit(request.url).path) if request.method == "POST" else None)
    return sent


def _download(page, selector: str) -> tuple[str, bytes]:
    with page.expect_download() as download:
        page.click(selector)
    path = download.value.path()
    return download.value.suggested_filename, path.read_bytes()


def test_a_complaint_refused_with_its_numbered_notice(browser, live_service, screenshots, make_user):
    base, app = live_service["base"], live_service["app"]
    make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc")
    citizen, code, passphrase, staff = _filed(browser, base, "khieu-nai", COMPLAINT)
    assert staff.text_content("#case-status") == ROUTED
    assert staff.get_attribute("#step-refuse", "open") is None

    typed = "Đơn gửi sau 4 tháng kể từ ngày nhận quyết định, không nêu lý do chính đáng."
    staff.click("#step-refuse summary")
    staff.select_option("#ktl-ground", "kn-het-thoi-hieu")
    staff.fill("#ktl-reason", typed)
    # The confirmation forgotten: the service answers (the staff forms leave checking to it, in Vietnamese): the
    # step's block open again, the message next to the box, the ground and reason as typed.
    staff.click("#step-refuse button[type=submit]")
    assert staff.get_attribute("#step-refuse", "open") is not None
    assert "Chưa thực hiện được" in staff.text_content("#step-refuse-error")
    assert (
        staff.text_content(".field:has(#ktl-confirm) .error") == "Xin đánh dấu xác nhận: bước này không hoàn tác được."
    )
    assert staff.input_value("#ktl-reason") == typed
    assert staff.input_value("#ktl-ground") == "kn-het-thoi-hieu"
    assert staff.text_content("#case-status") == ROUTED and report_by_code(app, code).status == "routed"
    shot(staff, screenshots, "6-inspector-refusal-unconfirmed")

    staff.check("#ktl-confirm")
    staff.click("#step-refuse button[type=submit]")
    assert "Đã quyết định không thụ lý và ban hành thông báo." in staff.text_content("main")
    assert staff.text_content("#case-status") == "Không thụ lý"
    assert staff.locator("#xu-ly-don").count() == 0  # no other answer can follow
    report = report_by_code(app, code)
    assert report.status == "not-accepted"
    (notice,) = _documents(app, report.id)
    assert notice.kind == "thong-bao-khong-thu-ly" and notice.reference.endswith("/TB-UBND")
    listed = staff.locator("#documents li", has_text=notice.reference)
    assert "Thông báo không thụ lý" in listed.text_content() and "người gửi đơn nhận" in listed.text_content()
    assert f"Căn cứ: {GROUND}" in staff.text_content("#events")
    name, data = _download(staff, f"#documents li:has-text('{notice.reference}') a:text-is('tải PDF')")
    assert name == notice.reference.replace("/", "-") + f"-{notice.year}.pdf"
    text = _pdf_text(data)
    assert GROUND in text and "THÔNG BÁO" in text.upper() and notice.reference in text
    shot(staff, screenshots, "6-inspector-refusal")

    status_page(citizen, base, code, passphrase)
    assert citizen.text_content("#status") == "Không thụ lý"
    assert "không thụ lý" in citizen.text_content("#meaning")
    refusal = citizen.locator(".timeline li", has_text="không thụ lý đơn").text_content()
    assert f"Căn cứ: {GROUND}." in refusal and typed in refusal
    assert "kn-het-thoi-hieu" not in citizen.content()  # words, never codes
    assert notice.reference in citizen.text_content("#van-ban")
    _, sent = _download(citizen, "#van-ban button:text-is('Tải về (PDF)')")
    assert GROUND in _pdf_text(sent)
    shot(citizen, screenshots, "7-citizen-refusal")


def test_a_denunciation_transferred_outside_the_directory(browser, live_service, screenshots, make_user):
    base, app = live_service["base"], live_service["app"]
    make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc")
    citizen, code, passphrase, staff = _filed(browser, base, "to-cao", DENUNCIATION)
    assert "Tố cáo" in staff.text_content("#label-kind")
    staff.click("#step-transfer summary")
    staff.select_option("#cd-target", "ngoai:ubkt-tinh-uy")
    staff.fill("#cd-reason", "Người bị tố cáo là đảng viên; nội dung thuộc thẩm quyền kiểm tra của Đảng.")
    staff.check("#cd-confirm")
    staff.click("#step-transfer button[type=submit]")
    assert "Đã chuyển đơn và ban hành phiếu chuyển đơn." in staff.text_content("main")
    assert staff.text_content("#case-status") == "Đã chuyển đơn đến cơ quan có thẩm quyền"
    assert PARTY_COMMISSION in staff.text_content("#events")
    report = report_by_code(app, code)
    assert report.status == "transferred" and report.clock("forward").status == "met"
    (slip,) = _documents(app, report.id)
    assert slip.kind == "phieu-chuyen-don" and slip.reference.endswith("/PC-UBND")
    assert "Phiếu chuyển đơn" in staff.locator("#documents li", has_text=slip.reference).text_content()
    _, data = _download(staff, f"#documents li:has-text('{slip.reference}') a:text-is('tải PDF')")
    text = _pdf_text(data)
    assert "Ủy ban Kiểm tra Tỉnh ủy" in text and NAMED["reporter_name"] not in text  # the reporter stays here
    shot(staff, screenshots, "6-inspector-transfer")

    status_page(citizen, base, code, passphrase)
    assert citizen.text_content("#status") == "Đã chuyển đơn đến cơ quan có thẩm quyền"
    assert f"Đơn đã được chuyển đến {PARTY_COMMISSION}" in citizen.text_content("#meaning")
    assert f"Cơ quan nhận đơn: {PARTY_COMMISSION}" in citizen.text_content(".timeline")
    assert slip.reference in citizen.text_content("#van-ban")
    assert "ubkt-tinh-uy" not in citizen.content()
    shot(citizen, screenshots, "7-citizen-transfer")


def test_a_complaint_transferred_to_another_unit_leaves_the_queue(
    browser, live_service, app, make_report, make_user, screenshots
):
    base = live_service["base"]
    make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc")
    make_user("cb.sxd", unit="so-xay-dung", name="Phạm Văn Dũng")
    receipt = _routed(app, make_report, "khieu-nai", COMPLAINT)
    code = receipt.tracking_code

    staff = sign_in(browser, base, "cb.quangphu")
    open_case(staff, base, code, timeout=5)
    staff.click("#step-transfer summary")
    staff.select_option("#cd-target", "so-xay-dung")
    staff.fill("#cd-reason", "Giấy chứng nhận do Sở Xây dựng cấp; phường không có thẩm quyền.")
    staff.check("#cd-confirm")
    staff.click("#step-transfer button[type=submit]")
    assert staff.url.rstrip("/").endswith("/can-bo")  # out of this unit's sight: back to the queue
    assert "Đã chuyển đơn đến Sở Xây dựng" in staff.text_content("main")
    assert staff.locator(f"a.tracking:text-is('{code}')").count() == 0

    other = sign_in(browser, base, "cb.sxd")
    open_case(other, base, code, timeout=5)
    assert other.text_content("#case-status") == ROUTED
    assert other.locator("#six-clear button:text-is('Thụ lý')").count() == 1  # the receiving unit decides now
    (slip,) = _documents(app, receipt.report_id)
    assert slip.kind == "phieu-chuyen-don" and slip.reference in other.text_content("#documents")
    shot(other, screenshots, "6-inspector-transfer-received")

    citizen = phone(browser)
    status_page(citizen, base, code, receipt.passphrase)
    assert citizen.text_content("#status") == ROUTED
    assert citizen.text_content("#unit") == "Sở Xây dựng"
    assert "Đơn đã được chuyển đến Sở Xây dựng" in citizen.text_content(".timeline")
    assert slip.reference in citizen.text_content("#van-ban")


def test_enter_in_a_step_never_performs_another(browser, live_service, app, make_report, make_user):
    base = live_service["base"]
    make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc")
    receipt = _routed(app, make_report, "khieu-nai", COMPLAINT)
    code = receipt.tracking_code
    staff = sign_in(browser, base, "cb.quangphu")
    open_case(staff, base, code, timeout=5)
    sent = _posts(staff)

    def enter(selector: str) -> None:
        staff.press(selector, "Enter")
        staff.wait_for_load_state()
        staff.wait_for_timeout(400)  # long enough for a submission to have left

    def nothing_sent() -> None:
        assert sent == [], sent
        assert staff.text_content("#case-status") == ROUTED
        assert report_by_code(app, code).status == "routed"

    # The reason of "Không thụ lý", its ground chosen and confirmed: Enter is a new line, not a submission.
    staff.click("#step-refuse summary")
    staff.select_option("#ktl-ground", "kn-het-thoi-hieu")
    staff.check("#ktl-confirm")
    staff.fill("#ktl-reason", "Đơn gửi quá hạn")
    enter("#ktl-reason")
    assert staff.input_value("#ktl-reason") == "Đơn gửi quá hạn\n"
    nothing_sent()

    # "Chuyển đơn", not confirmed: Enter in its reason is a new line; in the body's name it sends this step only,
    # which the service refuses in words.
    staff.reload()
    staff.click("#step-transfer summary")
    staff.select_option("#cd-target", "ngoai:bo-nganh")
    staff.fill("#cd-reason", "Quyết định hành chính do Bộ ban hành.")
    enter("#cd-reason")
    assert staff.input_value("#cd-reason") == "Quyết định hành chính do Bộ ban hành.\n"
    staff.fill("#cd-name", "Bộ Tài nguyên và Môi trường")
    enter("#cd-name")  # submits this step only, which the service refuses: not confirmed
    assert [path.rsplit("/", 1)[-1] for path in sent] == ["chuyen-don"], sent
    assert "Xin đánh dấu xác nhận" in staff.text_content("#step-transfer")
    assert staff.input_value("#cd-name") == "Bộ Tài nguyên và Môi trường"
    assert staff.text_content("#case-status") == ROUTED and report_by_code(app, code).status == "routed"

    # A field of "6 rõ": Enter saves the "6 rõ" (the form's first button); it does not accept the đơn.
    staff.goto(f"{base}/can-bo/bao-cao/{receipt.report_id}")  # not a reload: that would post the step again
    sent.clear()
    staff.fill("#six-task", "Kiểm tra hồ sơ bị trả lại")
    staff.fill("#six-authority", "Luật Khiếu nại 2011")
    staff.fill("#six-due_on", (date.today() + timedelta(days=28)).isoformat())
    enter("#six-authority")
    assert sent == [f"/can-bo/bao-cao/{receipt.report_id}/6-ro"]
    assert 'Đã lưu "6 rõ".' in staff.text_content("main")
    sent.clear()
    nothing_sent()
    assert report_by_code(app, code).sixclear_authority == "Luật Khiếu nại 2011"

    # Confirmed, Enter in the body's name performs this step, "Chuyển đơn", and nothing else.
    staff.click("#step-transfer summary")
    staff.select_option("#cd-target", "ngoai:bo-nganh")
    staff.fill("#cd-reason", "Quyết định hành chính do Bộ ban hành.")
    staff.fill("#cd-name", "Bộ Tài nguyên và Môi trường")
    staff.check("#cd-confirm")
    enter("#cd-name")
    assert sent == [f"/can-bo/bao-cao/{receipt.report_id}/chuyen-don"]
    assert staff.text_content("#case-status") == "Đã chuyển đơn đến cơ quan có thẩm quyền"
    report = report_by_code(app, code)
    assert report.status == "transferred" and report.accepted_at is None
    assert [d.kind for d in _documents(app, report.id)] == ["phieu-chuyen-don"]
    assert [e.data["status"] for e in report.events if e.kind == "status"] == ["routed", "transferred"]


def test_a_note_from_a_page_left_open_too_long_comes_back_to_copy(browser, live_service, app, make_report, make_user):
    """The page's token has gone stale (the session behind it ended, the page stayed open): the note is not saved,
    the officer reads why, and the text typed is on the page to copy back, as Chromium sends the form."""
    base = live_service["base"]
    make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc")
    receipt = _routed(app, make_report, "khieu-nai", COMPLAINT)
    staff = sign_in(browser, base, "cb.quangphu")
    open_case(staff, base, receipt.tracking_code, timeout=5)
    note = "Đã gọi cho bộ phận một cửa, hẹn làm việc với cán bộ địa chính sáng thứ Hai"
    staff.eval_on_selector_all("input[name$=csrf_token]", "inputs => inputs.forEach(i => { i.value = 'het-han'; })")
    staff.click("#noi-bo details summary")
    staff.fill("#note-text", note)
    staff.click("#noi-bo button:has-text('Thêm ghi chú')")
    staff.wait_for_load_state()
    assert "Thao tác chưa được thực hiện" in staff.text_content("main")
    assert staff.input_value("#kept-1") == note
    assert not [e for e in report_by_code(app, receipt.tracking_code).events if e.kind == "note"]
