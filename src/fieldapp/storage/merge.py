"""Applying pulled remote changes: field by field, last writer wins by (hlc, device), deterministically.

Rules (the same on every device, whatever order batches arrive in):
- Each field takes the value with the greatest (hlc, device_id); record_clock keeps that newest clock of
  every field, so the table always equals the fold of every change ever made, on every device.
- A value written on this device that a remote change overwrites goes to `conflict` (kind
  "overwritten") with both values, devices and clocks, unless the remote writer had already seen it
  (its batch's `base` cursor covers the acknowledgement of our value). Bookkeeping fields
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
Remote changes are written under a replay capture context (so the triggers neither stamp them as ours nor
queue them for pushing), and their original clocks go to record_clock. Fields and records this release
does not know go to foreign_change.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError, OperationalError

from fieldapp.domain.hlc import ClockDriftError
from fieldapp.domain.record_changes import newest_clock
from fieldapp.storage.capture import append_only_tables, close_capture, replay_context, synced_tables
from fieldapp.storage.clocks import CHUNK, driver_cursor
from fieldapp.storage.datafolder import DataFolder
from fieldapp.storage.digest import InHand
from fieldapp.storage.merge_batch import BOOKKEEPING, RemoteBatch, _Applier, _Refused
from fieldapp.storage.merges import redirect as redirect_merged
from fieldapp.storage.quiet_inserts import QuietInserts

# RemoteBatch, BOOKKEEPING (and the applier, which tests replace) are reached through this module too.
__all__ = ["BOOKKEEPING", "CursorMoved", "ErasedMeanwhile", "PageResult", "RemoteBatch", "apply_page"]



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


class ErasedMeanwhile(RuntimeError):
    """A participant was erased here after these batches were opened: they may hold that participant's records
    (opened with a key that is now gone), so nothing of them is applied and the cursor stays before them. The
    next pull opens them again and refuses the erased participant's envelopes."""


class _Retry(Exception):
    """A batch failed in a page applied without savepoints: the page is rolled back and applied again."""


def apply_page(folder: DataFolder, batches: Sequence[RemoteBatch], *, expected_cursor: int,
               next_cursor: int, erasures_seen: int | None = None, retried: Sequence[int] = ()) -> PageResult:
    """Apply one page of pulled batches and move the pull cursor to `next_cursor`, in one transaction.

    `erasures_seen`: how many participants this folder had erased when the batches were opened; if more are
    now, ErasedMeanwhile (checked inside the transaction, so no erasure can slip in between).

    A savepoint per batch (so a failing one is rolled back alone and quarantined) cost about a fifth of a
    catch-up's pull: SQLite copies every page a savepoint changes into its journal. Batches nearly always
    apply, so the page is first applied without them; only if a batch fails is it rolled back whole and applied
    again with a savepoint per batch, which gives the same result as if it had been so from the start."""
    try:
        return _apply_page(folder, batches, expected_cursor=expected_cursor, next_cursor=next_cursor,
                           erasures_seen=erasures_seen, retried=retried, savepoints=False)
    except _Retry:
        return _apply_page(folder, batches, expected_cursor=expected_cursor, next_cursor=next_cursor,
                           erasures_seen=erasures_seen, retried=retried, savepoints=True)


