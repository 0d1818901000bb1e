"""What every PostgreSQL bench shares: its own database, dropped and created on demand, and timing."""

import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"


def url(name: str) -> str:
    return f"{SERVER}/{name}"


def admin_engine():
    return create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")


def database_exists(name: str) -> bool:
    eng = admin_engine()
    try:
        with eng.connect() as conn:
            return bool(conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": name}))
    finally:
        eng.dispose()


def recreate_database(name: str) -> None:
    eng = admin_engine()
    try:
        with eng.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            conn.execute(text(f"CREATE DATABASE {name}"))
    finally:
        eng.dispose()


def timed(fn, reps: int, warm_up: bool = False) -> tuple[float, list[float], object]:
    """Median wall time of `reps` calls (after one untimed call if warm_up), all times, last result."""
    result = fn() if warm_up else None
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times, result


def machine_line() -> str:
    import os
    import platform

    return (
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def run_steps(conn, steps: list[str], params: dict) -> None:
    """Run generation statements in order, printing how long each took."""
    for sql in steps:
        t = time.perf_counter()
        conn.execute(text(sql), {k: v for k, v in params.items() if f":{k}" in sql})
        print(f"  {time.perf_counter() - t:7.1f} s  {' '.join(sql.split())[:60]}")


def vacuum_analyze(engine, statements: list[str]) -> None:
    t = time.perf_counter()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)
    print(f"  {time.perf_counter() - t:7.1f} s  VACUUM ANALYZE")


def prepare(name: str, *, reuse: bool, populated, generate):
    """The bench database: reused when asked and complete (migrated to head), else made anew and generated."""
    from core.database import upgrade_database

    engine = create_engine(url(name))
    if reuse and database_exists(name) and populated(engine):
        print(f"reusing {name}: data already there (generation skipped); migrating to head")
        upgrade_database(url(name))
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
        return engine
    engine.dispose()
    recreate_database(name)
    engine = create_engine(url(name))
    t = time.perf_counter()
    upgrade_database(url(name))
    print(f"migrations: {time.perf_counter() - t:.1f} s")
    print(f"generation: {generate(engine):.1f} s (plus VACUUM ANALYZE above)")
    return engine
