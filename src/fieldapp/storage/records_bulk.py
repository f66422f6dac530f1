"""Saving many records at once without the ORM's unit of work: new records go in with one executemany per table.

Every clock and outbox row is written in the same transaction as the records (one clock for the whole insert, as
one ORM flush would have), set-based after each table's insert rather than by the per-row capture triggers.
Records that already exist are updated through repository.save_many, after the inserts, so the ORM's
field-by-field change tracking still decides what an update changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from functools import cache, cached_property
from operator import attrgetter
from typing import Any, TypeVar, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from fieldapp.domain.hlc import HybridLogicalClock
from fieldapp.domain.records import RecordBase
from fieldapp.domain.validation import raise_if
from fieldapp.storage import repository, written
from fieldapp.storage.base import Base, new_id
from fieldapp.storage.bulk_rows import Staged, checksums, insert_run
from fieldapp.storage.capture import (capture_inserted, close_capture, last_rowid, replay_context,
                                      synced_tables)
from fieldapp.storage.quiet_inserts import QuietInserts
from fieldapp.storage.record_map import model_for

# A bulk insert's new ids are random, so they dirty index pages all over a large file; with the connection's
# usual page cache (engine.CACHE_KIB) SQLite spills them to the WAL mid-transaction and writes many again at
# commit. Set for one write transaction of a large bulk insert only, then put back.
BULK_CACHE_MIB = 256


@contextmanager
def roomy_cache(session: Session, mib: int = BULK_CACHE_MIB) -> Iterator[None]:
    """A larger page cache on the session's connection for the length of the block."""
    conn = session.connection()
    before = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
    conn.exec_driver_sql(f"PRAGMA cache_size = -{int(mib) * 1024}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {before}")


_PART = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit


def _existing(session: Session, records: Sequence[RecordBase]) -> set[str]:
    wanted: dict[Table, list[str]] = {}
    for r in records:
        if r.id:
            wanted.setdefault(model_for(type(r)).__table__, []).append(r.id)  # type: ignore[attr-defined]  # every model has one
    found: set[str] = set()
    for table, ids in wanted.items():
        for part in range(0, len(ids), _PART):
            found.update(session.execute(select(table.c.id).where(table.c.id.in_(ids[part:part + _PART]))).scalars())
    return found


R = TypeVar("R", bound=RecordBase)


@cache
def _copied_whole(cls: type[RecordBase]) -> bool:
    """Whether copying an instance's attributes makes what dataclasses.replace makes: every field is set by
    __init__, nothing runs after it, and no cached_property keeps a value among the attributes."""
    return (all(f.init for f in fields(cls)) and not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
            and not any(isinstance(v, cached_property) for k in cls.__mro__ for v in vars(k).values()))


def _restamped(record: R, **changes: Any) -> R:
    """dataclasses.replace(record, **changes) at half its cost for a plain record (a bulk save makes thousands)."""
    cls = type(record)
    if not _copied_whole(cls):  # type: ignore[arg-type]  # a class is hashable; mypy sees the instances' __hash__
        return replace(record, **changes)
    made = object.__new__(cls)
    attributes = vars(made)  # a frozen dataclass refuses setattr, not its attributes' dict
    attributes.update(vars(record))
    attributes.update(changes)
    return made


_STAMP = ("created_at", "created_by", "updated_at", "updated_by", "deleted_at")


def _stamp(now: datetime, actor: str) -> tuple[Any, ...]:
    """A new row's audit stamp, in _STAMP's order."""
    return (now, actor, now, actor, None)


@dataclass(frozen=True)
class _Plan:
    """How a record type's new rows are staged: its table, the row's columns and the column defaults."""

    table: Table
    names: tuple[str, ...]  # "id", the audit stamp, then the data fields
    values: Callable[[RecordBase], tuple[Any, ...]]  # the data fields' values, in `names` order
    defaults: tuple[tuple[int, str, Any], ...]  # (place among the data fields, field, value) for None


@cache
def _plan(cls: type[RecordBase]) -> _Plan:
    table = model_for(cls).__table__  # type: ignore[attr-defined]  # every model has one
    names = cls.data_fields()  # dataclasses.fields() per record was a fifth of a bulk save
    # attrgetter gives a tuple only for two names or more
    values: Callable[[RecordBase], tuple[Any, ...]] = (
        attrgetter(*names) if len(names) > 1 else lambda r: tuple(getattr(r, n) for n in names))
    # The ORM leaves a None unset on a new object, so the column's scalar default applies: the same here.
    defaults = tuple((i, n, table.c[n].default.arg) for i, n in enumerate(names)
                     if table.c[n].default is not None and table.c[n].default.is_scalar
                     and table.c[n].default.arg is not None)
    return _Plan(table, ("id", *_STAMP, *names), values, defaults)


def _stage(staged: Staged, record: RecordBase, record_id: str, stamp: tuple[Any, ...]) -> dict[str, Any]:
    """Stage the record's row under the audit stamp; returns the defaults it got for fields left None."""
    plan = _plan(type(record))  # type: ignore[arg-type]  # a class is hashable; mypy sees the instances' __hash__
    values = plan.values(record)
    missing = [(i, name, default) for i, name, default in plan.defaults if values[i] is None]
    if missing:
        listed = list(values)
        for i, _, default in missing:
            listed[i] = default
        values = tuple(listed)
    staged.add(plan.table, plan.names, (record_id, *stamp, *values))
    return {name: default for _, name, default in missing}


