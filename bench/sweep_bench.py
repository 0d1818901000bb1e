"""Benchmark of the deadline sweep's query on PostgreSQL with 1,000,000 open reports.

    .venv/bin/python bench/sweep_bench.py [--reuse] [--reports 1000000] [--due-pct 1.0]
                                          [--today 2026-12-01] [--reps 5]

1. (Re)creates the database ``bench_sweep`` on 127.0.0.1:5432 (user postgres),
   runs the Alembic migrations (``upgrade_database``), loads the units
   (``load_units``), then generates in SQL (INSERT ... SELECT FROM generate_series)
   ``--reports`` open reports (status 'routed', track 'phan-anh', a unit among the
   loaded ones) received over the 3 years before "today", each with one running
   acceptance clock whose ``next_action_on`` is on or before today for about
   ``--due-pct`` % of them (0..2 days late, as after a short outage) and 1..60 days
   in the future for the rest; ``due_on`` is 2..6 days after ``next_action_on`` (moved off weekends).
   Then ANALYZE. With ``--reuse`` an existing, fully generated ``bench_sweep`` is
   kept as it is (generation skipped).
2. Times, median of ``--reps`` runs each, in the same run:
   (a) ``triage.deadlines.sweep.due_clock_ids(session, today)``, the real function,
       through a SQLAlchemy Session on postgresql+psycopg;
   (b) the baseline ``SELECT COUNT(*) FROM clocks`` (a full pass over the table);
   and prints both, the rows found and the ratio a / b. Target: (a) < 2 s.
3. Prints ``EXPLAIN (ANALYZE, BUFFERS)`` of the exact SQL and parameters that
   ``due_clock_ids`` sent (captured from the cursor), and whether the index
   ``ix_clocks_status_next_action_on`` is used.

Exit status 1 if the sweep misses the target or does not use the index.
Only the ``bench_sweep`` database is dropped/created; nothing else is touched.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchdb import SERVER, machine_line, prepare, run_steps, timed, vacuum_analyze  # noqa: E402
from sqlalchemy import event, func, select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from core.models import Clock, Report, Unit  # noqa: E402
from core.units import load_units  # noqa: E402
from intake.receipts import hash_passphrase  # noqa: E402
from triage.deadlines.sweep import due_clock_ids  # noqa: E402

DB_NAME = "bench_sweep"
URL = f"{SERVER}/{DB_NAME}"
INDEX = "ix_clocks_status_next_action_on"
TARGET_S = 2.0
ALPHABET = "ACDEFHJKMNPRTUVWXY3479"  # intake.receipts.ALPHABET

# Generation, in one transaction. :n reports, :today the benchmark's day, :due_frac the due share.
# gen: one row per report, ids in order of receipt (as a real table grows).
GEN_SQL = [
    "SELECT setseed(0.42)",
    """
    CREATE TEMP TABLE u AS
    SELECT row_number() OVER (ORDER BY id) AS rn, id, agency, ward_code FROM units
    """,
    """
    CREATE TEMP TABLE gen AS
    SELECT row_number() OVER (ORDER BY received_at)::int AS id, received_at, unit_rn, due, late, ahead, slack, conf
    FROM (
        SELECT (CAST(:today AS timestamp) - random() * 3 * 365.25 * interval '1 day')
                   AT TIME ZONE 'Asia/Ho_Chi_Minh' AS received_at,
               1 + floor(random() * (SELECT count(*) FROM u))::int AS unit_rn,
               random() < :due_frac AS due,
               floor(random() * 3)::int AS late,
               1 + floor(random() * 60)::int AS ahead,
               2 + floor(random() * 5)::int AS slack,
               0.55 + random() * 0.44 AS conf
        FROM generate_series(1, :n)
    ) s
    """,
    """
    INSERT INTO reports (id, tracking_code, passphrase_hash, received_at, text, kind, track, ward_code_given,
                         office, occurred_on, reporter_name, reporter_address, reporter_phone, reporter_email,
                         status, unit_id, agency, ward_code, category, escalate, confidence, labels, model_version,
                         routed_at, accepted_at, resolved_at, closed_at, outcome, overdue_at)
    SELECT g.id,
           'TH-' || substr(:alphabet, g.id % 22 + 1, 1) || substr(:alphabet, g.id / 22 % 22 + 1, 1)
                 || substr(:alphabet, g.id / 484 % 22 + 1, 1) || substr(:alphabet, g.id / 10648 % 22 + 1, 1)
                 || '-' || substr(:alphabet, g.id / 234256 % 22 + 1, 1)
                 || substr(:alphabet, g.id / 5153632 % 22 + 1, 1) || 'AA',
           :passphrase_hash,
           g.received_at,
           'Phản ánh số ' || g.id || ': đường ngõ xóm bị hư hỏng, nước thải tràn ra mặt đường gây ô nhiễm, '
             || 'đề nghị chính quyền địa phương kiểm tra, xử lý.',
           'phan-anh', 'phan-anh', u.ward_code, NULL, (g.received_at - interval '3 days')::date,
           CASE WHEN g.id % 3 = 0 THEN NULL ELSE 'Nguyễn Văn ' || g.id END,
           CASE WHEN g.id % 3 = 0 THEN NULL ELSE 'Thôn ' || (g.id % 20 + 1) END,
           CASE WHEN g.id % 3 = 0 THEN NULL ELSE '09' || lpad((g.id % 100000000)::text, 8, '0') END,
           CASE WHEN g.id % 5 = 0 THEN 'nguoidan' || g.id || '@example.vn' END,
           'routed', u.id, u.agency, u.ward_code,
           (ARRAY['ha-tang', 'moi-truong', 'dat-dai', 'trat-tu', 'khac'])[1 + g.id % 5],
           false, g.conf, NULL, 'bench-model-2026-07',
           g.received_at + interval '2 minutes', NULL, NULL, NULL, NULL, NULL
    FROM gen g JOIN u ON u.rn = g.unit_rn
    """,
    """
    INSERT INTO clocks (id, report_id, stage, track, label, starts_on, due_on, nominal_due_on, due_at, amount, unit,
                        policy_version, status, extensions, paused_days, stopped_at, paused_at, breached_at,
                        next_action_on)
    SELECT g.id, g.id, 'acceptance', 'phan-anh', 'Hạn tiếp nhận, phân loại',
           (g.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
           d.due_on, d.due_on,
           ((d.due_on + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') - interval '1 microsecond',
           5, 'working_days', '2026-07', 'running', 0, 0, NULL, NULL, NULL,
           n.next_action_on
    FROM gen g
    CROSS JOIN LATERAL (
        SELECT CASE WHEN g.due THEN CAST(:today AS date) - g.late ELSE CAST(:today AS date) + g.ahead END
               AS next_action_on
    ) n
    CROSS JOIN LATERAL (  -- a working-day deadline: off a weekend onto the Monday
        SELECT n.next_action_on + g.slack
               + CASE extract(isodow FROM n.next_action_on + g.slack) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END AS due_on
    ) d
    """,
    "SELECT setval(pg_get_serial_sequence('reports', 'id'), :n)",
    "SELECT setval(pg_get_serial_sequence('clocks', 'id'), :n)",
    "DROP TABLE gen",
    "DROP TABLE u",
]


def populated(engine, n: int) -> bool:
    try:
        with Session(engine) as session:
            return (
                session.scalar(select(func.count()).select_from(Report)) == n
                and session.scalar(select(func.count()).select_from(Clock)) == n
            )
    except Exception:  # noqa: BLE001 - no tables yet
        return False


def generate(engine, n: int, today: date, due_frac: float) -> float:
    t0 = time.perf_counter()
    with Session(engine) as session:
        created, _ = load_units(session)
        session.commit()
        units = session.scalar(select(func.count()).select_from(Unit))
    print(f"units loaded: {units} ({created} created)")
    params = {
        "n": n,
        "today": today,
        "due_frac": due_frac,
        "alphabet": ALPHABET,
        # one real argon2 hash, the same for every row: only its size matters here
        "passphrase_hash": hash_passphrase("ACDE-FHJK-MNPR"),
    }
    with engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
        conn.exec_driver_sql("SET LOCAL work_mem = '64MB'")
        run_steps(conn, GEN_SQL, params)
    gen_s = time.perf_counter() - t0
    vacuum_analyze(engine, ["VACUUM ANALYZE reports", "VACUUM ANALYZE clocks", "ANALYZE units"])
    return gen_s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reuse", action="store_true", help="keep an existing, fully generated bench_sweep")
    ap.add_argument("--reports", type=int, default=1_000_000)
    ap.add_argument("--due-pct", type=float, default=1.0, help="share of clocks due on 'today', in %%")
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 1))
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    n, today = args.reports, args.today

    print(machine_line())
    engine = prepare(
        DB_NAME,
        reuse=args.reuse,
        populated=lambda e: populated(e, n),
        generate=lambda e: generate(e, n, today, args.due_pct / 100),
    )
    with engine.connect() as conn:
        pg = conn.scalar(text("SHOW server_version"))
        sb = conn.scalar(text("SHOW shared_buffers"))
        size = conn.scalar(text("SELECT pg_size_pretty(pg_total_relation_size('clocks'))"))
        expected = conn.scalar(
            text("SELECT count(*) FROM clocks WHERE status = 'running' AND next_action_on <= :d"), {"d": today}
        )
    print(f"PostgreSQL {pg}, shared_buffers {sb}; clocks table + indexes: {size}; today = {today}")

    # Capture the exact SQL and parameters due_clock_ids sends, for the EXPLAIN below.
    captured: list[tuple[str, object]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _capture(conn, cursor, statement, parameters, context, executemany):
        if "FROM clocks" in statement and "next_action_on" in statement:
            captured.append((statement, parameters))

    def sweep():
        with Session(engine) as session:
            return due_clock_ids(session, today)

    def baseline():
        with Session(engine) as session:
            return session.scalar(text("SELECT COUNT(*) FROM clocks"))

    sweep_med, sweep_times, ids = timed(sweep, args.reps)
    base_med, base_times, count = timed(baseline, args.reps)
    found = len(ids)
    print()
    print(
        f"(a) due_clock_ids(session, {today}): median {sweep_med * 1000:.1f} ms over {args.reps} runs "
        f"[{', '.join(f'{x * 1000:.1f}' for x in sweep_times)}] -> {found:,} clock ids "
        f"({found / n:.2%} of {n:,}; expected {expected:,})"
    )
    print(
        f"(b) SELECT COUNT(*) FROM clocks: median {base_med * 1000:.1f} ms over {args.reps} runs "
        f"[{', '.join(f'{x * 1000:.1f}' for x in base_times)}] -> {count:,} rows"
    )
    print(f"ratio (a)/(b): {sweep_med / base_med:.3f}")
    ok_time = sweep_med < TARGET_S and found == expected
    print(
        f"target (a) < {TARGET_S:.0f} s: {'MET' if sweep_med < TARGET_S else 'MISSED'}; "
        f"rows match the direct count: {found == expected}"
    )

    statement, parameters = captured[-1]
    with engine.connect() as conn:
        literal = str(
            select(Clock.id)
            .where(Clock.status == "running", Clock.next_action_on <= today)
            .order_by(Clock.next_action_on, Clock.id)
            .compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        )
        plan = [row[0] for row in conn.exec_driver_sql(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", parameters)]
    print()
    print("sweep SQL as sent:", " ".join(statement.split()), "| parameters:", parameters)
    print("same with literals:", " ".join(literal.split()))
    print("EXPLAIN (ANALYZE, BUFFERS):")
    for line in plan:
        print("   ", line)
    uses_index = any(INDEX in line and "Index" in line for line in plan)
    key = next((line.strip() for line in plan if INDEX in line), None) or next(
        (line.strip() for line in plan if "Scan" in line), "?"
    )
    print(f"index {INDEX} used: {'YES' if uses_index else 'NO'}  (key line: {key})")
    engine.dispose()
    return 0 if ok_time and uses_index else 1


if __name__ == "__main__":
    sys.exit(main())
