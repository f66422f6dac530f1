"""Checking a data folder that may be damaged or lost, and restoring it from one of its backups."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp import paths
from fieldapp.domain.messages import DomainError, Message
from fieldapp.storage import folder_in_use, keystore
from fieldapp.storage.damage import inspect_file, integrity_report
from fieldapp.storage.faults import StorageFault
from fieldapp.storage.datafolder import (DatabaseMissing, DatabaseUnreadable, FolderIdDamaged, read_folder_id,
                                         open_data_folder)
from fieldapp.storage.restore import (BackupState, RestoreFailed, checked_backup, database_sound, newest_sound,
                                      restore_file, survey)

# Faults that are findings of a check (the file is lost, damaged or cannot be read), not reasons it could not run.
DAMAGE = (DatabaseMissing, DatabaseUnreadable, FolderIdDamaged)
UNREADABLE = ("read_only_folder", "read_only_file_system")


@dataclass
class Diagnosis:
    """What `fieldapp check` found: problems (in both languages), counts, and the backups with their state."""

    problems_nb: list[str] = field(default_factory=list)
    problems_en: list[str] = field(default_factory=list)
    records: int = 0
    changes: int = 0
    backups: list[BackupState] = field(default_factory=list)
    damaged: bool = False   # the file itself is lost or damaged (restore helps), not only its change tracking

    @property
    def ok(self) -> bool:
        return not self.problems_nb

    def problems(self, lang: str) -> list[str]:
        return self.problems_en if lang == "en" else self.problems_nb

    @property
    def newest_sound(self) -> BackupState | None:
        return next((b for b in self.backups if b.sound), None)

    def _add(self, nb: str, en: str) -> None:
        self.problems_nb.append(nb)
        self.problems_en.append(en)


def folder_key(data_dir: Path) -> bytes:
    """The database key of the folder, through its folder-id; a clear error when either is missing."""
    folder_id = read_folder_id(paths.folder_id_file(data_dir))
    key = keystore.load_key(folder_id)
    if key is None:
        raise keystore.DatabaseKeyMissing(folder_id)
    return key


def diagnose(data_dir: Path, *, create: bool = False) -> Diagnosis:
    """Open and check the folder; damage (a lost or unreadable file, damaged pages) is a finding, never a crash."""
    data_dir = Path(data_dir)
    found = Diagnosis()
    try:
        folder = open_data_folder(data_dir, create=create)
    except DAMAGE as exc:
        found.damaged = True
        found._add(exc.text("nb"), exc.text("en"))
        _inspect(data_dir, found)
        return found
    except StorageFault as exc:
        if exc.code not in UNREADABLE:
            raise
        found._add(exc.text("nb"), exc.text("en"))
        return found
    try:
        report = integrity_report(folder)
    finally:
        folder.close()
    if report is None:  # a damaged page met half-way through the check
        found.damaged = True
        _inspect(data_dir, found)
        if not found.problems_nb:
            found._add("Databasen er skadet.", "The database is damaged.")
        return found
    found.records, found.changes = report.records, report.changes
    for problem in report.problems:
        found._add(problem, problem)
    if found.damaged or not found.ok:
        found.backups = _backups(data_dir)
    return found


def _inspect(data_dir: Path, found: Diagnosis) -> None:
    try:
        key = folder_key(data_dir)
    except DomainError:
        return  # already reported: without the key nothing more can be read
    db_path = paths.database_file(data_dir)
    if db_path.exists() and db_path.stat().st_size > 0:
        damage = inspect_file(db_path, key)
        for nb, en in zip(damage.lines("nb"), damage.lines("en")):
            found._add(nb, en)
    found.backups = survey(data_dir, key)


def _backups(data_dir: Path) -> list[BackupState]:
    try:
        return survey(data_dir, folder_key(data_dir))
    except DomainError:
        return []


@dataclass(frozen=True)
class Restored:
    backup: Path
    kept: Path | None   # the damaged database, kept aside (None when there was none)


def refuse_if_open(data_dir: Path) -> None:
    """RestoreFailed (or FolderInUse) when the app or another Fieldapp process has the folder open."""
    if app_running(data_dir):
        raise RestoreFailed(Message(
            "restore.app_open",
            "Fieldapp er åpen på denne datamappen. Lukk appen først (er den ikke åpen, slett filen fieldapp.lock i "
            "mappen); du kan også hente tilbake sikkerhetskopien fra appen når den starter.",
            "Fieldapp is open on this data folder. Close the app first (if it is not open, delete the file "
            "fieldapp.lock in the folder); you can also restore the backup from the app when it starts."))
    with folder_in_use.alone(data_dir):
        pass  # a probe: `restore_file` takes it again for the swap


def restore(data_dir: Path, *, backup: Path | None = None) -> Restored:
    """Put `backup` (or the newest sound backup) in place of the database, keeping the old file aside, and check
    that the folder opens afterwards."""
    data_dir = Path(data_dir)
    refuse_if_open(data_dir)
    key = folder_key(data_dir)
    if backup is None:
        backup = chosen_backup(data_dir)  # one that is named is checked by restore_file
    # A sound database put aside is not called damaged: it only holds what came after the backup.
    kept = restore_file(data_dir, backup, key, label="replaced" if database_sound(data_dir, key) else "damaged")
    open_data_folder(data_dir, create=False).close()  # migrates an older backup, and proves it opens
    return Restored(backup=Path(backup), kept=kept)


def chosen_backup(data_dir: Path, backup: Path | None = None) -> Path:
    """`backup` (or the newest sound one) once checked; RestoreFailed when it is missing or damaged, or there is
    no sound backup at all."""
    key = folder_key(Path(data_dir))
    if backup is not None:
        return checked_backup(backup, key)
    sound = newest_sound(Path(data_dir), key)  # stops at the first sound one: no need to check older backups
    if sound is None:
        where = paths.backups_dir(Path(data_dir))
        raise RestoreFailed(Message(
            "restore.none_sound",
            f"Det finnes ingen sikkerhetskopi som er i orden i {where}. Ingenting er endret.",
            f"There is no sound backup in {where}. Nothing was changed."))
    return sound.path


def current_database_sound(data_dir: Path) -> bool:
    """Whether the folder's database reads whole (so a restore would only lose what came after the backup);
    False when that cannot be told (no key, no file)."""
    try:
        return database_sound(Path(data_dir), folder_key(Path(data_dir)))
    except DomainError:
        return False


def backup_states(data_dir: Path) -> list[BackupState]:
    """The folder's backups, newest first, each checked; empty when the folder's key cannot be found."""
    return _backups(Path(data_dir))


def app_running(data_dir: Path) -> bool:
    """True when another process's app holds the folder's lock file (its first line is the holder's process id)."""
    lock = paths.lock_file(Path(data_dir))
    try:
        pid = int(lock.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0].strip())
    except (OSError, ValueError):
        return False
    if pid == os.getpid():
        return False  # this app's own lock: it is the app that offers the restore
    if os.name == "nt":
        return True  # os.kill would end the process there, not probe it; a lock left by a crash is deleted by hand
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by another user
    return True
