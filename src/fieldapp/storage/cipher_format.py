"""How a database file is encrypted: the SQLCipher settings it was made with.

SQLCipher must be told a file's page size and page checksum (HMAC) before it can read a byte of it, and the file
does not say which it has. Files made from December 2026 on use 8 KiB pages checked with HMAC-SHA256 (`CURRENT`);
older files use SQLCipher 4's defaults, 4 KiB pages and HMAC-SHA512 (`LEGACY`). Both use AES-256 with the
folder's raw 256-bit key; the change is not a weaker cipher but fewer, larger pages and a checksum this kind of
processor computes in half the time. It made a pull into a fresh device 8 % faster and the file 8 % smaller
(BENCHMARKS.md, "SQLCipher's settings").

An old file is never rewritten in place: it is opened in its own format (`detect` tries each, reading only the
first page of the file itself) and its copies (backups, `copy_into`) come out in the current one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from fieldapp.storage.cipher_log import quiet_sqlcipher_log


@dataclass(frozen=True)
class Format:
    name: str
    page_size: int
    hmac: str

    def pragmas(self, schema: str = "") -> tuple[str, ...]:
        prefix = f"{schema}." if schema else ""
        return (f"PRAGMA {prefix}cipher_page_size = {self.page_size}",
                f"PRAGMA {prefix}cipher_hmac_algorithm = {self.hmac}")

    @property
    def reserve(self) -> int:
        """Bytes at the end of each page: the 16-byte IV and the HMAC."""
        return 16 + {"HMAC_SHA1": 20, "HMAC_SHA256": 32, "HMAC_SHA512": 64}[self.hmac]


CURRENT = Format("2026-12", 8192, "HMAC_SHA256")
LEGACY = Format("sqlcipher-4", 4096, "HMAC_SHA512")
FORMATS = (CURRENT, LEGACY)


def use(dbapi_conn: Any, fmt: Format) -> None:
    """Tell a keyed connection the format, before anything reads the file."""
    for pragma in fmt.pragmas():
        dbapi_conn.execute(pragma)


def connect(db_path: Path, key: bytes, fmt: Format, *, read_only: bool = False, immutable: bool = False) -> Any:
    """A DB-API connection to the file, keyed and told its format."""
    import sqlcipher3

    quiet_sqlcipher_log()
    if read_only:  # never creates or changes the file; immutable also skips the WAL and the locks
        flags = "mode=ro&immutable=1" if immutable else "mode=ro"
        conn = sqlcipher3.connect(f"{file_uri(Path(db_path).absolute())}?{flags}", uri=True,
                                  check_same_thread=False)
    else:
        conn = sqlcipher3.connect(str(db_path), check_same_thread=False)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        use(conn, fmt)
        conn.execute("PRAGMA busy_timeout = 5000")  # a locked read waits for a writer's commit
    except BaseException:
        conn.close()
        raise
    return conn


def file_uri(path: PurePath) -> str:
    """An absolute path as an SQLite URI with an empty authority, everything a URI would read otherwise quoted
    (a folder named "Felt #2", "?" or "%20"). A Windows share (\\\\server\\share) keeps its two leading slashes in
    the path: SQLite refuses a URI naming a host (`Path.as_uri` gives file://server/share)."""
    posix = path.as_posix()
    return "file://" + ("" if posix.startswith("/") else "/") + quote(posix, safe="/:")


def detect(db_path: Path, key: bytes) -> Format | None:
    """The format the file was made in: CURRENT for a file not made yet (missing or empty); None when its first
    page reads under none (a damaged first page, another key, not a database)."""
    import sqlcipher3

    try:
        if db_path.stat().st_size == 0:
            return CURRENT
    except FileNotFoundError:
        return CURRENT
    # First without locks, which cannot wait on a writer nor need the WAL's index; a read that met a checkpoint
    # rewriting page 1 could come back torn, so a file that reads in no format is tried again under a lock.
    for immutable in (True, False):
        for fmt in FORMATS:
            try:
                conn = connect(db_path, key, fmt, read_only=True, immutable=immutable)
            except sqlcipher3.Error:
                break
            try:
                conn.execute("PRAGMA user_version").fetchall()  # reads page 1, whose checksum holds in one format
                return fmt
            except sqlcipher3.DatabaseError:
                continue
            finally:
                conn.close()
    return None


def copy_into(dbapi_conn: Any, target: Path) -> None:
    """A consistent, encrypted copy of the open database in `target` (an empty file, made owner-only by the
    caller), in the CURRENT format whatever the source's, with no free space carried over. VACUUM INTO cannot
    do this: it writes SQLCipher's default settings with the source's page size, a file nothing reads when the
    two differ. `sqlcipher_export` runs in one statement, so it reads one snapshot, WAL included. The connection
    must not be in a transaction (ATTACH and DETACH cannot run in one)."""
    import sqlcipher3
    from sqlalchemy.exc import OperationalError

    target = Path(target)
    if target.exists() and target.stat().st_size > 0:
        raise FileExistsError(f"not an empty file: {target}")  # never written over, never deleted below
    if dbapi_conn.in_transaction:
        raise RuntimeError("copy_into inside a transaction")
    try:
        dbapi_conn.execute("ATTACH DATABASE ? AS fa_copy", (str(target),))  # without KEY: the main file's key
    except sqlcipher3.Error as exc:
        raise OperationalError("ATTACH DATABASE ? AS fa_copy", None, exc) from exc
    try:
        for pragma in CURRENT.pragmas("fa_copy"):
            dbapi_conn.execute(pragma)
        dbapi_conn.execute("SELECT sqlcipher_export('fa_copy')").fetchall()
    except sqlcipher3.Error as exc:
        # No half copy left behind; and raised as SQLAlchemy raises a driver's error, so a full disk or a
        # read-only folder gets the user's message (datafolder.known_database_fault), not a traceback.
        dbapi_conn.execute("DETACH DATABASE fa_copy")
        target.unlink(missing_ok=True)
        raise OperationalError("SELECT sqlcipher_export('fa_copy')", None, exc) from exc
    dbapi_conn.execute("DETACH DATABASE fa_copy")
