"""Opening a data folder: key from the keyring, encrypted engine, migrations, device identity, clock."""

from __future__ import annotations

import getpass
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from fieldapp import paths
from fieldapp.files import write_atomic
from fieldapp.domain.hlc import HybridLogicalClock
from fieldapp.domain.messages import DomainError, Message
from fieldapp.storage import keystore
from fieldapp.storage.capture import attach_session_capture, max_hlc
from fieldapp.storage.engine import WRITE_OPTION, make_engine
from fieldapp.storage.migrate import MigrationResult, migrate
from fieldapp.storage.models import Meta


class DataFolderError(DomainError):
    """A data folder that cannot be opened, with a message for the user."""


def _folder_id(data_dir: Path, db_exists: bool) -> str:
    id_file = paths.folder_id_file(data_dir)
    if id_file.exists():
        return id_file.read_text(encoding="utf-8").strip()
    if db_exists:
        raise DataFolderError(
            Message(
                "folder_id_missing",
                f"Filen {id_file.name} mangler i {data_dir}, så databasens nøkkel kan ikke finnes i nøkkelringen.",
                f"The file {id_file.name} is missing in {data_dir}, so the database key cannot be found in the keyring.",
            )
        )
    folder_id = str(uuid.uuid4())
    write_atomic(id_file, (folder_id + "\n").encode("utf-8"))
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

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(expire_on_commit=False)
        attach_session_capture(self._sessions, clock=self.clock, device_id=self.device_id, actor=lambda: self.actor)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One short write transaction: committed on leaving the block, rolled back on any error."""
        with self._sessions(bind=self.engine.execution_options(**{WRITE_OPTION: True})) as session:
            with session.begin():
                yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions(bind=self.engine) as session:
            with session.begin():
                yield session

    def close(self) -> None:
        self.engine.dispose()


def open_data_folder(data_dir: Path, *, actor: str | None = None) -> DataFolder:
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = paths.database_file(data_dir)
    db_exists = db_path.exists() and db_path.stat().st_size > 0
    folder_id = _folder_id(data_dir, db_exists)
    key = keystore.load_key(folder_id)
    if key is None:
        if db_exists:
            raise keystore.DatabaseKeyMissing(folder_id)
        key = keystore.create_key(folder_id)
    engine = make_engine(db_path, key)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one()
    except DatabaseError as exc:
        engine.dispose()
        raise DataFolderError(
            Message(
                "database_unreadable",
                f"Databasen {db_path} kan ikke leses med nøkkelen i nøkkelringen (feil nøkkel eller skadet fil): {exc.orig}",
                f"The database {db_path} cannot be read with the key in the keyring (wrong key or damaged file): {exc.orig}",
            )
        ) from exc
    try:
        return _finish_open(data_dir, db_path, engine, actor)
    except BaseException:
        engine.dispose()
        raise


def _finish_open(data_dir: Path, db_path: Path, engine: Engine, actor: str | None) -> DataFolder:
    result = migrate(engine, db_path, paths.backups_dir(data_dir))
    with engine.connect() as conn:
        with conn.begin():
            device_id = conn.execute(select(Meta.value).where(Meta.key == "device_id")).scalar_one_or_none()
            last = max_hlc(conn)
        if device_id is None:
            with conn.execution_options(**{WRITE_OPTION: True}).begin():
                device_id = str(uuid.uuid4())
                conn.execute(Meta.__table__.insert().values(key="device_id", value=device_id))
    folder = DataFolder(
        path=data_dir, engine=engine, device_id=device_id, clock=HybridLogicalClock(last=last), migration=result
    )
    if actor:
        folder.actor = actor
    return folder
