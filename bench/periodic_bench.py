"""Benchmark of the periodic report (XLSX) on PostgreSQL with 1,000,000 reports over 3 years.

    .venv/bin/python bench/periodic_bench.py [--db bench_dashboard|bench_periodic] [--reuse] [--reps 5]
                                             [--month 2026-10] [--today 2026-11-20] [--explain]

Database:
- ``--db bench_dashboard`` (the default when it exists): the dashboard bench's database (bench/dashboard_bench.py:
  1M reports over the 3 years before 2026-11-20, figure columns set, 300 officers), used READ-ONLY. It has no
  clock rows, so the "Quá hạn" sheet lists its overdue reports without the late clock.
- ``--db bench_periodic``: (re)creates ``bench_periodic`` with the same generator (dashboard_bench.GEN_SQL),
  then adds, in SQL, one clock per open report (acceptance for a routed report, resolution for an accepted
  one; breached when the report has `overdue_at`, running otherwise), so the overdue sheet joins real clocks.
  ``--reuse`` keeps an existing, fully generated bench_periodic.

The "Quá hạn" sheet lists at most ``--overdue-rows`` (PERIODIC_OVERDUE_ROWS, default 10,000) reports.

Times, median of ``--reps`` (a new Session each run), in the same run:
  (a) baseline ``SELECT COUNT(*) FROM reports``;
  (b) collect_figures (every SQL aggregation of the four sheets, through triage.reporting.stats / triage.reporting.figures);
  (c) write_workbook (openpyxl, write-only);
  (d) build_report end to end (b + c + the PeriodicReport row, rolled back), for the month; once for the
      quarter and the year.
Target: the month's workbook < 10 s. Exit status 1 if missed. Only bench_periodic is ever dropped/created.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from core.models import Clock, Report  # noqa: E402
from core.vietnamese import Period  # noqa: E402
from triage.deadlines.calendar import default_calendar  # noqa: E402
from triage.reporting.periodic import build_report, collect_figures, write_workbook  # noqa: E402

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
OWN_DB = "bench_periodic"
TARGET_S = 10.0

CLOCK_SQL = """
INSERT INTO clocks (report_id, stage, track, label, starts_on, due_on, nominal_due_on, due_at, amount, unit,
                    policy_version, status, extensions, paused_days, breached_at, next_action_on)
