"""The database as a portable logical dump: one JSON Lines file per table, read through SQLAlchemy from a single
consistent snapshot, that loads into SQLite or PostgreSQL alike (so an instance can also move from one to the other).

The snapshot: on SQLite, a copy made with the online backup API (`sqlite3.Connection.backup`, never a copy of the
live file), read afterwards; on PostgreSQL, one REPEATABLE READ, READ ONLY transaction, the snapshot pg_dump uses.
Either way the web app and the workers keep writing meanwhile, and every row of the dump belongs to one instant.

Each line of `<table>.jsonl` is one row, a JSON array in the order of the table's columns (listed in the manifest).
Values keep their JSON form (numbers, strings, booleans, null, the documents of JSON columns); timestamps are ISO
8601 in UTC, dates ISO, binary data base64. Tables are read as the database holds them (reflected, not through the
models), so a dump records the schema of its Alembic revision; a restore builds the schema at that revision, loads
the rows, then migrates to the code's head.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import (
    JSON,
    Connection,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    Table,
    Time,
    create_engine,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url

from core.database import alembic_config, upgrade_database

VERSION_TABLE = "alembic_version"
BATCH = 1000
# Tables whose rows say the database is in use: a restore refuses to replace them without --force.
IN_USE = ("reports", "audit_records")


class DumpError(RuntimeError):
    """A database this module cannot dump or load (the message says why)."""


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL, None for another backend."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:":
        raise DumpError("an in-memory SQLite database has nothing to back up")
    return Path(parsed.database)


@contextmanager
def snapshot(url: str, workdir: Path) -> Iterator[Connection]:
    """A connection that sees the database as it was at one instant, while others keep writing."""
    path = sqlite_path(url)
    if path is not None:
        copy = workdir / "snapshot.db"
        source = sqlite3.connect(path, timeout=30)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)  # pages=-1: in one step, under one read transaction of the source
        finally:
            target.close()
            source.close()
        engine = create_engine(f"sqlite:///{copy}")
        try:
            with engine.connect() as conn:
                yield conn
        finally:
            engine.dispose()
            copy.unlink(missing_ok=True)
        return
    engine = create_engine(url, isolation_level="REPEATABLE READ")
    try:
        with engine.connect() as conn:
            conn.execute(text("SET TRANSACTION READ ONLY"))  # the first statement of the transaction
            yield conn
            conn.rollback()
    finally:
        engine.dispose()


def revision(conn: Connection) -> str | None:
    """The Alembic revision the database is at (None: never migrated)."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return conn.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))


def _reflect(conn: Connection) -> MetaData:
    metadata = MetaData()
    metadata.reflect(conn)
    return metadata


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:  # SQLite keeps UTC without a zone (core.models.base.UTCDateTime)
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode()
    return value


def dump_database(conn: Connection, out_dir: Path) -> dict:
    """Write `<table>.jsonl` for every table but Alembic's into `out_dir`; returns the dump's description
    (dialect, revision, each table's columns and row count) for the manifest."""
    current = revision(conn)
    if current is None:
        raise DumpError("the database has no Alembic revision: run `flask --app wsgi db upgrade` first")
    tables = {}
    for table in _reflect(conn).sorted_tables:
        if table.name == VERSION_TABLE:
            continue
        columns = [column.name for column in table.columns]
        order = list(table.primary_key.columns) or list(table.columns)
        rows = 0
        with open(out_dir / f"{table.name}.jsonl", "w", encoding="utf-8") as out:
            result = conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
            for row in result:
                out.write(json.dumps([_encode(v) for v in row], ensure_ascii=False, separators=(",", ":")) + "\n")
                rows += 1
        tables[table.name] = {"columns": columns, "rows": rows}
    return {"dialect": conn.dialect.name, "revision": current, "tables": tables}


def read_rows(lines: IO[bytes] | Iterable[bytes | str]) -> Iterator[list]:
    """The rows of a table's part, decoded from JSON (ValueError on a line that is not a JSON array)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not isinstance(row, list):
            raise ValueError(f"line {number} is not a row")
        yield row


def _decoder(column):
    """The conversion of a dumped value to what the target column's type binds."""
    kind = column.type
    if isinstance(kind, JSON):
        return None
    if isinstance(kind, DateTime):
        aware = bool(getattr(kind, "timezone", False))

        def to_datetime(value):
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            moment = moment.astimezone(UTC)
            return moment if aware else moment.replace(tzinfo=None)

        return to_datetime
    if isinstance(kind, Date):
        return date.fromisoformat
    if isinstance(kind, Time):
        return time.fromisoformat
    if isinstance(kind, LargeBinary):
        return base64.b64decode
    if isinstance(kind, Numeric) and getattr(kind, "asdecimal", False):
        return Decimal
    return None


