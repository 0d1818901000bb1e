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
