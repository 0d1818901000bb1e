"""Evidence off the request path: what a submission with large images costs the web worker, and a bystander.

    .venv/bin/python bench/evidence_bench.py [--rounds 5] [--database-url URL] [--redis-url URL]

The real service (`wsgi:app`) under gunicorn (`-w 2`, sync workers), as intake_bench starts it. Each round POSTs,
through the real form with its CSRF token, the same Vietnamese report:

- without attachments (the baseline);
- with the probe's five 7000×7000 (49-megapixel) single-colour PNGs of ≈143 KB each;
- twice at once with those five PNGs (the probe stalled both workers this way);
- with five 12-megapixel phone photos (JPEG), which are accepted and whose cleaning is enqueued.

For each it prints (median of the rounds) the answer's time, the growth of the resident memory (VmRSS from /proc/<pid>/status) of the
worker that answered, and the slowest of the GET / that a bystander sends in a loop meanwhile, with ratios to the
baseline. Then an rq worker in this process runs the cleaning jobs the photos left (burst) and the time they took:
the work moved off the request path.

The database is SQLite in a temporary instance folder unless --database-url names a PostgreSQL database of the
bench's own (its public schema is dropped and rebuilt). Redis is --redis-url (default 127.0.0.1:6379 db 9, an embedded
one when that is unreachable); the run's queues and keys are deleted at the end.
"""

import argparse
import http.client
import io
import json
import logging
import re
import shutil
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from intake_bench import CSRF, BenchInstance, Client, Server, clean_redis  # noqa: E402

from bench.benchdb import machine_line  # noqa: E402

TEXT = (
    "Ngày 12/11 tôi đến bộ phận một cửa UBND phường Quảng Phú làm thủ tục đất đai, cán bộ đòi 2 triệu đồng mới "
    "nhận hồ sơ. Tôi gửi kèm ảnh chụp giấy hẹn và biên nhận."
)
FIELDS = {"text": TEXT, "kind": "phan-anh", "ward": "16522"}


def png_49_megapixels(colour: tuple[int, int, int]) -> bytes:
    """The probe's file: 7000×7000 RGB of one colour, ≈143 KB once compressed."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (7000, 7000), colour).save(out, format="PNG")
    return out.getvalue()


def photo_12_megapixels(seed: int) -> bytes:
    """A 4000×3000 JPEG with texture (noise scaled up), about what a phone sends."""
    from PIL import Image

    noise = Image.effect_noise((400, 300), 60 + seed).convert("RGB").resize((4000, 3000))
    out = io.BytesIO()
    noise.save(out, format="JPEG", quality=85)
    return out.getvalue()


def vm_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def workers(server: Server) -> list[int]:
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()
    return [int(pid) for pid in children]


class Browser(Client):
    """A citizen's browser (intake_bench's client, with its cookies) that also sends a multipart form."""

    def post_multipart(self, body: bytes, boundary: str) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            content_type = f"multipart/form-data; boundary={boundary}"
            conn.request("POST", "/", body=body, headers={"Cookie": cookie, "Content-Type": content_type})
            answer = conn.getresponse()
            return answer.status, answer.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def submit(self, files: list[tuple[str, bytes]]) -> tuple[int, str, float]:
        """GET / then POST the report with its files; (status, page, seconds of the POST)."""
        status, page = self.request("GET", "/")
        match = CSRF.search(page)
        if status != 200 or not match:
            raise RuntimeError(f"GET / answered {status} without a CSRF token")
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in {"csrf_token": match.group(1) or match.group(2), **FIELDS}.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for filename, content in files:
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            )
            parts.append(head.encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        started = time.perf_counter()
        status, page = self.post_multipart(body, boundary)
        return status, page, time.perf_counter() - started


def bystander(port: int, stop: threading.Event, latencies: list[float]) -> None:
    """A citizen opening the form over and over while the submission is served."""
    client = Browser(port)
    while not stop.is_set():
        started = time.perf_counter()
        status, _ = client.request("GET", "/")
        latencies.append((time.perf_counter() - started) * 1000 if status == 200 else float("inf"))


def measure(server: Server, submissions: list[list[tuple[str, bytes]]]) -> dict:
    """Send the submissions at once while a bystander GETs /; the slowest answer, the largest RSS growth of a
    worker, the bystander's slowest GET."""
    pids = workers(server)
    before = {pid: vm_rss_kb(pid) for pid in pids}
    stop, latencies, answers = threading.Event(), [], []
    watcher = threading.Thread(target=bystander, args=(server.port, stop, latencies))
    watcher.start()
    time.sleep(0.2)  # the bystander is in its loop before the submission starts

    def send(files):
        answers.append(Browser(server.port).submit(files))

    senders = [threading.Thread(target=send, args=(files,)) for files in submissions]
    for thread in senders:
        thread.start()
    for thread in senders:
        thread.join()
    stop.set()
    watcher.join()
    growth = max(vm_rss_kb(pid) - before[pid] for pid in pids) / 1024
    refused = sum(len(re.findall(r"quá lớn bất thường", page)) for _, page, _ in answers)
    return {
        "statuses": sorted(status for status, _, _ in answers),
        "answer_s": max(seconds for _, _, seconds in answers),
        "rss_growth_mb": growth,
        "bystander_max_ms": max(latencies),
        "bystander_gets": len(latencies),
        "files_refused": refused,
    }


