"""A partner files a đơn through Open311 GeoReport v2 with its key and follows it; the spec's names in JSON and
XML; refusals in the spec's error list, in Vietnamese, with nothing stored."""

import json
import xml.etree.ElementTree as ET

from api_support import LAND_DELAY, filing
from sqlalchemy import func, select

from core.extensions import db
from core.models import ApiKeyUse, Report, User, utcnow
from core.vocabulary import Category
from tests_support import look_up
from triage.casework import handling
from triage.casework.steps import Step
from triage.routing.jobs import route_report

GUIDANCE = "Việc nhận tiền để làm hồ sơ có dấu hiệu tội phạm: xin gửi đơn đến Công an tỉnh kèm giấy tờ."
# The spec's fields (wiki.open311.org/GeoReport_v2): a service, a created request, a request read back.
SERVICE_FIELDS = {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}
ATTRIBUTE_FIELDS = {"variable", "code", "datatype", "required", "datatype_description", "order", "description"}
CREATED_FIELDS = {"service_request_id", "token", "service_notice", "account_id"}
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}


def _xml(response) -> ET.Element:
    assert response.content_type.startswith("text/xml")
    body = response.get_data(as_text=True)
    assert body.startswith('<?xml version="1.0" encoding="utf-8"?>')
    return ET.fromstring(body)


def test_discovery_services_and_their_definitions_in_json_and_xml(client):
    discovery = client.get("/open311/v2/discovery.json").get_json()
    assert set(discovery) == {"changeset", "contact", "key_service", "endpoints"}
    (endpoint,) = discovery["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"].endswith("/open311/v2") and endpoint["type"] == "production"
    assert set(endpoint["formats"]) == {"application/json", "text/xml"}
    root = _xml(client.get("/open311/v2/discovery.xml"))
    assert root.tag == "discovery"
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == endpoint["formats"]

    services = client.get("/open311/v2/services.json").get_json()
    assert [s["service_code"] for s in services] == [c.value for c in Category]
    assert all(set(s) == SERVICE_FIELDS and s["type"] == "realtime" and s["metadata"] is True for s in services)
    assert services[0]["service_name"] == "Đòi tiền, nhận hối lộ, thu ngoài quy định"
    root = _xml(client.get("/open311/v2/services.xml"))
    assert root.tag == "services" and len(root.findall("service")) == len(services)
    assert {child.tag for child in root.find("service")} == SERVICE_FIELDS
    assert root.find("service/metadata").text == "true"

    definition = client.get("/open311/v2/services/doi-tien.json").get_json()
    assert definition["service_code"] == "doi-tien"
    attributes = {a["code"]: a for a in definition["attributes"]}
    assert set(attributes) == {"kind", "ward", "office", "reporter_address"}
    assert all(ATTRIBUTE_FIELDS <= set(a) and a["variable"] is True for a in attributes.values())
    assert attributes["kind"]["datatype"] == "singlevaluelist"
    assert [v["key"] for v in attributes["kind"]["values"]] == ["phan-anh", "khieu-nai", "to-cao"]
    assert attributes["kind"]["values"][2]["name"].startswith("Tố cáo:")
    root = _xml(client.get("/open311/v2/services/doi-tien.xml"))
    assert root.tag == "service_definition"
    assert [k.text for k in root.findall("attributes/attribute/values/value/key")] == [
        "phan-anh",
        "khieu-nai",
        "to-cao",
    ]

    unknown = client.get("/open311/v2/services/vuot-den-do.json")
    assert unknown.status_code == 404
    assert "Không có dịch vụ" in unknown.get_json()[0]["description"]


