"""Demo records gathered in memory and written with one executemany per table, not one ORM object each."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from fieldapp.domain.records import RecordBase
from fieldapp.storage import records_bulk
from fieldapp.storage.base import new_id
from fieldapp.storage.datafolder import DataFolder

R = TypeVar("R", bound=RecordBase)


class Pending:
    """New records (ids given at once, so children can refer to them) until `write` inserts them."""

    def __init__(self, folder: DataFolder) -> None:
        self.folder = folder
        self.records: list[RecordBase] = []
        self.rows: dict[str, list[dict[str, object]]] = {}

    def add(self, record: R) -> R:
        made = record if record.id else replace(record, id=new_id())
        self.records.append(made)
        return made

    def add_row(self, table: str, row: dict[str, object]) -> None:
        self.rows.setdefault(table, []).append(row)

    def write(self, session: Any) -> None:  # a storage session (demo code does not import SQLAlchemy)
        if self.records or self.rows:
            records_bulk.insert_new(session, self.records, self.rows, clock=self.folder.clock,
                                    device_id=self.folder.device_id, actor=self.folder.actor, keep=False)
        self.records, self.rows = [], {}
