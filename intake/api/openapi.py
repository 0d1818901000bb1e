"""The OpenAPI 3.1 document of the API, written by hand and served at /api/openapi.json: Open311 GeoReport v2 under
/open311/v2/ and the reporter's JSON status look-up under /api/v1/. A test validates it and checks that every
route under those prefixes is described here."""

from flask import Blueprint, current_app, jsonify

from core.vocabulary import Category, Kind

bp = Blueprint("api_docs", __name__, url_prefix="/api")


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _text(*, nullable: bool = False, description: str = "", **extra) -> dict:
    schema = {"type": ["string", "null"] if nullable else "string", **extra}
    if description:
        schema["description"] = description
    return schema


def _answer(description: str, schema: dict, *, xml_root: str | None = None) -> dict:
    content = {"application/json": {"schema": schema}}
    if xml_root:
        content["text/xml"] = {"schema": {**schema, "xml": {"name": xml_root}}}
    return {"description": description, "content": content}


def _error(description: str) -> dict:
    return _answer(description, _ref("Errors"), xml_root="errors")


FORMAT = {
    "name": "response_format",
    "in": "path",
    "required": True,
    "description": "json, or xml (the spec's element names)",
    "schema": {"type": "string", "enum": ["json", "xml"]},
}
KEY = [{"api_key": []}, {"api_key_header": []}]
ERRORS = {
    "403": _error("Khóa API thiếu, sai hoặc đã bị thu hồi."),
    "429": _error("Khóa API đã vượt giới hạn số yêu cầu của nó (Retry-After: 60)."),
}
REQUEST_ID = {
    "type": "string",
    "description": "Mã theo dõi của đơn (service_request_id), ví dụ TH-7KMP-3XRA",
}
TIME = {"type": ["string", "null"], "format": "date-time", "description": "W3C, giờ Việt Nam (+07:00)"}
IGNORED = "Kiểm tra rồi bỏ qua, không lưu (tọa độ điện thoại có thể lộ nơi ở của người gửi)"


def _objects(properties: dict, *, xml: str | None = None, required: tuple[str, ...] = (), **extra) -> dict:
    """A list of objects (in XML, one element `xml` per item)."""
    item: dict = {"type": "object", "properties": properties}
    if xml:
        item["xml"] = {"name": xml}
    if required:
        item["required"] = list(required)
    return {"type": "array", "items": item, **extra}


STRING = {"type": "string"}
NULLABLE = _text(nullable=True)
CATEGORY = {"type": "string", "enum": [c.value for c in Category]}
DATATYPES = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]

