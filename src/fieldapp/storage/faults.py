"""Expected faults of the disk and the database (full, read-only, locked, missing), as messages for the user."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from fieldapp.domain.messages import DomainError, Message
from fieldapp.files import NotAFile


class StorageFault(DomainError):
    """A fault of the machine, not of the program: the message names it and says what to do."""


class DatabaseBusy(StorageFault):
    """Another Fieldapp process kept the database locked for longer than we wait."""

    def __init__(self) -> None:
        super().__init__(Message(
            "database_busy",
            "En annen Fieldapp-prosess (appen, en import eller en synkronisering) skriver i den samme datamappen og "
            "ble ikke ferdig mens vi ventet. Ingenting er endret. Vent til den er ferdig, eller lukk den, og prøv igjen.",
            "Another Fieldapp process (the app, an import or a sync) is writing to the same data folder and did not "
            "finish while we waited. Nothing was changed. Wait until it is done, or close it, and try again.",
        ))


WAITING_NB = "venter på en annen Fieldapp-prosess …"
WAITING_EN = "waiting for another Fieldapp process …"


def disk_full(where: Path) -> StorageFault:
    return StorageFault(Message(
        "disk_full",
        f"Disken er full ({where}). Det som ikke ble lagret er rullet tilbake; det som var lagret fra før er uendret. "
        "Frigjør plass og prøv igjen.",
        f"The disk is full ({where}). What could not be saved was rolled back; what was saved before is unchanged. "
        "Free some space and try again.",
    ))


def disk_io_error(db_path: Path) -> StorageFault:
    return StorageFault(Message(
        "disk_io_error",
        f"Databasen {db_path} kunne ikke skrives til eller leses fra disken (disk-I/O-feil). Disken kan være full, "
        "svikte, eller ha en grense for hvor stor en fil kan bli. Det som ikke ble lagret, er ikke tatt vare på; det "
        "som var lagret fra før, er uendret. Frigjør plass, sjekk disken (eller grensen for filstørrelse) og prøv "
        "igjen. Kommer feilen igjen, kjør «fieldapp check».",
        f"The database {db_path} could not be written to or read from the disk (disk I/O error). The disk may be "
        "full, failing, or limited in how large a file may grow. What was not saved was not kept; what was saved "
        "before is unchanged. Free some space, check the disk (or the file size limit) and try again. If it "
        "happens again, run 'fieldapp check'.",
    ))


def file_too_large(where: Path) -> StorageFault:
    return StorageFault(Message(
        "file_too_large",
        f"Filen {where} ble større enn disken eller grensen for filstørrelse tillater, og ble ikke skrevet ferdig. "
        "Det som var lagret fra før, er uendret. Frigjør plass eller skriv til en annen disk, og prøv igjen.",
        f"The file {where} grew larger than the disk or the file size limit allows, and was not written. "
        "What was saved before is unchanged. Free some space or write to another disk, and try again.",
    ))


def read_only_file_system(where: Path) -> StorageFault:
    return StorageFault(Message(
        "read_only_file_system",
        f"Filsystemet der {where} ligger er skrivebeskyttet (montert bare for lesing, eller en låst minnepinne). "
        "Flytt datamappen til en disk det kan skrives til, eller monter disken med skrivetilgang.",
        f"The file system holding {where} is read-only (mounted read-only, or a locked memory stick). "
        "Move the data folder to a disk that can be written, or mount the disk writable.",
    ))


def read_only_folder(where: Path) -> StorageFault:
    return StorageFault(Message(
        "read_only_folder",
        f"Du mangler lese- eller skrivetilgang til {where}. Gi brukeren din tilgang til mappen og filene i den "
        "(eller velg en annen datamappe med --data-dir).",
        f"You lack read or write permission for {where}. Give your user access to the folder and the files in it "
        "(or choose another data folder with --data-dir).",
    ))


def _fs_stats(path: Path) -> os.statvfs_result | None:
    """The file system's figures for `path` (or its folder, if it is not there yet); None where unknown."""
    try:
        return os.statvfs(path if path.exists() else path.parent)
    except (OSError, AttributeError):  # statvfs is not on Windows
        return None


