"""The programmatic way in: Open311 GeoReport v2 for partner systems with API keys (`open311`, `keys`), the
reporter's status look-up as JSON (`status`) and their OpenAPI document (`openapi`). `init_app` registers them,
exempts exactly these JSON/API blueprints from CSRF (a partner authenticates with its key, a reporter with code and
passphrase in a JSON body) and sets their rate limits: each key its own, counted by the key, never the client's
address; the JSON look-up the status page's, counted with it."""

from flask import Flask, g

from core.extensions import csrf
from core.ratelimit import limit_view, limiter_for
from intake.api import open311, openapi, status


def _key_bucket() -> str:
    return f"api-key:{g.api_key.id}"


def init_app(app: Flask) -> None:
    for blueprint in (open311.bp, status.bp, openapi.bp):
        app.register_blueprint(blueprint)
    csrf.exempt(open311.bp)
    csrf.exempt(status.bp)
    per_key = limiter_for(app).shared_limit(lambda: g.api_key.rate_limit, scope="api-key", key_func=_key_bucket)
    for endpoint in open311.KEYED:
        app.view_functions[endpoint] = per_key(app.view_functions[endpoint])
    limit_view(app, "api_status.lookup", "STATUS_RATE_LIMIT", counted_with="public.status")