def in_use(url: str) -> dict[str, int]:
    """Rows of the tables that say the database is in use (reports, the audit trail), for those it has."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            return {name: conn.scalar(text(f"SELECT count(*) FROM {name}")) for name in IN_USE if name in names}
    finally:
        engine.dispose()


def clear_database(url: str) -> None:
    """Drop every table (and the function of the audit trail's trigger on PostgreSQL), so that the migrations can
    build the schema again from nothing."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            _reflect(conn).drop_all(conn)
            if conn.dialect.name == "postgresql":
                conn.execute(text("DROP FUNCTION IF EXISTS audit_records_append_only() CASCADE"))
    finally:
        engine.dispose()


def known_revision(revision: str) -> bool:
    """Whether this code's migrations know `revision` (a backup of a newer release names one they do not)."""
    try:
        return ScriptDirectory.from_config(alembic_config("sqlite://")).get_revision(revision) is not None
    except CommandError:
        return False


def load_database(url: str, description: dict, part: Any) -> dict[str, int]:
    """Build the schema of the dump's revision in an empty database, load every table's rows (`part(table)` opens
    the table's JSON Lines file), set PostgreSQL's sequences past the highest id, then migrate to the head.
    Returns the rows loaded per table."""
    upgrade_database(url, description["revision"])
    engine = create_engine(url)
    loaded: dict[str, int] = {}
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # rows that point at later rows of their table
            metadata = _reflect(conn)
            wanted = description["tables"]
            unknown = sorted(set(wanted) - set(metadata.tables))
            if unknown:
                raise DumpError(f"the schema of revision {description['revision']} has no table {', '.join(unknown)}")
            for table in metadata.sorted_tables:
                if table.name in wanted:
                    with part(table.name) as lines:
                        loaded[table.name] = _load_table(conn, table, wanted[table.name]["columns"], lines)
            if conn.dialect.name == "postgresql":
                _advance_sequences(conn, metadata)
    finally:
        engine.dispose()
    upgrade_database(url)
    return loaded


def _self_references(table: Table) -> set[str]:
    return {fk.parent.name for fk in table.foreign_keys if fk.column.table is table}


def _load_table(conn: Connection, table: Table, columns: list[str], lines) -> int:
    missing = [name for name in columns if name not in table.columns]
    if missing:
        raise DumpError(f"table {table.name} has no column {', '.join(missing)} at this revision")
    decoders = [_decoder(table.columns[name]) for name in columns]
    # A row may point at a later row of its own table (a report merged into a newer one): such columns are written
    # once every row is in, which PostgreSQL's immediate foreign keys need.
    later = _self_references(table) & set(columns)
    key = [column.name for column in table.primary_key.columns]
    deferred: list[dict] = []
    batch: list[dict] = []
    count = 0
    for row in read_rows(lines):
        if len(row) != len(columns):
            raise DumpError(f"a row of {table.name} has {len(row)} values for {len(columns)} columns")
        values = {
            name: (decode(value) if decode is not None and value is not None else value)
            for name, decode, value in zip(columns, decoders, row, strict=True)
        }
        if later and any(values[name] is not None for name in later):
            deferred.append({**{k: values[k] for k in key}, **{name: values[name] for name in later}})
            values.update(dict.fromkeys(later))
        batch.append(values)
        count += 1
        if len(batch) >= BATCH:
            conn.execute(table.insert(), batch)
            batch = []
    if batch:
        conn.execute(table.insert(), batch)
    for values in deferred:
        where = [table.columns[k] == values[k] for k in key]
        conn.execute(table.update().where(*where).values({name: values[name] for name in later}))
    return count


def _advance_sequences(conn: Connection, metadata: MetaData) -> None:
    """Each serial id's sequence continues after the highest id loaded, so new rows get fresh ids."""
    for table in metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        sequence = conn.scalar(select(func.pg_get_serial_sequence(table.name, key[0].name)))
        if sequence is None:
            continue
        highest = conn.scalar(select(func.max(key[0])))
        if highest is None:
            conn.execute(select(func.setval(sequence, 1, False)))
        else:
            conn.execute(select(func.setval(sequence, highest, True)))
