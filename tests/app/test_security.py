"""Safe on the internet: headers, honeypot, rate limits, passphrase brute force, contact purge."""

import re
from datetime import timedelta

from redis import Redis
from sqlalchemy import select

from core.extensions import db
from core.models import Correction, Report

TEXT = "Cán bộ một cửa UBND phường Quảng Phú gây khó dễ, bắt tôi đi lại nhiều lần mới nhận hồ sơ."


def test_security_headers_on_every_kind_of_page(client):
    for path in ("/", "/tra-cuu", "/can-bo/dang-nhap", "/static/site.css"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "Strict-Transport-Security" not in headers  # plain HTTP here


def test_hsts_and_secure_cookies_behind_tls(make_app):
    app = make_app(PREFERRED_URL_SCHEME="https")
    response = app.test_client().get("/", base_url="https://phananh.thanhhoa.gov.vn")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    cookie = response.headers.get("Set-Cookie", "")
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_no_inline_script_in_pages(client):
    page = client.get("/").get_data(as_text=True)
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assert not re.search(r"<[^>]+\son\w+=", page)  # no inline event handlers either


def test_honeypot_filled_is_refused_and_nothing_stored(app, client, csrf_token):
    token = csrf_token(client.get("/"))
    response = client.post("/", data={"csrf_token": token, "text": TEXT, "kind": "phan-anh", "website": "http://spam"})
    assert response.status_code == 400
    with app.app_context():
        assert db.session.query(Report).count() == 0


def test_form_rate_limit_answers_429_in_vietnamese(make_app, csrf_token):
    app = make_app(SUBMIT_RATE_LIMIT="2 per minute")
    client = app.test_client()
    codes = []
    for _ in range(3):
        token = csrf_token(client.get("/"))
        codes.append(client.post("/", data={"csrf_token": token, "text": TEXT, "kind": "phan-anh"}))
    assert [r.status_code for r in codes] == [201, 201, 429]
    assert "thử quá nhiều lần" in codes[-1].get_data(as_text=True)
    other = app.test_client()
    token = csrf_token(other.get("/"))
    assert (
        other.post(
            "/",
            data={"csrf_token": token, "text": TEXT, "kind": "phan-anh"},
            environ_base={"REMOTE_ADDR": "198.51.100.4"},
        ).status_code
        == 201
    )


def test_passphrase_brute_force_hits_the_lock(make_app, make_report, csrf_token, redis_url):
    app = make_app(STATUS_MAX_FAILURES=3, STATUS_RATE_LIMIT="1000 per minute")
    receipt = make_report(text=TEXT)
    client = app.test_client()

    def attempt(passphrase, addr="192.0.2.1"):
        token = csrf_token(client.get("/tra-cuu"))
        return client.post(
            "/tra-cuu",
            data={"csrf_token": token, "code": receipt.tracking_code, "passphrase": passphrase},
            environ_base={"REMOTE_ADDR": addr},
        )

    assert [attempt(f"AAAA-AAAA-AAA{c}").status_code for c in "CDE"] == [403, 403, 403]
    locked = attempt(receipt.passphrase, addr="192.0.2.99")  # even the right one, from another address
    assert locked.status_code == 429
    assert "tạm khóa tra cứu" in locked.get_data(as_text=True)
    keys = [
        k.decode()
        for k in Redis.from_url(redis_url).scan_iter(match=f"{app.config['RATELIMIT_KEY_PREFIX']}:status-fail:*")
    ]
    assert keys and not any(receipt.tracking_code in k for k in keys)
    Redis.from_url(redis_url).delete(*keys)  # the lock expires on its own; here we lift it
    assert attempt(receipt.passphrase).status_code == 200


def test_contact_details_are_purged_after_retention(app, make_report):
    from triage.casework.jobs import purge_contacts

    closed = make_report(
        text=TEXT, reporter_name="Vũ Thị H", reporter_phone="0987000111", reporter_email="h@example.vn"
    )
    still_open = make_report(text=TEXT, reporter_name="Ngô Văn K")
    with app.app_context():
        report = db.session.get(Report, closed.report_id)
        report.status, report.closed_at = "closed", report.received_at + timedelta(days=10)
        # A retraining example written before examples were masked, with the reporter's name in its text.
        db.session.add(
            Correction(
                report_id=report.id,
                source="labels",
                text=TEXT + " Vũ Thị H, 0987000111.",
                agency="xa",
                category="khac",
                reason="Sửa nhãn",
            )
        )
        db.session.commit()
        late = (report.received_at + timedelta(days=10 + 366)).date().isoformat()
    result = app.test_cli_runner().invoke(args=["purge-contacts", "--today", late])
    assert "1 report(s) anonymised" in result.output
    with app.app_context():
        report = db.session.get(Report, closed.report_id)
        assert (report.reporter_name, report.reporter_phone, report.reporter_email) == (None, None, None)
        assert report.text == TEXT and report.events[-1].kind == "contact-purged"
        assert db.session.get(Report, still_open.report_id).reporter_name == "Ngô Văn K"
        assert purge_contacts(late) == 0
        text = db.session.scalar(select(Correction.text))
        assert "Vũ Thị H" not in text and "0987000111" not in text and text.startswith(TEXT)