def _on_read_only_fs(path: Path) -> bool:
    st = _fs_stats(path)
    return st is not None and bool(st.f_flag & os.ST_RDONLY)


def _no_free_space(path: Path) -> bool:
    st = _fs_stats(path)
    # A few pages' worth counts as full: SQLite needs room for its journal as well as the data.
    return st is not None and st.f_bavail * st.f_frsize < 64 * 1024


def from_os_error(exc: OSError, where: Path | None = None) -> DomainError | None:
    """The user's message for an OSError that is a known fault, or None for one that is a bug."""
    path = Path(exc.filename) if exc.filename else where
    if path is None:
        return None
    if isinstance(exc, NotAFile):
        return StorageFault(Message(
            "not_a_regular_file", f"{path} er ikke en vanlig fil (men for eksempel en enhet eller en pipe), og "
            "blir ikke skrevet over. Oppgi et filnavn.",
            f"{path} is not a regular file (but, say, a device or a pipe), and is not written over. Give a file "
            "name."))
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(path)
    if exc.errno == errno.EFBIG:
        return file_too_large(path)
    if exc.errno == errno.EROFS:
        return read_only_file_system(path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return read_only_file_system(path) if _on_read_only_fs(path) else read_only_folder(path)
    if exc.errno == errno.ENOENT:
        return StorageFault(Message(
            "file_not_found", f"Filen eller mappen finnes ikke: {path}. Sjekk stavingen av stien.",
            f"No such file or folder: {path}. Check how the path is spelled."))
    if exc.errno == errno.ENAMETOOLONG:
        return StorageFault(Message(
            "name_too_long", f"Filnavnet er for langt for filsystemet: {path}. Velg et kortere navn.",
            f"The file name is too long for the file system: {path}. Choose a shorter name."))
    if exc.errno == errno.EISDIR:
        return StorageFault(Message(
            "is_a_folder", f"{path} er en mappe, ikke en fil. Oppgi en fil.",
            f"{path} is a folder, not a file. Give a file."))
    if exc.errno == errno.ENOTDIR:
        return StorageFault(Message(
            "not_a_folder", f"En del av stien {path} er en fil, ikke en mappe. Oppgi en mappe.",
            f"Part of the path {path} is a file, not a folder. Give a folder."))
    return None


def from_database_error(detail: str, db_path: Path) -> DomainError | None:
    """The user's message for an SQLite error text that names a known fault of the machine, or None."""
    text = detail.lower()
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseBusy()
    if "database or disk is full" in text:
        return disk_full(db_path.parent)
    if "readonly database" in text or "unable to open database file" in text:
        return fault_of_folder(db_path)
    if "disk i/o error" in text:  # a failing disk, or a file size limit met (the folder itself may look fine)
        return fault_of_folder(db_path) or disk_io_error(db_path)
    return None


def fault_of_folder(db_path: Path) -> DomainError | None:
    """Why a database that should open does not, when the reason lies in the folder and not in the file."""
    folder = db_path.parent
    if _on_read_only_fs(folder):
        return read_only_file_system(folder)
    if _no_free_space(folder):
        return disk_full(folder)
    # The database needs its folder writable too: SQLite keeps its WAL and shared-memory files beside it.
    for path in (folder, db_path):
        if path.exists() and not os.access(path, os.W_OK):
            return read_only_folder(path)
    return None


def is_damage(detail: str) -> bool:
    """True when an SQLite error text says the file itself is damaged (SQLITE_CORRUPT, SQLITE_NOTADB)."""
    text = detail.lower()
    return any(word in text for word in ("malformed", "not a database", "corrupt"))
