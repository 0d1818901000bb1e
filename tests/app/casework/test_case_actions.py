"""The case file's actions through HTTP, as an inspector, a supervisor and the reporter would use them."""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import Correction, Document, Report
from tests_support import look_up
from triage.casework.jobs import export_corrections
from triage.deadlines.jobs import resume_after_reply
from triage.routing.jobs import route_report

TEXT = (
    "Tôi tên là Hoàng Văn Em, số điện thoại 0912345678. Cán bộ địa chính UBND phường Quảng Phú "
    "hẹn lần hẹn lữa, hồ sơ cấp đổi sổ đỏ của tôi nộp từ tháng trước đến nay chưa trả."
)
CHAIRMAN = (
    "Phó chủ tịch UBND phường Quảng Phú đòi tôi đưa 20 triệu thì mới ký hồ sơ xin phép xây dựng, "
    "tôi tố cáo ông này nhận hối lộ."
)


def _flash(page: str) -> list[str]:
    return re.findall(r'<p class="(?:notice|error banner)" role="(?:status|alert)">([^<]+)</p>', page)


@pytest.fixture
def case(app, make_report, make_user):
    make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc")
    receipt = make_report(
        text=TEXT,
        ward_code="16522",
        kind="phan-anh",
        reporter_name="Hoàng Văn Em",
        reporter_phone="0912345678",
        reporter_address="số 5 ngõ 3, phường Quảng Phú",
    )
    with app.app_context():
        assert route_report(receipt.report_id) == "routed"
    return receipt


def _post(client, csrf_token, report_id, action, **data):
    token = csrf_token(client.get(f"/can-bo/bao-cao/{report_id}"))
    return client.post(
        f"/can-bo/bao-cao/{report_id}/{action}", data={"csrf_token": token, **data}, follow_redirects=True
    )


def test_acceptance_needs_the_six_clear_block(app, client, csrf_token, case, login_as):
    login_as(client, "cb.quangphu")
    response = _post(client, csrf_token, case.report_id, "thu-ly")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    banner = re.search(r'<p class="error banner" role="alert" id="step-failed">([^<]+)<', page).group(1)
    assert "Chưa thể thụ lý" in banner and "rõ người" in banner and "rõ thẩm quyền" in banner
    with app.app_context():
        user_id = db.session.query(db.Model.registry._class_registry["User"]).filter_by(username="cb.quangphu").one().id
    page = _post(
        client,
        csrf_token,
        case.report_id,
        "6-ro",
        **{
            "six-assignee": str(user_id),
            "six-task": "Kiểm tra hồ sơ, làm việc với cán bộ địa chính",
            "six-responsibility": "UBND phường Quảng Phú",
            "six-authority": "Nghị định 20/2008/NĐ-CP",
            "six-due_on": "2026-12-20",
        },
    ).get_data(as_text=True)
    assert "Đã lưu &#34;6 rõ&#34;." in page or 'Đã lưu "6 rõ".' in page
    page = _post(client, csrf_token, case.report_id, "thu-ly").get_data(as_text=True)
    assert "Đã thụ lý đơn." in page
    with app.app_context():
        report = db.session.get(Report, case.report_id)
        assert report.status == "accepted" and report.assignee.username == "cb.quangphu"
        assert {c.stage: c.status for c in report.clocks} == {"acceptance": "met", "resolution": "running"}
        assert [e.actor_id for e in report.events if e.kind == "status"][-1] == user_id


