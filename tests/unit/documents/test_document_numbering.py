"""Document numbers: from 1 per issuing unit and year, and under concurrent issuers neither a duplicate nor a
gap (SQLite and, with TEST_DATABASE_URL, PostgreSQL)."""

import threading

import pytest
from sqlalchemy import create_engine, delete, select
from sqlalchemy.orm import Session

from core.database import configure_sqlite
from core.models import DocumentCounter, Unit
from triage.documents.numbering import next_number

YEARS = range(2090, 2100)  # far from any year a real document of the other tests is issued in


@pytest.fixture
def engine(database_url):
    engine = create_engine(database_url, pool_size=20, max_overflow=0) if "postgresql" in database_url else None
    if engine is None:
        engine = create_engine(database_url)
        configure_sqlite(engine)
    _forget(engine)
    yield engine
    _forget(engine)
    engine.dispose()


def _forget(engine) -> None:
    with Session(engine) as session, session.begin():
        session.execute(delete(DocumentCounter).where(DocumentCounter.year.in_(list(YEARS))))


def _unit_id(engine, code: str) -> int:
    with Session(engine) as session:
        return session.scalar(select(Unit.id).where(Unit.code == code))


def _take(engine, unit_id: int, year: int) -> int:
    with Session(engine) as session, session.begin():
        return next_number(session, unit_id, year)


def test_each_unit_counts_from_one(engine):
    commune, inspectorate = _unit_id(engine, "16522"), _unit_id(engine, "thanh-tra-tinh")
    assert [_take(engine, commune, 2090) for _ in range(3)] == [1, 2, 3]
    assert [_take(engine, inspectorate, 2090) for _ in range(2)] == [1, 2]
    assert _take(engine, commune, 2090) == 4


def test_a_new_year_starts_again_at_one(engine):
    commune = _unit_id(engine, "16522")
    assert [_take(engine, commune, 2091) for _ in range(2)] == [1, 2]
    assert _take(engine, commune, 2092) == 1
    assert _take(engine, commune, 2091) == 3


def test_a_rolled_back_number_is_given_again(engine):
    commune = _unit_id(engine, "16522")
    assert _take(engine, commune, 2093) == 1
    with Session(engine) as session:
        with session.begin():
            assert next_number(session, commune, 2093) == 2
            session.rollback()
    assert _take(engine, commune, 2093) == 2


def _race(engine, unit_id: int, year: int, threads: int, each: int) -> list[int]:
    """`threads` issuers released at once, each taking `each` numbers in its own transactions."""
    start, taken, errors = threading.Barrier(threads), [], []
    lock = threading.Lock()

    def issuer():
        try:
            start.wait()
            for _ in range(each):
                number = _take(engine, unit_id, year)
                with lock:
                    taken.append(number)
        except Exception as exc:  # reported below: a failed thread must fail the test
            errors.append(exc)

    workers = [threading.Thread(target=issuer) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert not errors, errors
    return taken


def test_concurrent_issuers_get_every_number_once(engine):
    commune = _unit_id(engine, "16522")
    threads, each = 8, 12
    taken = _race(engine, commune, 2094, threads, each)
    assert sorted(taken) == list(range(1, threads * each + 1))


def test_concurrent_first_numbers_of_a_year(engine):
    """Every issuer starts on a year without a counter row: all but one lose the INSERT and must still get a
    number of their own."""
    inspectorate = _unit_id(engine, "thanh-tra-tinh")
    for year in (2095, 2096, 2097, 2098):
        taken = _race(engine, inspectorate, year, threads=10, each=1)
        assert sorted(taken) == list(range(1, 11)), year
