"""A checksum of a record's stored values, kept with its clocks, so `fieldapp check` finds rows changed
behind change capture's back (the device keeps no change log to compare values with).

Format 2 (migration 0021): BLAKE2b (64 bits) of the values as one JSON array, written by orjson. A row of
text, whole numbers and NULLs (nearly every row) is summed as it is, with no Python work per value: the first
format took a type test and an encoding per value, about 8 µs a visit, which was a sixth of a catch-up's pull.
The first format (digest_v1.py) stays for the migrations written before this one."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

import orjson

from fieldapp.storage.digest_v1 import FUNCTION_V1, digest_v1

FUNCTION = "fa_digest"
_PLAIN = frozenset({str, int, type(None)})
_NUL = b"\\u0000"  # how orjson writes a NUL in text (also found in text holding a backslash and "u0000")
_INT_RANGE = range(-(2**63), 2**64)  # what orjson writes as a number


def digest(*values: Any) -> int:
    """A signed 64-bit checksum of SQLite values, the same on every platform and Python version."""
    return _digest_row(values)


def _digest_row(values: tuple[Any, ...]) -> int:
    if _PLAIN.issuperset(map(type, values)):
        return _digest_plain(values)
    return _digest_other(values)


def _digest_plain(values: tuple[Any, ...]) -> int:
    """digest() of values that are all text, whole numbers or NULL."""
    try:
        raw = orjson.dumps(values)
    except orjson.JSONEncodeError:  # a whole number beyond 64 bits: written as the slow path writes it
        return _digest_other(values)
    return _sum(raw) if _NUL not in raw else _digest_other(values)


def _digest_other(values: tuple[Any, ...]) -> int:
    normal = tuple(map(_normal, values))
    try:
        return _sum(orjson.dumps(normal))
    except orjson.JSONEncodeError:  # text with a lone surrogate (SQLite cannot store it, so never summed there)
        return _sum(orjson.dumps([{"u": v.encode("utf-8", "surrogatepass").hex()} if type(v) is str else v
                                  for v in normal]))


def _sum(raw: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big", signed=True)


def _normal(v: Any) -> Any:
    """A value as SQLite gives it to fa_digest, in JSON: text only up to a NUL (the driver hands SQL functions
    text only so far), whole numbers as numbers (or as text beyond 64 bits), and the values JSON has no
    number or text for tagged: a float by its shortest repr (inf and NaN included), bytes in hex."""
    if v is None:
        return None
    if isinstance(v, str):
        return str(v).partition("\x00")[0]
    if isinstance(v, float):
        return {"f": repr(float(v))}
    if isinstance(v, (bytes, bytearray, memoryview)):
        return {"b": bytes(v).hex()}
    n = int(v)  # a bool, an int subclass, or a number of another kind, as the first format took it
    return n if n in _INT_RANGE else {"i": str(n)}


def register(dbapi_conn: Any) -> None:
    """Make fa_digest(...) callable from SQL (the capture triggers and `fieldapp check` use it), and the first
    format's fa_digest_v1(...) (for the migrations written before format 2)."""
    dbapi_conn.create_function(FUNCTION, -1, digest, deterministic=True)
    dbapi_conn.create_function(FUNCTION_V1, -1, digest_v1, deterministic=True)


