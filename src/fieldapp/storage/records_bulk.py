"""Saving many records at once without the ORM's unit of work: new records go in with one executemany per table.

Every clock and outbox row is written in the same transaction as the records (one clock for the whole insert, as
one ORM flush would have), set-based after each table's insert rather than by the per-row capture triggers.
Records that already exist are updated through repository.save_many, after the inserts, so the ORM's
field-by-field change tracking still decides what an update changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from fieldapp.domain.hlc import HybridLogicalClock
from fieldapp.domain.records import RecordBase
from fieldapp.domain.validation import raise_if
from fieldapp.storage import repository, written
from fieldapp.storage.base import Base, new_id
from fieldapp.storage.capture import (capture_inserted, close_capture, last_rowid, replay_context,
                                      synced_tables)
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


@cache
def _data_fields(cls: type[RecordBase]) -> tuple[str, ...]:
    return cls.data_fields()  # dataclasses.fields() per record was a fifth of a bulk save


def _row(table: Table, record: RecordBase, stamp: dict[str, object]) -> dict[str, object]:
    row: dict[str, object] = dict(stamp, id=record.id)
    for name in _data_fields(type(record)):  # type: ignore[arg-type]  # a class is hashable; mypy sees the instances' __hash__
        value = getattr(record, name)
        if value is None:
            # The ORM leaves a None unset on a new object, so the column's default applies: the same here.
            default = table.c[name].default
            if default is not None and default.is_scalar:
                value = default.arg  # type: ignore[attr-defined]  # a scalar default has .arg
        row[name] = value
    return row


def _staged_row(by_table: dict[Table, list[dict[str, object]]], stored: RecordBase,
                stamp: dict[str, object]) -> RecordBase:
    """Add the record's row to its table's list; returns the record as stored (column defaults applied)."""
    table = model_for(type(stored)).__table__  # type: ignore[attr-defined]  # every model has one
    row = _row(table, stored, stamp)
    by_table.setdefault(table, []).append(row)
    defaulted: dict[str, Any] = {k: row[k] for k in _data_fields(type(stored))  # type: ignore[arg-type]  # as in _row
                                 if getattr(stored, k) is None and row[k] is not None}
    return replace(stored, **defaulted) if defaulted else stored


def _insert(session: Session, by_table: dict[Table, list[dict[str, object]]], *, hlc: int, device_id: str) -> None:
    session.flush()  # objects the ORM holds go first: its flush would end our capture context half-way
    conn = session.connection()
    # Replay: the guards let the rows in, the per-row log triggers stay quiet; capture_inserted writes the same
    # clocks and outbox entries set-based after each table's insert.
    replay_context(conn, hlc=hlc, device_id=device_id)
    synced = {t.name for t in synced_tables()}
    try:
        for table in Base.metadata.sorted_tables:  # parents before children
            if by_table.get(table):
                before = last_rowid(conn, table) if table.name in synced else 0
                conn.execute(insert(table), by_table[table])
                if table.name in synced:
                    capture_inserted(conn, table, after_rowid=before, hlc=hlc, device_id=device_id)
                written.note_inserted(session, table.name, (str(row["id"]) for row in by_table[table]))
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
    stamp: dict[str, object] = {"created_at": now, "created_by": actor, "updated_at": now, "updated_by": actor,
                                "deleted_at": None}
    by_table: dict[Table, list[dict[str, object]]] = {
        Base.metadata.tables[name]: [{**stamp, **r} for r in rs] for name, rs in (rows or {}).items()}
    out = []
    for r in records:
        raise_if(r.validate())
        if not keep:
            table = model_for(type(r)).__table__  # type: ignore[attr-defined]  # every model has one
            by_table.setdefault(table, []).append(_row(table, r if r.id else replace(r, id=new_id()), stamp))
            continue
        out.append(_staged_row(by_table, replace(r, id=r.id or new_id(), created_at=now, created_by=actor,
                                                 updated_at=now, updated_by=actor, deleted_at=None), stamp))
    _insert(session, by_table, hlc=ts, device_id=device_id)
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
    stamp: dict[str, object] = {"created_at": now, "created_by": actor, "updated_at": now, "updated_by": actor,
                                "deleted_at": None}
    out: list[RecordBase | None] = [None] * len(records)
    staged: dict[str, Any] = {}
    for i in fresh:
        r = records[i]
        raise_if(r.validate())
        out[i] = stored = replace(r, id=r.id or new_id(), created_at=now, created_by=actor, updated_at=now,
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
    by_table: dict[Table, list[dict[str, object]]] = {}
    for i in fresh:
        kept = out[i]
        assert kept is not None
        out[i] = _staged_row(by_table, kept, stamp)
    _insert(session, by_table, hlc=ts, device_id=device_id)
    rest = [i for i in range(len(records)) if out[i] is None]
    if rest:
        for i, saved in zip(rest, repository.save_many(session, [records[i] for i in rest])):
            out[i] = saved
    return cast(list[RecordBase], out)  # every slot is filled above
