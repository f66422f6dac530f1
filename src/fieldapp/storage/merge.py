"""Applying pulled remote changes: field by field, last writer wins by (hlc, device), deterministically.

Rules (the same on every device, whatever order batches arrive in):
- Each field takes the value with the greatest (hlc, device_id); the table always equals the fold of
  the change log, so `fieldapp check` holds after every sync.
- A value written on this device that a remote change overwrites goes to `conflict` (kind
  "overwritten") with both values, devices and clocks, unless the remote writer had already seen it
  (its batch's `base` cursor covers the batch that carried our value). Bookkeeping fields
  (updated_at, updated_by) are merged but never reported.
- Delete vs edit: deletion is a field (deleted_at) like any other, so a tombstone stays a tombstone and
  concurrent edits to other fields are merged into it: the record ends deleted everywhere, with the
  edited values kept in it. The edit is never silently lost: the device that made it records an
  "edit_on_deleted" conflict (so the app can offer to restore), and so does the device that deleted
  it when an unseen edit arrives.
- A signed (frozen) agreement version, a signature and append-only records are never merged: a remote
  change to their protected fields is not applied, and goes to `conflict` (kind "signed_version").
- A batch that cannot be applied (a rule trigger, a missing parent record, a clock far ahead) is rolled
  back to its savepoint and quarantined; the batches after it are applied.
Remote changes are written under a replay capture context (so the triggers do not log them as ours)
and then appended to change_log with their original hlc and device, so they are never pushed again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.exc import IntegrityError, OperationalError

from fieldapp.domain.hlc import ClockDriftError
from fieldapp.storage.capture import _q, append_only_tables, close_capture, replay_context, synced_tables
from fieldapp.storage.datafolder import DataFolder

BOOKKEEPING = frozenset({"updated_at", "updated_by"})
# Fields of a frozen agreement version that never change (rule_triggers.py enforces it locally).
_FROZEN_VERSION_FIELDS = frozenset({"content_json", "content_hash", "version_no", "agreement_id", "frozen_at"})
_SIGNATURE_MUTABLE = frozenset({"revoked_at", "revoked_reason", "updated_at", "updated_by", "deleted_at"})


@dataclass(frozen=True)
class RemoteBatch:
    """A pulled batch: decrypted (`changes`) or not (`problem` says why)."""

    cursor: int
    device_id: str
    seq: int
    key_id: str
    blob: bytes
    base: int = 0
    changes: tuple[tuple[str, str, str, Any, int], ...] = ()
    problem: str | None = None


@dataclass
class PageResult:
    batches: int = 0
    changes: int = 0
    conflicts: int = 0
    quarantined: int = 0
    own: int = 0
    quarantine_reasons: list[str] = field(default_factory=list)


class CursorMoved(RuntimeError):
    """Another sync of this folder applied the same page meanwhile; this one is rolled back."""


class _Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class _Current:
    value: Any
    hlc: int
    device: str
    seq: int


def apply_page(folder: DataFolder, batches: Sequence[RemoteBatch], *, expected_cursor: int,
               next_cursor: int) -> PageResult:
    """Apply one page of pulled batches and move the pull cursor to `next_cursor`, in one transaction."""
    result = PageResult()
    me = folder.device_id
    tables = {t.name: t for t in synced_tables()}
    order = {name: i for i, name in enumerate(tables)}
    append_only = append_only_tables()
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    with folder.write() as session:
        conn = session.connection()
        moved = conn.exec_driver_sql("UPDATE sync_account SET cursor = ? WHERE id = 1 AND cursor = ?",
                                     (next_cursor, expected_cursor)).rowcount
        if moved != 1:
            raise CursorMoved("the pull position changed during this sync")
        max_hlc = max((c[4] for b in batches for c in b.changes), default=0)
        replay_context(conn, hlc=max_hlc, device_id=me)
        for b in batches:
            if b.device_id == me:
                result.own += 1
                continue
            seen_at = conn.exec_driver_sql("SELECT cursor FROM sync_applied WHERE device_id = ? AND seq = ?",
                                           (b.device_id, b.seq)).scalar()
            reason = b.problem
            if reason is None and seen_at is not None:
                reason = f"replayed: batch {b.seq} of device {b.device_id} was already applied (cursor {seen_at})"
            if reason is None:
                try:
                    with session.begin_nested():
                        if b.changes:  # first: a clock far ahead refuses the batch before anything is written
                            folder.clock.observe(max(c[4] for c in b.changes))
                        applier = _Applier(conn, me, b, tables, order, append_only, now)
                        applier.run()
                    result.batches += 1
                    result.changes += applier.logged
                    result.conflicts += applier.conflicts
                except (IntegrityError, OperationalError) as exc:
                    reason = f"could not be applied: {getattr(exc, 'orig', exc)}"
                except (ClockDriftError, _Refused) as exc:
                    reason = exc.text("en") if isinstance(exc, ClockDriftError) else exc.reason
            if reason is not None:
                result.quarantined += 1
                result.quarantine_reasons.append(reason)
                conn.exec_driver_sql(
                    "INSERT INTO sync_quarantine (cursor, device_id, seq, key_id, reason, blob, at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)", (b.cursor, b.device_id, b.seq, b.key_id, reason, b.blob, now))
            if seen_at is None:
                conn.exec_driver_sql("INSERT INTO sync_applied (device_id, seq, cursor) VALUES (?, ?, ?)",
                                     (b.device_id, b.seq, b.cursor))
        close_capture(conn)
        last_seq = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM change_log").scalar_one()
        conn.exec_driver_sql("INSERT OR REPLACE INTO sync_mark (change_seq, cursor) VALUES (?, ?)",
                             (last_seq, next_cursor))
    return result


class _Applier:
    def __init__(self, conn: Any, me: str, batch: RemoteBatch, tables: dict[str, Table], order: dict[str, int],
                 append_only: set[str], now: str) -> None:
        self.conn = conn
        self.me = me
        self.b = batch
        self.tables = tables
        self.order = order
        self.append_only = append_only
        self.now = now
        self.logged = 0
        self.conflicts = 0
        self._seen_cache: dict[int, bool] = {}
        self._conflict_rows: list[tuple[Any, ...]] = []
        self._dropped: set[tuple[str, str, str, int]] = set()

    def run(self) -> None:
        b = self.b
        records: dict[tuple[str, str], dict[str, tuple[int, Any]]] = {}
        for entity, entity_id, name, value, hlc in b.changes:
            fields = records.setdefault((entity, entity_id), {})
            if name not in fields or hlc > fields[name][0]:
                fields[name] = (hlc, value)
        unknown = len(self.order)
        for (entity, entity_id), fields in sorted(records.items(), key=lambda kv: self.order.get(kv[0][0], unknown)):
            table = self.tables.get(entity)
            if table is not None:  # an entity this release does not know is kept in the log only
                self._record(table, entity_id, fields)
        rows = [(e, i, f, v, h, b.device_id) for e, i, f, v, h in b.changes if (e, i, f, h) not in self._dropped]
        if rows:
            self.conn.exec_driver_sql(
                "INSERT INTO change_log (entity, entity_id, field, value, hlc, device_id) VALUES (?, ?, ?, ?, ?, ?)",
                rows)
        if self._conflict_rows:
            self.conn.exec_driver_sql(
                "INSERT INTO conflict (kind, entity, entity_id, field, local_value, local_hlc, local_device,"
                " remote_value, remote_hlc, remote_device, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                self._conflict_rows)
        self.logged = len(rows)
        self.conflicts = len(self._conflict_rows)

    def _seen(self, change_seq: int) -> bool:
        """Had the remote writer seen our change? Only if the batch carrying it is within its base cursor."""
        if change_seq not in self._seen_cache:
            pushed = self.conn.exec_driver_sql(
                "SELECT pushed_cursor FROM sync_outbox WHERE first_change_seq <= ? AND last_change_seq >= ?",
                (change_seq, change_seq)).scalar()
            self._seen_cache[change_seq] = pushed is not None and pushed <= self.b.base
        return self._seen_cache[change_seq]

    def _conflict(self, kind: str, entity: str, entity_id: str, name: str, local: _Current | None,
                  local_value: Any, remote_value: Any, remote_hlc: int) -> None:
        self._conflict_rows.append((kind, entity, entity_id, name, local_value,
                                    local.hlc if local else None, local.device if local else None,
                                    remote_value, remote_hlc, self.b.device_id, self.now))

    def _current(self, entity: str, entity_id: str) -> dict[str, _Current]:
        out: dict[str, _Current] = {}
        for name, value, hlc, device, seq in self.conn.exec_driver_sql(
                "SELECT field, value, hlc, device_id, seq FROM change_log WHERE entity = ? AND entity_id = ?"
                " ORDER BY field, hlc, device_id, seq", (entity, entity_id)):
            out[name] = _Current(value, hlc, device, seq)  # the last in (hlc, device, seq) order wins
        return out

    def _protected(self, entity: str, row: dict[str, Any], name: str, value: Any) -> bool:
        if value == row.get(name):
            return False
        if entity in self.append_only:
            return True
        if entity == "agreement_version":
            return row.get("frozen_at") is not None and name in _FROZEN_VERSION_FIELDS
        if entity == "signature":
            return name not in _SIGNATURE_MUTABLE or (name == "revoked_at" and row.get("revoked_at") is not None)
        return False

    def _record(self, table: Table, entity_id: str, fields: dict[str, tuple[int, Any]]) -> None:
        t = table.name
        cols = {c.name for c in table.columns} - {"id"}
        cur = self.conn.exec_driver_sql(f"SELECT * FROM {_q(t)} WHERE id = ?", (entity_id,))
        names = list(cur.keys())
        found = cur.first()
        known = {name: hv for name, hv in fields.items() if name in cols}
        if found is None:
            if not known:
                return
            columns = ["id", *known]
            self.conn.exec_driver_sql(
                f"INSERT INTO {_q(t)} ({', '.join(map(_q, columns))}) VALUES ({', '.join('?' * len(columns))})",
                (entity_id, *(v for _, v in known.values())))
            return
        row = dict(zip(names, found))
        current = self._current(t, entity_id)
        dev = self.b.device_id
        updates: dict[str, Any] = {}
        for name, (hlc, value) in known.items():
            now = current.get(name)
            if now is not None and (hlc, dev) <= (now.hlc, now.device):
                continue  # the local value is newer; ours wins here and will win there too
            if self._protected(t, row, name, value):
                self._dropped.add((t, entity_id, name, hlc))
                self._conflict("signed_version", t, entity_id, name, now, row.get(name), value, hlc)
                continue
            updates[name] = value
            if (now is not None and now.device == self.me and now.value != value and name not in BOOKKEEPING
                    and not self._seen(now.seq)):
                self._conflict("overwritten", t, entity_id, name, now, now.value, value, hlc)
        self._delete_vs_edit(t, entity_id, row, current, known, updates)
        if updates:
            sets = ", ".join(f"{_q(n)} = ?" for n in updates)
            self.conn.exec_driver_sql(f"UPDATE {_q(t)} SET {sets} WHERE id = ?", (*updates.values(), entity_id))

    def _delete_vs_edit(self, t: str, entity_id: str, row: dict[str, Any], current: dict[str, _Current],
                        known: dict[str, tuple[int, Any]], updates: dict[str, Any]) -> None:
        if "deleted_at" not in row:
            return
        if updates.get("deleted_at") is not None and row["deleted_at"] is None:
            # Deleted elsewhere: our unseen edits to this record stay in it, and are reported.
            hlc = known["deleted_at"][0]
            for name, now in current.items():
                if (now.device == self.me and name not in BOOKKEEPING and name != "deleted_at"
                        and name not in updates and not self._seen(now.seq)):
                    self._conflict("edit_on_deleted", t, entity_id, name, now, now.value, updates["deleted_at"], hlc)
        elif row["deleted_at"] is not None and updates.get("deleted_at", row["deleted_at"]) is not None:
            # Deleted here, edited elsewhere without knowing: the edit is merged into the tombstone, and reported.
            tomb = current.get("deleted_at")
            if tomb is not None and tomb.device == self.me and not self._seen(tomb.seq):
                for name, (hlc, value) in known.items():
                    if name not in BOOKKEEPING and name != "deleted_at":
                        self._conflict("edit_on_deleted", t, entity_id, name, tomb, row.get(name), value, hlc)
