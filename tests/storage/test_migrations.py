"""Migrations: from nothing to head, from every revision to head with data and a backup, no schema drift,
and a failed migration leaves the database as it was."""

from __future__ import annotations

import secrets
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import alembic.command
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from fieldapp import paths
from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import capture, integrity, keystore
from fieldapp.storage import migrate as migrate_mod
from fieldapp.storage.base import Base
from fieldapp.storage.revisions import include_name
from fieldapp.storage.engine import WRITE_OPTION, make_engine
from fieldapp.storage.migrate import alembic_config, current_revision, head_revision, migrate

ALL_REVISIONS = [s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()]
LAST_NAME = "Ødegård-Sæther"


@pytest.fixture
def keyed_db(tmp_path: Path) -> Iterator[tuple[Engine, Path, bytes]]:
    key = secrets.token_bytes(32)
    path = tmp_path / "keyed.db"
    engine = make_engine(path, key)
    try:
        yield engine, path, key
    finally:
        engine.dispose()


def _upgrade(engine: Engine, revision: str) -> None:
    """A plain Alembic upgrade in one write transaction, as storage/migrate.py runs it (no triggers)."""
    with engine.connect() as conn:
        with conn.execution_options(**{WRITE_OPTION: True}).begin():
            alembic.command.upgrade(alembic_config(conn), revision)


def _value_for(column: dict[str, Any]) -> Any:
    name, type_ = column["name"], column["type"]
    if name == "last_name":
        return LAST_NAME
    if name.endswith("_at"):
        return "2024-06-01T12:00:00.000000Z"
    if isinstance(type_, (sa.Integer, sa.Boolean)):
        return 0
    if isinstance(type_, sa.Date):
        return "2024-06-01"
    if name == "method":
        return "ips"
    if name == "status":
        return "active"
    return "x"


def _insert_participant(engine: Engine) -> str:
    """Insert a participant with whatever columns the schema at this revision requires."""
    row_id = str(uuid.uuid4())
    with engine.connect() as conn:
        with conn.execution_options(**{WRITE_OPTION: True}).begin():
            inspector = sa.inspect(conn)
            tables = inspector.get_table_names()
            if "participant" not in tables:
                pytest.skip("no participant table at this revision")
            columns = inspector.get_columns("participant")
            values = {c["name"]: _value_for(c) for c in columns
                      if not c["nullable"] or c["name"] in ("last_name", "first_name")}
            values["id"] = row_id
            table = sa.table("participant", *(sa.column(n) for n in values))
            with_context = "capture_context" in tables
            if with_context:
                capture.open_capture(conn, hlc=1 << 16, device_id=str(uuid.uuid4()))
            conn.execute(sa.insert(table).values(**values))
            if with_context:
                capture.close_capture(conn)
    return row_id


def _last_name(engine: Engine, row_id: str) -> str | None:
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT last_name FROM participant WHERE id = ?", (row_id,)).scalar_one_or_none()


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return current_revision(conn)


