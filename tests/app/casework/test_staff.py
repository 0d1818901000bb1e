"""Inspectors: accounts from the CLI, sign-in, their own unit's queue only."""

import re

from core.extensions import db
from core.models import Report, User
from tests_support import PASSWORD, sign_in
from triage.routing.jobs import route_report

QUANG_PHU = (
    "Cán bộ tư pháp UBND phường Quảng Phú hẹn lần hẹn lữa, nộp hồ sơ chứng thực từ đầu tháng "
    "mà ba tuần vẫn chưa trả, hỏi thì bảo chờ."
)
NGOC_LAC = (
    "Cán bộ địa chính xã Ngọc Lặc quát nạt, thái độ hách dịch với người dân khi tôi hỏi về hồ sơ "
    "đất của gia đình ở bộ phận một cửa xã."
)
CHAIRMAN = (
    "Phó chủ tịch UBND phường Quảng Phú đòi tôi đưa 20 triệu thì mới ký cho hồ sơ xin cấp phép "
    "xây dựng nhà ở, tôi tố cáo ông này nhận hối lộ."
)


def test_cli_creates_accounts_and_checks_units(app):
    runner = app.test_cli_runner()
    ok = runner.invoke(
        args=["users", "create", "tp.quangphu", "--unit", "16522", "--name", "Trần Thị C", "--password", PASSWORD]
    )
    assert ok.exit_code == 0, ok.output
    assert "UBND Phường Quảng Phú" in ok.output
    assert runner.invoke(args=["users", "create", "nobody", "--unit", "00000", "--password", PASSWORD]).exit_code != 0
    # an inspector belongs to a unit
    assert runner.invoke(args=["users", "create", "no-unit", "--password", PASSWORD]).exit_code != 0
    assert (
        runner.invoke(args=["users", "create", "tp.quangphu", "--unit", "16522", "--password", PASSWORD]).exit_code != 0
    )
    with app.app_context():
        user = db.session.query(User).filter_by(username="tp.quangphu").one()
        assert user.password_hash.startswith("$argon2") and "mat-khau" not in user.password_hash


def test_wrong_password_is_refused(app, client, csrf_token, make_user):
    make_user("tp.quangphu", unit="16522")
    response = sign_in(client, csrf_token, "tp.quangphu", "sai-mat-khau")
    assert response.status_code == 401
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.get_data(as_text=True)
    assert client.get("/can-bo/").status_code == 302  # still signed out


def test_inspector_sees_own_unit_only(app, client, make_report, make_user, login_as):
    make_user("tp.quangphu", unit="16522")
    mine = make_report(text=QUANG_PHU, ward_code="16522")
    theirs = make_report(text=NGOC_LAC, ward_code="15061")
    against_chairman = make_report(text=CHAIRMAN, ward_code="16522", kind="to-cao")
    with app.app_context():
        for receipt in (mine, theirs, against_chairman):
            route_report(receipt.report_id)
        units = {r.tracking_code: (r.unit.code if r.unit else None, r.escalate) for r in db.session.query(Report)}
    assert units[mine.tracking_code][0] == "16522"
    assert units[theirs.tracking_code][0] == "15061"
    assert units[against_chairman.tracking_code] == ("thanh-tra-tinh", True)

    login_as(client, "tp.quangphu")
    queue = client.get("/can-bo/").get_data(as_text=True)
    codes = set(re.findall(r"TH-[A-Z0-9]{4}-[A-Z0-9]{4}", queue))
    assert codes == {mine.tracking_code}
    assert "còn" in queue and "ngày làm việc" in queue

    case = client.get(f"/can-bo/bao-cao/{mine.report_id}")
    page = case.get_data(as_text=True)
    assert case.status_code == 200
    assert "hẹn lần hẹn lữa" in page
    assert 'id="label-agency">UBND xã/phường</dd>' in page
    assert re.search(r'id="why-agency">UBND xã/phường \(\d+%\)', page)  # how sure the classifier was
    assert "Hạn tiếp nhận, phân loại" in page  # the acceptance clock of the phản ánh track
    assert client.get(f"/can-bo/bao-cao/{theirs.report_id}").status_code == 404
    assert client.get(f"/can-bo/bao-cao/{against_chairman.report_id}").status_code == 404
    assert client.get("/can-bo/bao-cao/999999").status_code == 404


def test_staff_pages_need_sign_in(client):
    response = client.get("/can-bo/bao-cao/1")
    assert response.status_code == 302
    assert "/can-bo/dang-nhap" in response.headers["Location"]


def test_open_redirect_after_login_is_refused(app, client, make_user, login_as):
    make_user("tp.quangphu", unit="16522")
    response = login_as(client, "tp.quangphu", query_string={"next": "//evil.example/x"})
    assert response.headers["Location"] == "/can-bo/"
