"""Which processes have a data folder open, so a restore never swaps the database under one that writes to it.

Every process that opens the folder (the app, an import, `fieldapp demo`, a sync, any command) holds a shared
lock on the folder's in-use file until it closes the folder; a restore takes the lock exclusively, and is
refused while anyone else holds it. Without this a restore put the backup in place while, say, an import kept
writing, through the file it had open, into the database just moved aside: the import reported success, and
what it wrote was in the file named "damaged".

POSIX `flock` locks belong to the open file, so they go away with the process however it ends (no stale lock to
delete by hand). Windows has no `flock`; there, renaming a database another process has open fails already
(SQLite opens files without FILE_SHARE_DELETE), so the restore is refused by the system instead. A folder where
the in-use file cannot be made (a read-only disk) is opened without the lock: nothing can be restored there.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldapp import paths
from fieldapp.domain.messages import DomainError, Message

try:
    import fcntl
except ImportError:  # Windows: see the module's text
    fcntl = None  # type: ignore[assignment]  # the module is optional; every use checks for None first

# A restore holds the lock exclusively only while it moves the files (the backup is copied beside the database
# before): an opener waits that long, not forever.
WAIT_S = 10.0


class FolderInUse(DomainError):
    """A restore was refused: another process has the folder open."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(Message(
            "restore.folder_in_use",
            f"En annen Fieldapp-prosess har datamappen {data_dir} åpen (appen, en import, demodata, en "
            "synkronisering eller en annen kommando). Vent til den er ferdig, eller lukk den, og prøv igjen. "
            "Ingenting er endret.",
            f"Another Fieldapp process has the data folder {data_dir} open (the app, an import, demo data, a sync "
            "or another command). Wait for it to finish, or close it, and try again. Nothing was changed."))


class FolderBeingRestored(DomainError):
    """The folder could not be opened: a restore has held it longer than a restore takes."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(Message(
            "folder_being_restored",
            f"En sikkerhetskopi holder på å bli hentet tilbake i datamappen {data_dir}, og det tar lenger tid enn "
            "det skal. Vent til «fieldapp restore» er ferdig (eller avslutt den), og prøv igjen.",
            f"A backup is being restored in the data folder {data_dir}, and it is taking longer than it should. "
            "Wait for 'fieldapp restore' to finish (or end it), and try again."))


class Holder:
    """A shared hold on a folder, released by `release()` (or when the process ends)."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the file drops its lock


def _open_lock_file(data_dir: Path) -> int | None:
    if fcntl is None:
        return None
    try:
        # Read-only is enough for flock, so an in-use file another account made still opens.
        return os.open(paths.in_use_file(data_dir), os.O_RDONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError:
        return None  # a read-only folder: no restore can happen there either


def hold(data_dir: Path, *, wait_s: float = WAIT_S) -> Holder:
    """A shared hold on the folder, waiting up to `wait_s` while a restore swaps the database (a moment);
    FolderBeingRestored if it is held longer than that."""
    fd = _open_lock_file(data_dir)
    if fd is None or fcntl is None:
        return Holder(None)
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return Holder(fd)
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise FolderBeingRestored(data_dir) from None
            time.sleep(0.05)
        except OSError:  # a file system without locks (some network mounts): opened without the hold
            os.close(fd)
            return Holder(None)


@contextmanager
def alone(data_dir: Path) -> Iterator[None]:
    """The folder held exclusively for the block; FolderInUse if any other open folder holds it."""
    fd = _open_lock_file(data_dir)
    if fd is None or fcntl is None:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise FolderInUse(data_dir) from None
        except OSError:
            pass  # no locks on this file system: nobody holds one either (see `hold`)
        yield
    finally:
        os.close(fd)
