"""Writing a file so that it is either all there or not changed at all, readable by its owner only."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# Exports, PDFs and backups hold participants' personal data: nobody but the owner may read them.
OWNER_ONLY = 0o600


class NotAFile(OSError):
    """The path names something that is not a regular file (a device, a FIFO, a socket)."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, sync it to disk, then rename it over `path`: a crash or a full
    disk never leaves half a file, and the old one stays until the new one is complete. The file is created
    owner-only (0600) from the start, so it is never readable by others, not even for a moment."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None  # not there yet (or not reachable: the open below says which)
    if mode is not None and stat.S_ISDIR(mode):  # said of the path asked for, not of the temporary file beside it
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if mode is not None and not stat.S_ISREG(mode):
        # A device or a FIFO (/dev/null, a pipe): the rename would put a file with personal data in its place.
        raise NotAFile(errno.EINVAL, "not a regular file", str(path))
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.unlink(missing_ok=True)  # a leftover from a crash may carry wider permissions
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), OWNER_ONLY)
    except OSError as exc:  # missing, not a folder, not writable, read-only: name the folder, not the temporary file
        named = path if exc.errno == errno.ENAMETOOLONG else path.parent  # too long: the name asked for
        raise type(exc)(exc.errno, exc.strerror, str(named)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        # A write or sync (a full disk, a size limit) or the rename: named as the file asked for, not the temporary one.
        raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def owner_only_sqlite_files(db_path: Path) -> None:
    """An SQLite database and its WAL files readable and writable by their owner only. SQLite makes them by the
    umask (a new WAL file takes the database's mode), so this mends what an older version or another umask left.
    A file not there yet, or one another account owns, is left as it is: the database still opens."""
    for path in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        try:
            if path.stat().st_mode & 0o077:
                os.chmod(path, OWNER_ONLY)
        except (FileNotFoundError, PermissionError):
            continue
