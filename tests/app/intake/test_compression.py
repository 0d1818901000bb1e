"""Responses are compressed when the client accepts it: public pages without a form, the API, CSS, JavaScript and
SVG (ETags and the CSP kept); never a page with a CSRF token or a staff page (BREACH), nor a document or image."""

import gzip
import json
from pathlib import Path

from procedure_support import accept, file_routed, post_as_reporter, run

from core.headers import CSP
from triage.casework import handling

GZIP = {"Accept-Encoding": "gzip"}
STATIC = Path(__file__).resolve().parents[3] / "intake" / "static"


def _gzipped(response) -> bytes:
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in response.headers["Vary"]
    return gzip.decompress(response.data)


def test_public_pages_and_the_api_are_compressed_with_their_headers_kept(client):
    page = client.get("/minh-bach", headers=GZIP)
    html = _gzipped(page).decode()
    assert 'class="brand"' in html and "Minh bạch" in html
    assert page.headers["Content-Security-Policy"] == CSP and page.headers["X-Frame-Options"] == "DENY"
    assert int(page.headers["Content-Length"]) == len(page.data) < len(html.encode())
    etag = page.headers["ETag"]
    assert etag.endswith(':gzip"')  # the compressed copy has its own validator, and it validates
    assert client.get("/minh-bach", headers={**GZIP, "If-None-Match": etag}).status_code == 304
    document = client.get("/api/openapi.json", headers=GZIP)
    assert json.loads(_gzipped(document))["openapi"].startswith("3.1")
    assert "Content-Encoding" not in client.get("/minh-bach").headers  # not asked for: not compressed


def test_static_text_is_compressed_as_it_streams_and_keeps_its_etag(client):
    for name in ("site.css", "app.js", "communes.json"):
        response = client.get(f"/static/{name}", headers=GZIP)
        assert _gzipped(response) == (STATIC / name).read_bytes()
        etag = response.headers["ETag"]
        assert etag.endswith(':gzip"')
        again = client.get(f"/static/{name}", headers={**GZIP, "If-None-Match": etag})
        assert again.status_code == 304 and again.data == b""
    part = client.get("/static/site.css", headers={**GZIP, "Range": "bytes=0-999"})
    assert part.status_code == 206 and "Content-Encoding" not in part.headers
    assert part.data == (STATIC / "site.css").read_bytes()[:1000]
    icon = client.get("/favicon.ico", headers=GZIP)
    assert icon.status_code == 200 and "Content-Encoding" not in icon.headers  # an image: left as it is


def test_pages_with_a_csrf_token_and_staff_pages_are_never_compressed(client, csrf_token):
    for path in ("/", "/tra-cuu", "/can-bo/dang-nhap"):
        response = client.get(path, headers=GZIP)
        assert response.status_code == 200 and "Content-Encoding" not in response.headers, path
        assert 'name="csrf_token"' in response.get_data(as_text=True)
    token = csrf_token(client.get("/tra-cuu"))
    refused = client.post(
        "/tra-cuu", data={"csrf_token": token, "code": "TH-AAAA-AAAA", "passphrase": "x"}, headers=GZIP
    )
    assert "Content-Encoding" not in refused.headers  # the code typed, reflected beside a token


def test_a_document_download_is_sent_as_it_is(make_app, make_report, make_user, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True)
    make_user("cb.quangphu", unit="16522")
    receipt = file_routed(app, make_report, kind="khieu-nai")
    accept(app, receipt.report_id)
    notice = run(app, receipt.report_id, handling.notify_acceptance, actor="cb.quangphu")
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_ENCODING"] = "gzip"
    response = post_as_reporter(client, csrf_token, receipt, "/tra-cuu/van-ban", document=str(notice))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "Content-Encoding" not in response.headers and response.data.startswith(b"%PDF")
