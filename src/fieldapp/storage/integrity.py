"""`fieldapp check`: is the database sound, and does its change log reproduce every record?"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from fieldapp.storage.capture import _q, install_triggers, synced_tables, trigger_ddl


_MISSING = object()


@dataclass
class IntegrityReport:
    problems: list[str] = field(default_factory=list)
    records: int = 0
    changes: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check(conn: Connection, *, max_reported: int = 50) -> IntegrityReport:
    report = IntegrityReport()
    result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
    if result != ["ok"]:
        report.problems += [f"integrity_check: {r}" for r in result]
    for row in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
        report.problems.append(f"foreign key: {tuple(row)}")
    present = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").all()}
    missing = sorted(set(trigger_ddl()) - present)
    if missing:
        report.problems.append(f"change capture triggers missing: {', '.join(missing[:5])}")
    if conn.exec_driver_sql("SELECT count(*) FROM capture_context").scalar_one():
        report.problems.append("capture_context holds a row outside a write")
    report.changes = conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar_one()
    for table in synced_tables():
        _compare_table(conn, table.name, report)
        if len(report.problems) > max_reported:
            report.problems = report.problems[:max_reported] + ["…"]
            break
    return report


def repair_triggers(conn: Connection) -> bool:
    return install_triggers(conn)


def _logged_records(conn: Connection, table: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, field -> winning value) per record, in id order, streamed from the change log."""
    cur = conn.exec_driver_sql(
        "SELECT entity_id, field, value FROM change_log WHERE entity = ?"
        " ORDER BY entity_id, field, hlc, device_id, seq",
        (table,),
    )
    current_id: str | None = None
    fields: dict[str, Any] = {}
    for entity_id, name, value in cur:
        if entity_id != current_id:
            if current_id is not None:
                yield current_id, fields
            current_id, fields = entity_id, {}
        fields[name] = value  # later in (hlc, device) order wins
    if current_id is not None:
        yield current_id, fields


def _compare_table(conn: Connection, table: str, report: IntegrityReport) -> None:
    cur = conn.exec_driver_sql(f"SELECT * FROM {_q(table)} ORDER BY id")
    names = list(cur.keys())
    rows = iter(cur.all())
    logged = _logged_records(conn, table)
    row = next(rows, None)
    entry = next(logged, None)
    while row is not None or entry is not None:
        rid = row[names.index("id")] if row is not None else None
        lid = entry[0] if entry is not None else None
        if lid is None or (rid is not None and rid < lid):
            report.problems.append(f"{table} {rid}: no change log entries")
            row = next(rows, None)
        elif rid is None or lid < rid:
            report.problems.append(f"{table} {lid}: in the change log but not in the table")
            entry = next(logged, None)
        else:
            report.records += 1
            for col, value in zip(names, row):
                if col != "id" and entry[1].get(col, _MISSING) != value:
                    report.problems.append(
                        f"{table} {rid}.{col}: table has {value!r}, change log gives {entry[1].get(col, '<missing>')!r}"
                    )
            row, entry = next(rows, None), next(logged, None)
