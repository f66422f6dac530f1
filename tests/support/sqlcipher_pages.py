"""Every page of an SQLCipher 4 file, decrypted with its raw key: free pages and unused space included.

Raw-key files (`PRAGMA key = "x'…'"`) use the 32 bytes as the AES-256 key; each page ends with a 16-byte IV and
a 64-byte HMAC (the 80 reserved bytes), and page 1 starts with the 16-byte salt. Reading the pages ourselves
shows what `sqlite3`'s own view (live rows only) hides: text left behind in free space.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80


def pages(path: Path, key: bytes) -> Iterator[bytes]:
    data = path.read_bytes()
    for start in range(0, len(data) - PAGE + 1, PAGE):
        page = data[start:start + PAGE]
        yield _decrypt(page, key, first=start == 0)


def _decrypt(page: bytes, key: bytes, *, first: bool) -> bytes:
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(page[16 if first else 0:PAGE - RESERVE]) + dec.finalize()


def wal_pages(path: Path, key: bytes) -> Iterator[bytes]:
    """The pages in a WAL file's frames (32-byte file header; each frame a 24-byte header and a page)."""
    data = path.read_bytes()
    at = 32
    while at + 24 + PAGE <= len(data):
        number = int.from_bytes(data[at:at + 4], "big")
        yield _decrypt(data[at + 24:at + 24 + PAGE], key, first=number == 1)
        at += 24 + PAGE


def plaintext(path: Path, key: bytes) -> bytes:
    """Every page of a database file, or of a WAL file (name ending in -wal), decrypted."""
    if path.name.endswith("-wal"):
        return b"".join(wal_pages(path, key))
    return b"".join(pages(path, key))
