"""Every refusal or failure answers a Vietnamese page with the site's header and a way back (the home page, or the
queue under /can-bo/), through the real HTTP interface; the API paths keep their machine format."""

import io
import json
import xml.etree.ElementTree as ET

import pytest
from flask import abort
from PIL import Image
from werkzeug.datastructures import FileStorage

from core.extensions import db
from core.models import Attachment
from intake.attachments import store_for

REPORT = "Cán bộ một cửa UBND phường Quảng Phú gây khó dễ, bắt tôi đi lại nhiều lần mới nhận hồ sơ đất."
WERKZEUG_ENGLISH = (
    "Not Found",
    "Method Not Allowed",
    "Forbidden",
    "Internal Server Error",
    "Bad Request",
    "Request Entity Too Large",
    "Too Many Requests",
    "The requested URL",
    "Traceback",
)
HEADER = 'class="brand"'


def _page(response, status: int, *, staff: bool = False, form: bool = False, action: str = "/") -> str:
    assert response.status_code == status
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert HEADER in page and 'lang="vi"' in page  # the site's header
    assert not any(english in page for english in WERKZEUG_ENGLISH), page
    way_back = (
        '<a class="button" href="/can-bo/">Về hàng đợi hồ sơ</a>'
        if staff
        else ('<a class="button" href="/">Về trang chủ</a>')
    )
    assert (f'action="{action}"' in page) if form else (way_back in page)  # the citizen's form is its own way back
    return page


@pytest.fixture
def failing_app(make_app):
    """The app with views that refuse or fail on demand, under the citizens' side and the staff's prefix."""
    app = make_app(WTF_CSRF_ENABLED=True, PROPAGATE_EXCEPTIONS=False)

    def refuse(status: int):
        abort(status)

    def crash():
        raise RuntimeError("mật khẩu-bí-mật trong ngoại lệ")

    def crash_after_storing_a_photo():
        [photo] = store_for(app.config).accept([FileStorage(io.BytesIO(_jpeg()), "anh.jpg")]).accepted
        db.session.add(photo)  # pending: the failure comes before its row is written
        app.config["TEST_PHOTO"] = store_for(app.config).path(photo, clean=False)
        raise RuntimeError("hỏng sau khi lưu ảnh")

    for prefix in ("", "/can-bo"):
        app.add_url_rule(f"{prefix}/thu-loi/<int:status>", f"refuse{prefix}", refuse)
        app.add_url_rule(f"{prefix}/thu-hong", f"crash{prefix}", crash)
    app.add_url_rule("/thu-hong-sau-khi-luu", "crash_after_storing", crash_after_storing_a_photo)
    return app


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(out, format="JPEG")
    return out.getvalue()


@pytest.mark.parametrize(
    "status, words", [(400, "Yêu cầu không hợp lệ"), (403, "Không có quyền truy cập"), (404, "Không tìm thấy trang")]
)
@pytest.mark.parametrize("staff", [False, True])
def test_refusals_answer_a_vietnamese_page_with_a_way_back(failing_app, status, words, staff):
    prefix = "/can-bo" if staff else ""
    page = _page(failing_app.test_client().get(f"{prefix}/thu-loi/{status}"), status, staff=staff)
    assert words in page


def test_an_unknown_address_is_a_vietnamese_404(client):
    assert "Không tìm thấy trang" in _page(client.get("/khong-co-trang-nay"), 404)
    assert "Không tìm thấy trang" in _page(client.get("/can-bo/khong-co-trang-nay"), 404, staff=True)
    head = client.head("/khong-co-trang-nay")
    assert head.status_code == 404 and head.data == b""


def test_a_wrong_method_is_a_vietnamese_405_that_still_says_what_is_allowed(client):
    response = client.delete("/tra-cuu")
    assert "Thao tác không được hỗ trợ" in _page(response, 405)
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
    assert client.options("/tra-cuu").status_code == 200