def test_a_partner_files_a_report_and_follows_it_until_answered(app, client, csrf_token, new_key, make_user):
    key = new_key("cong-dich-vu-cong")
    created = client.post("/open311/v2/requests.json", data={"api_key": key, **filing()})
    assert created.status_code == 201
    (answer,) = created.get_json()
    assert set(answer) == CREATED_FIELDS | {"x_passphrase"}
    code, passphrase = answer["service_request_id"], answer["x_passphrase"]
    assert answer["token"] == code and code in answer["service_notice"]
    assert "phản ánh, kiến nghị" not in answer["service_notice"]  # named and addressed: a tố cáo stays a tố cáo
    with app.app_context():
        report = db.session.scalar(select(Report).where(Report.tracking_code == code))
        assert (report.channel, report.kind, report.track) == ("api", "to-cao", "to-cao")
        assert report.api_key_id is not None and report.ward_code_given == "16522"
        assert report.reporter_name == "Nguyễn Văn An" and report.reporter_phone == "0912345678"
        assert report.reporter_address == "12 Lê Lai, phường Quảng Phú"
        assert report.office == "Bộ phận một cửa; Địa điểm: UBND phường Quảng Phú"
        report_id = report.id

    listed = client.get("/open311/v2/requests.json", query_string={"api_key": key})
    assert listed.headers["Cache-Control"] == "no-store"
    (request,) = listed.get_json()
    assert set(request) == REQUEST_FIELDS
    assert (request["service_request_id"], request["status"], request["service_code"]) == (code, "open", "cham-tre")
    assert request["agency_responsible"] is None and request["expected_datetime"] is None
    assert request["requested_datetime"].endswith("+07:00") and request["address"] == "Phường Quảng Phú"

    with app.app_context():
        assert route_report(report_id) == "routed"
        unit, due = report_unit_and_due(report_id)
    root = _xml(client.get(f"/open311/v2/requests/{code}.xml", headers={"X-Api-Key": key}))
    assert root.tag == "service_requests"
    (element,) = root.findall("request")
    assert {child.tag for child in element} == REQUEST_FIELDS
    assert element.findtext("agency_responsible") == unit
    assert element.findtext("expected_datetime").startswith(due.isoformat())
    assert element.findtext("status_notes").startswith(f"Đơn đã đến {unit}")
    body = json.dumps(client.get(f"/open311/v2/requests/{code}.json?api_key={key}").get_json(), ensure_ascii=False)
    for secret in ("0912345678", "an.nguyen@example.vn", "Nguyễn Văn An", "Lê Lai", "confidence", "escalate"):
        assert secret not in body
    tokens = client.get(f"/open311/v2/tokens/{code}.json?api_key={key}").get_json()
    assert tokens == [{"service_request_id": code, "token": code}]

    # The passphrase handed to the partner opens the status page and the JSON look-up.
    page = look_up(client, csrf_token, code, passphrase)
    assert page.status_code == 200 and unit in page.get_data(as_text=True)
    status = client.post("/api/v1/tra-cuu", json={"code": code, "passphrase": passphrase})
    assert status.status_code == 200 and status.get_json()["agency_responsible"] == unit

    # Every use of the key is recorded, with the report it concerned and never the client's address.
    with app.app_context():
        uses = db.session.execute(select(ApiKeyUse.method, ApiKeyUse.status, ApiKeyUse.report_id)).all()
        columns = set(ApiKeyUse.__table__.columns.keys())
    assert sorted(uses, key=str) == sorted(
        [("POST", 201, report_id), ("GET", 200, None), ("GET", 200, report_id), ("GET", 200, report_id)]
        + [("GET", 200, report_id)],
        key=str,
    )
    assert not {"ip", "remote_addr", "address", "client"} & columns

    # The phường answers the đơn by guiding the reporter to the competent body: the đơn is closed for Open311 and
    # the guidance is a document the reporter sees listed (its title) in the JSON look-up.
    inspector = make_user("cb.quangphu", unit="16522")
    with app.app_context():
        step = Step(
            session=db.session,
            actor=db.session.get(User, inspector.id),
            now=utcnow(),
            services=app.extensions["services"],
            files_root=app.config["ATTACHMENTS_DIR"],
        )
        handling.guide(step, db.session.get(Report, report_id), body="co-quan-dieu-tra", name=None, guidance=GUIDANCE)
        db.session.commit()
    (closed,) = client.get("/open311/v2/requests.json", query_string={"api_key": key, "status": "closed"}).get_json()
    assert closed["status"] == "closed" and closed["expected_datetime"] is None
    assert closed["status_notes"].startswith("Nội dung đơn thuộc thẩm quyền của cơ quan khác")
    answered = client.post("/api/v1/tra-cuu", json={"code": code, "passphrase": passphrase}).get_json()
    (document,) = answered["documents"]
    assert answered["status"] == "guided" and document["title"].startswith("Phiếu hướng dẫn")
    assert set(document) == {"title", "reference", "issued_at"}


def report_unit_and_due(report_id):
    report = db.session.get(Report, report_id)
    clock = next(c for c in report.clocks if c.stage == "acceptance")
    return report.unit.name, clock.due_on


def test_an_anonymous_to_cao_is_handled_as_phan_anh_and_the_partner_is_told(app, client, new_key):
    key = new_key("tong-dai-1022")
    data = filing(first_name=None, last_name=None, email=None, phone=None, **{"attribute[reporter_address]": None})
    created = client.post("/open311/v2/requests.xml", data={"api_key": key, **data})
    assert created.status_code == 201
    request = _xml(created).find("request")
    assert "trình tự phản ánh, kiến nghị" in request.findtext("service_notice")
    assert request.findtext("x_passphrase")
    listed = client.get("/open311/v2/requests.json", query_string={"api_key": key}).get_json()
    assert "trình tự phản ánh, kiến nghị" in listed[0]["service_notice"]
    with app.app_context():
        assert db.session.execute(select(Report.kind, Report.track)).one() == ("to-cao", "phan-anh")


