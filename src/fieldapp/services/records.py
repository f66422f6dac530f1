"""Saving, reading and deleting (tombstoning) any domain record."""

from __future__ import annotations

from collections.abc import Sequence

from fieldapp.domain.records import RecordBase
from fieldapp.services.workspace import Workspace
from fieldapp.storage import records_bulk, repository
from fieldapp.storage.record_map import R


def save(ws: Workspace, record: R) -> R:
    """Validate and store one record in its own transaction. Raises ValidationFailed or DomainError."""
    with ws.folder.write() as session:
        return repository.save(session, record)


def save_all(ws: Workspace, records: Sequence[RecordBase]) -> list[RecordBase]:
    """Store several records in one transaction and one write: all of them or none."""
    folder = ws.folder
    with folder.write() as session:
        return records_bulk.save_many(session, records, clock=folder.clock, device_id=folder.device_id,
                                      actor=folder.actor)


def get(ws: Workspace, cls: type[R], record_id: str) -> R | None:
    with ws.folder.read() as session:
        return repository.get(session, cls, record_id)


def delete(ws: Workspace, cls: type[RecordBase], record_id: str) -> None:
    """Tombstone a record: it disappears from lists, and the deletion syncs like any change."""
    with ws.folder.write() as session:
        repository.tombstone(session, cls, record_id)