def test_a_server_error_says_sorry_in_vietnamese_and_shows_nothing_of_the_exception(failing_app):
    for path, staff in (("/thu-hong", False), ("/can-bo/thu-hong", True)):
        page = _page(failing_app.test_client().get(path), 500, staff=staff)
        assert "Hệ thống gặp lỗi" in page
        assert "bí-mật" not in page and "RuntimeError" not in page


def test_a_server_error_keeps_no_file_of_a_row_never_committed(failing_app):
    _page(failing_app.test_client().get("/thu-hong-sau-khi-luu"), 500)
    photo = failing_app.config["TEST_PHOTO"]
    assert photo.parent.is_dir() and not photo.exists()  # written, then removed with its rolled-back row
    with failing_app.app_context():
        assert db.session.query(Attachment).count() == 0


def test_too_many_tries_is_a_vietnamese_429_with_a_way_back(make_app, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, STATUS_RATE_LIMIT="1 per minute")
    client = app.test_client()
    answers = []
    for _ in range(2):
        token = csrf_token(client.get("/tra-cuu"))
        answers.append(client.post("/tra-cuu", data={"csrf_token": token, "code": "TH-AAAA-AAAA", "passphrase": "x"}))
    assert answers[0].status_code == 403
    page = _page(answers[1], 429, form=True, action="/tra-cuu")  # the look-up form again, what was typed kept
    assert "thử quá nhiều lần" in page and 'value="TH-AAAA-AAAA"' in page
    assert answers[1].headers["Retry-After"] == "60"


def test_the_citizen_told_the_size_limit_of_an_upload_too_large(make_app, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, MAX_CONTENT_LENGTH=1024 * 1024)
    client = app.test_client()
    token = csrf_token(client.get("/"))
    big = (io.BytesIO(b"\xff\xd8\xff" + b"0" * (2 * 1024 * 1024)), "anh.jpg")
    response = client.post(
        "/",
        data={"csrf_token": token, "text": REPORT, "kind": "phan-anh", "attachments": big},
        content_type="multipart/form-data",
    )
    page = _page(response, 413, form=True)
    assert "vượt quá 1 MB" in page and "mỗi tệp 10 MB" in page
    assert REPORT in page and "xin chọn lại loại đơn" in page  # the text came before the files: it is kept


def test_the_honeypot_refusal_has_the_header_and_a_way_back(client, csrf_token):
    token = csrf_token(client.get("/"))
    response = client.post("/", data={"csrf_token": token, "text": REPORT, "kind": "phan-anh", "website": "x"})
    assert "Không gửi được đơn" in _page(response, 400)


@pytest.mark.parametrize("path", ["/open311/v2/khong-co.json", "/api/v1/khong-co", "/api/khong-co"])
def test_api_paths_answer_their_errors_as_json(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.mimetype == "application/json"
    [error] = json.loads(response.data)
    assert error["code"] == 404 and "Không tìm thấy" in error["description"]


def test_open311_xml_paths_answer_their_errors_as_xml(client):
    response = client.get("/open311/v2/khong-co.xml")
    assert response.status_code == 404 and response.mimetype == "text/xml"
    root = ET.fromstring(response.data)
    assert root.tag == "errors" and root.find("error/code").text == "404"


def test_an_api_path_with_a_wrong_method_answers_405_as_json(client):
    response = client.delete("/open311/v2/services.json")
    assert response.status_code == 405 and response.mimetype == "application/json"
    assert "GET" in response.headers["Allow"]


def test_the_favicon_is_served_and_linked(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.mimetype in ("image/vnd.microsoft.icon", "image/x-icon")
    assert icon.data[:4] == b"\x00\x00\x01\x00"  # an ICO file
    svg = client.get("/static/favicon.svg")
    assert svg.status_code == 200 and b"<svg" in svg.data
    page = client.get("/").get_data(as_text=True)
    assert '<link rel="icon" href="/favicon.ico"' in page and 'href="/static/favicon.svg" type="image/svg+xml"' in page
    assert client.head("/favicon.ico").status_code == 200
