"""Leaving a sync team without losing anything: the folder forgets its membership and becomes a new device.

A revoked device (or one stuck in a team it cannot reach) keeps every record and every change the server
has not acknowledged. The encrypted batches not yet acknowledged (sync_outbox) were sealed for the old
membership, so their records go back into outbox_record and are sealed again after the folder enrolls anew.
The server knows the old device id as revoked and refuses to enroll it again, so the folder gets a fresh one;
this device's unacknowledged field clocks move to the new id (same time stamps), so the next push sends them
and the merge rules on the other devices are unchanged. Acknowledged clocks keep the old id: the team holds
them under it. The pull bookkeeping is cleared, so the new membership takes in the team's history from the
start (already-known changes are recognised by their clocks and change nothing).

The caller must forget the old id's keys (sync/keys.py) and reopen the folder: an open DataFolder keeps
the device id it was opened with.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from fieldapp.storage.clocks import read_clocks
from fieldapp.storage.datafolder import DataFolder


@dataclass(frozen=True)
class ResetResult:
    old_device_id: str
    new_device_id: str
    kept_records: int  # records with changes the team does not have yet, all queued again
    requeued_batches: int  # unacknowledged encrypted batches taken apart


def reset_membership(folder: DataFolder) -> ResetResult:
    """Forget the team membership in the database (one transaction) and give the folder a new device id."""
    with folder.write() as session:
        conn = session.connection()
        old = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'device_id'").scalar_one()
        new = str(uuid.uuid4())
        batches = conn.exec_driver_sql("SELECT seq, base, members FROM sync_outbox ORDER BY seq").all()
        for _, base, members in batches:
            conn.exec_driver_sql(
                "INSERT INTO outbox_record (entity, entity_id, base) VALUES (?, ?, ?)"
                " ON CONFLICT DO UPDATE SET base = min(base, excluded.base)",
                [(entity, entity_id, base or 0) for entity, entity_id, _ in json.loads(members)])
        queued = conn.exec_driver_sql("SELECT entity, entity_id FROM outbox_record").all()
        by_entity: dict[str, list[str]] = {}
        for entity, entity_id in queued:
            by_entity.setdefault(entity, []).append(entity_id)
        updated = []
        for entity, ids in by_entity.items():
            for entity_id, clock in read_clocks(conn, entity, ids).items():
                acked = clock.acked_hlc if clock.acked_hlc is not None else -1
                hlc, device = clock.base
                if device == old and hlc > acked:
                    clock.base = (hlc, new)
                for name, (h, d) in list(clock.fields.items()):
                    if d == old and h > acked:
                        clock.fields[name] = (h, new)
                        clock.acks.pop(name, None)
                updated.append((clock.base[0], clock.base[1], clock.encoded(), entity, entity_id))
        if updated:
            conn.exec_driver_sql("UPDATE record_clock SET hlc = ?, device_id = ?, fields = ?"
                                 " WHERE entity = ? AND entity_id = ?", updated)
        conn.exec_driver_sql("DELETE FROM sync_outbox")
        conn.exec_driver_sql("DELETE FROM sync_applied")
        conn.exec_driver_sql("DELETE FROM sync_account")
        conn.exec_driver_sql("DELETE FROM meta WHERE key = 'last_batch_seq'")
        # Erasure: the next team's server has none of our participant keys or tombstones (signed for this team).
        conn.exec_driver_sql("UPDATE participant_key SET uploaded = 0")
        conn.exec_driver_sql("UPDATE participant_erasure SET sent = 0, signature = NULL")
        conn.exec_driver_sql("DELETE FROM meta WHERE key IN ('participant_keys_cursor', 'erasures_cursor')")
        conn.exec_driver_sql("UPDATE meta SET value = ? WHERE key = 'device_id'", (new,))
        return ResetResult(old, new, len(queued), len(batches))


def stored_device_id(folder: DataFolder) -> str:
    """The device id the database holds now (differs from `folder.device_id` after a reset until reopened)."""
    with folder.read() as session:
        return str(session.connection().exec_driver_sql("SELECT value FROM meta WHERE key = 'device_id'").scalar_one())
