"""The numbers of official documents: from 1 each year, per issuing unit, without gaps or duplicates.

`next_number` takes the next number in the caller's transaction: an UPDATE ... RETURNING of the unit's counter
row, which locks that row until the transaction ends, so concurrent issuers queue on it (PostgreSQL) or on the
database's write lock (SQLite). The first number of a unit's year inserts the row; when two transactions do
that at once, the loser's INSERT fails on the primary key inside a savepoint and it takes the next number from
the winner's row instead. A transaction that rolls back gives its number back with it.
"""

from sqlalchemy import insert, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.models import DocumentCounter

_counters = DocumentCounter.__table__


def next_number(session: Session, unit_id: int, year: int) -> int:
    """The next document number of unit `unit_id` in `year` (1 for its first)."""
    bump = (
        update(_counters)
        .where(_counters.c.unit_id == unit_id, _counters.c.year == year)
        .values(last=_counters.c.last + 1)
        .returning(_counters.c.last)
    )
    number = session.execute(bump).scalar_one_or_none()
    if number is not None:
        return number
    try:
        with session.begin_nested():
            session.execute(insert(_counters).values(unit_id=unit_id, year=year, last=1))
        return 1
    except IntegrityError:
        # Another transaction inserted the row first (and has committed: our INSERT waited for it).
        return session.execute(bump).scalar_one()
