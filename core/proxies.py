"""Behind a reverse proxy (the scale-out of the README), the client's address, scheme and host are in the
X-Forwarded-* headers the proxy adds. They are trusted only when TRUSTED_PROXY_HOPS says how many proxies stand in
front of the service: otherwise anyone could write them. With the setting, per-client limits key on the real
client (still as a keyed hash, `core.ratelimit`), and HTTPS at the proxy is HTTPS to the service."""

from werkzeug.middleware.proxy_fix import ProxyFix


def trust_proxies(app) -> None:
    hops = int(app.config.get("TRUSTED_PROXY_HOPS") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)