def _staged_row(staged: Staged, stored: RecordBase, stamp: tuple[Any, ...]) -> RecordBase:
    """Stage the record's row; returns the record as stored (column defaults applied)."""
    defaulted = _stage(staged, stored, stored.id, stamp)
    return replace(stored, **defaulted) if defaulted else stored


def _insert(session: Session, staged: Staged, *, hlc: int, device_id: str) -> None:
    session.flush()  # objects the ORM holds go first: its flush would end our capture context half-way
    conn = session.connection()
    # Replay: the guards let the rows in, the per-row log triggers stay quiet; capture_inserted writes the same
    # clocks and outbox entries set-based after each table's insert.
    replay_context(conn, hlc=hlc, device_id=device_id)
    synced = {t.name for t in synced_tables()}
    quiet = QuietInserts(conn)  # a table's insert triggers lifted for a large insert (demo data, an import)
    try:
        for table in Base.metadata.sorted_tables:  # parents before children
            runs = staged.tables.get(table)
            if not runs:
                continue
            is_synced = table.name in synced
            before = last_rowid(conn, table) if is_synced else 0
            in_hand = checksums(conn, table) if is_synced else None
            digests: list[tuple[str, int | None]] = []
            if is_synced:
                quiet.inserting(table.name, sum(len(run.rows) for run in runs))
            for run in runs:
                digests += insert_run(conn, table, run, in_hand)
            if is_synced:
                capture_inserted(conn, table, after_rowid=before, hlc=hlc, device_id=device_id, digests=digests)
            written.note_inserted(session, table.name, (i for i, _ in digests))
    finally:
        # Also after a failure, so no statement after this one runs with the table's triggers lifted (if SQLite
        # rolled the transaction back by itself, they are back already and restore() leaves them).
        try:
            quiet.restore()
        finally:
            close_capture(conn)


def insert_new(session: Session, records: Sequence[RecordBase], rows: dict[str, list[dict[str, object]]] | None = None,
               *, clock: HybridLogicalClock, device_id: str, actor: str, keep: bool = True) -> list[RecordBase]:
    """Insert records made in this transaction (demo data, imports), with one executemany per table.

    The records are validated, but the guards are not run: a finished visit is written together with its
    attendees (as repository.add_new with new_parent=True). `rows` are ready column values of tables that
    have no storage mapping for their record type (agreement versions), by table name; they get the same audit stamp.
    Returns the records as stored; with keep=False nothing (a demo of 10,000 participants would copy every record
    once more only to drop the copies)."""
    ts = clock.now()
    now = datetime.fromtimestamp((ts >> 16) / 1000, UTC)
    stamp = _stamp(now, actor)
    staged = Staged()
    for name, rs in (rows or {}).items():
        table = Base.metadata.tables[name]
        for row in rs:
            staged.add_dict(table, {**dict(zip(_STAMP, stamp)), **row})
    out = []
    for r in records:
        raise_if(r.validate())
        if not keep:
            _stage(staged, r, r.id or new_id(), stamp)
            continue
        out.append(_staged_row(staged, _restamped(r, id=r.id or new_id(), created_at=now, created_by=actor,
                                                  updated_at=now, updated_by=actor, deleted_at=None), stamp))
    _insert(session, staged, hlc=ts, device_id=device_id)
    return out


def save_many(session: Session, records: Sequence[RecordBase], *, clock: HybridLogicalClock, device_id: str,
              actor: str) -> list[RecordBase]:
    """Validate, then insert the new records in bulk and update the others; all in the caller's transaction.

    Same rules as repository.save_many (validation, the locked-visit guards, a child may refer to a parent
    saved in the same call); returns the stored records with ids and audit fields, in the order given."""
    present = _existing(session, records)
    fresh = [i for i, r in enumerate(records) if not r.id or r.id not in present]
    if not fresh:
        return repository.save_many(session, records)
    ts = clock.now()
    now = datetime.fromtimestamp((ts >> 16) / 1000, UTC)
    stamp = _stamp(now, actor)
    out: list[RecordBase | None] = [None] * len(records)
    staged: dict[str, Any] = {}
    for i in fresh:
        r = records[i]
        raise_if(r.validate())
        out[i] = stored = _restamped(r, id=r.id or new_id(), created_at=now, created_by=actor, updated_at=now,
                                     updated_by=actor, deleted_at=None)
        staged[stored.id] = stored  # a child's guard finds its new visit here (records have finished_at too)
    session.info[repository.STAGED] = staged
    try:
        for i in fresh:
            guard = repository.GUARDS.get(type(records[i]))
            if guard:
                guard(session, None, out[i])  # type: ignore[arg-type]  # set for every fresh index above
    finally:
        session.info.pop(repository.STAGED, None)
    rows = Staged()
    for i in fresh:
        kept = out[i]
        assert kept is not None
        out[i] = _staged_row(rows, kept, stamp)
    _insert(session, rows, hlc=ts, device_id=device_id)
    rest = [i for i in range(len(records)) if out[i] is None]
    if rest:
        for i, saved in zip(rest, repository.save_many(session, [records[i] for i in rest])):
            out[i] = saved
    return cast(list[RecordBase], out)  # every slot is filled above
