"""Every page of an SQLCipher 4 file, decrypted with its raw key: free pages and unused space included.

Raw-key files (`PRAGMA key = "x'…'"`) use the 32 bytes as the AES-256 key; each page ends with its reserved
bytes, a 16-byte IV and the HMAC (storage/cipher_format.py: 8 KiB pages and a 32-byte HMAC-SHA256 now, 4 KiB and
64 bytes in older files), and page 1 starts with the 16-byte salt. Reading the pages ourselves shows what
`sqlite3`'s own view (live rows only) hides: text left behind in free space.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from fieldapp.storage import cipher_format


def file_format(path: Path, key: bytes) -> cipher_format.Format:
    """The format of a database file, or of the database a WAL file (name ending in -wal) belongs to."""
    db = path.with_name(path.name[:-4]) if path.name.endswith("-wal") else path
    found = cipher_format.detect(db, key)
    assert found is not None, f"{db} reads in no format"
    return found


def pages(path: Path, key: bytes) -> Iterator[bytes]:
    fmt = file_format(path, key)
    data = path.read_bytes()
    for start in range(0, len(data) - fmt.page_size + 1, fmt.page_size):
        page = data[start:start + fmt.page_size]
        yield _decrypt(page, key, fmt, first=start == 0)


def _decrypt(page: bytes, key: bytes, fmt: cipher_format.Format, *, first: bool) -> bytes:
    end = fmt.page_size - fmt.reserve
    dec = Cipher(algorithms.AES(key), modes.CBC(page[end:end + 16])).decryptor()
    return dec.update(page[16 if first else 0:end]) + dec.finalize()


def wal_pages(path: Path, key: bytes) -> Iterator[bytes]:
    """The pages in a WAL file's frames (32-byte file header; each frame a 24-byte header and a page)."""
    fmt = file_format(path, key)
    data = path.read_bytes()
    at = 32
    while at + 24 + fmt.page_size <= len(data):
        number = int.from_bytes(data[at:at + 4], "big")
        yield _decrypt(data[at + 24:at + 24 + fmt.page_size], key, fmt, first=number == 1)
        at += 24 + fmt.page_size


def plaintext(path: Path, key: bytes) -> bytes:
    """Every page of a database file, or of a WAL file (name ending in -wal), decrypted."""
    if path.name.endswith("-wal"):
        return b"".join(wal_pages(path, key))
    return b"".join(pages(path, key))
