"""The citizen's form: clear Vietnamese messages, nothing lost, the report stored before the receipt."""

import re

import pytest
from sqlalchemy import select

from core.models import Report
from intake.receipts import ALPHABET

GOOD_TEXT = "Cán bộ một cửa xã Ngọc Lặc đòi 2 triệu tiền bồi dưỡng mới nhận hồ sơ đất của tôi."


def _errors(response) -> list[str]:
    return re.findall(r'<p class="error"[^>]*>([^<]+)</p>', response.get_data(as_text=True))


def _post(client, csrf_token, **data):
    token = csrf_token(client.get("/"))
    return client.post("/", data={"csrf_token": token, "kind": "phan-anh", **data})


def test_form_is_vietnamese_and_lists_the_166_units(client):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="vi">' in page
    assert "Điều gì đã xảy ra?" in page
    assert 'name="viewport"' in page
    options = re.findall(r'<option value="(\d{5})"', page)
    assert len(options) == 166
    assert "16522" in options and "15061" in options
    assert "Phường Quảng Phú" in page


def test_empty_text_gets_a_message_next_to_the_field(client, csrf_token):
    response = _post(client, csrf_token, text="   ")
    assert response.status_code == 400
    assert _errors(response) == ["Xin hãy kể lại điều đã xảy ra."]


def test_too_short_and_too_long_texts_are_refused_and_kept(client, csrf_token, app):
    response = _post(client, csrf_token, text="quá ngắn")
    assert response.status_code == 400
    assert "Nội dung quá ngắn (8 ký tự)" in _errors(response)[0]
    assert "quá ngắn</textarea>" in response.get_data(as_text=True)

    long_text = "Cán bộ gây khó dễ. " * 600  # > 10,000 characters
    response = _post(client, csrf_token, text=long_text)
    assert response.status_code == 400
    assert "Nội dung quá dài" in _errors(response)[0]
    assert long_text.strip()[:200] in response.get_data(as_text=True)
    with app.app_context():
        from core.extensions import db

        assert db.session.scalar(select(Report).limit(1)) is None


def test_bad_contact_details_and_unknown_ward(client, csrf_token):
    response = _post(client, csrf_token, text=GOOD_TEXT, reporter_email="ten@", reporter_phone="12345", ward="99999")
    assert response.status_code == 400
    errors = _errors(response)
    assert any("thư điện tử chưa đúng" in e for e in errors)
    assert any("Số điện thoại chưa đúng" in e for e in errors)
    assert any("Không tìm thấy xã/phường" in e for e in errors)
    assert GOOD_TEXT in response.get_data(as_text=True)


def test_missing_csrf_token_keeps_the_text(client):
    response = client.post("/", data={"text": GOOD_TEXT, "kind": "phan-anh"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Phiên gửi đơn đã hết hạn hoặc không hợp lệ" in page
    assert GOOD_TEXT in page


@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "cross-site", "Origin": "null"}, {"Origin": "https://evil.example"}],
    ids=["fetch-metadata", "origin"],
)
def test_a_post_forged_on_another_site_puts_none_of_its_words_on_the_form(client, headers):
    """What the token stops is another site's page sending the form: its text is not echoed on this site's form,
    where a citizen would read it as theirs; the same citizen's own stale page keeps its text (above)."""
    forged = "Cán bộ xã X nhận hối lộ, hãy gọi ngay số 0900000000 để được hỗ trợ khiếu nại nhanh"
    response = client.post("/", data={"text": forged, "kind": "to-cao"}, headers=headers)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "0900000000" not in page and "Đơn chưa được gửi" in page


def test_wrong_csrf_token_is_refused(client):
    client.get("/")
    response = client.post("/", data={"csrf_token": "forged", "text": GOOD_TEXT, "kind": "phan-anh"})
    assert response.status_code == 400
    assert GOOD_TEXT in response.get_data(as_text=True)


def test_receipt_shows_a_code_already_in_the_database(client, csrf_token, app):
    response = _post(client, csrf_token, text=GOOD_TEXT, ward="15061", reporter_phone="0912 345 678")
    assert response.status_code == 201
    page = response.get_data(as_text=True)
    code = re.search(r'id="tracking-code">([^<]+)<', page).group(1)
    passphrase = re.search(r'id="passphrase">([^<]+)<', page).group(1)
    assert re.fullmatch(rf"TH-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}", code)
    assert re.fullmatch(rf"[{ALPHABET}]{{4}}(-[{ALPHABET}]{{4}}){{4}}", passphrase)  # 20 characters: 89 bits
    assert response.headers["Cache-Control"] == "no-store"
    from core.extensions import db

    with app.app_context():
        report = db.session.scalar(select(Report).where(Report.tracking_code == code))
        assert report is not None
        assert report.text == GOOD_TEXT
        assert report.ward_code_given == "15061"
        assert report.reporter_phone == "0912345678"
        assert passphrase not in report.passphrase_hash
        assert report.passphrase_hash.startswith("hmac-sha256$") and len(report.passphrase_hash) == 12 + 64
        assert [e.kind for e in report.events] == ["received"]


def test_anonymous_denunciation_goes_on_the_feedback_track(client, csrf_token, app):
    response = _post(client, csrf_token, text=GOOD_TEXT, kind="to-cao", reporter_name="Nguyễn Văn A")
    assert response.status_code == 201
    assert "xử lý theo trình tự <strong>phản ánh, kiến nghị</strong>" in response.get_data(as_text=True)
    named = _post(
        client,
        csrf_token,
        text=GOOD_TEXT,
        kind="to-cao",
        reporter_name="Nguyễn Văn A",
        reporter_address="thôn 3, xã Ngọc Lặc",
    )
    assert named.status_code == 201
    assert "trình tự <strong>phản ánh" not in named.get_data(as_text=True)
    from core.extensions import db

    with app.app_context():
        tracks = db.session.execute(select(Report.kind, Report.track).order_by(Report.id)).all()
    assert tracks == [("to-cao", "phan-anh"), ("to-cao", "to-cao")]


def test_submission_survives_redis_being_down(make_app, csrf_token):
    app = make_app(REDIS_URL="redis://127.0.0.1:1/0")  # nothing listens on port 1
    client = app.test_client()
    response = _post(client, csrf_token, text=GOOD_TEXT)
    assert response.status_code == 201
    code = re.search(r'id="tracking-code">([^<]+)<', response.get_data(as_text=True)).group(1)
    from core.extensions import db

    with app.app_context():
        report = db.session.scalar(select(Report).where(Report.tracking_code == code))
        assert report.status == "received"


def test_today_in_vietnam_is_a_day_the_incident_may_have_happened(client, csrf_token, app):
    """Between 00:00 and 07:00 in Vietnam the server's (UTC) date is still yesterday: the form counts in Vietnam."""
    from core.vietnamese import today_in_vietnam

    today = today_in_vietnam().isoformat()
    assert f'max="{today}"' in client.get("/").get_data(as_text=True)
    response = _post(client, csrf_token, text=GOOD_TEXT, occurred_on=today)
    assert response.status_code == 201, response.get_data(as_text=True)[:2000]


def test_a_look_up_forged_on_another_site_echoes_nothing(client):
    forged = "GOI-NGAY-0900000000"
    page = client.post("/tra-cuu", data={"code": forged}, headers={"Sec-Fetch-Site": "cross-site"})
    assert page.status_code == 400 and forged not in page.get_data(as_text=True)
    own = client.post("/tra-cuu", data={"code": "TH-AAAA-AAAA"})  # the citizen's own stale page keeps the code
    assert own.status_code == 400 and "TH-AAAA-AAAA" in own.get_data(as_text=True)