def _apply_page(folder: DataFolder, batches: Sequence[RemoteBatch], *, expected_cursor: int, next_cursor: int,
                erasures_seen: int | None, retried: Sequence[int], savepoints: bool) -> PageResult:
    result = PageResult()
    me = folder.device_id
    tables = {t.name: t for t in synced_tables()}
    order = {name: i for i, name in enumerate(tables)}
    append_only = append_only_tables()
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    in_hand: dict[str, InHand] = {}
    with folder.write() as session:
        conn = session.connection()
        moved = conn.exec_driver_sql("UPDATE sync_account SET cursor = ? WHERE id = 1 AND cursor = ?",
                                     (next_cursor, expected_cursor)).rowcount
        if moved != 1:
            raise CursorMoved("the pull position changed during this sync")
        if erasures_seen is not None and int(conn.exec_driver_sql(
                "SELECT count(*) FROM participant_erasure").scalar_one()) > erasures_seen:
            raise ErasedMeanwhile("a participant was erased while this pull held their opened records")
        for row in retried:  # quarantine rows taken in again (sync/participant_sync.py): not replays any more
            conn.exec_driver_sql("DELETE FROM sync_applied WHERE (device_id, seq, cursor) IN (SELECT device_id, seq,"
                                 " cursor FROM sync_quarantine WHERE id = ?)", (row,))
            conn.exec_driver_sql("DELETE FROM sync_quarantine WHERE id = ?", (row,))
        newest = [newest_clock(b.changes) for b in batches]
        replay_context(conn, hlc=max(newest, default=0), device_id=me)
        # A batch that fails rolls back to its savepoint, which would put lifted triggers back behind our back.
        quiet = QuietInserts(conn, enabled=not savepoints)
        # Where each batch was applied before, read for the whole page; batches are added to it as they are taken,
        # so one repeated within the page is seen as applied, as if each had been looked up in turn.
        seen = _applied(conn, [b for b in batches if b.device_id != me])
        taken: list[tuple[str, int, int]] = []
        for b, newest_hlc in zip(batches, newest):
            if b.device_id == me:
                result.own += 1
                continue
            seen_at = seen.get((b.device_id, b.seq))
            reason = b.problem
            if reason is None and seen_at is not None:
                reason = f"replayed: batch {b.seq} of device {b.device_id} was already applied (cursor {seen_at})"
            if reason is None:
                try:
                    # The savepoint is only emitted when the session hands out its connection inside the block;
                    # without it a batch refused half-way kept the statements that ran before the refusal.
                    with session.begin_nested() if savepoints else nullcontext():
                        session.connection()
                        if b.changes:  # first: a clock far ahead refuses the batch before anything is written
                            folder.clock.observe(newest_hlc)
                        applier = _Applier(conn, me, b, tables, order, append_only, now, in_hand, quiet)
                        applier.run()
                    result.batches += 1
                    result.changes += applier.logged
                    result.conflicts += applier.conflicts
                except (IntegrityError, OperationalError, ClockDriftError, _Refused) as exc:
                    if not savepoints:
                        raise _Retry() from exc
                    reason = (exc.text("en") if isinstance(exc, ClockDriftError) else exc.reason
                              if isinstance(exc, _Refused) else f"could not be applied: {getattr(exc, 'orig', exc)}")
            if reason is not None:
                result.quarantined += 1
                result.quarantine_reasons.append(reason)
                conn.exec_driver_sql(
                    "INSERT INTO sync_quarantine (cursor, device_id, seq, key_id, reason, blob, at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)", (b.cursor, b.device_id, b.seq, b.key_id, reason, b.blob, now))
            if seen_at is None:
                seen[(b.device_id, b.seq)] = b.cursor
                taken.append((b.device_id, b.seq, b.cursor))
        if taken:
            conn.exec_driver_sql("INSERT INTO sync_applied (device_id, seq, cursor) VALUES (?, ?, ?)", taken)
        quiet.restore()
        redirect_merged(conn)  # changes that still name a merged-away participant/employer follow the merge
        close_capture(conn)
    return result


def _applied(conn: Any, batches: Sequence[RemoteBatch]) -> dict[tuple[str, int], int]:
    """(device, batch number) -> the cursor it was applied at, for those of these batches applied before."""
    out: dict[tuple[str, int], int] = {}
    seqs: dict[str, list[int]] = {}
    for b in batches:
        seqs.setdefault(b.device_id, []).append(b.seq)
    cur = driver_cursor(conn)
    for device_id, numbers in seqs.items():
        ordered = sorted(set(numbers))
        for part in (ordered[i:i + CHUNK] for i in range(0, len(ordered), CHUNK)):
            cur.execute(f"SELECT seq, cursor FROM sync_applied WHERE device_id = ? AND seq IN ({', '.join('?' * len(part))})",
                        (device_id, *part))
            out.update(((device_id, seq), at) for seq, at in cur)
    return out
