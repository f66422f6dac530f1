"""Pulling: page by page, each batch checked (admission.py), applied in transactions of several pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from fieldapp.collector_pause import collector_paused
from fieldapp.storage import merge, sync_seen
from fieldapp.storage.engine import catch_up
from fieldapp.sync import bundle as bundles
from fieldapp.sync import errors, participant_sync
from fieldapp.sync.admission import Admission, Gap
from fieldapp.sync.bundle import KeyBundle
from fieldapp.sync.context import Context, check, parse
from fieldapp.sync.protocol import PullPage, Status
from fieldapp.sync.team_keys import current_bundle, trusted_bundle
from fieldapp.sync.transport import MAX_RESPONSE_BYTES

PULL_LIMIT = 25  # batches per page: bounded memory while catching up (a batch is up to ~2,000 changes)
# A write transaction takes checked batches until about this many changes or this much ciphertext, whichever
# comes first, while the decoded changes held until their transaction (several times their ciphertext for large
# texts such as agreements) stay bounded. Fewer, larger transactions write fewer pages twice (an index page
# touched by two transactions goes to the WAL twice): 10,000 visits pulled in 2 transactions instead of 5 took
# ~4 % less time (8 % in an earlier, faster sitting). The room they hold comes out of the catch-up's page cache
# (storage/engine.py): at 10,000 participants, 181 MB at the peak with the two together (BENCHMARKS.md, 2026-12-04).
TRANSACTION_CHANGES = 150_000
TRANSACTION_BYTES = 6 * 1024 * 1024
# Reading a page costs about 3.7× its ciphertext for a moment (response, JSON, blobs), and the server sends up
# to 8 MiB: after a page of large batches (agreements) the next one asks for about this much only.
PAGE_BYTES = 2 * 1024 * 1024
# The largest batch a pull page can carry: its base64 must fit in one response the transport accepts. The
# server's per-batch limit (max_batch_bytes, 8 MiB) is below it (tests/sync/test_limits_match.py).
MAX_BLOB = MAX_RESPONSE_BYTES * 3 // 4

# progress(done, total): batches pulled so far and batches there were to pull when the run started.
Progress = Callable[[int, int], None]


class PullReport(Protocol):
    pulled_batches: int
    applied_changes: int
    conflicts: int
    quarantined: int
    quarantine_reasons: list[str]
    team_key_fingerprint: str | None


def pull(ctx: Context, report: PullReport, progress: Progress | None = None) -> tuple[Status, KeyBundle]:
    """Pull every page and apply the batches in transactions that also move the cursor past what they applied,
    so a pull cut anywhere resumes after the last committed transaction. Returns the team's status and keys."""
    with collector_paused():  # decoded records by the hundred thousand, none in a cycle
        return _pull(ctx, report, progress)


