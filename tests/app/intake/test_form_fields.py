"""The report form on a phone, over HTTP: the keyboard each field asks for, the minimum length said before the
error, the box of errors linking each field, the contact details' uses and the choice of no notices."""

import re

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import Report

GOOD_TEXT = "Cán bộ một cửa xã Ngọc Lặc đòi 2 triệu tiền bồi dưỡng mới nhận hồ sơ đất của tôi."


def _tag(page: str, element_id: str) -> str:
    """The opening tag of the element with this id."""
    return re.search(rf'<[a-z]+\b[^>]*\bid="{element_id}"[^>]*>', page).group(0)


def _post(client, csrf_token, **data):
    token = csrf_token(client.get("/"))
    return client.post("/", data={"csrf_token": token, "kind": "phan-anh", **data})


def _stored(app) -> list[Report]:
    with app.app_context():
        return list(db.session.scalars(select(Report)))


def test_fields_ask_for_the_right_keyboard_and_say_the_minimum_first(client, app):
    page = client.get("/").get_data(as_text=True)
    phone = _tag(page, "reporter_phone")
    assert 'type="tel"' in phone and 'inputmode="tel"' in phone and 'autocomplete="tel"' in phone
    assert 'autocomplete="name"' in _tag(page, "reporter_name")
    assert 'autocomplete="street-address"' in _tag(page, "reporter_address")
    assert 'type="email"' in _tag(page, "reporter_email") and 'autocomplete="email"' in _tag(page, "reporter_email")
    minimum = app.config["REPORT_TEXT_MIN"]
    hint = re.search(r'<p class="hint" id="text-hint">([^<]+)</p>', page).group(1)
    assert f"ít nhất {minimum} ký tự" in hint
    assert page.index('id="text-hint"') < page.index("<textarea") and 'aria-describedby="text-hint"' in page
    # The form's default button is disabled, so Enter in a field sends nothing even without JavaScript.
    form = page[page.index("<form") :]
    first_submit = re.search(r'<(input|button)[^>]*type="submit"[^>]*>', form).group(0)
    assert first_submit.startswith("<input") and "disabled" in first_submit
    assert '<button type="submit" class="primary">Gửi phản ánh</button>' in form


def test_the_form_says_what_contact_details_are_for(client):
    page = client.get("/").get_data(as_text=True)
    uses = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page[page.index('id="contact-uses"') :]))
    assert "báo cho bạn từng bước giải quyết đơn qua thư điện tử hoặc tin nhắn" in uses
    assert "cán bộ giải quyết hỏi thêm thông tin" in uses
    assert "không bao giờ được cho người bị phản ánh biết" in uses
    assert "Không gửi thông báo cho tôi qua thư điện tử/tin nhắn" in uses
    assert 'type="checkbox"' in _tag(page, "no_notices")


def test_without_javascript_the_list_of_communes_is_the_field(client):
    page = client.get("/").get_data(as_text=True)
    assert re.findall(r'<label for="ward"[^>]*>([^<]+)</label>', page) == ["Xã/phường nơi xảy ra (nếu biết)"]
    picker = page[page.index('<div class="picker" hidden>') : page.index('<select id="ward" name="ward"')]
    assert 'id="ward-search"' in picker and 'role="combobox"' in picker  # hidden until app.js has the names


@pytest.mark.parametrize("opt_out", [True, False], ids=["opted-out", "told"])
def test_the_reporters_choice_of_notices_is_stored(client, csrf_token, app, opt_out):
    extra = {"no_notices": "y"} if opt_out else {}
    response = _post(client, csrf_token, text=GOOD_TEXT, reporter_email="an@example.vn", **extra)
    assert response.status_code == 201
    (report,) = _stored(app)
    assert report.notify_reporter is (not opt_out)
    assert report.reporter_email == "an@example.vn"


def test_a_failed_sending_lists_each_field_in_a_box_that_takes_the_focus(client, csrf_token, app):
    response = _post(client, csrf_token, text="quá ngắn", reporter_phone="12345", occurred_on="2024-13-45")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    summary = _tag(page, "error-summary")
    assert 'tabindex="-1"' in summary and "autofocus" in summary
    box = page[page.index('id="error-summary"') : page.index("<form")]
    links = dict(re.findall(r'<a href="#([^"]+)">([^<]+)</a>', box))
    assert set(links) == {"text", "occurred_on", "reporter_phone"}
    assert links["text"].startswith("Điều gì đã xảy ra?: Nội dung quá ngắn (8 ký tự)")
    assert "Số điện thoại chưa đúng" in links["reporter_phone"]
    assert links["occurred_on"] == "Ngày xảy ra (nếu nhớ): Ngày chưa đúng. Xin chọn lại ngày, ví dụ 15/03/2025."
    for field in ("text", "reporter_phone", "occurred_on"):
        tag = _tag(page, field)
        assert 'aria-invalid="true"' in tag
        assert f"{field}-error" in re.search(r'aria-describedby="([^"]+)"', tag).group(1).split()
        assert re.search(rf'<div id="{field}-error"><p class="error">[^<]+</p></div>', page)
    assert "aria-invalid" not in _tag(page, "reporter_name")
    assert _stored(app) == []


@pytest.mark.parametrize(
    "ward", ["99999", "14806", "16522 ", "<b>16522</b>"], ids=["unknown", "old-code", "space", "markup"]
)
def test_only_a_current_commune_code_is_accepted(client, csrf_token, app, ward):
    response = _post(client, csrf_token, text=GOOD_TEXT, ward=ward)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'href="#ward"' in page and "Không tìm thấy xã/phường này" in page
    assert 'aria-invalid="true"' in _tag(page, "ward") and 'aria-invalid="true"' in _tag(page, "ward-search")
    assert _stored(app) == []


def test_the_chosen_commune_is_stored_and_the_picker_data_served(client, csrf_token, app):
    page = client.get("/").get_data(as_text=True)
    url = re.search(r'data-communes="([^"]+)"', page).group(1)
    data = client.get(url).get_json()
    assert ["16522", "Phường Quảng Phú"] in data["communes"]
    assert _post(client, csrf_token, text=GOOD_TEXT, ward="16522").status_code == 201
    assert [r.ward_code_given for r in _stored(app)] == ["16522"]
