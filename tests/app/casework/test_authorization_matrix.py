"""Every route of the app, walked by every role (and anonymous): who gets in and who is turned away.

Reports: A (commune 16522, with an attachment), B (commune 15061), and E (an escalated report accusing the
head of commune 16522, handled by the provincial inspectorate). "Denied" means 404 (or 403 for a role that
may see the report but not act on it); anonymous visitors are sent to sign in.
"""

import io

import pytest
from PIL import Image
from sqlalchemy import select

from core.extensions import db
from core.models import Notification, PeriodicReport, Report, Unit, utcnow
from core.vocabulary import DocumentKind
from triage.documents.issue import attach_signed_scan, issue_document
from triage.routing.jobs import route_report

ROLES = ("anonymous", "inspector_a", "leader_a", "inspector_b", "triage", "supervisor", "admin")
STAFF = set(ROLES) - {"anonymous"}
EVERYONE = set(ROLES)
A_HANDLERS = {"inspector_a", "leader_a", "admin"}  # the unit's own inspectors and leader (and admins) work the case
A_READERS = {"inspector_a", "leader_a", "supervisor", "admin"}
A_LEADER = {"leader_a"}  # only the unit's leader signs its results off
SUPERVISORS = {"supervisor", "admin"}
ENTRY_DESK = {"inspector_a", "leader_a", "inspector_b", "triage"}  # a unit's staff and the reception desk enter đơn

# (method, endpoint) -> roles let through. A route missing from this table fails the test: a new route
# must say who may use it.
MATRIX = {
    ("GET", "public.report_form"): EVERYONE,
    ("POST", "public.submit"): EVERYONE,
    ("GET", "public.status"): EVERYONE,
    ("POST", "public.status"): EVERYONE,
    ("POST", "public.reply"): EVERYONE,
    ("POST", "public.withdraw"): EVERYONE,
    ("POST", "public.second_instance"): EVERYONE,
    ("POST", "public.document"): EVERYONE,
    # The API (intake/api): Open311's services for everyone, a key's đơn only with that key (none here: 403 to all),
    # the reporter's JSON look-up and the OpenAPI document for everyone.
    ("GET", "open311.discovery"): EVERYONE,
    ("GET", "open311.services"): EVERYONE,
    ("GET", "open311.service_definition"): EVERYONE,
    ("POST", "open311.create_request"): set(),
    ("GET", "open311.list_requests"): set(),
    ("GET", "open311.get_request"): set(),
    ("GET", "open311.get_token"): set(),
    ("POST", "api_status.lookup"): EVERYONE,
    ("GET", "api_docs.openapi"): EVERYONE,
    ("GET", "transparency.page"): EVERYONE,
    # Operations: probes for everyone; /metrics for the allowed addresses (the test client is loopback).
    ("GET", "health.healthz"): EVERYONE,
    ("GET", "health.readyz"): EVERYONE,
    ("GET", "metrics.metrics"): EVERYONE,
    ("GET", "static"): EVERYONE,
    ("GET", "favicon"): EVERYONE,
    ("GET", "auth.login"): EVERYONE,
    ("POST", "auth.login"): EVERYONE,
    ("POST", "auth.logout"): STAFF,
    ("GET", "staff.queue"): STAFF,
    ("POST", "staff.bulk"): STAFF,
    ("GET", "exports.queue_csv"): STAFF,
    ("GET", "cases.view"): A_READERS,
    ("GET", "cases.redacted"): A_READERS,
    ("GET", "cases.attachment"): A_READERS,
    ("POST", "cases.contact"): A_READERS,
    ("POST", "cases.save_sixclear"): A_READERS,
    ("POST", "cases.reroute"): A_READERS,
    ("POST", "cases.correct"): A_READERS,
    ("POST", "cases.escalate"): A_READERS,
    ("POST", "cases.clear_escalation"): A_READERS,
    ("POST", "cases.accept"): A_HANDLERS,
    ("POST", "cases.ask"): A_HANDLERS,
    ("POST", "cases.note"): A_HANDLERS,
    ("POST", "cases.findings"): A_HANDLERS,
    ("POST", "cases.close"): A_HANDLERS,
    ("POST", "cases.notify_acceptance"): A_HANDLERS,
    ("POST", "linking.link"): A_HANDLERS,
    ("POST", "linking.unlink"): A_HANDLERS,
    **{
        ("POST", f"procedure.{name}"): A_HANDLERS
        for name in (
            "refuse",
            "guide",
            "transfer",
            "archive",
            "return",
            "suspend",
            "resume",
            "terminate",
            "withdraw",
            "pursue",
            "complexity",
            "track",
            "extend",
            "submit",
        )
    },
    ("POST", "procedure.approve"): A_LEADER,
    ("POST", "procedure.reopen"): A_LEADER,
    ("POST", "procedure.revise"): A_LEADER,
    ("POST", "procedure.second"): A_HANDLERS | {"supervisor"},
    ("GET", "documents.pdf"): A_READERS,
    ("GET", "documents.scan"): A_READERS,
    ("POST", "documents.upload_scan"): A_HANDLERS,
    ("GET", "entry.form"): ENTRY_DESK,
    ("POST", "entry.submit"): ENTRY_DESK,
    ("GET", "supervision.notifications"): SUPERVISORS,
    ("POST", "supervision.retry"): SUPERVISORS,
    ("GET", "dashboard.index"): SUPERVISORS | {"inspector_a", "leader_a", "inspector_b"},
    ("GET", "dashboard.hotspots"): SUPERVISORS | {"inspector_a", "leader_a", "inspector_b"},
    ("GET", "dashboard.officers"): SUPERVISORS | {"inspector_a", "leader_a", "inspector_b"},
    ("GET", "dashboard.reports"): SUPERVISORS | {"inspector_a", "leader_a", "inspector_b"},
    **{
        (m, f"reports.{e}"): SUPERVISORS
        for m, e in (
            ("GET", "index"),
            ("GET", "download"),
            ("GET", "printable"),
            ("GET", "kpi"),
            ("GET", "kpi_csv"),
            ("GET", "kpi_xlsx"),
            ("POST", "build"),
        )
    },
    **{
        (m, f"admin.{e}"): {"admin"}
        for m, e in (
            ("GET", "index"),
            ("GET", "policy"),
            ("GET", "units"),
            ("GET", "unit_edit"),
            ("POST", "unit_edit"),
            ("GET", "calendar"),
            ("POST", "calendar"),
            ("GET", "users"),
            ("GET", "user_edit"),
            ("POST", "user_edit"),
            ("POST", "user_active"),
            ("POST", "user_password"),
            ("POST", "user_unlock"),
            ("GET", "user_new"),
            ("POST", "user_new"),
        )
    },
    ("GET", "admin_queues.index"): {"admin"},
    ("POST", "admin_queues.retry"): {"admin"},
    ("POST", "admin_queues.retry_all"): {"admin"},
}
REPORTER_POSTS = ("public.reply", "public.withdraw", "public.second_instance", "public.document")
API_VALUES = {"response_format": "json", "service_code": "cham-tre", "service_request_id": "TH-AAAA-AAAA"}
API_VALUES["token"] = API_VALUES["service_request_id"]
QUERY = {"dashboard.reports": "?figure=received&start=2026-01-01&end=2026-12-31"}  # which figure, which period
TEXT_A = "Cán bộ địa chính UBND phường Quảng Phú hẹn lần hẹn lữa, hồ sơ tách thửa ba tháng chưa trả."
TEXT_B = "Cán bộ một cửa UBND xã Ngọc Lặc đòi 500 nghìn tiền bồi dưỡng mới nhận hồ sơ khai sinh."
TEXT_E = "Ông chủ tịch UBND phường Quảng Phú đòi 20 triệu mới ký hồ sơ xây nhà, tôi tố cáo ông chủ tịch phường."


