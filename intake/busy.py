"""Load shedding for the citizen's pages: a request that waited too long to be served, or whose sender has gone,
is never turned into a stored report nobody received a receipt for.

Two signals, each cheap:
- how long the request waited in front of the service: the reverse proxy stamps `X-Request-Start` (nginx:
  `proxy_set_header X-Request-Start "t=${msec}";`, see deploy/). A POST that waited longer than
  REQUEST_QUEUE_TIMEOUT_SECONDS is answered at once with 503 and the citizen's form, their text kept, before
  anything is read from or written to the database. The stamp is read only behind a trusted proxy
  (TRUSTED_PROXY_HOPS > 0): a client's own header could only shed its own request, but a clock it does not share
  with the proxy must not decide.
- whether the sender is still there: under gunicorn the request's socket is in the WSGI environ. Just before the
  report is committed, a peek at it tells whether the client closed the connection (its browser gave up); then
  nothing is kept, and the citizen, who saw no receipt, sends again.
"""

import logging
import socket
import time

from flask import current_app, request

log = logging.getLogger(__name__)

BUSY = (
    "Hệ thống đang quá tải nên chưa nhận được yêu cầu của bạn; chưa có gì được lưu. Xin chờ khoảng nửa phút rồi thử "
    "lại."
)


def queued_seconds(header: str | None, now: float) -> float | None:
    """Seconds between the proxy's stamp and `now`; None without a stamp that reads as a time in the past day.

    Accepts `t=<seconds>` with a fraction (nginx's ${msec}), and whole milliseconds or microseconds since the epoch
    (the other proxies' conventions), with or without the `t=`."""
    if not header:
        return None
    value = header.strip().removeprefix("t=")
    try:
        stamp = float(value)
    except ValueError:
        return None
    for scale in (1, 1e3, 1e6):  # seconds, milliseconds, microseconds
        seconds = stamp / scale
        if abs(now - seconds) < 86_400:
            return max(0.0, now - seconds)
    return None


def waited_too_long() -> bool:
    """The request waited longer than REQUEST_QUEUE_TIMEOUT_SECONDS behind a trusted proxy (0: never shed)."""
    config = current_app.config
    limit = config["REQUEST_QUEUE_TIMEOUT_SECONDS"]
    if not limit or not config.get("TRUSTED_PROXY_HOPS"):
        return False
    waited = queued_seconds(request.headers.get("X-Request-Start"), time.time())
    if waited is not None and waited > limit:
        log.warning("request to %s waited %.1f s in front of the service: answered busy", request.endpoint, waited)
        return True
    return False


def client_left() -> bool:
    """True when the client closed its connection (its browser gave up waiting). False when unsure: no socket in
    the environ (another server, the test client), or one still open with nothing to read."""
    sock = request.environ.get("gunicorn.socket")
    if sock is None:
        return False
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except (BlockingIOError, InterruptedError):
        return False  # open, nothing sent: the client is waiting for the answer
    except OSError:
        return True  # reset by the peer
