"""Property tests: whatever a user types — random Unicode, HTML/JS payloads, control characters, huge or
empty input — no page answers 500 and no payload comes back unescaped."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.extensions import db
from intake.submission import submit_report
from triage.routing.jobs import route_report

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "{{7*7}}",
    "{% raw %}",
    "\x00\x01\x1b[31m",
    "' OR 1=1 --",
    "</textarea><b>x</b>",
]
DANGEROUS = [p for p in PAYLOADS if "<" in p]

texts = st.one_of(
    st.text(max_size=300),
    st.builds(lambda a, p, b: a + p + b, st.text(max_size=40), st.sampled_from(PAYLOADS), st.text(max_size=40)),
    st.just(""),
    st.just(" " * 50),
    st.builds(lambda unit, p: (unit * 10_001)[:10_040] + p, st.text(min_size=1, max_size=3), st.sampled_from(PAYLOADS)),
)


@pytest.fixture
def app(make_app):
    """Limits out of the way: these tests send many requests from one client on purpose."""
    return make_app(
        SUBMIT_RATE_LIMIT="10000 per minute", STATUS_RATE_LIMIT="10000 per minute", STATUS_MAX_FAILURES=10_000
    )


SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def _unescaped(page: str) -> list[str]:
    return [p for p in DANGEROUS if p in page]


@SETTINGS
@given(text=texts, office=texts, name=st.text(max_size=250), phone=st.text(max_size=30), email=st.text(max_size=60))
def test_public_form_never_fails_and_never_reflects(client, csrf_token, text, office, name, phone, email):
    token = csrf_token(client.get("/"))
    response = client.post(
        "/",
        data={
            "csrf_token": token,
            "text": text,
            "office": office,
            "kind": "to-cao",
            "reporter_name": name,
            "reporter_phone": phone,
            "reporter_email": email,
            "ward": text[:5],
        },
    )
    assert response.status_code in (201, 400)
    assert _unescaped(response.get_data(as_text=True)) == []


@pytest.mark.slow
@SETTINGS
@given(code=texts, passphrase=texts)
def test_status_page_never_fails_and_never_reflects(client, csrf_token, code, passphrase):
    token = csrf_token(client.get("/tra-cuu"))
    response = client.post("/tra-cuu", data={"csrf_token": token, "code": code, "passphrase": passphrase})
    assert response.status_code in (400, 403)
    assert _unescaped(response.get_data(as_text=True)) == []


@pytest.mark.slow
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(payload=st.sampled_from(DANGEROUS), filler=st.text(min_size=20, max_size=200))
def test_staff_pages_escape_what_citizens_wrote(app, csrf_token, make_user, login_as, payload, filler):
    text = f"Cán bộ một cửa UBND phường Quảng Phú {payload} {filler}"
    with app.app_context():
        receipt = submit_report(
            db.session, text=text, kind="phan-anh", ward_code="16522", office=payload, reporter_name=payload
        )
        db.session.commit()
        route_report(receipt.report_id)
    staff = getattr(app, "escaping_staff_client", None)
    if staff is None:  # one sign-in for all examples (sign-in itself is rate limited)
        make_user("gs.escape", role="supervisor")
        staff = app.escaping_staff_client = app.test_client()
        login_as(staff, "gs.escape")
    for path in (
        f"/can-bo/bao-cao/{receipt.report_id}",
        f"/can-bo/bao-cao/{receipt.report_id}/ban-che",
        "/can-bo/?q=" + re.sub(r"[^\w ]", " ", filler)[:20],
        "/can-bo/",
    ):
        response = staff.get(path)
        assert response.status_code == 200, path
        assert _unescaped(response.get_data(as_text=True)) == [], path
    token = csrf_token(staff.get(f"/can-bo/bao-cao/{receipt.report_id}"))
    page = staff.post(f"/can-bo/bao-cao/{receipt.report_id}/lien-he", data={"csrf_token": token}).get_data(as_text=True)
    assert _unescaped(page) == []
