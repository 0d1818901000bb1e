"""The two formats of Open311 GeoReport v2 (JSON, and XML with the spec's element names), its error list, and its
W3C date-times. The JSON status endpoint answers its errors in the same list."""

import json
import xml.etree.ElementTree as ET
from datetime import datetime

from flask import Response, request

from core.vietnamese import VN_TZ

JSON = "application/json; charset=utf-8"
XML = "text/xml; charset=utf-8"
# The element of each item of a list, by the list's element (the spec's examples).
ITEMS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}


def json_body() -> object | None:
    """The request's JSON body, or None when there is none or it does not parse (a body nested deeper than the
    parser's recursion limit included)."""
    if not request.is_json:
        return None
    try:
        return request.get_json(silent=True)
    except RecursionError:
        return None


def w3c(value: datetime | None) -> str | None:
    """A date-time as the spec wants it (ISO 8601 with its offset), in Vietnam's time: 2026-12-03T09:30:00+07:00."""
    return value.astimezone(VN_TZ).isoformat(timespec="seconds") if value is not None else None


def _fill(element: ET.Element, value) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            _fill(ET.SubElement(element, key), child)
    elif isinstance(value, list):
        for child in value:
            _fill(ET.SubElement(element, ITEMS[element.tag]), child)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = str(value)


def to_xml(root: str, payload) -> str:
    element = ET.Element(root)
    _fill(element, payload)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(element, encoding="unicode")


def render(response_format: str, root: str, payload, status: int = 200) -> Response:
    """`payload` as JSON, or as XML under the element `root` (a list's items named by ITEMS)."""
    if response_format == "xml":
        return Response(to_xml(root, payload), status=status, content_type=XML)
    return Response(json.dumps(payload, ensure_ascii=False), status=status, content_type=JSON)


def errors(status: int, *descriptions: str, response_format: str = "json") -> Response:
    """The spec's error list: [{"code": 400, "description": "…"}], one per problem."""
    payload = [{"code": status, "description": d} for d in descriptions]
    return render(response_format, "errors", payload, status)
