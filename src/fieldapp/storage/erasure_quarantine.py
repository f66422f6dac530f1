"""Quarantined batches that hold an erased participant: listed, taken in again (sync/participant_sync.py), dropped."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.storage.datafolder import DataFolder


def drop_quarantined(folder: DataFolder, row_ids: Sequence[int]) -> None:
    if row_ids:
        with folder.write() as session:
            conn = session.connection()
            conn.exec_driver_sql("PRAGMA secure_delete = ON")
            conn.exec_driver_sql("DELETE FROM sync_quarantine WHERE id IN (SELECT value FROM json_each(?))",
                                 (json.dumps(list(row_ids)),))


# The reason of a batch quarantined again after being taken in without its erased participants: it is not
# taken again every run (only a newly erased participant's readable record in it still removes it).
RETRIED = "quarantined again after an erasure (erased participants left out): "
APPLY_REFUSED = "could not be applied"
KEY_MISSING = "no key for participant"


def retryable(reason: str) -> bool:
    """Refused when applied, or for a participant key missing: a retry may take it in. An admission refusal (a
    replay, a bad signature, a key not allowed) is never retried: it is evidence, and a retry would undo it."""
    reason = reason.removeprefix(RETRIED)
    return reason.startswith(APPLY_REFUSED) or (reason.startswith("cannot decrypt: ") and KEY_MISSING in reason)


@dataclass(frozen=True)
class QuarantinedBatch:
    row_id: int
    cursor: int
    device_id: str
    seq: int
    key_id: str
    blob: bytes
    reason: str

    @property
    def retried(self) -> bool:
        return self.reason.startswith(RETRIED)


def quarantined_batches(folder: DataFolder) -> list[QuarantinedBatch]:
    with folder.read() as session:
        return [QuarantinedBatch(r[0], r[1], r[2], r[3], r[4], bytes(r[5]), str(r[6]))
                for r in session.connection().exec_driver_sql(
                    "SELECT id, cursor, device_id, seq, key_id, blob, reason FROM sync_quarantine ORDER BY id")]


def settle_retried(folder: DataFolder, batches: Sequence[tuple[str, int]], readable: Sequence[tuple[str, int]]) -> None:
    """After batches were taken in again: those quarantined again are marked (unless for a key missing); those
    of them holding an erased participant's record readable with the team key (an older release's plain
    change) are deleted."""
    if not batches:
        return
    with folder.write() as session:
        conn = session.connection()
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
        for device_id, seq in readable:
            conn.exec_driver_sql("DELETE FROM sync_quarantine WHERE device_id = ? AND seq = ?", (device_id, seq))
        for device_id, seq in batches:
            # A participant key missing passes (uploaded after this device's look): taken again at a later run.
            conn.exec_driver_sql("UPDATE sync_quarantine SET reason = ? || reason WHERE device_id = ? AND seq = ?"
                                 " AND reason NOT LIKE ? AND reason NOT LIKE ?",
                                 (RETRIED, device_id, seq, RETRIED + "%", f"%{KEY_MISSING}%"))
