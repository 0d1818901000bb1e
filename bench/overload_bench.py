"""The citizen's form past its capacity: no report may be stored whose citizen never saw a receipt.

    .venv/bin/python bench/overload_bench.py [--rate 600] [--seconds 15] [--timeout 5] [--database-url URL]

The real service (`wsgi:app`, gunicorn `-w 2`, sync workers) is offered reports at a fixed rate (open loop: a new
filing every 1/rate s whatever the answers), well above what two workers serve; each citizen's browser gives up
after --timeout seconds. Two runs side by side:
- direct: citizens reach gunicorn itself (as under `make run`): a report whose browser closed before its commit is
  not kept (intake/busy.py, the socket check);
- behind a proxy: each request carries the proxy's X-Request-Start (TRUSTED_PROXY_HOPS=1, REQUEST_QUEUE_TIMEOUT
  below the browsers' patience): a filing that waited too long is answered 503 "busy, your text is kept" at once.

Prints, per run: filings offered, receipts seen (201), busy pages (503, in Vietnamese), browsers that gave up, other
answers, reports stored, and stored without a receipt (stored minus receipts seen: the figure that must be 0). The
machine's load varies the counts; the last column does not.
"""

import argparse
import http.client
import random
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.benchdb import machine_line  # noqa: E402
from bench.intake_bench import (  # noqa: E402
    DEFAULT_REDIS,
    OPTION,
    BenchInstance,
    Client,
    Server,
    count_reports,
    report_fields,
)

RECEIPT = re.compile(r'id="tracking-code">([^<]+)<')
BUSY = "quá tải"


def file_one(port: int, cookies: dict, fields: dict, timeout: float, stamp: bool) -> str:
    """One filing by a browser that waits `timeout` s: 'receipt', 'busy', 'gave-up' or 'other:<status>'."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if stamp:  # what the proxy adds: when the request reached it, and the client's address
        headers["X-Request-Start"] = f"t={time.time():.3f}"
        headers["X-Forwarded-For"] = "203.0.113.9"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/", body=urlencode(fields).encode(), headers=headers)
        response = conn.getresponse()
        page = response.read().decode("utf-8", "replace")
    except (TimeoutError, OSError):
        return "gave-up"
    finally:
        conn.close()  # a browser that gave up closes its connection
    if response.status == 201 and RECEIPT.search(page):
        return "receipt"
    if response.status == 503 and BUSY in page:
        return "busy"
    return f"other:{response.status}"


def run(name: str, env: dict, logs: Path, app, args, stamp: bool) -> dict:
    server = Server(name, "wsgi:app", env, logs, ROOT)
    try:
        server.wait()
        before = count_reports(app)
        sessions = []
        for _ in range(32):  # browsers that opened the form: a cookie and a CSRF token each
            client = Client(server.port)
            sessions.append((client.cookies, client.token("/")))
        _, page = Client(server.port).request("GET", "/")
        wards = [w for w in OPTION.findall(page) if w.isdigit()]
        rng = random.Random(7)
        outcomes: list[str] = []
        lock = threading.Lock()

        def one(i: int) -> None:
            cookies, token = sessions[i % len(sessions)]
            outcome = file_one(
                server.port, cookies, {"csrf_token": token, **report_fields(rng, wards)}, args.timeout, stamp
            )
            with lock:
                outcomes.append(outcome)

        offered = int(args.rate * args.seconds)
        with ThreadPoolExecutor(max_workers=args.threads) as pool:
            start = time.monotonic()
            for i in range(offered):
                delay = start + i / args.rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                pool.submit(one, i)
        time.sleep(args.timeout + 5)  # what gunicorn still had queued is served (or dropped) before counting
        stored = count_reports(app) - before
    finally:
        server.stop()
    counts = {key: outcomes.count(key) for key in ("receipt", "busy", "gave-up")}
    others = len(outcomes) - sum(counts.values())
    return {"offered": offered, **counts, "other": others, "stored": stored, "orphans": stored - counts["receipt"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=600, help="filings offered per second")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--timeout", type=float, default=5, help="how long a citizen's browser waits")
    parser.add_argument("--threads", type=int, default=400, help="browsers open at once at most")
    parser.add_argument("--database-url", help="a PostgreSQL database of the bench's own (default: SQLite)")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS)
    args = parser.parse_args()

    bench = BenchInstance("overload-bench-", args.database_url, args.redis_url)
    app, logs = bench.app, bench.logs
    env = {**bench.env, "SUBMIT_RATE_LIMIT": "1000000 per minute"}
    print(machine_line())
    print(
        f"{'SQLite' if not args.database_url else 'PostgreSQL'}; gunicorn -w 2 (sync); {args.rate:.0f} filings/s "
        f"offered for {args.seconds:.0f} s; browsers wait {args.timeout:.0f} s"
    )
    print(
        f"{'':22}{'offered':>8}{'receipt':>8}{'busy':>7}{'gave up':>8}{'other':>6}{'stored':>8}{'stored w/o receipt':>20}"
    )
    try:
        direct = run("direct", env, logs, app, args, stamp=False)
        proxied_env = {
            **env,
            "TRUSTED_PROXY_HOPS": "1",
            "REQUEST_QUEUE_TIMEOUT_SECONDS": str(max(1, int(args.timeout // 2))),
        }
        proxied = run("proxied", proxied_env, logs, app, args, stamp=True)
        for name, figures in (("direct to gunicorn", direct), ("behind a proxy", proxied)):
            print(
                f"{name:22}{figures['offered']:8d}{figures['receipt']:8d}{figures['busy']:7d}{figures['gave-up']:8d}"
                f"{figures['other']:6d}{figures['stored']:8d}{figures['orphans']:20d}"
            )
    finally:
        bench.clean()


if __name__ == "__main__":
    main()
