"""Response headers that hold for every page: a strict CSP (no inline scripts), no framing, no referrer
leaks, HSTS behind TLS, and no caching of any staff page (report texts, revealed contact details)."""

from urllib.parse import urlsplit

from flask import request

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)

STAFF_PREFIX = "/can-bo"


def init_app(app) -> None:
    @app.after_request
    def _headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.path.startswith(STAFF_PREFIX) and "no-store" not in response.headers.get("Cache-Control", ""):
            response.headers["Cache-Control"] = "no-store"
        if request.is_secure or app.config.get("PREFERRED_URL_SCHEME") == "https":
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response


def from_another_site() -> bool:
    """Whether the browser says another site's page sent this request: `Sec-Fetch-Site` cross-site or same-site, or
    an `Origin` naming another host. A browser that says neither is taken at its word (this site's pages have a
    no-referrer policy, under which browsers send `Origin: null` with their own forms). A refused form echoes what
    was typed only when this is False: a forged POST cannot put its author's words on a page of this site."""
    if request.headers.get("Sec-Fetch-Site") in ("cross-site", "same-site"):
        return True
    origin = request.headers.get("Origin") or "null"
    return origin != "null" and urlsplit(origin).netloc != request.host
