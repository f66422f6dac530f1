"""Inflating pulled payloads: zlib streams, as every release writes them, read with ISA-L's inflate (python-isal),
about 2.8 times as fast as zlib's own on these payloads (a batch, then each participant's envelope in it). It
took about a twentieth of a fresh device's pull (BENCHMARKS.md, 2026-12-04 21:00 UTC)."""

from __future__ import annotations

from typing import cast

from isal import isal_zlib

# What a damaged stream raises besides zlib.error: ISA-L's own error. (isal's stubs declare it an instance.)
Error = cast(type[Exception], isal_zlib.error)


def decompressobj() -> isal_zlib.Decompress:
    """A decompressor with zlib's interface: decompress(data, max_length), unconsumed_tail, eof."""
    return isal_zlib.decompressobj()