@contextmanager
def checksums_follow(conn: Any, table: str, function: str = FUNCTION) -> Iterator[None]:
    """For a migration that adds or drops a column of `table` (on a SQLAlchemy connection): keep the rows'
    checksums (record_clock.digest, over every column by name) true across the change.

    Adding or dropping a column changes every row's checksum, and `fieldapp check` would report each row as
    changed behind change capture's back. A row whose checksum held before gets the new one; a row that was
    already changed behind capture's back stays reported. `function`: the format the checksums are stored in
    (a migration written before format 2 passes FUNCTION_V1).
    """
    register(conn.connection.dbapi_connection)

    def checksum() -> str:
        names = sorted(r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")').all())
        return f"{function}({', '.join(f'x.{chr(34)}{n}{chr(34)}' for n in names)})"

    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.checksum_held")
    conn.exec_driver_sql(
        f'CREATE TEMP TABLE checksum_held AS SELECT x.id FROM "{table}" x JOIN record_clock c'
        f" ON c.entity = ? AND c.entity_id = x.id WHERE c.digest = {checksum()}", (table,))
    yield
    conn.exec_driver_sql(
        f'UPDATE record_clock SET digest = (SELECT {checksum()} FROM "{table}" x WHERE x.id = record_clock.entity_id)'
        " WHERE entity = ? AND entity_id IN (SELECT id FROM temp.checksum_held)", (table,))
    conn.exec_driver_sql("DROP TABLE temp.checksum_held")


# What SQLite stores unchanged in a column of each affinity (https://sqlite.org/datatype3.html): a value of
# another type may be converted on the way in (an int into a TEXT column becomes text), so its checksum is
# taken from the stored row instead. A float is only kept when it is not NaN (stored as NULL) and not a zero
# (a REAL column may give back -0.0 as 0.0).
_KEPT: dict[str, frozenset[type]] = {
    "TEXT": frozenset({str, bytes, type(None)}),
    "INTEGER": frozenset({int, bool, bytes, type(None)}),
    "NUMERIC": frozenset({int, bool, bytes, type(None)}),
    "REAL": frozenset({float, bytes, type(None)}),
    "BLOB": frozenset({str, int, bool, float, bytes, type(None)}),
}


def affinity(declared: str) -> str:
    """SQLite's affinity of a column declared with this type, by its rules in their order."""
    t = declared.upper()
    if "INT" in t:
        return "INTEGER"
    if "CHAR" in t or "CLOB" in t or "TEXT" in t:
        return "TEXT"
    if "BLOB" in t or not t:
        return "BLOB"
    if "REAL" in t or "FLOA" in t or "DOUB" in t:
        return "REAL"
    return "NUMERIC"


class InHand:
    """Checksums of rows about to be written to one table, from the values in hand (no reading the row back)."""

    def __init__(self, conn: Any, table: str, columns: list[str]) -> None:
        quoted = '"' + table.replace('"', '""') + '"'
        declared = {name: kind or "" for _, name, kind, *_ in conn.exec_driver_sql(f"PRAGMA table_info({quoted})")}
        self.columns = columns  # the columns the checksum covers, in its order (capture.digest_columns)
        self._kept = [_KEPT[affinity(declared[c])] if c in declared else frozenset() for c in columns]
        # Types every column stores unchanged: a row of only these needs no check column by column.
        self._everywhere = frozenset.intersection(*self._kept) - {float} if self._kept else frozenset()
        self._order: dict[tuple[str, ...], Callable[[tuple[Any, ...]], Any] | None] = {}

    def digest_new(self, names: tuple[str, ...], row: tuple[Any, ...]) -> int | None:
        """The same as digest() for a new row given as (id, *values of `names`), its columns in that order."""
        pick = self._pick(names)
        return None if pick is None else self._checked(pick(row))

    def digest_many(self, names: tuple[str, ...], rows: Sequence[tuple[Any, ...]]) -> list[int | None]:
        """digest_new of each row, the stored-unchanged test taken column by column over the rows at once."""
        pick = self._pick(names)
        if pick is None:
            return [None] * len(rows)
        picked = list(map(pick, rows))
        types = [set(map(type, column)) for column in zip(*picked)]
        # A float: each row's own test (NaN, 0.0).
        if picked and all(kept.issuperset(t) and float not in t for kept, t in zip(self._kept, types)):
            return list(map(_digest_plain if _PLAIN.issuperset(set().union(*types)) else _digest_row, picked))
        return list(map(self._checked, picked))

    def _pick(self, names: tuple[str, ...]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]] | None:
        if names not in self._order:
            self._order[names] = self._picker(names)
        return self._order[names]

    def _picker(self, names: tuple[str, ...]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]] | None:
        """What takes the checksum's columns, in its order, out of (id, *values of `names`); None if some
        column is not among them (it gets its default, which the row read back would show)."""
        at = {name: i for i, name in enumerate(("id", *names))}
        if not at.keys() >= set(self.columns):
            return None
        where = [at[c] for c in self.columns]
        if len(where) == 1:
            return lambda row: (row[where[0]],)
        return itemgetter(*where)

    def digest(self, values: dict[str, Any]) -> int | None:
        """The checksum of a row that will hold exactly `values` (column -> value bound to SQLite), as
        fa_digest gives it once stored; None when a column is missing or a value may be stored otherwise."""
        try:
            row = [values[c] for c in self.columns]
        except KeyError:
            return None
        return self._checked(row)

    def _checked(self, row: Sequence[Any]) -> int | None:
        if not self._everywhere.issuperset(map(type, row)):
            for v, ok in zip(row, self._kept):
                if type(v) not in ok or (type(v) is float and (v != v or v == 0.0)):
                    return None
        return digest(*row)
