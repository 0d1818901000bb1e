"""Benchmark of the database side of a /metrics scrape (triage/metrics.py) on PostgreSQL.

    .venv/bin/python bench/metrics_bench.py [--reuse] [--reports 300000] [--reps 5]

1. (Re)creates the database ``bench_metrics`` on 127.0.0.1:5432 (user postgres), runs the migrations, then
   generates in SQL ``--reports`` reports over two years: channels web 70 %, paper 10 %, in-person 8 %, hotline 5 %,
   portal 4 %, api 2 %, other 1 %; statuses closed 80 %, resolved 5 %, accepted 8 %, routed 4 %, needs-triage 2 %,
   received 1 % (routed_at set for all but the received); one clock per report (met for the finished ones, running
   for the others, a third of those past due, its due date the report's next_due_on), two notifications per report (98 % sent). Then VACUUM ANALYZE.
   ``--reuse`` keeps a generated database.
2. Times (median of ``--reps``, a new session each) the scrape's database queries as /metrics runs them
   (``StateCollector._database``: reports by channel, waiting for routing and the oldest, outbox, clocks), with the
   indexes of migration 0016 and, for comparison, without them (dropped, then created again); and apart, a process's
   first scrapes, which count every report received by channel, 100,000 ids each.
   Target: < 100 ms with the index. Exit status 1 if missed.

Only the ``bench_metrics`` database is dropped/created.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchdb import machine_line, prepare, run_steps, timed, url, vacuum_analyze  # noqa: E402
from sqlalchemy import text  # noqa: E402

from core.extensions import db  # noqa: E402
from triage.app import create_app  # noqa: E402
from triage.metrics import StateCollector  # noqa: E402

NAME = "bench_metrics"
TARGET_MS = 100
INDEXES = {  # migration 0016
    "ix_reports_status_channel": "ON reports (status, channel)",
    "ix_reports_unrouted_channel": "ON reports (channel) WHERE routed_at IS NULL",
}

GENERATE = [
    """
    INSERT INTO reports (id, tracking_code, passphrase_hash, received_at, text, text_folded, kind, track, channel,
                         status, routed_at, escalate, notify_reporter, reopened, instance, complexity)
    SELECT g, 'TH-' || lpad(g::text, 9, '0'), '-', now() - (g % 730) * interval '1 day',
           'Phản ánh số ' || g || ': cán bộ một cửa hẹn lần hẹn lữa, ba tháng chưa trả kết quả hồ sơ đất đai.',
           'phan anh so ' || g || ': can bo mot cua hen lan hen lua, ba thang chua tra ket qua ho so dat dai.',
           'phan-anh', 'phan-anh',
           CASE WHEN g % 100 < 70 THEN 'web' WHEN g % 100 < 80 THEN 'paper' WHEN g % 100 < 88 THEN 'in-person'
                WHEN g % 100 < 93 THEN 'hotline' WHEN g % 100 < 97 THEN 'portal' WHEN g % 100 < 99 THEN 'api'
                ELSE 'other' END,
           CASE WHEN g % 97 < 78 THEN 'closed' WHEN g % 97 < 83 THEN 'resolved' WHEN g % 97 < 91 THEN 'accepted'
                WHEN g % 97 < 95 THEN 'routed' WHEN g % 97 < 96 THEN 'needs-triage' ELSE 'received' END,
           CASE WHEN g % 97 < 96 THEN now() - (g % 730) * interval '1 day' + interval '2 minutes' END,
           false, true, 0, 1, 'normal'
    FROM generate_series(1, :n) AS g
    """,
    """
    INSERT INTO clocks (report_id, stage, track, label, starts_on, due_on, due_at, amount, unit, policy_version,
                        status, extensions, paused_days, cycle)
    SELECT r.id, 'resolution', 'phan-anh', 'Giải quyết', CAST(r.received_at AS date),
           CASE WHEN r.id % 3 = 0 THEN CURRENT_DATE - 1 - r.id % 20 ELSE CURRENT_DATE + r.id % 30 END,
           now(), 10, 'working_days', 'bench',
           CASE WHEN r.status IN ('closed', 'resolved') THEN 'met'
                WHEN r.id % 3 = 0 AND r.id % 2 = 0 THEN 'breached' ELSE 'running' END, 0, 0, 0
    FROM reports r
    """,
    """
    INSERT INTO notifications (report_id, event_key, channel, recipient, recipient_role, subject, body, status,
                               attempts, created_at, next_attempt_at)
    SELECT r.id, 'bench:' || k, 'email', 'donvi' || r.id % 181 || '@thanhhoa.gov.vn', 'unit', 'Thông báo', '-',
           CASE WHEN (r.id + k) % 100 < 98 THEN 'sent' WHEN (r.id + k) % 100 = 98 THEN 'pending' ELSE 'dead' END,
           1, now(), now()
    FROM reports r CROSS JOIN generate_series(1, 2) AS k
    """,
    """
    UPDATE reports r SET next_due_on = c.due_on FROM clocks c
    WHERE c.report_id = r.id AND r.status NOT IN ('closed', 'resolved')
    """,
]


def _populated(engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.scalar(text("SELECT EXISTS (SELECT 1 FROM notifications)")))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--reports", type=int, default=300_000)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    print(machine_line())

    def generate(engine) -> float:
        import time

        t = time.perf_counter()
        with engine.begin() as conn:
            run_steps(conn, GENERATE, {"n": args.reports})
        vacuum_analyze(engine, ["VACUUM ANALYZE reports", "VACUUM ANALYZE clocks", "VACUUM ANALYZE notifications"])
        return time.perf_counter() - t

    engine = prepare(NAME, reuse=args.reuse, populated=_populated, generate=generate)
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url(NAME), "SECRET_KEY": "bench", "INSTANCE_PATH": str(ROOT / "instance" / "bench")}
    )
    collector = StateCollector(app)

    def scrape():
        with app.app_context():
            figures = list(collector._database())
            db.session.remove()
            return figures

    first = []  # a process's first scrapes count every report received by channel, a chunk of ids each
    while True:
        seconds, _, figures = timed(scrape, 1)
        first.append(seconds)
        if any(f.name == "thanhhoa_reports_received" and f.samples for f in figures):
            break
    with_index, _, figures = timed(scrape, args.reps)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for name in INDEXES:
            conn.exec_driver_sql(f"DROP INDEX {name}")
        conn.exec_driver_sql("ANALYZE reports")
    try:
        without, _, _ = timed(scrape, args.reps, warm_up=True)
    finally:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for name, definition in INDEXES.items():
                conn.exec_driver_sql(f"CREATE INDEX {name} {definition}")
            conn.exec_driver_sql("VACUUM ANALYZE reports")
    for family in figures:
        for sample in family.samples:
            print(f"  {sample.name}{sample.labels or ''} = {sample.value:,.0f}")
    print(f"reports: {args.reports:,}; database part of a scrape, median of {args.reps}:")
    chunks = ", ".join(f"{t * 1000:.0f}" for t in first)
    print(f"  first scrapes of a process (the full count by channel, a chunk of ids each): {chunks} ms")
    print(f"  with the indexes of 0016: {with_index * 1000:.1f} ms (target < {TARGET_MS} ms)")
    print(f"  without them:             {without * 1000:.1f} ms")
    return 0 if with_index * 1000 < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