SCHEMAS = {
    "Errors": _objects(
        {"code": {"type": "integer"}, "description": STRING},
        xml="error",
        required=("code", "description"),
        description="The spec's error list, one entry per problem, in Vietnamese.",
    ),
    "Discovery": {
        "type": "object",
        "required": ["changeset", "contact", "key_service", "endpoints"],
        "properties": {
            "changeset": {"type": "string", "format": "date-time"},
            "contact": STRING,
            "key_service": STRING,
            "endpoints": _objects(
                {
                    "specification": {"type": "string", "const": "http://wiki.open311.org/GeoReport_v2"},
                    "url": {"type": "string", "format": "uri"},
                    "changeset": {"type": "string", "format": "date-time"},
                    "type": {"type": "string", "enum": ["production", "test"]},
                    "formats": {"type": "array", "items": {"type": "string", "xml": {"name": "format"}}},
                },
                xml="endpoint",
                required=("specification", "url", "changeset", "type", "formats"),
            ),
        },
    },
    "Service": {
        "type": "object",
        "xml": {"name": "service"},
        "required": ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
        "properties": {
            "service_code": CATEGORY,
            "service_name": STRING,
            "description": STRING,
            "metadata": {"type": "boolean"},
            "type": {"type": "string", "enum": ["realtime", "batch", "blackbox"]},
            "keywords": STRING,
            "group": STRING,
        },
    },
    "ServiceDefinition": {
        "type": "object",
        "required": ["service_code", "attributes"],
        "properties": {
            "service_code": STRING,
            "attributes": _objects(
                {
                    "variable": {"type": "boolean"},
                    "code": {"type": "string", "enum": ["kind", "ward", "office", "reporter_address"]},
                    "datatype": {"type": "string", "enum": DATATYPES},
                    "required": {"type": "boolean"},
                    "datatype_description": NULLABLE,
                    "order": {"type": "integer"},
                    "description": STRING,
                    "values": _objects({"key": STRING, "name": STRING}, xml="value"),
                },
                xml="attribute",
                required=("variable", "code", "datatype", "required", "order", "description"),
            ),
        },
    },
    "NewRequest": {
        "type": "object",
        "required": ["service_code", "description"],
        "properties": {
            "api_key": {"type": "string", "description": "Khóa API (hoặc tiêu đề X-Api-Key)"},
            "service_code": CATEGORY,
            "description": {"type": "string", "description": "Nội dung đơn: REPORT_TEXT_MIN đến REPORT_TEXT_MAX ký tự"},
            "attribute[kind]": {"type": "string", "enum": [k.value for k in Kind], "default": "phan-anh"},
            "attribute[ward]": {"type": "string", "pattern": "^[0-9]{5}$", "description": "Mã xã, phường (2025)"},
            "attribute[office]": {"type": "string", "maxLength": 300},
            "attribute[reporter_address]": {
                "type": "string",
                "maxLength": 300,
                "description": "Địa chỉ người gửi (bắt buộc theo luật với khiếu nại, tố cáo)",
            },
            "address_string": _text(description="Địa điểm xảy ra sự việc (không phải địa chỉ người gửi)"),
            "lat": {"type": "number", "minimum": -90, "maximum": 90, "description": IGNORED},
            "long": {"type": "number", "minimum": -180, "maximum": 180, "description": IGNORED},
            "email": {"type": "string", "format": "email"},
            "phone": _text(description="10 chữ số, bắt đầu bằng 0 (hoặc +84)"),
            "first_name": STRING,
            "last_name": STRING,
            "media_url": _text(description="Không nhận: một media_url khác rỗng bị từ chối (400)"),
            "jurisdiction_id": _text(description="Bỏ qua: một địa bàn duy nhất"),
        },
    },
    "Created": _objects(
        {
            "service_request_id": REQUEST_ID,
            "token": _text(description="Bằng service_request_id (mọi dịch vụ là realtime)"),
            "service_notice": STRING,
            "account_id": NULLABLE,
            "x_passphrase": _text(
                description="Mở rộng: mật mã tra cứu của người gửi, chỉ trả về một lần, không lưu ở đâu"
            ),
        },
        xml="request",
        required=("service_request_id", "token", "service_notice", "x_passphrase"),
    ),
    "ServiceRequests": _objects(
        {
            "service_request_id": REQUEST_ID,
            "status": {"type": "string", "enum": ["open", "closed"]},
            "status_notes": NULLABLE,
            "service_name": NULLABLE,
            "service_code": NULLABLE,
            "description": NULLABLE,
            "agency_responsible": _text(nullable=True, description="Cơ quan giải quyết, khi đã chuyển đơn"),
            "service_notice": NULLABLE,
            "requested_datetime": TIME,
            "updated_datetime": TIME,
            "expected_datetime": {**TIME, "description": "Hạn của bước hiện tại (cuối ngày, giờ Việt Nam)"},
            "address": _text(nullable=True, description="Tên xã, phường đã chọn"),
            "address_id": NULLABLE,
            "zipcode": NULLABLE,
            "lat": {"type": ["number", "null"]},
            "long": {"type": ["number", "null"]},
            "media_url": NULLABLE,
        },
        xml="request",
        required=("service_request_id", "status", "requested_datetime"),
    ),
    "Tokens": _objects({"service_request_id": REQUEST_ID, "token": STRING}, xml="request"),
    "StatusQuery": {
        "type": "object",
        "required": ["code", "passphrase"],
        "properties": {"code": STRING, "passphrase": STRING},
    },
    "Status": {
        "type": "object",
        "required": ["code", "status", "status_label", "meaning", "timeline", "deadlines", "documents"],
        "properties": {
            **dict.fromkeys(("code", "status", "status_label", "kind", "kind_label", "track", "track_label"), STRING),
            "received_at": TIME,
            "agency_responsible": NULLABLE,
            "meaning": STRING,
            "next_step": NULLABLE,
            "answer": {"type": ["object", "null"], "properties": {"outcome": NULLABLE, "response": STRING}},
            "question": _text(nullable=True, description="Câu hỏi của cơ quan đang chờ người gửi trả lời"),
            "deadlines": _objects(
                {
                    "label": STRING,
                    "due_on": {"type": "string", "format": "date"},
                    "due_on_vi": STRING,
                    "status": STRING,
                    "status_label": STRING,
                    "paused": {"type": "boolean"},
                }
            ),
            "timeline": _objects({"at": TIME, "title": STRING, "detail": NULLABLE}),
            "documents": _objects({"title": STRING, "reference": STRING, "issued_at": TIME}),
        },
    },
}


def _list_filters() -> list[dict]:
    def query(name, description, schema=None):
        return {"name": name, "in": "query", "required": False, "description": description, "schema": schema or {}}

    return [
        query("service_request_id", "Danh sách mã theo dõi, cách nhau bằng dấu phẩy; bỏ qua các bộ lọc khác"),
        query("service_code", "Chỉ các đơn của dịch vụ này", {"type": "string", "enum": [c.value for c in Category]}),
        query("status", "open, closed hoặc open,closed", {"type": "string"}),
        query("start_date", "Từ thời điểm (W3C có múi giờ); mặc định 90 ngày trước end_date", {"type": "string"}),
        query("end_date", "Đến thời điểm (W3C có múi giờ); mặc định bây giờ", {"type": "string"}),
    ]


