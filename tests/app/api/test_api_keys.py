"""API keys: made, listed and revoked by the `api-keys` command (audited, never kept in clear), each key sees only
its own đơn, and each has its own rate limit, counted by the key."""

from api_support import filing
from sqlalchemy import func, select

from core.extensions import db
from core.models import ApiKey, ApiKeyUse, AuditRecord
from intake.api.keys import hash_key, verify_key


def test_the_command_makes_lists_and_revokes_keys_and_the_api_obeys(app, client, new_key):
    portal = new_key("cong-dich-vu-cong", "100/minute")
    hotline = new_key("tong-dai-1022")
    assert portal.startswith("th_") and len(portal) >= 40 and portal != hotline
    with app.app_context():
        stored = db.session.scalar(select(ApiKey).where(ApiKey.name == "cong-dich-vu-cong"))
        assert stored.key_hash == hash_key(portal) and portal.startswith(stored.prefix) and len(stored.prefix) < 12
        assert stored.rate_limit == "100/minute"
        assert verify_key(db.session, portal).id == stored.id
        assert verify_key(db.session, portal[:-1] + ("A" if portal[-1] != "A" else "B")) is None

    created = client.post("/open311/v2/requests.json", data={"api_key": portal, **filing()})
    code = created.get_json()[0]["service_request_id"]

    # Another key cannot see the first key's đơn, not even by its code.
    assert client.get("/open311/v2/requests.json", query_string={"api_key": hotline}).get_json() == []
    other = client.get(f"/open311/v2/requests/{code}.json", query_string={"api_key": hotline})
    assert other.status_code == 404 and "do khóa API này gửi" in other.get_json()[0]["description"]
    assert client.get(f"/open311/v2/tokens/{code}.json", query_string={"api_key": hotline}).status_code == 404

    listing = app.test_cli_runner().invoke(args=["api-keys", "list"])
    assert listing.exit_code == 0
    rows = {line.split("\t")[0]: line.split("\t") for line in listing.output.splitlines()[1:]}
    assert rows["cong-dich-vu-cong"][2] == "100/minute" and rows["cong-dich-vu-cong"][-1] == "1"
    assert rows["tong-dai-1022"][-1] == "3" and rows["tong-dai-1022"][4] == "-"
    assert portal not in listing.output and hotline not in listing.output

    revoked = app.test_cli_runner().invoke(args=["api-keys", "revoke", "cong-dich-vu-cong"])
    assert revoked.exit_code == 0, revoked.output
    for path in (f"/open311/v2/requests/{code}.json", "/open311/v2/requests.json"):
        refused = client.get(path, query_string={"api_key": portal})
        assert refused.status_code == 403
        assert refused.get_json() == [
            {"code": 403, "description": "Khóa API (api_key) không hợp lệ, đã bị thu hồi hoặc chưa được gửi."}
        ]
    refused = client.post("/open311/v2/requests.xml", data={"api_key": portal, **filing()})
    assert refused.status_code == 403 and b"<errors><error><code>403</code>" in refused.data
    assert client.post("/open311/v2/requests.json", data=filing()).status_code == 403  # no key at all
    assert client.post("/open311/v2/requests.json", json={"api_key": 12345, **filing()}).status_code == 403
    again = app.test_cli_runner().invoke(args=["api-keys", "revoke", "cong-dich-vu-cong"])
    assert again.exit_code != 0 and "revoked already" in again.output
    duplicate = app.test_cli_runner().invoke(args=["api-keys", "create", "tong-dai-1022"])
    assert duplicate.exit_code != 0 and "exists already" in duplicate.output
    bad_limit = app.test_cli_runner().invoke(args=["api-keys", "create", "x", "--rate-limit", "nhanh"])
    assert bad_limit.exit_code != 0 and "not a limit" in bad_limit.output

    with app.app_context():
        trail = db.session.execute(
            select(AuditRecord.action, AuditRecord.data).where(AuditRecord.object_type == "api_key")
        )
        trail = list(trail)
        assert sorted(action for action, _ in trail) == ["api_key.create", "api_key.create", "api_key.revoke"]
        text = repr(trail)
        assert portal not in text and hotline not in text and hash_key(portal) not in text


def test_each_key_has_its_own_rate_limit(app, client, new_key):
    slow = new_key("ung-dung-thu-nghiem", "2/minute")
    other = new_key("cong-dich-vu-cong")
    for _ in range(2):
        assert client.get("/open311/v2/requests.json", query_string={"api_key": slow}).status_code == 200
    limited = client.get("/open311/v2/requests.xml", query_string={"api_key": slow})
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "60"
    assert b"<errors><error><code>429</code><description>" in limited.data and "2/minute" in limited.text
    posted = client.post("/open311/v2/requests.json", data={"api_key": slow, **filing()})
    assert posted.status_code == 429 and posted.get_json()[0]["code"] == 429
    # The same client with another key is not limited: the count is the key's, not the address's.
    assert client.get("/open311/v2/requests.json", query_string={"api_key": other}).status_code == 200
    with app.app_context():
        statuses = db.session.scalars(
            select(ApiKeyUse.status).join(ApiKey).where(ApiKey.name == "ung-dung-thu-nghiem").order_by(ApiKeyUse.id)
        ).all()
        assert statuses == [200, 200, 429, 429]
        assert db.session.scalar(select(func.count()).select_from(ApiKey)) == 2