def _table_names(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(sa.inspect(conn).get_table_names())


def _trigger_names(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}


# (a) ------------------------------------------------------------------------------------------------


def test_empty_folder_is_migrated_to_head_without_backup(data_dir: Path) -> None:
    with open_workspace(data_dir) as ws:
        result = ws.folder.migration
        assert result.from_revision is None
        assert result.to_revision == head_revision()
        assert result.backup is None
        with ws.folder.read() as session:
            assert current_revision(session.connection()) == head_revision()
    assert not paths.backups_dir(data_dir).exists() or not any(paths.backups_dir(data_dir).iterdir())
    # Opening again: already at head, nothing to do, still no backup.
    with open_workspace(data_dir) as ws:
        assert ws.folder.migration.from_revision == head_revision()
        assert ws.folder.migration.backup is None


# (b) ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("revision", ALL_REVISIONS)
def test_upgrade_from_every_revision_keeps_data_and_backs_up(
    revision: str, keyed_db: tuple[Engine, Path, bytes], tmp_path: Path
) -> None:
    engine, path, key = keyed_db
    _upgrade(engine, revision)
    assert _revision(engine) == revision
    row_id = _insert_participant(engine)
    backups = tmp_path / "backups"

    result = migrate(engine, path, backups)

    assert result.from_revision == revision
    assert result.to_revision == head_revision()
    assert _revision(engine) == head_revision()
    assert _last_name(engine, row_id) == LAST_NAME
    assert set(capture.trigger_ddl()) <= _trigger_names(engine)
    if revision == head_revision():
        assert result.backup is None  # nothing was migrated, so nothing was at risk
        return
    assert result.backup is not None and result.backup.parent == backups and result.backup.is_file()
    backup_engine = make_engine(result.backup, key)
    try:
        assert _revision(backup_engine) == revision
        assert _last_name(backup_engine, row_id) == LAST_NAME
    finally:
        backup_engine.dispose()


# A revision on top of head, so that the upgrade-with-data path (backup, table rebuild, trigger
# reinstall, failure half-way) is exercised even while the real history has a single revision.
EXTRA_REVISION = "ffff_test_extra"
EXTRA_SCRIPT = '''"""test-only revision"""
import sqlalchemy as sa
from alembic import op

revision = {revision!r}
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("probe_extra", sa.Column("id", sa.Integer(), primary_key=True))
    # Batch mode rebuilds the table on SQLite, which drops its triggers: migrate() must put them back.
    with op.batch_alter_table("participant", recreate="always"):
        pass


def downgrade() -> None:
    op.drop_table("probe_extra")
'''


def _install_extra_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point storage.migrate at a copy of the migration scripts with EXTRA_REVISION as the new head."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate_mod.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / f"{EXTRA_REVISION}.py").write_text(
        EXTRA_SCRIPT.format(revision=EXTRA_REVISION, down=head_revision()), encoding="utf-8"
    )
    monkeypatch.setattr(migrate_mod, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(migrate_mod, "_HEAD", None)
    assert head_revision() == EXTRA_REVISION
    return EXTRA_REVISION


def _saved_folder(data_dir: Path) -> str:
    """A data folder at the real head holding one participant saved through the services."""
    with open_workspace(data_dir) as ws:
        return records.save(ws, Participant(first_name="Åse", last_name=LAST_NAME)).id


def _folder_engine(data_dir: Path) -> Engine:
    """An engine on the folder's database with the key from the keyring, bypassing open_workspace."""
    folder_id = paths.folder_id_file(data_dir).read_text(encoding="utf-8").strip()
    key = keystore.load_key(folder_id)
    assert key is not None
    return make_engine(paths.database_file(data_dir), key)


def test_upgrading_a_folder_with_data_backs_up_and_keeps_capture_working(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real_head = head_revision()
    pid = _saved_folder(data_dir)
    extra = _install_extra_revision(tmp_path, monkeypatch)

    with open_workspace(data_dir) as ws:
        result = ws.folder.migration
        assert (result.from_revision, result.to_revision) == (real_head, extra)
        assert result.backup is not None and result.backup.parent == paths.backups_dir(data_dir)
        assert records.get(ws, Participant, pid).last_name == LAST_NAME
        # The rebuilt participant table got its capture triggers back: edits are logged, raw writes refused.
        records.save(ws, Participant(id=pid, first_name="Åse Marie", last_name=LAST_NAME))
        with ws.folder.read() as session:
            conn = session.connection()
            assert integrity.check(conn).ok, integrity.check(conn).problems
            assert "probe_extra" in sa.inspect(conn).get_table_names()
    folder_id = paths.folder_id_file(data_dir).read_text(encoding="utf-8").strip()
    key = keystore.load_key(folder_id)
    assert key is not None
    backup_engine = make_engine(result.backup, key)
    try:
        assert _revision(backup_engine) == real_head
        assert _last_name(backup_engine, pid) == LAST_NAME
        assert "probe_extra" not in _table_names(backup_engine)
    finally:
        backup_engine.dispose()


# (c) ------------------------------------------------------------------------------------------------


def test_models_and_migrations_do_not_drift(keyed_db: tuple[Engine, Path, bytes]) -> None:
    engine, _, _ = keyed_db
    _upgrade(engine, "head")
    with engine.connect() as conn:
        with conn.begin():
            diffs = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name}),
                Base.metadata
            )
            assert diffs == []
            # The same check `alembic check` runs; raises AutogenerateDiffsDetected on drift.
            alembic.command.check(alembic_config(conn))


# (d) ------------------------------------------------------------------------------------------------