@pytest.fixture
def world(make_app, csrf_token, make_user, login_as):
    app = make_app(
        LOGIN_RATE_LIMIT="100000 per minute",
        SUBMIT_RATE_LIMIT="100000 per minute",
        STATUS_RATE_LIMIT="100000 per minute",
    )
    make_user("inspector_a", unit="16522")
    make_user("leader_a", role="leader", unit="16522")
    make_user("inspector_b", unit="15061")
    make_user("triage", role="triage")
    make_user("supervisor", role="supervisor")
    make_user("admin", role="admin")
    bystander = make_user("bystander", unit="16522")
    photo = io.BytesIO()
    Image.new("RGB", (8, 8)).save(photo, format="JPEG")
    client = app.test_client()
    token = csrf_token(client.get("/"))
    client.post(
        "/",
        data={
            "csrf_token": token,
            "text": TEXT_A,
            "kind": "phan-anh",
            "ward": "16522",
            "attachments": [(io.BytesIO(photo.getvalue()), "a.jpg")],
        },
        content_type="multipart/form-data",
    )
    from intake.submission import submit_report

    with app.app_context():
        a = db.session.scalar(select(Report.id))
        receipt_b = submit_report(db.session, text=TEXT_B, kind="phan-anh", ward_code="15061")
        b = receipt_b.report_id
        e = submit_report(db.session, text=TEXT_E, kind="to-cao", ward_code="16522").report_id
        db.session.commit()
        for report_id in (a, b, e):
            route_report(report_id)
        report_a = db.session.get(Report, a)
        assert report_a.unit.ward_code == "16522" and db.session.get(Report, e).accused_unit.ward_code == "16522"
        ids = {
            "report_id": a,
            "attachment_id": report_a.attachments[0].id,
            "unit_id": db.session.scalar(select(Unit.id).where(Unit.code == "16522")),
            "user_id": bystander.id,
        }
        db.session.add(
            Notification(
                report_id=a,
                event_key="x",
                recipient="a@b.vn",
                recipient_role="unit",
                subject="s",
                body="b",
                status="dead",
            )
        )
        db.session.commit()
        ids["notification_id"] = db.session.scalar(select(Notification.id))
        document = issue_document(
            db.session,
            report_a,
            DocumentKind.ARCHIVE,
            unit=report_a.unit,
            actor=None,
            now=utcnow(),
            facts={"ground": "Đơn trùng"},
            public=False,
            files_root=app.config["ATTACHMENTS_DIR"],
        )
        attach_signed_scan(
            db.session, document, b"%PDF-1.4 signed", actor=None, now=utcnow(), files_root=app.config["ATTACHMENTS_DIR"]
        )
        db.session.commit()
        ids["document_id"] = document.id
        ids["ids"] = (a, b, e)
        ids["receipt_b"] = receipt_b
    login_as(client := app.test_client(), "supervisor")
    token = csrf_token(client.get("/can-bo/bao-cao-dinh-ky/"))
    client.post("/can-bo/bao-cao-dinh-ky/lap", data={"csrf_token": token, "period": "month", "start": "2026-10"})
    with app.app_context():
        pr = db.session.scalar(select(PeriodicReport.id))
        assert pr is not None
        ids["report_id_periodic"] = pr
    return app, ids


