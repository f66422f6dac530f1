"""The backups in a data folder's backups/, which of them are sound, and putting one back in place."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp import paths
from fieldapp.domain.messages import DomainError, Message
from fieldapp.storage import folder_in_use
from fieldapp.storage.damage import FileDamage, inspect_file

if TYPE_CHECKING:
    from sqlalchemy import Engine

_SIDE_FILES = ("-wal", "-shm", "-journal")


class RestoreFailed(DomainError):
    """A restore that was refused or could not be done; the database was left as it was."""


@dataclass(frozen=True)
class BackupState:
    path: Path
    damage: FileDamage

    @property
    def sound(self) -> bool:
        return self.damage.sound


def backups(data_dir: Path) -> list[Path]:
    """The folder's backup files, newest first (their names carry the time they were made)."""
    folder = paths.backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob("*.db") if p.is_file() and p.stat().st_size > 0]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def backup_hint(data_dir: Path) -> tuple[str, str]:
    """What to do about a lost or damaged database, naming the newest backup when there is one."""
    found = backups(data_dir)
    where = paths.backups_dir(data_dir)
    if not found:
        return (f"Det finnes ingen sikkerhetskopi i {where}. Har du en kopi av hele datamappen, legg den tilbake; "
                "var mappen aldri i bruk, kan du slette den og starte på nytt.",
                f"There is no backup in {where}. If you have a copy of the whole data folder, put it back; "
                "if the folder was never used, you may delete it and start again.")
    return (f"Sikkerhetskopier ligger i {where} (nyeste: {found[0].name}). Hent den tilbake med "
            "«fieldapp restore --latest» eller fra appen.",
            f"Backups are in {where} (newest: {found[0].name}). Bring it back with "
            "'fieldapp restore --latest' or from the app.")


def survey(data_dir: Path, key: bytes) -> list[BackupState]:
    """Every backup, newest first, with what is wrong with it (usually nothing)."""
    return [BackupState(p, inspect_file(p, key)) for p in backups(data_dir)]


def newest_sound(data_dir: Path, key: bytes) -> BackupState | None:
    for path in backups(data_dir):
        state = BackupState(path, inspect_file(path, key))
        if state.sound:
            return state
    return None


def checked_backup(backup: Path, key: bytes) -> Path:
    """`backup` when it is there and sound; RestoreFailed saying what is wrong with it otherwise."""
    backup = Path(backup)
    if not backup.is_file():
        raise RestoreFailed(Message(
            "restore.no_backup", f"Sikkerhetskopien {backup} finnes ikke.", f"The backup {backup} does not exist."))
    damage = inspect_file(backup, key)
    if not damage.sound:
        raise RestoreFailed(Message(
            "restore.backup_damaged",
            f"Sikkerhetskopien {backup} er ikke i orden, og ingenting er endret: " + " ".join(damage.lines("nb")),
            f"The backup {backup} is not sound, and nothing was changed: " + " ".join(damage.lines("en"))))
    return backup


def restore_file(data_dir: Path, backup: Path, key: bytes, *, label: str = "damaged") -> Path | None:
    """Check `backup`, keep the present database aside as fieldapp.db.LABEL-<time> (returned, None when there was
    none), put the backup in its place. Nothing is changed when the backup is not sound."""
    backup = checked_backup(backup, key)
    db_path = paths.database_file(data_dir)
    staged = db_path.with_name(f".{db_path.name}.restoring")
    shutil.copyfile(backup, staged)  # copied before the folder is held: openers wait only for the renames
    with open(staged, "rb+") as fh:
        os.fsync(fh.fileno())
    try:
        # Refused while any other process has the folder open: it would go on writing into the file moved aside.
        with folder_in_use.alone(data_dir):
            return _swap(db_path, staged, label)
    finally:
        staged.unlink(missing_ok=True)  # left only when the swap did not happen


def _swap(db_path: Path, staged: Path, label: str) -> Path | None:
    kept: Path | None = None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    if db_path.exists():
        kept = db_path.with_name(f"{db_path.name}.{label}-{stamp}")
        db_path.replace(kept)
    for suffix in _SIDE_FILES:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            # The old WAL belongs to the old file: replayed onto the backup it would damage that.
            side.replace(side.with_name(f"{db_path.name}.{label}-{stamp}{suffix}"))
    staged.replace(db_path)
    return kept


def database_sound(data_dir: Path, key: bytes) -> bool:
    """Whether the folder's database is there and every page of it reads (its WAL not counted)."""
    db_path = paths.database_file(data_dir)
    return db_path.is_file() and db_path.stat().st_size > 0 and inspect_file(db_path, key).sound


def backup_now(engine: Engine, data_dir: Path) -> Path:
    """A consistent, encrypted copy of the open database in backups/ (the same kind migrations make)."""
    from fieldapp.storage.migrate import _backup

    with engine.connect() as conn:
        return _backup(conn, paths.backups_dir(data_dir), "copy")
