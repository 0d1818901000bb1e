"""The reporter's JSON status look-up: what the status page tells, the same lock per code after wrong passphrases
and the same per-client rate limit, counted with the page; JSON only, no CSRF token, never cached."""

from api_support import LAND_DELAY

from core.extensions import db
from core.models import Report
from tests_support import look_up
from triage.routing.jobs import route_report


def test_the_json_look_up_tells_what_the_page_tells(app, client, make_report):
    receipt = make_report(text=LAND_DELAY, ward_code="16522")
    with app.app_context():
        assert route_report(receipt.report_id) == "routed"
        report = db.session.get(Report, receipt.report_id)
        unit, category = report.unit.name, report.category
        due = report.clocks[0].due_on.isoformat()
        report.record("note", text="Ghi chú nội bộ: đã gọi điện cho cán bộ một cửa")
        report.record("information-requested", public=True, question="Xin cho biết ngày nộp hồ sơ?")
        db.session.commit()

    response = client.post("/api/v1/tra-cuu", json={"code": receipt.tracking_code, "passphrase": receipt.passphrase})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    status = response.get_json()
    assert (status["code"], status["status"], status["agency_responsible"]) == (receipt.tracking_code, "routed", unit)
    assert status["meaning"].startswith(f"Đơn đã đến {unit}")
    assert status["question"] == "Xin cho biết ngày nộp hồ sơ?"
    assert [e["title"] for e in status["timeline"]][0] == "Đã tiếp nhận đơn"
    assert any(e["title"] == "Cơ quan đề nghị bổ sung thông tin" for e in status["timeline"])
    (deadline,) = status["deadlines"]
    assert deadline["due_on"] == due and deadline["label"]
    assert status["documents"] == [] and status["answer"] is None
    body = response.get_data(as_text=True)
    assert "Ghi chú nội bộ" not in body and category not in body and "confidence" not in body

    for bad, message in (
        ({"data": "code=TH-AAAA-AAAA", "content_type": "application/x-www-form-urlencoded"}, "đối tượng JSON"),
        ({"data": "{code:", "content_type": "application/json"}, "đối tượng JSON"),
        ({"json": {"code": receipt.tracking_code}}, "passphrase"),
    ):
        refused = client.post("/api/v1/tra-cuu", **bad)
        assert refused.status_code == 400 and message in refused.get_json()[0]["description"]


def test_wrong_passphrases_lock_the_code_on_the_api_and_the_page(make_app, make_report, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, STATUS_MAX_FAILURES=3, STATUS_RATE_LIMIT="100 per minute")
    client = app.test_client()
    receipt = make_report()
    for _ in range(3):
        wrong = client.post("/api/v1/tra-cuu", json={"code": receipt.tracking_code, "passphrase": "AAAA-AAAA-AAAA"})
        assert wrong.status_code == 403
        assert wrong.get_json()[0]["description"].startswith("Mã theo dõi hoặc mật mã tra cứu không đúng")
    locked = client.post("/api/v1/tra-cuu", json={"code": receipt.tracking_code, "passphrase": receipt.passphrase})
    assert locked.status_code == 429 and "tạm khóa" in locked.get_json()[0]["description"]
    assert look_up(client, csrf_token, receipt.tracking_code, receipt.passphrase).status_code == 429


def test_the_json_look_up_counts_with_the_status_page(make_app, make_report, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, STATUS_RATE_LIMIT="3 per minute")
    client = app.test_client()
    receipt = make_report()
    for _ in range(2):
        assert look_up(client, csrf_token, receipt.tracking_code, receipt.passphrase).status_code == 200
    query = {"code": receipt.tracking_code, "passphrase": receipt.passphrase}
    assert client.post("/api/v1/tra-cuu", json=query).status_code == 200
    limited = client.post("/api/v1/tra-cuu", json=query)
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "60"
    assert limited.get_json()[0]["code"] == 429 and "quá nhiều lần" in limited.get_json()[0]["description"]