def test_question_pauses_the_clock_and_the_reporter_answers_on_the_status_page(app, client, csrf_token, case, login_as):
    login_as(client, "cb.quangphu")
    page = _post(client, csrf_token, case.report_id, "hoi-them", **{"ask-text": "Xin gửi số giấy hẹn trả kết quả."})
    assert "thời hạn tạm dừng" in page.get_data(as_text=True)
    with app.app_context():
        due_before = db.session.get(Report, case.report_id).clocks[0].due_on
        assert db.session.get(Report, case.report_id).clocks[0].status == "paused"

    citizen = app.test_client()
    page = look_up(citizen, csrf_token, case.tracking_code, case.passphrase).get_data(as_text=True)
    assert "Xin gửi số giấy hẹn trả kết quả." in page and "tạm dừng" in page
    token = csrf_token(citizen.get("/tra-cuu"))
    empty = citizen.post(
        "/tra-cuu/tra-loi",
        data={"csrf_token": token, "code": case.tracking_code, "passphrase": case.passphrase, "answer": " "},
    )
    assert empty.status_code == 400 and "Xin viết nội dung trả lời." in empty.get_data(as_text=True)
    wrong = citizen.post(
        "/tra-cuu/tra-loi",
        data={
            "csrf_token": token,
            "code": case.tracking_code,
            "passphrase": "AAAA-AAAA-AAAA",
            "answer": "Số giấy hẹn 123",
        },
    )
    assert wrong.status_code == 403
    page = citizen.post(
        "/tra-cuu/tra-loi",
        data={
            "csrf_token": token,
            "code": case.tracking_code,
            "passphrase": case.passphrase,
            "answer": "Giấy hẹn số 123/GH",
        },
    )
    assert "Đã gửi câu trả lời của bạn" in page.get_data(as_text=True)
    with app.app_context():
        assert resume_after_reply(case.report_id) == "resumed"
        assert resume_after_reply(case.report_id) == "nothing-paused"
        clock = db.session.get(Report, case.report_id).clocks[0]
        assert clock.status == "running" and clock.due_on >= due_before
    staff_page = client.get(f"/can-bo/bao-cao/{case.report_id}").get_data(as_text=True)
    assert "Giấy hẹn số 123/GH" in staff_page


def test_notes_stay_internal_and_resolution_reaches_the_reporter(app, client, csrf_token, case, login_as, make_user):
    login_as(client, "cb.quangphu")
    _post(client, csrf_token, case.report_id, "ghi-chu", **{"note-text": "Anh T. đã từng bị nhắc nhở năm 2025"})
    with app.app_context():
        report = db.session.get(Report, case.report_id)
        report.status = "accepted"  # acceptance itself is tested above
        db.session.commit()
    _post(client, csrf_token, case.report_id, "xac-minh", **{"fnd-text": "Hồ sơ bị giữ 40 ngày không lý do"})
    page = _post(
        client,
        csrf_token,
        case.report_id,
        "giai-quyet",
        **{
            "kq-outcome": "substantiated",
            "kq-findings": "Hồ sơ bị giữ 40 ngày không lý do",
            "kq-response": "Phường đã trả kết quả và kiểm điểm cán bộ địa chính.",
        },
    )
    assert "Đã trình lãnh đạo duyệt kết quả." in page.get_data(as_text=True)
    status = look_up(app.test_client(), csrf_token, case.tracking_code, case.passphrase).get_data(as_text=True)
    assert "Phường đã trả kết quả" not in status  # not before the leader approves
    make_user("ld.quangphu", role="leader", unit="16522", name="Lê Văn Lãnh")
    login_as(leader := app.test_client(), "ld.quangphu")
    page = _post(leader, csrf_token, case.report_id, "duyet", **{"duyet-confirm": "y"})
    assert "Đã duyệt kết quả" in page.get_data(as_text=True)
    page = _post(client, csrf_token, case.report_id, "dong")
    assert "Đã đóng hồ sơ." in page.get_data(as_text=True)

    status = look_up(app.test_client(), csrf_token, case.tracking_code, case.passphrase).get_data(as_text=True)
    assert "Phường đã trả kết quả và kiểm điểm cán bộ địa chính." in status
    assert "Nội dung phản ánh là đúng" in status
    assert "Anh T. đã từng" not in status and "40 ngày không lý do" not in status