def _url(app, rule, ids) -> str:
    values = {}
    for arg in rule.arguments:
        if arg == "report_id":
            values[arg] = ids["report_id_periodic"] if rule.endpoint.startswith("reports.") else ids["report_id"]
        elif arg == "filename":
            values[arg] = "site.css"
        elif arg in API_VALUES:
            values[arg] = API_VALUES[arg]
        else:
            values[arg] = ids[arg]
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **values)


def _client_for(app, role, login_as):
    client = app.test_client()
    if role != "anonymous":
        login_as(client, role)
    return client


def _let_through(role: str, response) -> bool:
    if response.status_code in (401, 403, 404):
        return False
    location = response.headers.get("Location", "")
    return not (response.status_code in (301, 302, 303) and "/can-bo/dang-nhap" in location and role == "anonymous")


@pytest.mark.slow
def test_every_route_for_every_role(world, csrf_token, login_as):
    app, ids = world
    rules = [(m, r) for r in app.url_map.iter_rules() for m in sorted(r.methods - {"HEAD", "OPTIONS"})]
    missing = [(m, r.endpoint) for m, r in rules if (m, r.endpoint) not in MATRIX]
    assert not missing, f"routes without a rule in the matrix: {missing}"
    observed, wrong = {}, []
    for role in ROLES:
        client = _client_for(app, role, login_as)
        for method, rule in sorted(rules, key=lambda x: (x[0] == "POST", x[1].rule)):
            if (method, rule.endpoint) == ("POST", "auth.logout"):
                continue  # walked last, it would end the session
            url = _url(app, rule, ids)
            if method == "GET":
                response = client.get(url + QUERY.get(rule.endpoint, ""))
            else:
                token = csrf_token(client.get("/"))
                data = {"csrf_token": token}
                if rule.endpoint in REPORTER_POSTS:  # the reporter's own code and passphrase
                    data.update(code=ids["receipt_b"].tracking_code, passphrase=ids["receipt_b"].passphrase)
                response = client.post(url, data=data)
            allowed = _let_through(role, response)
            observed[(method, rule.endpoint, role)] = response.status_code
            if allowed != (role in MATRIX[(method, rule.endpoint)]):
                wrong.append((method, rule.endpoint, role, response.status_code, response.headers.get("Location")))
        if role != "anonymous":
            token = csrf_token(client.get("/"))
            assert client.post("/can-bo/dang-xuat", data={"csrf_token": token}).status_code == 302
    assert not wrong, "\n".join(map(str, wrong))
    # Refusals of a case are 404, never a hint that the report exists; 403 only for who may read it.
    assert observed[("GET", "cases.view", "inspector_b")] == 404
    assert observed[("POST", "cases.accept", "supervisor")] == 403


@pytest.mark.parametrize("role", ["inspector_a", "inspector_b", "triage"])
def test_guessing_report_ids_reveals_nothing(world, login_as, role):
    app, ids = world
    a, b, e = ids["ids"]
    client = _client_for(app, role, login_as)
    mine = {"inspector_a": {a}, "inspector_b": {b}, "triage": set()}[role]
    for report_id in list(range(1, max(a, b, e) + 5)):
        for path in (f"/can-bo/bao-cao/{report_id}", f"/can-bo/bao-cao/{report_id}/ban-che"):
            status = client.get(path).status_code
            assert (status == 200) == (report_id in mine), (path, status)
            assert status in (200, 404)
    queue = client.get("/can-bo/?q=chu tich").get_data(as_text=True)
    with app.app_context():
        code_e = db.session.get(Report, e).tracking_code
    assert code_e not in queue  # the escalated report is in no list of the accused body
    csv = client.get("/can-bo/xuat.csv").get_data(as_text=True)
    assert code_e not in csv