def run_cleaning(app, queue_name: str) -> dict:
    """The rq worker's share: the cleaning jobs the accepted photos left, run here in burst."""
    from rq import Queue, SimpleWorker
    from sqlalchemy import func, select

    from core.extensions import db
    from core.models import Attachment

    logging.getLogger("rq").setLevel(logging.WARNING)
    with app.app_context():
        queue = Queue(queue_name, connection=app.extensions["redis"])
        jobs = len(queue)
        started = time.perf_counter()
        SimpleWorker([queue], connection=app.extensions["redis"]).work(burst=True, logging_level="WARNING")
        seconds = time.perf_counter() - started
        counts = db.session.execute(select(Attachment.clean_state, func.count()).group_by(Attachment.clean_state))
        states = {state: count for state, count in counts}
        db.session.remove()
    return {"jobs": jobs, "seconds": seconds, "states": states}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each case (their median is printed)")
    parser.add_argument("--database-url", help="a PostgreSQL database of the bench's own (default: SQLite)")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    args = parser.parse_args()

    run = BenchInstance("evidence-bench-", args.database_url, args.redis_url)
    app, env, logs = run.app, run.env, run.logs
    jobs_queue = app.config["JOBS_QUEUE"] = env["JOBS_QUEUE"]
    pngs = [(f"anh-{i}.png", png_49_megapixels((40 * i, 90, 200 - 30 * i))) for i in range(5)]
    photos = [(f"IMG_{i:04}.jpg", photo_12_megapixels(i)) for i in range(5)]
    cases = {
        "no attachments (baseline)": [[]],
        "5 PNG of 49 Mpx": [pngs],
        "2 × 5 PNG of 49 Mpx at once": [pngs, pngs],
        "5 JPEG of 12 Mpx (accepted)": [photos],
    }
    server = Server("real", "wsgi:app", env, logs, ROOT)
    results = {}
    try:
        server.wait()
        for _ in range(6):  # both workers warm: the first requests load templates and open the database
            Browser(server.port).submit([])
        for name, submissions in cases.items():
            rounds = [measure(server, submissions) for _ in range(args.rounds)]
            results[name] = {key: statistics.median(r[key] for r in rounds) for key in rounds[0] if key != "statuses"}
            results[name]["statuses"] = sorted({s for r in rounds for s in r["statuses"]})
        cleaning = run_cleaning(app, jobs_queue)
    finally:
        server.stop()

    backend = "PostgreSQL" if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql") else "SQLite"
    print(machine_line())
    print(f"{backend}; gunicorn -w 2 (sync); median of {args.rounds} rounds per case")
    print(f"PNG sizes: {', '.join(f'{len(c) // 1024} KB' for _, c in pngs)}; JPEG {len(photos[0][1]) // 1024} KB")
    print(
        f"{'':30} {'answer s':>9} {'÷base':>7} {'RSS +MB':>8} {'bystander max ms':>17} {'÷base':>7} "
        f"{'GETs':>5} {'refused':>8} statuses"
    )
    base = results["no attachments (baseline)"]
    for name, r in results.items():
        print(
            f"{name:30} {r['answer_s']:9.3f} {r['answer_s'] / base['answer_s']:7.2f} {r['rss_growth_mb']:8.1f} "
            f"{r['bystander_max_ms']:17.1f} {r['bystander_max_ms'] / base['bystander_max_ms']:7.2f} "
            f"{r['bystander_gets']:5.0f} {r['files_refused']:8.0f} {r['statuses']}"
        )
    print(
        f"cleaning jobs (rq worker, not the web): {cleaning['jobs']} jobs in {cleaning['seconds']:.2f} s; "
        f"attachments by state {cleaning['states']}"
    )
    print(json.dumps({"backend": backend, "rounds": args.rounds, "cases": results, "cleaning": cleaning}))
    clean_redis(run.redis_url, jobs_queue, run.tag)
    run.clean()
    shutil.rmtree(run.scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
