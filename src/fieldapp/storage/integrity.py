"""`fieldapp check`: is the database sound, and does every record have clocks that match its columns?"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import Connection

from fieldapp.storage.capture import _q, digest_columns, synced_tables, trigger_ddl


@dataclass
class IntegrityReport:
    problems: list[str] = field(default_factory=list)
    records: int = 0
    changes: int = 0  # records with clocks (the change log it once counted is folded into them)

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
    report.changes = conn.exec_driver_sql("SELECT count(*) FROM record_clock").scalar_one()
    tables = synced_tables()
    names = {t.name for t in tables}
    for table in tables:
        _compare_table(conn, table.name, [c.name for c in table.columns if c.name != "id"], report)
        _compare_digests(conn, table.name, digest_columns(table), report)
        if len(report.problems) > max_reported:
            report.problems = report.problems[:max_reported] + ["…"]
            return report
    for entity, n in conn.exec_driver_sql("SELECT entity, count(*) FROM record_clock GROUP BY entity").all():
        if entity not in names:
            report.problems.append(f"{n} clocks of {entity!r}, which is not a synced table")
    return report


def _compare_table(conn: Connection, table: str, columns: list[str], report: IntegrityReport) -> None:
    """Every row has clocks and every clock a row; field clocks name only real columns; the newest clock
    is recorded as such (the folder's clock starts after it); nothing waits to be sent without a row."""
    q = _q(table)
    report.records += conn.exec_driver_sql(f"SELECT count(*) FROM {q}").scalar_one()
    for (rid,) in conn.exec_driver_sql(
            f"SELECT t.id FROM {q} t LEFT JOIN record_clock c ON c.entity = ? AND c.entity_id = t.id"
            " WHERE c.entity_id IS NULL LIMIT 20", (table,)):
        report.problems.append(f"{table} {rid}: no clocks")
    for (cid,) in conn.exec_driver_sql(
            f"SELECT c.entity_id FROM record_clock c LEFT JOIN {q} t ON t.id = c.entity_id"
            " WHERE c.entity = ? AND t.id IS NULL LIMIT 20", (table,)):
        report.problems.append(f"{table} {cid}: has clocks but no row")
    known = set(columns)
    for entity_id, hlc, fields, last in conn.exec_driver_sql(
            "SELECT entity_id, hlc, fields, last_hlc FROM record_clock WHERE entity = ? AND fields != '{}'"
            " OR entity = ? AND last_hlc != hlc", (table, table)):
        try:
            stamps = json.loads(fields)
        except ValueError:
            report.problems.append(f"{table} {entity_id}: unreadable field clocks")
            continue
        strange = sorted(set(stamps) - known)
        if strange:
            report.problems.append(f"{table} {entity_id}: clocks for fields it does not have: {', '.join(strange)}")
        newest = max([hlc, *(int(s[0]) for s in stamps.values())])
        if newest != last:
            report.problems.append(f"{table} {entity_id}: newest clock {newest}, recorded as {last}")
    for (oid,) in conn.exec_driver_sql(
            f"SELECT o.entity_id FROM outbox_record o LEFT JOIN {q} t ON t.id = o.entity_id"
            " WHERE o.entity = ? AND t.id IS NULL LIMIT 20", (table,)):
        report.problems.append(f"{table} {oid}: waiting to be sent but has no row")


def _compare_digests(conn: Connection, table: str, columns: list[str], report: IntegrityReport) -> None:
    """Rows whose values are not those last written through change capture (changed behind its back)."""
    q = _q(table)
    cur = conn.exec_driver_sql(
        f"SELECT t.* FROM {q} t JOIN record_clock c ON c.entity = ? AND c.entity_id = t.id"
        f" WHERE c.digest IS NOT fa_digest({', '.join('t.' + _q(c) for c in columns)}) LIMIT 20", (table,))
    names = list(cur.keys())
    for row in cur:
        values = dict(zip(names, row))
        report.problems.append(f"{table} {values['id']}: changed outside change capture; the row now holds {values!r}")
