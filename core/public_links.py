"""Links to the public side as citizens must see them: always on PUBLIC_BASE_URL, never on the Host header of the
request (which anyone can write, and which is the proxy's or the reception desk's own address)."""

from flask import current_app, url_for


def public_url(endpoint: str, **values) -> str:
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + url_for(endpoint, **values)
