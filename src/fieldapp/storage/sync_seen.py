"""What this device has taken in from each other device: the highest batch number applied or quarantined."""

from __future__ import annotations

from fieldapp.storage.datafolder import DataFolder


def highest_seqs(folder: DataFolder) -> dict[str, int]:
    """Per device, the highest batch number this device has applied or quarantined (its batches are checked
    in order before they are applied, so every lower number was taken in too)."""
    with folder.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT device_id, max(seq) FROM sync_applied GROUP BY device_id").all()
    return {device: int(seq) for device, seq in rows}
