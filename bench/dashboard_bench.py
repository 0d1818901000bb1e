"""Benchmark of the supervisors' dashboard (triage/reporting/stats.py) on PostgreSQL with 1,000,000 reports over 3 years.

    .venv/bin/python bench/dashboard_bench.py [--reuse] [--reports 1000000] [--today 2026-11-20] [--reps 5]
                                              [--explain]

1. (Re)creates the database ``bench_dashboard`` on 127.0.0.1:5432 (user postgres), runs the Alembic
   migrations (``upgrade_database``: the indexes of 0008 included), loads the units, then generates in SQL
   (INSERT ... SELECT FROM generate_series) ``--reports`` reports received over the 3 years before "today",
   with the figure columns set consistently: working days to acceptance 1..10 (on time when <= 7), accepted
   at received + 1.4 x that many days if that is before today (97 %); working days to resolution
   acceptance + 5..44 (on time when <= 37), resolved when that falls before today (95 %), closed 30 days
   after; outcome substantiated 30 % / partly 20 % / unsubstantiated 40 % / transferred 10 %; overdue_at
   set at the first breach (acceptance after 7 working days, resolution after 37, for reports resolved late
   or still open past those points); 8 categories, the unit's agency and ward (a random ward for provincial
   bodies), 2 % escalated, 300 officers assigned and resolving. Then VACUUM ANALYZE. ``--reuse`` keeps an
   existing, fully generated database.
2. Times (median of ``--reps``, new Session each run), for a supervisor, in the same run:
   - baseline ``SELECT COUNT(*) FROM reports``;
   - the province dashboard's queries for this month: period_summary (this and the previous period),
     trend by week and by month (with previous periods), category x unit and x agency matrices, ward rows;
     and the same for the year;
   - the league table (month, quarter, year);
   - the legal procedure's figures (triage/reporting/outcomes.py: decisions from the status events, on-time rate
     per deadline stage from the clocks, sign-off) for the month and the year, and per unit for the month, over
     about 10 events and 2 clocks per report (generated from the reports' own dates: the status changes with
     their data, submission two days before each resolution and its approval, a reopening for 2 %);
   - a unit drill-down (the first page of 50 and its COUNT) for a supervisor and for the unit's inspector.
   Targets: each dashboard query and the league < 1 s, the drill-down < 300 ms.
3. ``--explain``: EXPLAIN ANALYZE of every statement of the month's league.

Exit status 1 if a target is missed. Only the ``bench_dashboard`` database is dropped/created.
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

from core.models import Report, Unit, User  # noqa: E402
from core.units import load_units  # noqa: E402
from core.vietnamese import Period  # noqa: E402
from core.vocabulary import Role  # noqa: E402
from triage.deadlines.calendar import default_calendar  # noqa: E402
from triage.reporting import outcomes, stats  # noqa: E402

DB_NAME = "bench_dashboard"
URL = f"{SERVER}/{DB_NAME}"
DASHBOARD_TARGET_S, DRILL_TARGET_S = 1.0, 0.3
ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
OFFICERS = 300

GEN_SQL = [
    "SELECT setseed(0.42)",
    "CREATE TEMP TABLE u AS SELECT row_number() OVER (ORDER BY id) AS rn, id, agency, ward_code FROM units",
    "CREATE TEMP TABLE w AS SELECT row_number() OVER (ORDER BY id) AS rn, ward_code FROM units "
    "WHERE ward_code IS NOT NULL",
    """
    INSERT INTO users (id, username, full_name, password_hash, role, unit_id, active, created_at, failed_logins)
    SELECT i, 'canbo' || i, 'Cán bộ ' || i, '-', 'inspector', (SELECT id FROM u WHERE rn = 1 + (i - 1) % 181),
           true, now(), 0
    FROM generate_series(1, :officers) i
    """,
    """
    CREATE TEMP TABLE gen AS
    SELECT row_number() OVER (ORDER BY received_at)::int AS id, *
    FROM (
        SELECT (CAST(:today AS timestamp) - random() * 3 * 365.25 * interval '1 day')
                   AT TIME ZONE 'Asia/Ho_Chi_Minh' AS received_at,
               1 + floor(random() * (SELECT count(*) FROM u))::int AS unit_rn,
               1 + floor(random() * (SELECT count(*) FROM w))::int AS ward_rn,
               1 + floor(random() * 10)::int AS acc_wd,
               5 + floor(random() * 40)::int AS res_extra,
               random() AS r_acc, random() AS r_res, random() AS r_out, random() AS r_misc
        FROM generate_series(1, :n)
    ) s
    """,
    """
    CREATE TEMP TABLE fig AS
    SELECT g.id,
           CASE WHEN g.r_acc < 0.97 AND g.received_at + g.acc_wd * interval '1.4 days' < CAST(:today AS timestamptz)
                THEN g.received_at + g.acc_wd * interval '1.4 days' END AS accepted_at,
           g.acc_wd, g.acc_wd + g.res_extra AS res_wd
    FROM gen g
    """,
    """
    CREATE TEMP TABLE fig2 AS
    SELECT f.*,
           CASE WHEN f.accepted_at IS NOT NULL AND g.r_res < 0.95
                     AND g.received_at + f.res_wd * interval '1.4 days' < CAST(:today AS timestamptz)
                THEN g.received_at + f.res_wd * interval '1.4 days' END AS resolved_at
    FROM fig f JOIN gen g USING (id)
    """,
    """
    INSERT INTO reports (id, tracking_code, passphrase_hash, received_at, text, text_folded, kind, track,
                         status, unit_id, agency, ward_code, category, escalate, accused_unit_id, confidence,
                         model_version, routed_at, accepted_at, resolved_at, closed_at, outcome, overdue_at,
                         accepted_wd, accepted_on_time, resolved_wd, resolved_on_time, resolved_by_id, reopened,
                         assignee_id)
    SELECT g.id,
           'TH-' || substr(:alphabet, g.id % 22 + 1, 1) || substr(:alphabet, g.id / 22 % 22 + 1, 1)
                 || substr(:alphabet, g.id / 484 % 22 + 1, 1) || substr(:alphabet, g.id / 10648 % 22 + 1, 1)
                 || '-' || substr(:alphabet, g.id / 234256 % 22 + 1, 1)
                 || substr(:alphabet, g.id / 5153632 % 22 + 1, 1) || 'AA',
           '-', g.received_at,
           'Phản ánh số ' || g.id || ': cán bộ một cửa hẹn lần hẹn lữa, chưa trả kết quả hồ sơ.',
           'phan anh so ' || g.id || ': can bo mot cua hen lan hen lua, chua tra ket qua ho so.',
           'phan-anh', (ARRAY['phan-anh', 'khieu-nai', 'to-cao'])[1 + g.id % 3],
           CASE WHEN f.resolved_at IS NOT NULL AND f.resolved_at < CAST(:today AS timestamptz) - interval '30 days'
                THEN 'closed' WHEN f.resolved_at IS NOT NULL THEN 'resolved'
                WHEN f.accepted_at IS NOT NULL THEN 'accepted' ELSE 'routed' END,
           u.id, u.agency, coalesce(u.ward_code, w.ward_code),
           (ARRAY['doi-tien', 'sach-nhieu', 'cham-tre', 'thai-do', 'sai-quy-trinh', 'ne-tranh', 'loi-dung',
                  'khac'])[1 + floor(g.r_misc * 8)::int],
           g.r_misc < 0.02, CASE WHEN g.r_misc < 0.02 THEN u.id END, 0.8, 'bench',
           g.received_at + interval '2 minutes', f.accepted_at, f.resolved_at,
           CASE WHEN f.resolved_at < CAST(:today AS timestamptz) - interval '30 days'
                THEN f.resolved_at + interval '30 days' END,
           CASE WHEN f.resolved_at IS NULL THEN NULL WHEN g.r_out < 0.3 THEN 'substantiated'
                WHEN g.r_out < 0.5 THEN 'partly-substantiated' WHEN g.r_out < 0.9 THEN 'unsubstantiated'
                ELSE 'transferred' END,
           CASE WHEN (f.accepted_at IS NOT NULL AND f.acc_wd > 7)
                     OR (f.accepted_at IS NULL AND g.received_at + interval '9.8 days' < CAST(:today AS timestamptz))
                THEN g.received_at + interval '9.8 days'
                WHEN (f.resolved_at IS NOT NULL AND f.res_wd > 37)
                     OR (f.resolved_at IS NULL AND g.received_at + interval '51.8 days' < CAST(:today AS timestamptz))
                THEN g.received_at + interval '51.8 days' END,
           CASE WHEN f.accepted_at IS NOT NULL THEN f.acc_wd END,
           CASE WHEN f.accepted_at IS NOT NULL THEN f.acc_wd <= 7 END,
           CASE WHEN f.resolved_at IS NOT NULL THEN f.res_wd END,
           CASE WHEN f.resolved_at IS NOT NULL THEN f.res_wd <= 37 END,
           CASE WHEN f.resolved_at IS NOT NULL THEN 1 + g.id % :officers END,
           CASE WHEN g.r_res < 0.02 THEN 1 ELSE 0 END,
           CASE WHEN f.accepted_at IS NOT NULL THEN 1 + g.id % :officers END
    FROM gen g JOIN fig2 f USING (id) JOIN u ON u.rn = g.unit_rn JOIN w ON w.rn = g.ward_rn
    """,
    # The events of each report's life as the services write them (received, classified, two deadlines, status
    # changes with their data, the sign-off of a result, a reopening), then its acceptance and resolution clocks.
    """
    INSERT INTO report_events (report_id, kind, at, public, data)
    SELECT id, 'received', received_at, true, CAST('{}' AS json) FROM reports
    UNION ALL SELECT id, 'classified', received_at + interval '1 minute', false, CAST('{}' AS json) FROM reports
    UNION ALL SELECT id, 'deadline', routed_at, true, CAST('{}' AS json) FROM reports
    UNION ALL SELECT id, 'deadline', routed_at, true, CAST('{}' AS json) FROM reports
    UNION ALL SELECT id, 'status', routed_at, true, json_build_object('previous', 'received', 'status', 'routed')
              FROM reports
    UNION ALL SELECT id, 'status', accepted_at, true, json_build_object('previous', 'routed', 'status', 'accepted')
              FROM reports WHERE accepted_at IS NOT NULL
    UNION ALL SELECT id, 'submitted', resolved_at - interval '2 days', false, CAST('{}' AS json)
              FROM reports WHERE resolved_at IS NOT NULL
    UNION ALL SELECT id, 'status', resolved_at - interval '2 days', true,
                     json_build_object('previous', 'accepted', 'status', 'awaiting-approval')
              FROM reports WHERE resolved_at IS NOT NULL
    UNION ALL SELECT id, 'approved', resolved_at, false, CAST('{}' AS json) FROM reports WHERE resolved_at IS NOT NULL
    UNION ALL SELECT id, 'status', resolved_at, true,
                     json_build_object('previous', 'awaiting-approval', 'status', 'resolved')
              FROM reports WHERE resolved_at IS NOT NULL
    UNION ALL SELECT id, 'reopened', resolved_at + interval '3 days', false, CAST('{}' AS json)
              FROM reports WHERE reopened > 0 AND resolved_at + interval '3 days' < CAST(:today AS timestamptz)
    UNION ALL SELECT id, 'status', closed_at, true, json_build_object('previous', 'resolved', 'status', 'closed')
              FROM reports WHERE closed_at IS NOT NULL
    """,
    "UPDATE reports SET submitted_at = resolved_at - interval '2 days', approved_at = resolved_at "
    "WHERE resolved_at IS NOT NULL",
    """
    INSERT INTO clocks (report_id, stage, track, label, starts_on, due_on, due_at, amount, unit, policy_version,
                        status, extensions, paused_days, stopped_at, breached_at, cycle)
    SELECT id, 'acceptance', track, 'Hạn thụ lý', CAST(received_at AS date), CAST(received_at + interval '9.8 days' AS date),
           received_at + interval '9.8 days', 7, 'working_days', 'bench',
           CASE WHEN accepted_at IS NOT NULL AND accepted_wd <= 7 THEN 'met'
                WHEN received_at + interval '9.8 days' < CAST(:today AS timestamptz) THEN 'breached'
                ELSE 'running' END,
           0, 0, CASE WHEN accepted_wd <= 7 THEN accepted_at END,
           CASE WHEN (accepted_at IS NULL OR accepted_wd > 7)
                     AND received_at + interval '9.8 days' < CAST(:today AS timestamptz)
                THEN received_at + interval '9.8 days' END, 0
    FROM reports
    UNION ALL
    SELECT id, 'resolution', track, 'Hạn giải quyết', CAST(accepted_at AS date),
           CAST(received_at + interval '51.8 days' AS date), received_at + interval '51.8 days', 30, 'working_days',
           'bench',
           CASE WHEN resolved_at IS NOT NULL AND resolved_wd <= 37 THEN 'met'
                WHEN received_at + interval '51.8 days' < CAST(:today AS timestamptz) THEN 'breached'
                ELSE 'running' END,
           0, 0, CASE WHEN resolved_wd <= 37 THEN resolved_at END,
           CASE WHEN (resolved_at IS NULL OR resolved_wd > 37)
                     AND received_at + interval '51.8 days' < CAST(:today AS timestamptz)
                THEN received_at + interval '51.8 days' END, 0
    FROM reports WHERE accepted_at IS NOT NULL
    """,
    "SELECT setval(pg_get_serial_sequence('reports', 'id'), :n)",
    "SELECT setval(pg_get_serial_sequence('users', 'id'), :officers)",
    "DROP TABLE gen",
    "DROP TABLE fig",
    "DROP TABLE fig2",
    "DROP TABLE u",
    "DROP TABLE w",
]


def populated(engine, n: int) -> bool:
    try:
        with Session(engine) as session:
            return session.scalar(select(func.count()).select_from(Report)) == n
    except Exception:  # noqa: BLE001 - no tables yet
        return False


def generate(engine, n: int, today: date) -> float:
    t0 = time.perf_counter()
    with Session(engine) as session:
        created, _ = load_units(session)
        session.commit()
    print(f"units loaded ({created} created)")
    params = {"n": n, "today": today, "alphabet": ALPHABET, "officers": OFFICERS}
    with engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
        conn.exec_driver_sql("SET LOCAL work_mem = '64MB'")
        run_steps(conn, GEN_SQL, params)
    gen_s = time.perf_counter() - t0
    vacuum_analyze(
        engine,
        [
            "VACUUM ANALYZE reports",
            "VACUUM ANALYZE report_events",
            "VACUUM ANALYZE clocks",
            "ANALYZE units",
            "ANALYZE users",
        ],
    )
    return gen_s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reuse", action="store_true", help="keep an existing, fully generated bench_dashboard")
    ap.add_argument("--reports", type=int, default=1_000_000)
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 20))
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the month's league statements")
    args = ap.parse_args()
    n, today = args.reports, args.today

    print(machine_line())
    engine = prepare(
        DB_NAME, reuse=args.reuse, populated=lambda e: populated(e, n), generate=lambda e: generate(e, n, today)
    )
    with engine.connect() as conn:
        pg = conn.scalar(text("SHOW server_version"))
        size = conn.scalar(text("SELECT pg_size_pretty(pg_total_relation_size('reports'))"))
        status = dict(conn.execute(text("SELECT status, count(*) FROM reports GROUP BY status")).all())
        indexes = [
            r[0] for r in conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'reports' ORDER BY 1"))
        ]
    print(f"PostgreSQL {pg}; reports table + indexes: {size}; today = {today}; statuses: {status}")
    print(f"indexes on reports: {', '.join(indexes)}")

    supervisor = User(id=0, username="bench", role=Role.SUPERVISOR)
    with Session(engine) as session:
        unit_id, unit_code = session.execute(
            select(Unit.id, Unit.code).where(Unit.ward_code.is_not(None)).order_by(Unit.id).limit(1)
        ).one()
    inspector = User(id=-1, username="bench-inspector", role=Role.INSPECTOR, unit_id=unit_id)
    month = Period.containing("month", today)
    quarter = Period.containing("quarter", today)
    year = Period.containing("year", today)
    prev = month.previous()

    def run(fn):
        def go():
            with Session(engine) as session:
                return fn(session)

        return go

    cases = [
        ("baseline SELECT COUNT(*) FROM reports", None, run(lambda s: s.scalar(text("SELECT COUNT(*) FROM reports")))),
    ]
    for label, p in (("month", month), ("year", year)):
        cases += [
            (
                f"dashboard {label}: period_summary",
                DASHBOARD_TARGET_S,
                run(lambda s, p=p: stats.period_summary(s, supervisor, p.starts_on, p.ends_on)),
            ),
            (
                f"dashboard {label}: trend by week (+ previous)",
                DASHBOARD_TARGET_S,
                run(lambda s, p=p: stats.trend(s, supervisor, p.starts_on, p.ends_on, "week")),
            ),
            (
                f"dashboard {label}: trend by month (+ previous)",
                DASHBOARD_TARGET_S,
                run(lambda s, p=p: stats.trend(s, supervisor, p.starts_on, p.ends_on, "month")),
            ),
            (
                f"dashboard {label}: category x unit",
                DASHBOARD_TARGET_S,
                run(lambda s, p=p: stats.category_matrix(s, supervisor, p.starts_on, p.ends_on, by="unit")),
            ),
            (
                f"dashboard {label}: category x agency",
                DASHBOARD_TARGET_S,
                run(lambda s, p=p: stats.category_matrix(s, supervisor, p.starts_on, p.ends_on, by="agency")),
            ),
            (
                f"dashboard {label}: ward rows (map)",
                DASHBOARD_TARGET_S,
                run(lambda s, p=p: stats.ward_rows(s, supervisor, p.starts_on, p.ends_on)),
            ),
        ]
    cases.append(
        (
            "dashboard month: previous period_summary",
            DASHBOARD_TARGET_S,
            run(lambda s: stats.period_summary(s, supervisor, prev.starts_on, prev.ends_on)),
        )
    )
    for label, p in (("month", month), ("quarter", quarter), ("year", year)):
        cases.append(
            (
                f"league {label} (181 units)",
                DASHBOARD_TARGET_S,
                run(lambda s, p=p: stats.league(s, supervisor, p.starts_on, p.ends_on, today=today)),
            )
        )
    calendar = default_calendar()
    for label, p in (("month", month), ("year", year)):
        cases += [
            (
                f"procedure {label} and the period before: decisions, sign-off, deadline stages",
                DASHBOARD_TARGET_S,
                run(
                    lambda s, p=p: outcomes.procedures(
                        s,
                        supervisor,
                        [(p.starts_on, p.ends_on), (p.previous().starts_on, p.previous().ends_on)],
                        calendar=calendar,
                    )
                ),
            ),
            (
                f"procedure {label}: on-time rate per deadline stage (clocks only)",
                DASHBOARD_TARGET_S,
                run(lambda s, p=p: outcomes.stage_rates(s, supervisor, p.starts_on, p.ends_on)),
            ),
        ]
    cases.append(
        (
            "procedure month per unit (decisions, sign-off, deadline stages)",
            DASHBOARD_TARGET_S,
            run(
                lambda s: outcomes.procedure(
                    s, supervisor, month.starts_on, month.ends_on, calendar=calendar, by="unit"
                )
            ),
        )
    )
    cases.append(
        (
            "officer rows quarter",
            DASHBOARD_TARGET_S,
            run(lambda s: stats.officer_rows(s, supervisor, quarter.starts_on, quarter.ends_on)),
        )
    )

    def drill(user, figure, p):
        def fn(s):
            rows = s.scalars(stats.figure_query(user, figure, p.starts_on, p.ends_on, unit_id=unit_id).limit(50)).all()
            return len(rows), stats.count_figure(s, user, figure, p.starts_on, p.ends_on, unit_id=unit_id)

        return run(fn)

    for label, user in (("supervisor", supervisor), ("inspector", inspector)):
        for figure, p in (("received", month), ("overdue", month), ("resolved_late", year)):
            cases.append(
                (
                    f"drill-down unit {unit_code} {figure} {p.kind} ({label}): page of 50 + count",
                    DRILL_TARGET_S,
                    drill(user, figure, p),
                )
            )

    results, failures = [], []
    base = None
    for label, target, fn in cases:
        med, times, result = timed(fn, args.reps)
        if base is None:
            base = med
        results.append((label, med, times, target))
        ok = target is None or med < target
        if not ok:
            failures.append(label)
        extra = ""
        if isinstance(result, tuple):
            extra = f" -> {result[0]} rows, count {result[1]:,}"
        elif isinstance(result, int):
            extra = f" -> {result:,}"
        elif isinstance(result, list):
            extra = f" -> {len(result)} rows"
        print(
            f"{label:70s} median {med * 1000:8.1f} ms  x{med / base:5.2f} baseline  "
            f"[{', '.join(f'{x * 1000:.0f}' for x in times)}]{extra}"
            f"{'' if target is None else ('  OK' if ok else f'  MISSED (< {target * 1000:.0f} ms)')}"
        )

    summ = run(lambda s: stats.period_summary(s, supervisor, month.starts_on, month.ends_on))()
    print(
        f"\nmonth {month.label}: received {summ.received:,}, open {summ.open_now:,}, overdue {summ.overdue_now:,}, "
        f"resolved {summ.resolved:,}, acceptance on time {summ.accepted_on_time.rate:.1%}, "
        f"resolution on time {summ.resolved_on_time.rate:.1%}, median/p90 wd acceptance "
        f"{summ.accepted_wd_median}/{summ.accepted_wd_p90}, resolution {summ.resolved_wd_median}/{summ.resolved_wd_p90}"
    )

    if args.explain:
        captured = []

        @event.listens_for(engine, "before_cursor_execute")
        def _capture(conn, cursor, statement, parameters, context, executemany):
            if statement.lstrip().upper().startswith("SELECT") and "reports" in statement:
                captured.append((statement, parameters))

        run(lambda s: stats.league(s, supervisor, month.starts_on, month.ends_on, today=today))()
        event.remove(engine, "before_cursor_execute", _capture)
        with engine.connect() as conn:
            for statement, parameters in captured:
                print("\n" + " ".join(statement.split())[:300])
                for row in conn.exec_driver_sql(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", parameters):
                    print("   ", row[0])
    engine.dispose()
    print(f"\ntargets: {'ALL MET' if not failures else 'MISSED: ' + '; '.join(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