def test_reroute_keeps_a_correction_for_the_classifier(app, client, csrf_token, case, tmp_path, login_as):
    login_as(client, "cb.quangphu")
    page = _post(
        client,
        csrf_token,
        case.report_id,
        "chuyen",
        **{"rr-unit": "so-nong-nghiep-moi-truong", "rr-reason": "Hồ sơ nộp tại chi nhánh VPĐKĐĐ"},
    )
    assert "Đã chuyển đơn đến Sở Nông nghiệp và Môi trường." in page.get_data(as_text=True)
    assert client.get(f"/can-bo/bao-cao/{case.report_id}").status_code == 404  # no longer this unit's
    with app.app_context():
        correction = db.session.query(Correction).one()
        assert (correction.agency, correction.predicted_agency, correction.ward_code) == (
            "so-nong-nghiep-moi-truong",
            "xa",
            "16522",
        )
        assert export_corrections() == 1
    from ml.corrections import load_corrections

    rows = load_corrections(app.config["ML_CORRECTIONS"])
    masked = TEXT.replace("Hoàng Văn Em", "[đã che]").replace("0912345678", "[đã che]")  # the words, not the reporter
    assert rows[0]["agency"] == "so-nong-nghiep-moi-truong" and rows[0]["text"] == masked
    with open(app.config["ML_CORRECTIONS"], encoding="utf-8") as f:
        assert json.loads(f.readline())["source"] == "reroute"
    Path(app.config["ML_CORRECTIONS"]).unlink()
    result = app.test_cli_runner().invoke(args=["corrections", "export"])
    assert result.exit_code == 0 and result.output.startswith("1 correction(s) written"), result.output
    assert load_corrections(app.config["ML_CORRECTIONS"])[0]["text"] == masked


def test_escalated_report_cannot_be_sent_to_the_accused_body(app, client, csrf_token, make_report, make_user, login_as):
    make_user("thanhtra", unit="thanh-tra-tinh")
    receipt = make_report(text=CHAIRMAN, ward_code="16522")
    with app.app_context():
        route_report(receipt.report_id)
        report = db.session.get(Report, receipt.report_id)
        assert report.unit.code == "thanh-tra-tinh" and report.accused_unit.ward_code == "16522"
    login_as(client, "thanhtra")
    page = client.get(f"/can-bo/bao-cao/{receipt.report_id}").get_data(as_text=True)
    assert '<option value="16522">' not in page  # not even offered
    page = _post(client, csrf_token, receipt.report_id, "chuyen", **{"rr-unit": "16522", "rr-reason": "thử chuyển"})
    assert "không được chuyển cho chính cơ quan bị phản ánh" in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Report, receipt.report_id).unit.code == "thanh-tra-tinh"


def test_contact_details_behind_a_logged_click_and_a_redacted_copy(app, client, csrf_token, case, login_as):
    login_as(client, "cb.quangphu")
    page = client.get(f"/can-bo/bao-cao/{case.report_id}").get_data(as_text=True)
    assert "số 5 ngõ 3" not in page
    page = _post(client, csrf_token, case.report_id, "lien-he").get_data(as_text=True)
    assert "số 5 ngõ 3, phường Quảng Phú" in page
    with app.app_context():
        events = [e for e in db.session.get(Report, case.report_id).events if e.kind == "contact-viewed"]
        assert len(events) == 1 and events[0].actor_id is not None
    copy = client.get(f"/can-bo/bao-cao/{case.report_id}/ban-che").get_data(as_text=True)
    assert "0912345678" not in copy and "Hoàng Văn Em" not in copy
    assert "[đã che]" in copy and "hẹn lần hẹn lữa" in copy


def test_supervisor_reads_and_reroutes_but_does_not_work_the_case(app, client, csrf_token, case, make_user, login_as):
    make_user("giamsat", role="supervisor")
    login_as(client, "giamsat")
    assert client.get(f"/can-bo/bao-cao/{case.report_id}").status_code == 200
    token = csrf_token(client.get(f"/can-bo/bao-cao/{case.report_id}"))
    assert client.post(f"/can-bo/bao-cao/{case.report_id}/thu-ly", data={"csrf_token": token}).status_code == 403
    assert (
        client.post(
            f"/can-bo/bao-cao/{case.report_id}/ghi-chu", data={"csrf_token": token, "note-text": "x"}
        ).status_code
        == 403
    )
    page = _post(
        client, csrf_token, case.report_id, "chuyen", **{"rr-unit": "__triage__", "rr-reason": "Cần phân loại lại"}
    )
    assert "Đã chuyển đơn đến bộ phận phân loại." in page.get_data(as_text=True)


