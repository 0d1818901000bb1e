"""A fake SMS gateway on loopback (http.server in a thread), for the tests of the SMS senders and their jobs."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeGateway:
    """An SMS gateway on loopback: answers each POST with the next planned (status, body, delay) and keeps what it
    received."""

    def __init__(self):
        self.received, self.plan = [], []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                gateway.received.append({"headers": dict(self.headers), "json": json.loads(self.rfile.read(length))})
                status, body, delay = gateway.plan.pop(0) if gateway.plan else (200, {"id": "gw-1"}, 0)
                if delay:
                    threading.Event().wait(delay)
                payload = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting (a timeout test)
                    pass

            def log_message(self, *args):  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sms"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def __enter__(self) -> "FakeGateway":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self):
        if self.thread.is_alive():
            self.server.shutdown()
            self.server.server_close()