def _own_one(summary: str, parameter: str, schema: str) -> dict:
    """A GET of one đơn filed with the key, by a path parameter (its id or its token)."""
    return {
        "get": {
            "security": KEY,
            "summary": summary,
            "parameters": [{"name": parameter, "in": "path", "required": True, "schema": REQUEST_ID}, FORMAT],
            "responses": {
                "200": _answer("Đơn", _ref(schema), xml_root="service_requests"),
                "404": _error("Không có đơn này trong các đơn do khóa này gửi."),
                **ERRORS,
            },
        }
    }


def document(base_url: str) -> dict:
    keyed = {"security": KEY}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Phản ánh cán bộ Thanh Hóa: Open311 GeoReport v2 và tra cứu đơn",
            "version": "1.0.0",
            "description": "Cơ quan, hệ thống đối tác gửi và theo dõi đơn phản ánh, khiếu nại, tố cáo về cán bộ. "
            "Xem docs/api.md.",
        },
        "servers": [{"url": base_url}],
        "components": {
            "securitySchemes": {
                "api_key": {"type": "apiKey", "in": "query", "name": "api_key"},
                "api_key_header": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
            },
            "schemas": SCHEMAS,
        },
        "paths": {
            "/open311/v2/discovery.{response_format}": {
                "get": {
                    "summary": "Service discovery",
                    "parameters": [FORMAT],
                    "responses": {
                        "200": _answer("Địa chỉ, định dạng, liên hệ", _ref("Discovery"), xml_root="discovery")
                    },
                }
            },
            "/open311/v2/services.{response_format}": {
                "get": {
                    "summary": "GET Service List: một dịch vụ cho mỗi loại việc làm sai của cán bộ",
                    "parameters": [FORMAT],
                    "responses": {
                        "200": _answer("Các dịch vụ", {"type": "array", "items": _ref("Service")}, xml_root="services")
                    },
                }
            },
            "/open311/v2/services/{service_code}.{response_format}": {
                "get": {
                    "summary": "GET Service Definition: loại đơn, xã/phường, cơ quan, địa chỉ người gửi",
                    "parameters": [
                        {"name": "service_code", "in": "path", "required": True, "schema": {"type": "string"}},
                        FORMAT,
                    ],
                    "responses": {
                        "200": _answer("Định nghĩa", _ref("ServiceDefinition"), xml_root="service_definition"),
                        "404": _error("Không có dịch vụ này."),
                    },
                }
            },
            "/open311/v2/requests.{response_format}": {
                "post": {
                    **keyed,
                    "summary": "POST Service Request: gửi một đơn",
                    "parameters": [FORMAT],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/x-www-form-urlencoded": {"schema": _ref("NewRequest")},
                            "application/json": {"schema": _ref("NewRequest")},
                        },
                    },
                    "responses": {
                        "201": _answer(
                            "Đã tiếp nhận; x_passphrase chỉ một lần", _ref("Created"), xml_root="service_requests"
                        ),
                        "400": _error("Dữ liệu không hợp lệ; không lưu gì."),
                        **ERRORS,
                    },
                },
                "get": {
                    **keyed,
                    "summary": "GET Service Requests: các đơn do khóa này gửi (tối đa 1000, mới nhất trước)",
                    "parameters": [FORMAT, *_list_filters()],
                    "responses": {
                        "200": _answer("Các đơn", _ref("ServiceRequests"), xml_root="service_requests"),
                        "400": _error("Bộ lọc không hợp lệ."),
                        **ERRORS,
                    },
                },
            },
            "/open311/v2/requests/{service_request_id}.{response_format}": _own_one(
                "GET Service Request: một đơn do khóa này gửi", "service_request_id", "ServiceRequests"
            ),
            "/open311/v2/tokens/{token}.{response_format}": _own_one(
                "GET service_request_id from a token (token = service_request_id)", "token", "Tokens"
            ),
            "/api/v1/tra-cuu": {
                "post": {
                    "summary": "Người gửi tra cứu đơn bằng mã theo dõi và mật mã (như trang /tra-cuu)",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("StatusQuery")}}},
                    "responses": {
                        "200": _answer("Tình trạng, diễn biến, câu hỏi, thời hạn, văn bản", _ref("Status")),
                        "400": _answer("Không phải JSON, hoặc thiếu code/passphrase", _ref("Errors")),
                        "403": _answer("Mã theo dõi hoặc mật mã không đúng", _ref("Errors")),
                        "429": _answer("Mã bị tạm khóa sau nhiều lần sai, hoặc quá nhiều yêu cầu", _ref("Errors")),
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "summary": "Tài liệu OpenAPI này",
                    "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}},
                }
            },
        },
    }


@bp.get("/openapi.json")
def openapi():
    return jsonify(document(current_app.config["PUBLIC_BASE_URL"].rstrip("/")))
