"""Pulling: page by page, each batch checked (admission.py), each page applied in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from fieldapp.storage import merge, sync_seen
from fieldapp.sync import bundle as bundles
from fieldapp.sync import errors, participant_sync
from fieldapp.sync.admission import Admission, Gap
from fieldapp.sync.bundle import KeyBundle
from fieldapp.sync.context import Context, check, parse
from fieldapp.sync.protocol import PullPage, Status
from fieldapp.sync.team_keys import current_bundle, trusted_bundle
from fieldapp.sync.transport import MAX_RESPONSE_BYTES

PULL_LIMIT = 25  # batches per page: bounded memory while catching up (a batch is up to ~2,000 changes)
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
    """Pull every page, applying each in one transaction with the cursor. Returns the team's status and keys."""
    cursor = start = ctx.account.cursor
    status: Status | None = None
    admission: Admission | None = None
    while True:
        resp = ctx.t.call("GET", "/v1/batches", params={"after": cursor, "limit": PULL_LIMIT})
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
        last = cursor
        for b in page.batches:
            assert b.cursor is not None
            if b.cursor <= last:
                raise errors.protocol("batches out of order")
            last = b.cursor
        if page.next_cursor < last or (not page.batches and page.next_cursor != cursor):
            raise errors.protocol("inconsistent pull cursor")
        if page.batches:
            taken: list[merge.RemoteBatch] = []
            gap: Gap | None = None
            for b in page.batches:
                found = admission.take(b)
                if isinstance(found, Gap):
                    gap = found
                    break
                taken.append(found)
            if taken:
                # Up to a gap, the page is applied and the cursor moves only past what was taken in.
                next_cursor = page.next_cursor if gap is None else taken[-1].cursor
                result = merge.apply_page(ctx.folder, taken, expected_cursor=cursor, next_cursor=next_cursor)
                report.pulled_batches += result.batches
                report.applied_changes += result.changes
                report.conflicts += result.conflicts
                report.quarantined += result.quarantined
                report.quarantine_reasons += result.quarantine_reasons
                cursor = next_cursor
            if gap is not None:
                raise errors.batch_gap(gap.device_id, gap.expected)
            cursor = page.next_cursor
            if progress is not None:
                progress(cursor - start, max(status.max_cursor, cursor) - start)
        if not page.batches or not page.has_more:
            return status, admission.current
