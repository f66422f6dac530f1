"""Opening a data folder: key from the keyring, encrypted engine, migrations, device identity, clock."""

from __future__ import annotations

import getpass
import os
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from fieldapp import paths
from fieldapp.files import owner_only_sqlite_files, write_atomic
from fieldapp.domain.hlc import HybridLogicalClock
from fieldapp.domain.messages import DomainError, Message
from fieldapp.storage import faults, folder_in_use, keystore
from fieldapp.storage.capture import attach_session_capture, max_hlc
from fieldapp.storage.engine import WRITE_OPTION, make_engine
from fieldapp.storage.migrate import MigrationResult, migrate
from fieldapp.storage.models import Meta
from fieldapp.storage.written import CommitListeners, Listener, take


class DataFolderError(DomainError):
    """A data folder that cannot be opened, with a message for the user."""


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class DataFolderNotFound(DataFolderError):
    """No data folder where one was asked for, and no explicit request to create one (a typo in --data-dir?)."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(Message(
            "data_folder_not_found",
            f"Det finnes ingen Fieldapp-datamappe i {data_dir}. Sjekk stavingen av --data-dir. "
            "En ny, tom datamappe lages bare når du ber om det (--create, «fieldapp demo», «fieldapp import» "
            "eller førstegangsoppstart i appen).",
            f"There is no Fieldapp data folder at {data_dir}. Check how --data-dir is spelled. "
            "A new, empty data folder is made only when you ask for one (--create, 'fieldapp demo', "
            "'fieldapp import' or the app's first start).",
        ))


class DatabaseMissing(DataFolderError):
    """The folder had a database (its folder-id says so), and the database file is gone or empty."""

    def __init__(self, data_dir: Path, db_path: Path, state: str) -> None:
        from fieldapp.storage.restore import backup_hint

        hint_nb, hint_en = backup_hint(data_dir)
        what_nb = "mangler" if state == "missing" else "er tom (0 byte)"
        what_en = "is missing" if state == "missing" else "is empty (0 bytes)"
        super().__init__(Message(
            "database_missing",
            f"Databasen {db_path} {what_nb}, men mappen har hatt en database (filen folder-id finnes). "
            f"Ingen ny, tom database er laget. {hint_nb}",
            f"The database {db_path} {what_en}, but the folder has had a database (the folder-id file exists). "
            f"No new, empty database was made. {hint_en}",
        ))


class FolderIdDamaged(DataFolderError):
    """The folder-id file is empty or holds something that is not a folder id."""

    def __init__(self, id_file: Path, empty: bool) -> None:
        what_nb = "er tom" if empty else "er skadet (den inneholder ikke en mappe-id)"
        what_en = "is empty" if empty else "is damaged (it does not hold a folder id)"
        super().__init__(Message(
            "folder_id_damaged",
            f"Filen {id_file} {what_nb}. Den forteller hvilken nøkkel i nøkkelringen som låser opp databasen. "
            "Hent filen fra en kopi av datamappen (den er ikke hemmelig), eller fra en sikkerhetskopi av maskinen.",
            f"The file {id_file} {what_en}. It names the key in the keyring that unlocks the database. "
            "Get the file back from a copy of the data folder (it is not secret), or from a backup of the machine.",
        ))


def read_folder_id(id_file: Path) -> str:
    try:
        text = id_file.read_bytes().decode("utf-8", errors="replace").strip()
    except OSError as exc:
        fault = faults.from_os_error(exc, id_file)
        if fault is None:
            raise
        raise fault from exc
    if not _UUID.fullmatch(text):
        raise FolderIdDamaged(id_file, empty=not text)
    return text


def _new_folder_id(data_dir: Path) -> str:
    folder_id = str(uuid.uuid4())
    write_atomic(paths.folder_id_file(data_dir), (folder_id + "\n").encode("utf-8"))
    return folder_id


@dataclass
class DataFolder:
    """An open data folder. Writes go through `write()`, reads through `read()`."""

    path: Path
    engine: Engine
    device_id: str
    clock: HybridLogicalClock
    migration: MigrationResult
    actor: str = field(default_factory=getpass.getuser)
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    _committed: CommitListeners = field(init=False, repr=False, default_factory=CommitListeners)
    # The shared hold that keeps a restore from swapping the database while this folder is open.
    in_use: folder_in_use.Holder = field(repr=False, default_factory=lambda: folder_in_use.Holder(None))

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(expire_on_commit=False)
        attach_session_capture(self._sessions, clock=self.clock, device_id=self.device_id, actor=lambda: self.actor)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One short write transaction: committed on leaving the block, rolled back on any error.

        Once committed, the synced records it wrote are handed to the `on_commit` listeners."""
        with self._known_faults():
            with self._sessions(bind=self.engine.execution_options(**{WRITE_OPTION: True})) as session:
                with session.begin():
                    yield session
                written = take(session)
        self._committed.publish(written)

    def on_commit(self, listener: Listener) -> Callable[[], None]:
        """`listener(entity -> ids)` after every committed write that changed synced records; returns the remover."""
        return self._committed.add(listener)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._known_faults():
            with self._sessions(bind=self.engine) as session:
                with session.begin():
                    yield session

    @contextmanager
    def _known_faults(self) -> Iterator[None]:
        """A locked database, a full disk or a read-only folder become messages for the user; other errors pass."""
        try:
            yield
        except DatabaseError as exc:  # a damaged page may be met by any read or write, not only at opening
            fault = known_database_fault(exc, paths.database_file(self.path))
            if fault is None:
                raise
            raise fault from exc
        except OSError as exc:
            fault = faults.from_os_error(exc, self.path)
            if fault is None:
                raise
            raise fault from exc

    def close(self) -> None:
        self.engine.dispose()
        self.in_use.release()


