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
