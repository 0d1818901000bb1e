"""ASVS V5 (validation) and V14 (errors), replayed through HTTP: no open redirect after sign-in, and malformed staff
input answers a clear 4xx, never a server error."""

import pytest

from tests_support import PASSWORD

EVIL = ("/%09/evil.example/", "/%0A/evil.example/", "/%0D%0A/evil.example/", "//evil.example/", "/\\evil.example/")


@pytest.fixture
def boss(make_user):
    return make_user("cb.sep", role="supervisor")


@pytest.mark.parametrize("target", EVIL)
def test_sign_in_never_redirects_off_site(app, boss, csrf_token, target):
    client = app.test_client()
    token = csrf_token(client.get("/can-bo/dang-nhap"))
    response = client.post(
        f"/can-bo/dang-nhap?next={target}", data={"csrf_token": token, "username": "cb.sep", "password": PASSWORD}
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert "evil" not in location and not location.startswith("//")


def test_sign_in_keeps_a_local_next(app, boss, csrf_token):
    client = app.test_client()
    token = csrf_token(client.get("/can-bo/dang-nhap"))
    response = client.post(
        "/can-bo/dang-nhap?next=/can-bo/tong-quan/%3Fperiod%3Dyear",
        data={"csrf_token": token, "username": "cb.sep", "password": PASSWORD},
    )
    assert response.headers["Location"] == "/can-bo/tong-quan/?period=year"


MALFORMED = (
    "/can-bo/tong-quan/?period=custom&start=0001-01-01&end=9999-12-31",
    "/can-bo/tong-quan/?period=year&ref=99999",
    "/can-bo/tong-quan/?period=month&ref=0000-00",
    "/can-bo/tong-quan/don?figure=received&period=custom&start=0001-01-01&end=9999-12-31",
    "/can-bo/tong-quan/don?figure=received&period=year&ref=99999",
    "/can-bo/tong-quan/diem-nong?period=custom&start=0001-01-01&end=9999-12-31",
    "/can-bo/tong-quan/can-bo?period=year&ref=99999",
    "/can-bo/bao-cao/99999999999999999999999",
    "/can-bo/bao-cao/18446744073709551617/in",
    "/can-bo/van-ban/99999999999999999999",
)


@pytest.mark.parametrize("path", MALFORMED)
def test_malformed_staff_input_is_never_a_server_error(app, boss, login_as, path):
    client = app.test_client()
    login_as(client, "cb.sep")
    response = client.get(path)
    assert response.status_code < 500, (path, response.status_code)


def test_ids_past_64_bits_in_forms_are_refused_cleanly(app, boss, login_as, csrf_token, make_report):
    receipt = make_report()
    client = app.test_client()
    login_as(client, "cb.sep")
    token = csrf_token(client.get(f"/can-bo/bao-cao/{receipt.report_id}"))
    huge = str(2**70)
    for path, data in (
        ("/can-bo/hang-loat", {"bulk-ids": huge, "bulk-action": "assign", "bulk-assignee": huge}),
        (f"/can-bo/bao-cao/{receipt.report_id}/giao", {"assignee": huge}),
        (f"/can-bo/bao-cao/{receipt.report_id}/chuyen", {"unit": huge, "reason": "thử"}),
    ):
        response = client.post(path, data={"csrf_token": token, **data})
        assert response.status_code < 500, (path, response.status_code)


REPORT = "Cán bộ một cửa UBND phường Quảng Phú gây khó dễ, bắt tôi đi lại nhiều lần mới nhận hồ sơ đất."


def test_a_rate_limited_citizen_keeps_the_text_they_wrote(make_app, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, SUBMIT_RATE_LIMIT="1 per minute")
    client = app.test_client()
    for expected in (201, 429):
        token = csrf_token(client.get("/"))
        answer = client.post("/", data={"csrf_token": token, "text": REPORT, "kind": "phan-anh"})
        assert answer.status_code == expected
    page = answer.get_data(as_text=True)
    assert answer.headers["Retry-After"] == "60" and "thử quá nhiều lần" in page
    assert REPORT in page and 'name="text"' in page  # the form, filled in again


def test_the_receipt_links_to_the_public_address_whatever_the_host_header(make_app, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, PUBLIC_BASE_URL="https://phananh.thanhhoa.gov.vn")
    client = app.test_client()
    token = csrf_token(client.get("/", base_url="http://evil.example"))
    answer = client.post(
        "/", data={"csrf_token": token, "text": REPORT, "kind": "phan-anh"}, base_url="http://evil.example"
    )
    page = answer.get_data(as_text=True)
    assert answer.status_code == 201
    assert "evil.example" not in page and "https%3A//phananh.thanhhoa.gov.vn/tra-cuu" in page
