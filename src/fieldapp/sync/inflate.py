"""Inflating pulled payloads: zlib streams, as every release writes them, read with ISA-L's inflate (python-isal),
about 2.8 times as fast as zlib's own on these payloads (a batch, then each participant's envelope in it). It
took about a twentieth of a fresh device's pull (BENCHMARKS.md, 2026-12-04 21:00 UTC)."""

from __future__ import annotations

from isal import isal_zlib


class TooLarge(Exception):
    """The stream inflates to more than the limit (a zip bomb, or no batch of ours)."""


def bounded(data: bytes, limit: int) -> bytes:
    """The inflated stream, at most `limit` bytes: TooLarge beyond that, ValueError for a damaged stream (ISA-L's
    error is not zlib.error). A stream cut short gives what it holds; the reader of that text refuses it."""
    inflater = isal_zlib.decompressobj()
    try:
        raw = inflater.decompress(data, limit)
    except isal_zlib.error as exc:  # type: ignore[misc]  # isal's stubs declare the exception class an instance
        raise ValueError(f"not a zlib stream ({exc})") from exc
    # ISA-L may stop at the limit with every byte taken in (no tail) and the stream not ended.
    if inflater.unconsumed_tail or (len(raw) >= limit and not inflater.eof):
        raise TooLarge(f"more than {limit} bytes when inflated")
    return raw