def _pull(ctx: Context, report: PullReport, progress: Progress | None) -> tuple[Status, KeyBundle]:
    start = ctx.account.cursor
    applied = _Applied(ctx, report, start)
    fetched = start  # the server's position after the pages read so far (the cursor trails it until applied)
    status: Status | None = None
    admission: Admission | None = None
    limit = PULL_LIMIT
    while True:
        resp = ctx.t.call("GET", "/v1/batches", params={"after": fetched, "limit": limit}, fast_json=True)
        if resp.status == 403 and resp.code == "awaiting_approval":
            raise errors.pending(ctx.keys().fingerprint)
        page: PullPage = parse(lambda b: PullPage.from_json(b, max_blob=MAX_BLOB), check(resp, "hentingen / the pull"))
        # The response's JSON holds every blob once more, as base64: let it go before the page is applied.
        del resp
        if status is None or admission is None:
            status = ctx.check_status(page.status) if page.status else ctx.status()
            first_keys = trusted_bundle(ctx.me) is None
            current = current_bundle(ctx, status)
            if first_keys:
                report.team_key_fingerprint = bundles.team_key_fingerprint(current)
            admission = Admission(ctx.team_id, ctx.me, current, sync_seen.highest_seqs(ctx.folder),
                                  refresh=lambda: current_bundle(ctx, ctx.status()))
            admission.opener = participant_sync.before_pull(ctx, current)  # erasure: tombstones before batches
        last = fetched
        for b in page.batches:
            assert b.cursor is not None
            if b.cursor <= last:
                raise errors.protocol("batches out of order")
            last = b.cursor
        if page.next_cursor < last or (not page.batches and page.next_cursor != fetched):
            raise errors.protocol("inconsistent pull cursor")
        for i, b in enumerate(page.batches):
            found = admission.take(b)
            if isinstance(found, Gap):
                # Up to a gap, what was taken in is applied and the cursor moves only past it.
                if applied.pending:
                    applied.flush(applied.pending[-1].cursor)
                raise errors.batch_gap(found.device_id, found.expected)
            applied.add(found, admission.opener)
            if applied.full():
                applied.flush(page.next_cursor if i == len(page.batches) - 1 else found.cursor)
                if applied.restart:
                    break
                if progress is not None:
                    progress(applied.cursor - start, max(status.max_cursor, applied.cursor) - start)
        if applied.restart:
            # Batches opened before a participant was erased here were not applied: open them again from the
            # stored cursor, with the erasures as they are now (a new admission refuses the erased envelopes).
            applied.restart = False
            fetched, status, admission, limit = applied.cursor, None, None, PULL_LIMIT
            continue
        fetched = page.next_cursor
        largest = max((len(b.blob) for b in page.batches), default=0)
        limit = max(1, min(PULL_LIMIT, PAGE_BYTES // max(largest, 1)))
        if not page.batches or not page.has_more:
            if applied.pending or applied.cursor != fetched:
                applied.flush(fetched)
                if applied.restart:
                    applied.restart = False
                    fetched, status, admission, limit = applied.cursor, None, None, PULL_LIMIT
                    continue
                if progress is not None:
                    progress(applied.cursor - start, max(status.max_cursor, applied.cursor) - start)
            return status, admission.current


class _Applied:
    """Checked batches waiting for their transaction, and the stored cursor they will move."""

    def __init__(self, ctx: Context, report: PullReport, cursor: int) -> None:
        self.ctx, self.report, self.cursor = ctx, report, cursor
        self.pending: list[merge.RemoteBatch] = []
        self._changes = self._bytes = 0
        self._erasures_seen: int | None = None
        self.restart = False  # set when a transaction was dropped for an erasure meanwhile

    def add(self, batch: merge.RemoteBatch, opener: object) -> None:
        self.pending.append(batch)
        self._changes += len(batch.changes)
        self._bytes += len(batch.blob)
        # The participants erased here when this batch's envelopes were opened: one erased since (by the user,
        # while the batch waits for its transaction) must not come back from it.
        if isinstance(opener, participant_sync.Opener):
            seen = len(opener.erased)
            self._erasures_seen = seen if self._erasures_seen is None else min(self._erasures_seen, seen)

    def full(self) -> bool:
        return self._changes >= TRANSACTION_CHANGES or self._bytes >= TRANSACTION_BYTES

    def flush(self, next_cursor: int) -> None:
        """Apply the pending batches and move the cursor to `next_cursor`, in one transaction. If a participant
        was erased here meanwhile, nothing is applied and `restart` is set: the pull takes the same batches
        again from the stored cursor, refusing the erased participant's envelopes."""
        try:
            with catch_up():
                result = merge.apply_page(self.ctx.folder, self.pending, expected_cursor=self.cursor,
                                          next_cursor=next_cursor, erasures_seen=self._erasures_seen)
        except merge.ErasedMeanwhile:
            self.restart = True
            return
        finally:
            self.pending = []
            self._changes = self._bytes = 0
            self._erasures_seen = None
        self.cursor = next_cursor
        self.report.pulled_batches += result.batches
        self.report.applied_changes += result.changes
        self.report.conflicts += result.conflicts
        self.report.quarantined += result.quarantined
        self.report.quarantine_reasons += result.quarantine_reasons
