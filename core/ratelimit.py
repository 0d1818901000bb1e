"""Per-client rate limits (Flask-Limiter on Redis) keyed by a short-lived keyed hash, never a raw IP."""

import hashlib
import hmac
import uuid

from flask import current_app, render_template, request
from flask_limiter import Limiter

TOO_MANY = "Bạn đã thử quá nhiều lần trong thời gian ngắn. Xin chờ một phút rồi thử lại."


def keyed_hash(value: str) -> str:
    return hmac.new(str(current_app.config["SECRET_KEY"]).encode(), value.encode(), hashlib.sha256).hexdigest()


def client_key() -> str:
    """The limiter's key: a keyed hash of the remote address, so Redis never holds a raw IP."""
    return "c:" + keyed_hash("ip:" + (request.remote_addr or "unknown"))[:32]


def storage_uri(redis_url: str) -> str:
    """The app's REDIS_URL in the form the `limits` library reads (unix sockets: redis+unix://)."""
    return "redis+" + redis_url if redis_url.startswith("unix://") else redis_url


def too_many_requests(_error):
    response = current_app.make_response((render_template("error.html", message=TOO_MANY), 429))
    response.headers["Retry-After"] = "60"
    return response


def limiter_for(app):
    """The app's limiter, created once. Redis errors are swallowed and counting falls back to memory,
    so an unreachable Redis never blocks a citizen or an officer."""
    if "limiter" in app.extensions:
        return app.extensions["limiter"]
    config = app.config
    if not config.get("RATELIMIT_KEY_PREFIX"):
        # Apps built by tests share one Redis and one client address: each counts on its own.
        config["RATELIMIT_KEY_PREFIX"] = f"rl-test-{uuid.uuid4().hex[:12]}" if app.testing else "rl"
    config.setdefault("RATELIMIT_HEADERS_ENABLED", False)
    limiter = Limiter(
        key_func=client_key,
        storage_uri=config.get("RATELIMIT_STORAGE_URI") or storage_uri(config["REDIS_URL"]),
        storage_options={"socket_connect_timeout": 1, "socket_timeout": 1},
        swallow_errors=True,
        in_memory_fallback_enabled=True,
        strategy="fixed-window",
    )
    limiter.init_app(app)
    app.extensions["limiter"] = limiter
    app.register_error_handler(429, too_many_requests)
    return limiter


def limit_view(app, endpoint: str, config_key: str, methods=("POST",), counted_with: str | None = None) -> None:
    """Throttle one view per client with the limit named by `config_key` (e.g. "10 per minute"); `counted_with`
    names another view whose counter this one shares (the JSON status look-up counts with the status page)."""
    limiter = limiter_for(app)
    app.view_functions[endpoint] = limiter.shared_limit(
        lambda: current_app.config[config_key],
        scope=counted_with or endpoint,
        methods=list(methods),
        key_func=client_key,
    )(app.view_functions[endpoint])