def test_bad_input_is_refused_in_vietnamese_and_nothing_is_stored(app, client, new_key):
    key = new_key("zalo-mini-app")
    cases = {
        "service_code": filing(service_code="vuot-den-do"),
        "description": filing(description="Cán bộ chậm."),
        "attribute[ward]": filing(**{"attribute[ward]": "99999"}),
        "email": filing(email="an.nguyen@"),
        "phone": filing(phone="12345"),
        "attribute[kind]": filing(**{"attribute[kind]": "kien-nghi"}),
        "lat": filing(lat="bắc"),
        "media_url": filing(media_url="https://example.vn/anh.jpg"),
    }
    for field, data in cases.items():
        response = client.post("/open311/v2/requests.json", data={"api_key": key, **data})
        assert response.status_code == 400, field
        (error,) = response.get_json()
        assert error["code"] == 400 and error["description"].startswith(field), (field, error)
    not_json = client.post(
        "/open311/v2/requests.json",
        data="{service_code: cham-tre",
        content_type="application/json",
        headers={"X-Api-Key": key},
    )
    assert not_json.status_code == 400
    assert not_json.get_json()[0]["description"] == "Nội dung gửi lên không phải một đối tượng JSON hợp lệ."
    several = client.post("/open311/v2/requests.xml", data={"api_key": key, "description": "ngắn"})
    assert several.status_code == 400
    root = _xml(several)
    assert root.tag == "errors" and [e.findtext("code") for e in root.findall("error")] == ["400", "400"]
    assert "Nội dung quá ngắn" in root.findall("error")[1].findtext("description")
    with app.app_context():
        assert db.session.scalar(select(func.count(Report.id))) == 0
        assert db.session.scalar(select(func.count(ApiKeyUse.id))) == len(cases) + 2  # refusals are uses too

    # The same đơn as JSON, with the attributes as an object, is accepted.
    body = {k: v for k, v in filing().items() if not k.startswith("attribute[")}
    body["attribute"] = {"kind": "phan-anh", "ward": "16522"}
    accepted = client.post("/open311/v2/requests.json", json=body, headers={"X-Api-Key": key})
    assert accepted.status_code == 201
    with app.app_context():
        assert db.session.execute(select(Report.kind, Report.ward_code_given)).one() == ("phan-anh", "16522")


def test_filters_of_the_list(app, client, new_key):
    key = new_key("cong-dich-vu-cong")
    first = client.post("/open311/v2/requests.json", data={"api_key": key, **filing()}).get_json()[0]
    client.post(
        "/open311/v2/requests.json", data={"api_key": key, **filing(service_code="thai-do", description=LAND_DELAY)}
    )

    def ids(**query):
        response = client.get("/open311/v2/requests.json", query_string={"api_key": key, **query})
        assert response.status_code == 200, response.get_data(as_text=True)
        return [r["service_request_id"] for r in response.get_json()]

    assert len(ids()) == 2
    assert ids(service_code="cham-tre") == [first["service_request_id"]]
    assert ids(service_request_id=first["service_request_id"].lower()) == [first["service_request_id"]]
    assert ids(status="closed") == [] and len(ids(status="open,closed")) == 2
    assert ids(start_date="2020-01-01T00:00:00+07:00", end_date="2020-02-01T00:00:00+07:00") == []
    bad = client.get("/open311/v2/requests.json", query_string={"api_key": key, "start_date": "hôm qua"})
    assert bad.status_code == 400 and bad.get_json()[0]["description"].startswith("start_date:")


def test_dates_out_of_range_and_json_nested_past_the_parser_are_400s(app, client, new_key):
    key = new_key("ung-dung-doi-tac")
    for name, value in (("start_date", "0001-01-01T00:00:00+14:00"), ("end_date", "9999-12-31T23:59:59-12:00")):
        answer = client.get("/open311/v2/requests.json", query_string={"api_key": key, name: value})
        assert answer.status_code == 400 and answer.get_json()[0]["description"].startswith(f"{name}:")
    deep = '{"code":' + "[" * 50_000 + "]" * 50_000 + ',"passphrase":"x"}'
    for path in ("/api/v1/tra-cuu", "/open311/v2/requests.json"):
        answer = client.post(path, data=deep, content_type="application/json", headers={"X-Api-Key": key})
        assert answer.status_code in (400, 403), (path, answer.status_code)
        assert answer.get_json()[0]["code"] == answer.status_code
