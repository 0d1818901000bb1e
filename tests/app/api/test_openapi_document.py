"""The OpenAPI document served at /api/openapi.json is valid OpenAPI 3.1 and describes every route of the API."""

import re

import pytest
from openapi_spec_validator import validate


def _documented_path(rule: str) -> str:
    """A Flask rule as an OpenAPI path: <any(json, xml):response_format> → {response_format}."""
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule)


@pytest.mark.one_backend  # no database path: the document and the URL map are the same on both
def test_the_document_is_valid_and_describes_every_api_route(app, client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    validate(document)
    assert document["openapi"].startswith("3.")
    routes = [r for r in app.url_map.iter_rules() if r.rule.startswith(("/open311/v2/", "/api/"))]
    assert len(routes) >= 8
    for rule in routes:
        path = _documented_path(rule.rule)
        assert path in document["paths"], f"{rule.rule} is not documented"
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert method.lower() in document["paths"][path], f"{method} {rule.rule} is not documented"
    errors = document["components"]["schemas"]["Errors"]["items"]
    assert errors["required"] == ["code", "description"]
    post = document["paths"]["/open311/v2/requests.{response_format}"]["post"]
    assert {"400", "403", "429"} <= set(post["responses"])
    assert "x_passphrase" in document["components"]["schemas"]["Created"]["items"]["properties"]
