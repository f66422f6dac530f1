"""Generic reads and writes of domain records, with the rules storage itself enforces."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import QueryableAttribute, Session

from fieldapp.domain import visit_records as vr
from fieldapp.domain.messages import DomainError, Message
from fieldapp.domain.records import RecordBase
from fieldapp.domain.validation import raise_if
from fieldapp.storage import models as m
from fieldapp.storage.base import Record, new_id
from fieldapp.storage.record_map import R, copy_into, model_for, to_record


class RecordNotFound(DomainError):
    def __init__(self, cls: type[RecordBase], record_id: str) -> None:
        super().__init__(Message("record_not_found", f"Fant ikke {cls.entity} med id {record_id}.",
                                 f"No {cls.entity} with id {record_id}."))


def _visit_locked(visit_id: str) -> DomainError:
    return DomainError(Message(
        "visit_locked",
        "Besøket er ferdigstilt og låst. Legg til en rettelse som notat i stedet.",
        "The visit is finished and locked. Add a correction as a note instead.",
    ))


def _guard_visit(session: Session, old: Record | None, new: RecordBase) -> None:
    if old is not None and cast(m.Visit, old).finished_at is not None:
        raise _visit_locked(old.id)


def _guard_visit_child(session: Session, old: Record | None, new: RecordBase) -> None:
    visit_id = cast("vr.VisitAttendee | vr.VisitAction", new).visit_id
    visit = session.info.get(_STAGED, {}).get(visit_id) or session.get(m.Visit, visit_id)
    if visit is None:
        raise RecordNotFound(vr.Visit, visit_id)
    if visit.finished_at is not None and not isinstance(new, vr.VisitNote):
        raise _visit_locked(visit.id)


_STAGED = "fieldapp_staged"  # session.info key: records staged by save_many, by id, not yet flushed
STAGED = _STAGED  # records_bulk stages its new records under the same key, for the same guards

# Rules that hold whatever calls storage (UI, CLI, import, sync replays are checked elsewhere).
GUARDS: dict[type[RecordBase], Callable[[Session, Record | None, RecordBase], None]] = {
    vr.Visit: _guard_visit,
    vr.VisitAttendee: _guard_visit_child,
    vr.VisitAction: _guard_visit_child,
}


def get(session: Session, cls: type[R], record_id: str, *, include_deleted: bool = False) -> R | None:
    obj = session.get(model_for(cls), record_id)
    if obj is None or (obj.deleted_at is not None and not include_deleted):
        return None
    return to_record(obj, cls)


def require(session: Session, cls: type[R], record_id: str) -> R:
    found = get(session, cls, record_id)
    if found is None:
        raise RecordNotFound(cls, record_id)
    return found


def save(session: Session, record: R) -> R:
    """Validate, then insert or update. Returns the stored record with id and audit fields.

    Validates once, flushes once, and builds the result from what it wrote (no read back)."""
    obj = _stage(session, record)
    session.flush()
    return to_record(obj, type(record))


def save_many(session: Session, records: Sequence[RecordBase]) -> list[RecordBase]:
    """Validate, then insert or update many records with one flush (one clock for all of them).

    Stored records are fetched with one query per type, not one per record; a child may refer to a parent
    saved in the same call (a visit's attendees)."""
    wanted: dict[type[Record], list[str]] = {}
    for r in records:
        if r.id:
            wanted.setdefault(model_for(type(r)), []).append(r.id)
    for model, ids in wanted.items():  # into the identity map, so _stage's session.get needs no query
        for part in range(0, len(ids), 500):
            session.scalars(select(model).where(model.id.in_(ids[part:part + 500]))).all()
    staged: dict[str, Record] = {}
    session.info[_STAGED] = staged
    try:
        objs = []
        for r in records:
            obj = _stage(session, r)
            staged[obj.id] = obj
            objs.append(obj)
        session.flush()
    finally:
        session.info.pop(_STAGED, None)
    return [to_record(o, type(r)) for o, r in zip(objs, records)]


def _stage(session: Session, record: RecordBase) -> Record:
    """Validate a record and put it into the session (not flushed)."""
    raise_if(record.validate())
    model = model_for(type(record))
    obj = session.get(model, record.id) if record.id else None
    if obj is not None and obj.deleted_at is not None:
        raise DomainError(Message("record_deleted", "Posten er slettet og kan ikke endres.",
                                  "The record has been deleted and cannot be changed."))
    guard = GUARDS.get(type(record))
    if guard:
        guard(session, obj, record)
    if obj is None:
        obj = model()
        obj.id = record.id or new_id()
        session.add(obj)
    copy_into(obj, record)
    return obj


def tombstone(session: Session, cls: type[RecordBase], record_id: str) -> None:
    obj = session.get(model_for(cls), record_id)
    if obj is None:
        raise RecordNotFound(cls, record_id)
    guard = GUARDS.get(cls)
    if guard:
        guard(session, obj, to_record(obj, cls))
    if obj.deleted_at is None:
        obj.deleted_at = datetime.now(UTC)
        session.flush()


def list_where(session: Session, cls: type[R], *criteria: ColumnElement[bool],
               order_by: ColumnElement[Any] | QueryableAttribute[Any] | None = None) -> list[R]:
    model = model_for(cls)
    stmt = select(model).where(model.deleted_at.is_(None), *criteria)
    if order_by is not None:
        stmt = stmt.order_by(order_by)
    return [to_record(o, cls) for o in session.scalars(stmt)]


def add_new(session: Session, record: R, *, new_parent: bool = False) -> R:
    """Insert a new record without flushing (bulk loads: demo data, imports).

    `new_parent=True` says the record belongs to a parent created in this same transaction (a finished
    visit written together with its attendees), which cannot be locked yet: the guards are skipped.
    """
    raise_if(record.validate())
    guard = None if new_parent else GUARDS.get(type(record))
    if guard:
        guard(session, None, record)
    model = model_for(type(record))
    obj = model()
    obj.id = record.id or new_id()
    copy_into(obj, record)
    session.add(obj)
    return replace(record, id=obj.id)
