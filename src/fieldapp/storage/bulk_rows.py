"""New rows of a bulk save, bound for SQLite by hand: one executemany per run of rows with the same columns, and
each row's checksum taken from the values bound (as the pull takes it) rather than read back through SQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, insert

from fieldapp.storage.capture import _q, digest_columns
from fieldapp.storage.digest import InHand

Row = tuple[Any, ...]


@dataclass
class Run:
    """Rows of one table with the same columns (`names`, "id" first), in the order they were staged."""

    names: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)


class Staged:
    """New rows by table, kept as runs so that a table's rows go in in the order they were staged."""

    def __init__(self) -> None:
        self.tables: dict[Table, list[Run]] = {}

    def add(self, table: Table, names: tuple[str, ...], row: Row) -> None:
        """Stage a row given as its values of `names` ("id" first), domain values as the columns take them."""
        runs = self.tables.get(table)
        if runs is None:
            runs = self.tables[table] = []
        if not runs or (runs[-1].names is not names and runs[-1].names != names):
            runs.append(Run(names))
        runs[-1].rows.append(row)

    def add_dict(self, table: Table, row: dict[str, object]) -> None:
        names = ("id", *(k for k in row if k != "id"))
        self.add(table, names, tuple(row[n] for n in names))


def insert_run(conn: Connection, table: Table, run: Run, in_hand: InHand | None) -> list[tuple[str, int | None]]:
    """Insert the run's rows; returns (id, checksum in hand or None) of each, in order.

    None where the checksum must be read from the stored row: a value SQLite may store otherwise, a column
    left to its default, or a run the statement could not be built for by hand (then SQLAlchemy binds it)."""
    try:
        bound = _bound(conn, table, run)
    except Exception:  # noqa: BLE001 - a value its column refuses: SQLAlchemy's binding below raises its own error for it
        bound = None
    if bound is None:
        conn.execute(insert(table), [dict(zip(run.names, row)) for row in run.rows])
        return [(str(row[0]), None) for row in run.rows]
    sql, params, blobs = bound
    conn.exec_driver_sql(sql, params)
    if in_hand is None:
        return [(row[0], None) for row in params]
    names = run.names[1:]
    if blobs:  # SQLite stores a memoryview as the BLOB of its bytes, and hands fa_digest those bytes
        params = [_as_bytes(row, blobs) for row in params]
    return list(zip((row[0] for row in params), in_hand.digest_many(names, params)))


def _as_bytes(row: Row, blobs: list[int]) -> Row:
    values = list(row)
    for i in blobs:
        if type(values[i]) is memoryview:
            values[i] = bytes(values[i])
    return tuple(values)


def checksums(conn: Connection, table: Table) -> InHand:
    return InHand(conn, table.name, digest_columns(table))


def _bound(conn: Connection, table: Table, run: Run) -> tuple[str, Sequence[Row], list[int]] | None:
    """The INSERT statement, the run's rows as SQLite gets them (each value through its column's bind processor,
    as SQLAlchemy's executemany does) and the columns where a processor made a memoryview (binary types); None
    when only SQLAlchemy can build them (a name that is no column, a column left out that has a default made in
    Python, a type that wraps its parameter in SQL)."""
    names = run.names
    if any(n not in table.c for n in names) or names[0] != "id" or not isinstance(run.rows[0][0], str):
        return None
    given = set(names)
    if any(c.default is not None for c in table.columns if c.name not in given):
        return None
    columns = [table.c[n] for n in names]
    if any(c.type._has_bind_expression for c in columns):  # noqa: SLF001 - SQLAlchemy's own test for a SQL-side wrapper
        return None
    dialect = conn.dialect
    processors = [(i, p) for i, c in enumerate(columns) if (p := c.type.bind_processor(dialect)) is not None]
    sql = (f"INSERT INTO {_q(table.name)} ({', '.join(map(_q, names))})"
           f" VALUES ({', '.join('?' * len(names))})")
    if not processors:
        return sql, run.rows, []
    by_column: list[Sequence[Any]] = list(zip(*run.rows))
    blobs = []
    for i, process in processors:
        by_column[i] = _processed(by_column[i], process)
        if memoryview in set(map(type, by_column[i])):
            blobs.append(i)
    return sql, list(zip(*by_column)), blobs


def _processed(values: Sequence[Any], process: Callable[[Any], Any]) -> list[Any]:
    """process(v) of each value; a value that is the same object as the one before is processed once (the audit
    stamp, NULLs, a default: most of a bulk save's datetimes are the one `now`)."""
    out: list[Any] = []
    add = out.append
    last: Any = object()
    done: Any = None
    for v in values:
        if v is not last:
            last, done = v, process(v)
        add(done)
    return out