def open_data_folder(data_dir: Path, *, actor: str | None = None, create: bool = True) -> DataFolder:
    """Open the folder's database. A new folder is made only when `create` is true and nothing is there yet;
    a folder that had a database (its folder-id exists) whose database is gone is an error, never a new one."""
    data_dir = Path(data_dir)
    try:
        return _open(data_dir, actor, create)
    except OSError as exc:
        fault = faults.from_os_error(exc, data_dir)
        if fault is None or isinstance(exc, (NotADirectoryError, FileNotFoundError)):
            raise
        raise fault from exc


def _open(data_dir: Path, actor: str | None, create: bool) -> DataFolder:
    db_path = paths.database_file(data_dir)
    id_file = paths.folder_id_file(data_dir)
    db_state = "missing" if not db_path.exists() else ("empty" if db_path.stat().st_size == 0 else "present")
    if id_file.exists():
        folder_id = read_folder_id(id_file)
        if db_state != "present":
            raise DatabaseMissing(data_dir, db_path, db_state)
    elif db_state == "present":
        raise DataFolderError(Message(
            "folder_id_missing",
            f"Filen {id_file.name} mangler i {data_dir}, så databasens nøkkel kan ikke finnes i nøkkelringen.",
            f"The file {id_file.name} is missing in {data_dir}, so the database key cannot be found in the keyring.",
        ))
    elif not create:
        raise DataFolderNotFound(data_dir)
    else:
        if not data_dir.exists():
            data_dir.mkdir(parents=True)
            os.chmod(data_dir, 0o700)  # a new data folder is its owner's alone (whatever the umask)
        db_path.unlink(missing_ok=True)  # an empty file left by an interrupted first start
        folder_id = _new_folder_id(data_dir)
    key = keystore.load_key(folder_id)
    if key is None:
        if db_state == "present":
            raise keystore.DatabaseKeyMissing(folder_id)
        key = keystore.create_key(folder_id)
    in_use = folder_in_use.hold(data_dir)
    try:
        folder = _open_database(data_dir, db_path, key, actor)
    except BaseException:
        in_use.release()
        raise
    folder.in_use = in_use
    return folder


def _open_database(data_dir: Path, db_path: Path, key: bytes, actor: str | None) -> DataFolder:
    engine = make_engine(db_path, key)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one()
    except DatabaseError as exc:
        engine.dispose()
        fault = faults.from_database_error(str(exc.orig), db_path)
        if fault is not None:
            raise fault from exc
        raise DatabaseUnreadable(db_path, str(exc.orig)) from exc
    owner_only_sqlite_files(db_path)  # encrypted all the same: other local users cannot even copy them
    try:
        return _finish_open(data_dir, db_path, engine, actor)
    except DatabaseError as exc:
        engine.dispose()
        fault = known_database_fault(exc, db_path)  # a damaged page met past the first one, a full disk …
        if fault is not None:
            raise fault from exc
        raise
    except BaseException:
        engine.dispose()
        raise


class DatabaseUnreadable(DataFolderError):
    """The database file is there but cannot be read: the key is wrong or the file is damaged."""

    def __init__(self, db_path: Path, detail: str) -> None:
        super().__init__(Message(
            "database_unreadable",
            f"Databasen {db_path} kan ikke leses med nøkkelen i nøkkelringen (feil nøkkel eller skadet fil: "
            f"{detail}). Kjør «fieldapp check» for å se hva som er skadet, og «fieldapp restore --latest» for å "
            "hente tilbake den nyeste sikkerhetskopien som er i orden.",
            f"The database {db_path} cannot be read with the key in the keyring (wrong key or damaged file: "
            f"{detail}). Run 'fieldapp check' to see what is damaged, and 'fieldapp restore --latest' to bring "
            "back the newest sound backup.",
        ))


def known_database_fault(exc: BaseException, db_path: Path) -> DomainError | None:
    """The user's message for a database driver error: a fault of the machine, a damaged file, or None (a bug)."""
    if not isinstance(exc, DatabaseError):
        return None
    detail = str(exc.orig)
    fault = faults.from_database_error(detail, db_path)
    if fault is None and faults.is_damage(detail):
        return DatabaseUnreadable(db_path, detail)
    return fault


def _finish_open(data_dir: Path, db_path: Path, engine: Engine, actor: str | None) -> DataFolder:
    result = migrate(engine, db_path, paths.backups_dir(data_dir))
    with engine.connect() as conn:
        with conn.begin():
            device_id = conn.execute(select(Meta.value).where(Meta.key == "device_id")).scalar_one_or_none()
            last = max_hlc(conn)
        if device_id is None:
            with conn.execution_options(**{WRITE_OPTION: True}).begin():
                device_id = str(uuid.uuid4())
                conn.execute(insert(Meta).values(key="device_id", value=device_id))
    folder = DataFolder(
        path=data_dir, engine=engine, device_id=device_id, clock=HybridLogicalClock(last=last), migration=result
    )
    if actor:
        folder.actor = actor
    return folder