def test_extension_is_recorded_and_refused_past_the_limit(app, client, csrf_token, make_report, make_user, login_as):
    make_user("cb.ngoclac", unit="15061")
    receipt = make_report(
        text="Cán bộ một cửa UBND xã Ngọc Lặc đòi tiền bồi dưỡng 500 nghìn mới nhận hồ sơ khai sinh.",
        ward_code="15061",
        kind="to-cao",
        reporter_name="Lê Thị F",
        reporter_address="xã Ngọc Lặc",
    )
    with app.app_context():
        route_report(receipt.report_id)
        from triage.casework.actions import accept_report

        report = db.session.get(Report, receipt.report_id)
        accept_report(report, now=report.received_at + timedelta(days=1), services=app.extensions["services"])
        db.session.commit()
    login_as(client, "cb.ngoclac")
    extension = {"gh-stage": "resolution", "gh-reason": "Cần xác minh nhiều nơi", "gh-confirm": "y"}
    page = _post(client, csrf_token, receipt.report_id, "gia-han", **extension)
    assert "Chỉ gia hạn được vụ việc đã xác định là phức tạp" in page.get_data(as_text=True)
    page = _post(
        client,
        csrf_token,
        receipt.report_id,
        "muc-do",
        **{"pt-level": "especially_complex", "pt-reason": "Nhiều người liên quan ở hai xã"},
    )
    assert "Đã ghi quyết định về mức độ phức tạp" in page.get_data(as_text=True)
    for _ in range(2):
        page = _post(client, csrf_token, receipt.report_id, "gia-han", **extension)
        assert "Đã gia hạn và ban hành quyết định." in page.get_data(as_text=True)
    page = _post(client, csrf_token, receipt.report_id, "gia-han", **{**extension, "gh-reason": "Lần thứ ba"})
    assert "pháp luật không cho gia hạn thêm" in page.get_data(as_text=True)
    with app.app_context():
        report = db.session.get(Report, receipt.report_id)
        assert report.clock("resolution").extensions == 2
        kinds = db.session.scalars(select(Document.kind).where(Document.report_id == report.id)).all()
        assert kinds.count("quyet-dinh-gia-han") == 2


def test_a_note_sent_from_a_page_open_too_long_is_not_saved_and_its_text_comes_back(app, client, case, login_as):
    """A stale CSRF token on a step of the case file: nothing is done, the page says so, and the note typed is
    there to be copied back (not a claim that it was kept in a form that is not shown)."""
    login_as(client, "cb.quangphu")
    note = "Đã gọi điện cho bộ phận một cửa, hẹn làm việc sáng thứ Hai"
    response = client.post(
        f"/can-bo/bao-cao/{case.report_id}/ghi-chu",
        data={"csrf_token": "stale", "note-text": note},
        headers={"Origin": "http://localhost"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Thao tác chưa được thực hiện" in page and "Nội dung của bạn vẫn còn đây" not in page
    assert re.search(r"<textarea[^>]*readonly[^>]*>" + re.escape(note) + "</textarea>", page)
    assert "stale" not in page  # the token is not repeated
    with app.app_context():
        events = db.session.get(Report, case.report_id).events
        assert not [e for e in events if e.kind == "note"]
    forged = client.post(
        f"/can-bo/bao-cao/{case.report_id}/ghi-chu",
        data={"note-text": "Xin gọi số 0900000000 để xác thực tài khoản"},
        headers={"Origin": "https://evil.example"},
    )
    assert forged.status_code == 400 and "0900000000" not in forged.get_data(as_text=True)
    fetched = client.post(
        f"/can-bo/bao-cao/{case.report_id}/ghi-chu",
        data={"note-text": "Xin gọi số 0900000000 để xác thực tài khoản"},
        headers={"Sec-Fetch-Site": "cross-site", "Origin": "null"},
    )
    assert fetched.status_code == 400 and "0900000000" not in fetched.get_data(as_text=True)