SELECT r.id,
       CASE WHEN r.status = 'routed' THEN 'acceptance' ELSE 'resolution' END, r.track,
       CASE WHEN r.status = 'routed' THEN 'Hạn thụ lý' ELSE 'Hạn giải quyết' END,
       d.start_on, d.due_on, d.due_on,
       ((d.due_on + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') - interval '1 microsecond',
       CASE WHEN r.status = 'routed' THEN 7 ELSE 30 END, 'working_days', 'bench',
       CASE WHEN r.overdue_at IS NOT NULL THEN 'breached' ELSE 'running' END, 0, 0, r.overdue_at,
       CASE WHEN r.overdue_at IS NULL THEN d.due_on END
FROM reports r
CROSS JOIN LATERAL (
    SELECT (r.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS start_on,
           (coalesce(r.accepted_at, r.received_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
             + CASE WHEN r.status = 'routed' THEN 9 ELSE 42 END AS due_on
) d
WHERE r.status IN ('routed', 'accepted')
"""


def _dashboard_bench():
    spec = importlib.util.spec_from_file_location("dashboard_bench", ROOT / "bench" / "dashboard_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exists(name: str) -> bool:
    eng = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with eng.connect() as conn:
            return bool(conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": name}))
    finally:
        eng.dispose()


def make_own(n: int, today: date, reuse: bool) -> str:
    from core.database import upgrade_database

    url = f"{SERVER}/{OWN_DB}"
    if reuse and exists(OWN_DB):
        eng = create_engine(url)
        with Session(eng) as s:
            if s.scalar(select(func.count()).select_from(Report)) == n and s.scalar(
                select(func.count()).select_from(Clock)
            ):
                eng.dispose()
                print(f"reusing {OWN_DB}")
                return url
        eng.dispose()
    admin = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {OWN_DB} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {OWN_DB}"))
    admin.dispose()
    upgrade_database(url)
    engine = create_engine(url)
    gen = _dashboard_bench().generate(engine, n, today)
    t = time.perf_counter()
    with engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
        conn.execute(text(CLOCK_SQL))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE clocks")
    print(f"generated in {gen:.1f} s; clocks in {time.perf_counter() - t:.1f} s")
    engine.dispose()
    return url


def timed(fn, reps: int):
    times, result = [], None
    for _ in range(reps):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times, result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", choices=["bench_dashboard", OWN_DB], default=None)
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--reports", type=int, default=1_000_000)
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 20))
    ap.add_argument("--month", default="2026-10")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--overdue-rows", type=int, default=10_000, help="PERIODIC_OVERDUE_ROWS (0: all)")
    ap.add_argument("--explain", action="store_true", help="log the SQL statements and their durations")
    args = ap.parse_args()

    db = args.db or ("bench_dashboard" if exists("bench_dashboard") else OWN_DB)
    url = make_own(args.reports, args.today, args.reuse) if db == OWN_DB else f"{SERVER}/{db}"
    engine = create_engine(url)
    calendar = default_calendar()
    config = {
        "PERIODIC_REPORTS_DIR": tempfile.mkdtemp(prefix="periodic-bench-"),
        "PERIODIC_OVERDUE_ROWS": args.overdue_rows,
    }
    period = Period.parse("month", args.month)
    with Session(engine) as s:
        reports = s.scalar(select(func.count()).select_from(Report))
        clocks = s.scalar(select(func.count()).select_from(Clock))
    print(
        f"database {db}: {reports:,} reports, {clocks:,} clocks; PostgreSQL on {platform.node()}, "
        f"Python {platform.python_version()}; period {period.label}, as of {args.today}"
    )
    if args.explain:
        import logging

        logging.basicConfig()
        logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)

    def count():
        with Session(engine) as s:
            return s.scalar(text("SELECT COUNT(*) FROM reports"))

    def collect(p=period):
        with Session(engine) as s:
            return collect_figures(s, p, calendar=calendar, as_of=args.today, overdue_limit=args.overdue_rows or None)

    base, _, _ = timed(count, args.reps)
    figures_s, figures_all, figures = timed(collect, args.reps)
    path = Path(config["PERIODIC_REPORTS_DIR"]) / "bench.xlsx"
    write_s, write_all, _ = timed(lambda: write_workbook(figures, path), args.reps)
    rows = {t.title: len(t.rows) + sum(len(r) for _, r in t.sections) for t in figures.tables}

    def build(p=period):
        with Session(engine) as s:
            t = time.perf_counter()
            result = build_report(s, config, p, calendar=calendar, as_of=args.today, replace=True)
            s.rollback()
            return time.perf_counter() - t, result

    build_s, build_all, _ = timed(lambda: build()[0], args.reps)
    print(f"\n(a) SELECT COUNT(*) FROM reports      {base * 1000:9.1f} ms   (baseline)")
    print(
        f"(b) collect_figures (SQL, 4 sheets)   {figures_s * 1000:9.1f} ms   runs {[round(t, 2) for t in figures_all]}"
    )
    print(f"(c) write_workbook (openpyxl)         {write_s * 1000:9.1f} ms   runs {[round(t, 2) for t in write_all]}")
    print(
        f"(d) build_report, month               {build_s * 1000:9.1f} ms   runs {[round(t, 2) for t in build_all]}"
        f"   = {build_s / base:.1f} x COUNT(*)"
    )
    print(f"    rows per sheet: {rows}; file {path.stat().st_size / 1e6:.1f} MB")
    for kind in ("quarter", "year"):
        p = Period.containing(kind, period.starts_on)
        seconds, _ = build(p)
        print(f"    build_report, {kind:<8} {p.label:<14} {seconds * 1000:9.1f} ms (one run)")
    ok = build_s < TARGET_S
    print(f"\nmonth's workbook {'<' if ok else '>='} {TARGET_S:.0f} s: {'OK' if ok else 'MISSED'}")
    engine.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
