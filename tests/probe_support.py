"""For the tests of /readyz and /metrics: a Redis that accepts connections and never answers, and a request with an
overall guard (the app must answer by itself; the guard only keeps a broken build from hanging the suite)."""

import socket
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

GUARD_SECONDS = 60


@contextmanager
def silent_redis_url():
    """redis://... of a listening socket that is never accepted nor read: connections succeed (the kernel's
    backlog completes them), commands get no answer."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/12"


def get_guarded(client, path: str, **kwargs):
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(client.get, path, **kwargs).result(timeout=GUARD_SECONDS)
