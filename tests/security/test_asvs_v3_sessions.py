"""ASVS V3 (session management), replayed through the real HTTP interface: a copied session cookie dies with the
sign-out, the cookie is Secure whenever the service is published over HTTPS, and no staff page may be cached."""

import pytest

CASE_WORDS = "Cán bộ địa chính xã hẹn lần hẹn lữa"


@pytest.fixture
def officer(make_user):
    return make_user("cb.phien", role="supervisor")


def _cookie(client) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def test_a_copied_session_cookie_stops_working_at_sign_out(app, officer, login_as, csrf_token):
    desk = app.test_client()
    login_as(desk, "cb.phien")
    copy = app.test_client()
    copy.set_cookie("session", _cookie(desk))
    assert copy.get("/can-bo/").status_code == 200  # the copy works while the session lives

    token = csrf_token(desk.get("/can-bo/"))
    assert desk.post("/can-bo/dang-xuat", data={"csrf_token": token}).status_code == 302

    answer = copy.get("/can-bo/")
    assert answer.status_code == 302 and "/can-bo/dang-nhap" in answer.headers["Location"]


def test_sign_out_ends_that_session_only_and_a_new_password_ends_them_all(app, officer, login_as, csrf_token):
    phone, desk = app.test_client(), app.test_client()
    login_as(phone, "cb.phien")
    login_as(desk, "cb.phien")
    copy = app.test_client()
    copy.set_cookie("session", _cookie(phone))
    token = csrf_token(desk.get("/can-bo/"))
    desk.post("/can-bo/dang-xuat", data={"csrf_token": token})
    assert desk.get("/can-bo/").status_code == 302
    assert phone.get("/can-bo/").status_code == 200 and copy.get("/can-bo/").status_code == 200  # its own session

    new_password = ["--password", "ca-phe-sua-da-77"]
    result = app.test_cli_runner().invoke(args=["users", "reset-password", "cb.phien", *new_password])
    assert result.exit_code == 0, result.output
    assert phone.get("/can-bo/").status_code == 302 and copy.get("/can-bo/").status_code == 302
    login_as(phone, "cb.phien", "ca-phe-sua-da-77")
    assert phone.get("/can-bo/").status_code == 200


def test_session_cookie_is_secure_when_the_public_address_is_https(make_app, officer, csrf_token):
    app = make_app(PUBLIC_BASE_URL="https://phananh.thanhhoa.gov.vn")
    assert app.config["SESSION_COOKIE_SECURE"] is True
    client = app.test_client()
    response = client.get("/can-bo/dang-nhap", base_url="https://phananh.thanhhoa.gov.vn")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    cookie = response.headers.get("Set-Cookie", "")
    assert "Secure" in cookie and "HttpOnly" in cookie


def test_staff_pages_are_never_cached(app, client, officer, login_as, make_report):
    make_report()
    login_as(client, "cb.phien")
    for path in ("/can-bo/", "/can-bo/tong-quan/", "/can-bo/dang-nhap"):
        response = client.get(path)
        assert response.status_code in (200, 302), path
        assert "no-store" in response.headers.get("Cache-Control", ""), path
    assert "no-store" not in client.get("/static/site.css").headers.get("Cache-Control", "")
