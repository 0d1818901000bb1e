"""Compressed responses (Flask-Compress: zstd, brotli or gzip, as the client accepts) for text: pages, CSS,
JavaScript, JSON, XML and SVG, the static files streamed as they are read. Files that are compressed already
(attachments, images, PDFs, workbooks) are never touched: their types are not listed.

Against BREACH (a secret recovered from the size of compressed responses that also reflect what an attacker
chose), a response that could hold a secret is sent as it is: every staff page (report texts, contact details,
search terms reflected) and every page that carries a CSRF token (the citizen's forms, the status page). See
SECURITY.md."""

from flask import Flask, current_app, g, request
from flask_compress import Compress

from core.headers import STAFF_PREFIX

TYPES = [
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "text/xml",
    "application/xml",
    "image/svg+xml",
]


def may_compress() -> bool:
    """Whether this request's response holds no secret beside reflected input (see the module docstring)."""
    carries_token = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token") in g
    return not carries_token and not request.path.startswith(STAFF_PREFIX)


def init_app(app: Flask) -> None:
    app.config.setdefault("COMPRESS_MIMETYPES", TYPES)
    app.config.setdefault("COMPRESS_ALGORITHM_STREAMING", ["zstd", "br", "gzip", "deflate"])
    app.config["COMPRESS_REGISTER"] = False  # the hook below decides which responses may be compressed
    compress = Compress(app)

    @app.after_request
    def _compress(response):
        if response.status_code == 206 or not may_compress():  # a range is of the file as it is stored
            return response
        return compress.after_request(response)