def _fail_after_real_upgrade(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real_upgrade = alembic.command.upgrade

    def upgrade_then_fail(config: Any, revision: str, **kw: Any) -> None:
        real_upgrade(config, revision, **kw)
        calls.append(revision)
        raise RuntimeError("simulated crash half-way through the migration")

    monkeypatch.setattr(alembic.command, "upgrade", upgrade_then_fail)
    return calls


def test_failed_migration_leaves_old_revision_and_data(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real_head = head_revision()
    pid = _saved_folder(data_dir)
    raw = _folder_engine(data_dir)
    try:
        triggers_before = _trigger_names(raw)
    finally:
        raw.dispose()
    assert set(capture.trigger_ddl()) <= triggers_before
    _install_extra_revision(tmp_path, monkeypatch)
    calls = _fail_after_real_upgrade(monkeypatch)

    with pytest.raises(RuntimeError, match="simulated crash"):
        open_workspace(data_dir)
    assert calls == ["head"]  # the real upgrade ran to the end before the failure

    # Looked at directly (no migrate, no trigger repair): everything is as before the attempt.
    raw = _folder_engine(data_dir)
    try:
        assert _revision(raw) == real_head
        assert _last_name(raw, pid) == LAST_NAME
        assert "probe_extra" not in _table_names(raw)
        assert _trigger_names(raw) == triggers_before
        with raw.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    finally:
        raw.dispose()

    monkeypatch.undo()  # real alembic, real migration scripts
    assert head_revision() == real_head
    with open_workspace(data_dir) as ws:
        assert ws.folder.migration.from_revision == real_head
        assert records.get(ws, Participant, pid).last_name == LAST_NAME
        with ws.folder.read() as session:
            conn = session.connection()
            assert "probe_extra" not in sa.inspect(conn).get_table_names()
            assert integrity.check(conn).ok


def test_failed_first_migration_leaves_an_empty_database(
    keyed_db: tuple[Engine, Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, path, _ = keyed_db
    calls = _fail_after_real_upgrade(monkeypatch)
    with pytest.raises(RuntimeError, match="simulated crash"):
        migrate(engine, path, tmp_path / "backups")
    assert calls == ["head"]
    assert _table_names(engine) == set()
    assert _revision(engine) is None


def test_backup_holds_commits_made_while_another_reader_is_open(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A reader blocks a WAL checkpoint; the backup must still contain every committed row."""
    _saved_folder(data_dir)
    reader_engine = _folder_engine(data_dir)
    try:
        with reader_engine.connect() as reader, reader.begin():
            reader.exec_driver_sql("SELECT count(*) FROM participant").scalar_one()  # holds a read snapshot
            with open_workspace(data_dir) as ws:
                late = records.save(ws, Participant(first_name="Sen", last_name="Lagring")).id
            _install_extra_revision(tmp_path, monkeypatch)
            with open_workspace(data_dir) as ws:
                backup = ws.folder.migration.backup
    finally:
        reader_engine.dispose()
    assert backup is not None
    backup_engine = make_engine(backup, keystore.load_key(
        paths.folder_id_file(data_dir).read_text(encoding="utf-8").strip()) or b"")
    try:
        assert _last_name(backup_engine, late) == "Lagring"
    finally:
        backup_engine.dispose()
    assert b"Lagring" not in backup.read_bytes(), "the backup is encrypted too"


def test_database_from_a_newer_app_is_refused_clearly_without_backups(data_dir: Path) -> None:
    pid = _saved_folder(data_dir)
    engine = _folder_engine(data_dir)
    try:
        with engine.connect() as conn, conn.begin():
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    finally:
        engine.dispose()
    for _ in range(2):
        with pytest.raises(migrate_mod.NewerDatabase) as err:
            open_workspace(data_dir)
        assert "nyere versjon" in err.value.text("nb") and "newer version" in err.value.text("en")
    backups = paths.backups_dir(data_dir)
    assert not backups.exists() or not any(backups.iterdir())
    engine = _folder_engine(data_dir)
    try:
        assert _last_name(engine, pid) == LAST_NAME
    finally:
        engine.dispose()


def test_head_read_from_the_files_is_alembics_head() -> None:
    """Opening a current database does not import Alembic; the head it compares with must be Alembic's."""
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_0008_keeps_read_log_entries_as_participant_openings(keyed_db: tuple[Engine, Path, bytes]) -> None:
    engine, _, _ = keyed_db
    _upgrade(engine, "0006")
    pid = _insert_participant(engine)
    with engine.connect() as conn:
        with conn.execution_options(**{WRITE_OPTION: True}).begin():
            capture.open_capture(conn, hlc=2 << 16, device_id=str(uuid.uuid4()))
            conn.exec_driver_sql(
                "INSERT INTO read_log (id, participant_id, at, device_id, created_at, created_by, updated_at,"
                " updated_by) VALUES ('r1', ?, '2024-06-01T12:00:00.000000Z', 'd', '2024-06-01T12:00:00.000000Z',"
                " 'kari', '2024-06-01T12:00:00.000000Z', 'kari')", (pid,))
            capture.close_capture(conn)
    _upgrade(engine, "0008")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT participant_id, kind, target_id FROM read_log").all() == \
            [(pid, "participant", None)]
        assert conn.exec_driver_sql("SELECT follow_up_end FROM participant").scalar_one() is None
