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
        offset = 16 if start == 0 else 0
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        yield dec.update(page[offset:PAGE - RESERVE]) + dec.finalize()


def plaintext(path: Path, key: bytes) -> bytes:
    return b"".join(pages(path, key))
