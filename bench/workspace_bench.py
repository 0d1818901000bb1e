"""Benchmark of the staff queue and case pages on PostgreSQL with 100,000 reports (target: < 200 ms each).

    .venv/bin/python bench/workspace_bench.py [--reuse] [--reports 100000] [--reps 5] [--explain]

1. (Re)creates the database ``bench_workspace`` on 127.0.0.1:5432 (user postgres), runs the Alembic
   migrations (``upgrade_database``), loads the units (``load_units``), creates three staff users (an
   inspector of a busy ward, an inspector of the provincial inspectorate, a supervisor), then generates in
   SQL (INSERT ... SELECT FROM generate_series) ``--reports`` reports received over the 3 years before today:
   - units: 4 % to the busy ward (Quảng Phú, 16522), 6 % to the provincial inspectorate (half of them
     escalated, accusing a ward's head), the rest spread over all loaded units;
   - status by age: the last days mostly received / needs-triage / routed / accepted, the last two months a
     mix with resolved/closed, older ones mostly closed or resolved with a stale open tail;
   - tracks (phản ánh 70 %, khiếu nại 15 %, tố cáo 15 %), categories (8 values), assignees (the two bench
     inspectors on part of their units' worked reports), text from a pool of Vietnamese sentences with
     ``text_folded`` (lower case, no diacritics; folded in Python with ``core.search.fold``);
   - clocks: an acceptance clock (running / paused / met / breached, by status and age) for every routed
     report and after, a resolution clock for accepted and later ones; due dates off weekends;
   - three timeline events per report.
   Then VACUUM ANALYZE. ``--reuse`` keeps an existing, fully generated ``bench_workspace``.
2. Builds the real app (``triage.app.create_app``) on that database and Redis db 5, signs each user in
   through the real sign-in form with the test client, and times server-side (the whole request in
   process: routing, queries, template) the median of ``--reps`` runs after one warm-up of:
   the queue's default page, the overdue filter, a search ("so do", finds "sổ đỏ"), page 10, and the case
   page of one of the user's reports; and, the same way, the baseline ``SELECT COUNT(*) FROM reports``.
3. With ``--explain``: EXPLAIN (ANALYZE, BUFFERS) of each SQL statement of the supervisor's default page.

Exit status 1 if any page misses the target (or does not answer 200). Only ``bench_workspace`` is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchdb import SERVER, machine_line, prepare, run_steps, timed, vacuum_analyze  # noqa: E402
from sqlalchemy import event, func, select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from core.models import Report, Unit, User  # noqa: E402
from core.passwords import hash_secret as hash_password  # noqa: E402
from core.search import fold  # noqa: E402
from core.units import load_units  # noqa: E402
from core.vocabulary import Role  # noqa: E402
from intake.receipts import KEYED  # noqa: E402

DB_NAME = "bench_workspace"
URL = f"{SERVER}/{DB_NAME}"
REDIS_URL = "redis://127.0.0.1:6379/5"
TARGET_MS = 200.0
PASSWORD = "bench-mat-khau-dai-12"
BUSY_WARD, PROVINCE = "16522", "thanh-tra-tinh"
ALPHABET = "ACDEFHJKMNPRTUVWXY3479"  # intake.receipts.ALPHABET
USERS = [  # username, role, unit code, label
    ("bench.phuong", Role.INSPECTOR, BUSY_WARD, "inspector (busy ward)"),
    ("bench.tinh", Role.INSPECTOR, PROVINCE, "inspector (provincial body)"),
    ("bench.giamsat", Role.SUPERVISOR, None, "supervisor"),
]
OPENINGS = [
    "Cán bộ một cửa hẹn lần hẹn lữa, chưa trả kết quả hồ sơ cấp giấy chứng nhận quyền sử dụng đất (sổ đỏ).",
    "Cán bộ địa chính đòi tiền bồi dưỡng mới làm thủ tục sang tên sổ đỏ cho gia đình tôi.",
    "Công chức tư pháp có thái độ hách dịch, quát mắng người dân khi đến chứng thực giấy tờ.",
    "Hồ sơ xin cấp phép xây dựng nộp đã ba tháng nhưng chưa được giải quyết, không ai trả lời.",
    "Trưởng thôn tự ý thu tiền đóng góp xây dựng nhà văn hoá không có chủ trương của xã.",
    "Cán bộ thuế phường yêu cầu nộp thêm giấy tờ không có trong quy định để gây khó dễ.",
    "Đường ngõ xóm bị hư hỏng nặng, nước thải tràn ra mặt đường gây ô nhiễm, đề nghị kiểm tra, xử lý.",
    "Chủ tịch UBND xã né tránh, đùn đẩy trách nhiệm khi người dân phản ánh việc lấn chiếm đất công.",
    "Việc chi trả tiền bồi thường giải phóng mặt bằng không đúng quy trình, thiếu công khai minh bạch.",
    "Cán bộ lợi dụng chức vụ để trục lợi trong việc xét duyệt hộ nghèo của thôn.",
    "Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng của UBND phường.",
    "Tố cáo cán bộ nhận hối lộ để bỏ qua sai phạm trong quản lý đất đai tại địa phương.",
]
CLOSINGS = [
    "Đề nghị cơ quan có thẩm quyền xem xét, giải quyết dứt điểm.",
    "Tôi đã phản ánh nhiều lần nhưng chưa được trả lời.",
    "Kính mong các cấp chính quyền quan tâm.",
    "Xin cảm ơn.",
]

# Generation, in one transaction.
GEN_SQL = [
    "SELECT setseed(0.5)",
    "CREATE TEMP TABLE u AS SELECT row_number() OVER (ORDER BY id) AS rn, id, agency, ward_code FROM units",
    "CREATE TEMP TABLE w AS SELECT row_number() OVER (ORDER BY id) AS rn, id FROM units WHERE ward_code IS NOT NULL",
    """
    CREATE TEMP TABLE gen AS
    SELECT row_number() OVER (ORDER BY received_at)::int AS id, received_at, age, pick, r_status, r_clock, r_clock2,
           r_track, r_cat, r_text, r_close, r_esc, r_assign, r_accused, r_unit
    FROM (
        SELECT (CAST(:now AS timestamptz) - power(random(), 1.6) * 3 * 365.25 * interval '1 day') AS received_at,
               0 AS age, random() AS pick, random() AS r_status, random() AS r_clock, random() AS r_clock2,
               random() AS r_track, random() AS r_cat, random() AS r_text, random() AS r_close, random() AS r_esc,
               random() AS r_assign, random() AS r_accused, random() AS r_unit
        FROM generate_series(1, :n)
    ) s
    """,
    "UPDATE gen SET age = (CAST(:today AS date) - (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)",
    """
    CREATE TEMP TABLE g2 AS
    SELECT g.*,
           CASE WHEN g.pick < 0.04 THEN (SELECT id FROM units WHERE code = :busy)
                WHEN g.pick < 0.10 THEN (SELECT id FROM units WHERE code = :province)
                ELSE (SELECT id FROM u WHERE rn = 1 + floor(g.r_unit * (SELECT count(*) FROM u))::int) END AS unit_id,
           g.pick >= 0.04 AND g.pick < 0.07 AS escalated,
           CASE
             WHEN g.age <= 2 THEN (ARRAY['received', 'needs-triage', 'routed', 'routed', 'routed', 'accepted',
                                         'accepted', 'routed', 'needs-triage', 'routed'])[1 + floor(g.r_status * 10)::int]
             WHEN g.age <= 60 THEN (ARRAY['routed', 'routed', 'accepted', 'accepted', 'accepted', 'accepted',
                                          'resolved', 'resolved', 'closed', 'needs-triage'])[1 + floor(g.r_status * 10)::int]
             WHEN g.r_status < 0.02 THEN 'routed'
             WHEN g.r_status < 0.05 THEN 'accepted'
             WHEN g.r_status < 0.15 THEN 'resolved'
             ELSE 'closed' END AS status,
           CASE WHEN g.r_track < 0.70 THEN 'phan-anh' WHEN g.r_track < 0.85 THEN 'khieu-nai' ELSE 'to-cao' END AS track,
           (ARRAY['doi-tien', 'sach-nhieu', 'cham-tre', 'cham-tre', 'thai-do', 'sai-quy-trinh', 'ne-tranh',
                  'loi-dung', 'khac', 'cham-tre'])[1 + floor(g.r_cat * 10)::int] AS category,
           1 + floor(g.r_text * :n_openings)::int AS opening,
           1 + floor(g.r_close * :n_closings)::int AS closing
    FROM gen g
    """,
    """
    INSERT INTO reports (id, tracking_code, passphrase_hash, received_at, text, text_folded, kind, track,
                         ward_code_given, office, occurred_on, reporter_name, reporter_address, reporter_phone,
                         reporter_email, status, unit_id, accused_unit_id, assignee_id, agency, ward_code, category,
                         escalate, confidence, labels, model_version, routed_at, accepted_at, resolved_at, closed_at,
                         outcome, overdue_at)
    SELECT g.id,
           'TH-' || substr(:alphabet, g.id % 22 + 1, 1) || substr(:alphabet, g.id / 22 % 22 + 1, 1)
                 || substr(:alphabet, g.id / 484 % 22 + 1, 1) || substr(:alphabet, g.id / 10648 % 22 + 1, 1)
                 || '-' || substr(:alphabet, g.id / 234256 % 22 + 1, 1) || 'AAA',
           :passphrase_hash, g.received_at,
           (CAST(:openings AS text[]))[g.opening] || ' ' || (CAST(:closings AS text[]))[g.closing] || ' (Đơn số ' || g.id || '.)',
           (CAST(:openings_folded AS text[]))[g.opening] || ' ' || (CAST(:closings_folded AS text[]))[g.closing]
             || ' (don so ' || g.id || '.)',
           g.track, g.track, un.ward_code, NULL, (g.received_at - interval '3 days')::date,
           CASE WHEN g.id % 3 = 0 THEN NULL ELSE 'Nguyễn Văn ' || g.id END,
           CASE WHEN g.id % 3 = 0 THEN NULL ELSE 'Thôn ' || (g.id % 20 + 1) END,
           CASE WHEN g.id % 3 = 0 THEN NULL ELSE '09' || lpad((g.id % 100000000)::text, 8, '0') END,
           CASE WHEN g.id % 5 = 0 THEN 'nguoidan' || g.id || '@example.vn' END,
           g.status,
           CASE WHEN g.status IN ('received', 'needs-triage') THEN NULL ELSE g.unit_id END,
           CASE WHEN g.escalated THEN (SELECT id FROM w WHERE rn = 1 + floor(g.r_accused * (SELECT count(*) FROM w))::int) END,
           CASE WHEN g.status IN ('accepted', 'resolved', 'closed') AND g.r_assign < 0.6 THEN
                CASE WHEN g.unit_id = (SELECT id FROM units WHERE code = :busy) THEN :busy_user
                     WHEN g.unit_id = (SELECT id FROM units WHERE code = :province) THEN :province_user END END,
           un.agency, un.ward_code, g.category, g.escalated, 0.5 + g.r_cat * 0.49, NULL, 'bench-model-2026-07',
           CASE WHEN g.status NOT IN ('received', 'needs-triage') THEN g.received_at + interval '2 minutes' END,
           CASE WHEN g.status IN ('accepted', 'resolved', 'closed') THEN g.received_at + interval '3 days' END,
           CASE WHEN g.status IN ('resolved', 'closed') THEN g.received_at + interval '30 days' END,
           CASE WHEN g.status = 'closed' THEN g.received_at + interval '35 days' END,
           CASE WHEN g.status IN ('resolved', 'closed') THEN
                (ARRAY['substantiated', 'partly-substantiated', 'unsubstantiated'])[1 + g.id % 3] END,
           NULL
    FROM g2 g JOIN units un ON un.id = g.unit_id
    """,
    # acceptance clock: 10 working days (~14 calendar days) from receipt, for routed reports and after.
    """
    INSERT INTO clocks (report_id, stage, track, label, starts_on, due_on, nominal_due_on, due_at, amount, unit,
                        policy_version, status, extensions, paused_days, stopped_at, paused_at, breached_at,
                        next_action_on)
    SELECT g.id, 'acceptance', g.track, 'Hạn tiếp nhận, phân loại', d.starts_on, d.due_on, NULL,
           ((d.due_on + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') - interval '1 microsecond',
           10, 'working_days', '2026-07', s.status, 0, 0,
           CASE WHEN s.status = 'met' THEN g.received_at + interval '3 days' END,
           CASE WHEN s.status = 'paused' THEN g.received_at + interval '2 days' END,
           CASE WHEN s.status = 'breached' THEN (d.due_on + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' END,
           CASE WHEN s.status = 'running' THEN LEAST(d.due_on, CAST(:today AS date) + 1) END
    FROM g2 g
    CROSS JOIN LATERAL (SELECT (g.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS starts_on) st
    CROSS JOIN LATERAL (
        SELECT st.starts_on, st.starts_on + 14
               + CASE extract(isodow FROM st.starts_on + 14) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END AS due_on) d
    CROSS JOIN LATERAL (
        SELECT CASE
          WHEN g.status = 'routed' AND d.due_on < CAST(:today AS date) THEN
               CASE WHEN g.r_clock < 0.9 THEN 'breached' ELSE 'running' END
          WHEN g.status = 'routed' THEN CASE WHEN g.r_clock < 0.08 THEN 'paused' ELSE 'running' END
          WHEN g.r_clock < 0.05 AND d.due_on < CAST(:today AS date) THEN 'breached'  -- breached only once late
          ELSE 'met' END AS status) s
    WHERE g.status IN ('routed', 'accepted', 'resolved', 'closed')
    """,
    # resolution clock: ~45 calendar days from acceptance, for accepted reports and after.
    """
    INSERT INTO clocks (report_id, stage, track, label, starts_on, due_on, nominal_due_on, due_at, amount, unit,
                        policy_version, status, extensions, paused_days, stopped_at, paused_at, breached_at,
                        next_action_on)
    SELECT g.id, 'resolution', g.track, 'Hạn giải quyết', d.starts_on, d.due_on, NULL,
           ((d.due_on + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') - interval '1 microsecond',
           30, 'working_days', '2026-07', s.status, CASE WHEN g.r_clock2 < 0.05 THEN 1 ELSE 0 END, 0,
           CASE WHEN s.status = 'met' THEN g.received_at + interval '30 days' END,
           CASE WHEN s.status = 'paused' THEN g.received_at + interval '10 days' END,
           CASE WHEN s.status = 'breached' THEN (d.due_on + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' END,
           CASE WHEN s.status = 'running' THEN LEAST(d.due_on, CAST(:today AS date) + 1) END
    FROM g2 g
    CROSS JOIN LATERAL (SELECT (g.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 3 AS starts_on) st
    CROSS JOIN LATERAL (
        SELECT st.starts_on, st.starts_on + 42 + (g.id % 7)
               + CASE extract(isodow FROM st.starts_on + 42 + (g.id % 7)) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END
               AS due_on) d
    CROSS JOIN LATERAL (
        SELECT CASE
          WHEN g.status = 'accepted' AND d.due_on < CAST(:today AS date) THEN
               CASE WHEN g.r_clock2 < 0.85 THEN 'breached' ELSE 'running' END
          WHEN g.status = 'accepted' THEN CASE WHEN g.r_clock2 < 0.10 THEN 'paused' ELSE 'running' END
          WHEN g.r_clock2 < 0.07 AND d.due_on < CAST(:today AS date) THEN 'breached'
          ELSE 'met' END AS status) s
    WHERE g.status IN ('accepted', 'resolved', 'closed')
    """,
    "UPDATE reports r SET overdue_at = c.breached_at FROM clocks c WHERE c.report_id = r.id AND c.status = 'breached'",
    # what the ORM keeps on every flush (core.models.report._keep_next_due_on), as migration 0007 backfills it
    """
    UPDATE reports r SET next_due_on = p.due_on
    FROM (SELECT c.report_id, min(c.due_on) AS due_on FROM clocks c JOIN reports r2 ON r2.id = c.report_id
          WHERE c.status IN ('running', 'paused') OR (c.status = 'breached' AND r2.status NOT IN ('resolved', 'closed'))
          GROUP BY c.report_id) p
    WHERE p.report_id = r.id
    """,
    # three timeline events per report
    """
    INSERT INTO report_events (report_id, kind, at, actor_id, public, data)
    SELECT g.id, e.kind, g.received_at + e.after, NULL, true, CAST(e.data AS json)
    FROM g2 g CROSS JOIN LATERAL (VALUES
        ('received', interval '0', '{}'),
        ('classified', interval '1 minute', '{"reason": "classifier"}'),
        ('status', interval '2 minutes', '{"previous": "received", "status": "' || g.status || '"}')) AS e(kind, after, data)
    """,
    "SELECT setval(pg_get_serial_sequence('reports', 'id'), :n)",
    "DROP TABLE g2",
    "DROP TABLE gen",
    "DROP TABLE w",
    "DROP TABLE u",
]


def populated(engine, n: int) -> bool:
    try:
        with Session(engine) as session:
            users = session.scalar(
                select(func.count()).select_from(User).where(User.username.in_([u for u, *_ in USERS]))
            )
            return session.scalar(select(func.count()).select_from(Report)) == n and users == len(USERS)
    except Exception:  # noqa: BLE001 - no tables yet
        return False


def today_vn() -> date:
    return datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()


def generate(engine, n: int) -> float:
    t0 = time.perf_counter()
    with Session(engine) as session:
        created, _ = load_units(session)
        session.flush()
        ids = {}
        for username, role, unit_code, _label in USERS:
            unit = session.scalar(select(Unit).where(Unit.code == unit_code)) if unit_code else None
            user = User(
                username=username,
                full_name=f"Cán bộ {username}",
                role=role,
                unit=unit,
                password_hash=hash_password(PASSWORD),
            )
            session.add(user)
            session.flush()
            ids[username] = user.id
        session.commit()
        units = session.scalar(select(func.count()).select_from(Unit))
    print(f"units loaded: {units} ({created} created); users: {ids}")
    params = {
        "n": n,
        "now": datetime.now(ZoneInfo("UTC")),
        "today": today_vn(),
        "alphabet": ALPHABET,
        "busy": BUSY_WARD,
        "province": PROVINCE,
        "busy_user": ids["bench.phuong"],
        "province_user": ids["bench.tinh"],
        "openings": OPENINGS,
        "closings": CLOSINGS,
        "openings_folded": [fold(t) for t in OPENINGS],
        "closings_folded": [fold(t) for t in CLOSINGS],
        "n_openings": len(OPENINGS),
        "n_closings": len(CLOSINGS),
        "passphrase_hash": KEYED + "0" * 64,  # the size of a real hash: no row here is ever looked up
    }
    with engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
        conn.exec_driver_sql("SET LOCAL work_mem = '64MB'")
        # The trigram index (migration 0007) is built once after the load, not row by row through the updates.
        gin = conn.execute(
            text(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'reports' AND indexdef LIKE '%USING gin%'"
            )
        ).all()
        for name, _ in gin:
            conn.exec_driver_sql(f"DROP INDEX {name}")
        run_steps(conn, GEN_SQL + [definition for _, definition in gin], params)
    gen_s = time.perf_counter() - t0
    vacuum_analyze(engine, [f"VACUUM ANALYZE {t}" for t in ("reports", "clocks", "report_events", "users", "units")])
    return gen_s


def describe(engine) -> None:
    with engine.connect() as conn:
        print(
            "PostgreSQL",
            conn.scalar(text("SHOW server_version")),
            "shared_buffers",
            conn.scalar(text("SHOW shared_buffers")),
            "| reports table + indexes:",
            conn.scalar(text("SELECT pg_size_pretty(pg_total_relation_size('reports'))")),
            "| clocks:",
            conn.scalar(text("SELECT count(*) FROM clocks")),
            "| events:",
            conn.scalar(text("SELECT count(*) FROM report_events")),
        )
        rows = conn.execute(text("SELECT status, count(*) FROM reports GROUP BY status ORDER BY 2 DESC")).all()
        print("reports by status:", ", ".join(f"{s} {c:,}" for s, c in rows))
        rows = conn.execute(text("SELECT status, count(*) FROM clocks GROUP BY status ORDER BY 2 DESC")).all()
        print("clocks by status:", ", ".join(f"{s} {c:,}" for s, c in rows))
        for _username, _role, unit_code, label in USERS:
            if unit_code:
                c = conn.scalar(
                    text("SELECT count(*) FROM reports r JOIN units u ON u.id = r.unit_id WHERE u.code = :c"),
                    {"c": unit_code},
                )
                print(f"  {label}: {c:,} reports in the unit")


def make_app():
    from triage.app import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": URL,
            "REDIS_URL": REDIS_URL,
            "SECRET_KEY": "bench-" + "x" * 40,
            "WTF_CSRF_ENABLED": False,
            "LOGIN_RATE_LIMIT": "1000 per minute",
            "TESTING": False,
        }
    )


def sign_in(app, username):
    client = app.test_client()
    response = client.post("/can-bo/dang-nhap", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302, (username, response.status_code, response.get_data(as_text=True)[:500])
    return client


def case_id_for(engine, username) -> int:
    """A report this user may open: a worked one with two clocks and events (the newest such)."""
    with Session(engine) as session:
        user = session.scalar(select(User).where(User.username == username))
        query = select(Report.id).where(Report.status == "accepted").order_by(Report.received_at.desc()).limit(1)
        if user.role == Role.INSPECTOR:
            query = query.where(Report.unit_id == user.unit_id, Report.accused_unit_id.is_(None))
        return session.scalar(query)


PAGES = [
    ("queue default", "/can-bo/"),
    ("overdue filter", "/can-bo/?due=overdue"),
    ("search 'so do'", "/can-bo/?q=so+do"),
    ("page 10", "/can-bo/?page=10"),
]


def explain_page(app, engine, client, path) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of every statement one request sends."""
    captured = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        captured.append((statement, parameters))

    with app.app_context():
        from core.extensions import db

        app_engine = db.engine
    event.listen(app_engine, "before_cursor_execute", capture)
    try:
        client.get(path)
    finally:
        event.remove(app_engine, "before_cursor_execute", capture)
    with engine.connect() as conn:
        for statement, parameters in captured:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            plan = [r[0] for r in conn.exec_driver_sql(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", parameters)]
            print("\n--", " ".join(statement.split())[:300], "|", parameters if len(str(parameters)) < 300 else "...")
            for line in plan:
                print("   ", line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reuse", action="store_true", help="keep an existing, fully generated bench_workspace")
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the statements of the supervisor's pages")
    args = ap.parse_args()
    n = args.reports

    print(f"{machine_line()}, load average {os.getloadavg()[0]:.2f}")
    engine = prepare(DB_NAME, reuse=args.reuse, populated=lambda e: populated(e, n), generate=lambda e: generate(e, n))
    describe(engine)

    app = make_app()
    with app.app_context():  # the baseline, through the app's own engine and session, timed the same way
        from core.extensions import db

        def baseline():
            value = db.session.scalar(text("SELECT COUNT(*) FROM reports"))
            db.session.rollback()
            return value

        base_med, base_times, count = timed(baseline, args.reps, warm_up=True)
    print(
        f"\nbaseline SELECT COUNT(*) FROM reports -> {count:,}: median {base_med * 1000:.1f} ms "
        f"[{', '.join(f'{x * 1000:.1f}' for x in base_times)}]"
    )

    ok = True
    rows = []
    for username, _role, _unit, label in USERS:
        client = sign_in(app, username)
        case_id = case_id_for(engine, username)
        for name, path in PAGES + [("case page", f"/can-bo/bao-cao/{case_id}")]:
            med, times, response = timed(lambda c=client, p=path: c.get(p), args.reps, warm_up=True)
            status = response.status_code
            body = response.get_data(as_text=True)
            total = ""
            if "queue-total" in body:
                total = body.split('id="queue-total"><strong>', 1)[1].split("<", 1)[0]
            miss = status != 200 or med * 1000 >= TARGET_MS
            ok = ok and not miss
            rows.append((label, name, med, times, status, total))
            print(
                f"{label:28s} {name:16s} median {med * 1000:7.1f} ms  x{med / base_med:6.1f} baseline  "
                f"[{', '.join(f'{x * 1000:.0f}' for x in times)}]  HTTP {status}"
                + (f"  total {total}" if total else "")
                + ("  MISSED" if miss else "")
            )
        if args.explain and _role == Role.SUPERVISOR:
            for name, path in PAGES:
                print(f"\n==== EXPLAIN: {label}, {name} ({path})")
                explain_page(app, engine, client, path)
    print(f"\ntarget < {TARGET_MS:.0f} ms for every page: {'MET' if ok else 'MISSED'}")
    engine.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
