"""Exports, PDFs (both through files.write_atomic) and migration backups are readable by their owner only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine

from fieldapp.files import write_atomic
from fieldapp.services.exporting import write_export
from fieldapp.services.workspace import open_workspace
from fieldapp.storage.migrate import migrate
from tests.storage.test_migrations import ALL_REVISIONS, _insert_participant, _upgrade, keyed_db  # noqa: F401 - pytest fixtures, used by name in the tests' arguments
from tests.support.file_modes import mode, open_umask  # noqa: F401 - open_umask is a pytest fixture, used by name in the tests' arguments

# Permission bits as POSIX has them: Windows keeps a user's files private by the profile folder's ACL instead.
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def test_write_atomic_makes_owner_only_files_even_over_an_open_one(tmp_path: Path, open_umask: None) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    (tmp_path / ".out.pdf.tmp").write_bytes(b"left from a crash")
    (tmp_path / ".out.pdf.tmp").chmod(0o666)
    write_atomic(target, b"%PDF-1.7")
    assert target.read_bytes() == b"%PDF-1.7" and mode(target) == 0o600
    assert not (tmp_path / ".out.pdf.tmp").exists()


def test_an_export_is_owner_only(tmp_path: Path, open_umask: None) -> None:
    with open_workspace(tmp_path / "data", actor="test") as ws:
        write_export(ws, tmp_path / "export.json")
    assert mode(tmp_path / "export.json") == 0o600


def test_a_migration_backup_is_owner_only_in_an_owner_only_folder(
        keyed_db: tuple[Engine, Path, bytes], tmp_path: Path, open_umask: None) -> None:
    engine, path, _ = keyed_db
    if len(ALL_REVISIONS) < 2:
        pytest.skip("only one revision: nothing to migrate from")
    _upgrade(engine, ALL_REVISIONS[1])  # newest first: the one before the head
    _insert_participant(engine)
    backups = tmp_path / "backups"
    backups.mkdir(mode=0o755)  # made by an older version, open to others
    result = migrate(engine, path, backups)
    assert result.backup is not None and mode(result.backup) == 0o600
    assert mode(backups) == 0o700


def test_a_new_data_folder_and_its_database_files_are_owner_only(tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "data"
    with open_workspace(data, actor="test") as ws:
        write_export(ws, tmp_path / "export.json")  # a write: the WAL files are there
        files = [p for p in data.iterdir() if p.name.startswith("fieldapp.db")]
        assert {p.name for p in files} >= {"fieldapp.db", "fieldapp.db-wal", "fieldapp.db-shm"}
        assert all(mode(p) == 0o600 for p in files), {p.name: oct(mode(p)) for p in files}
    assert mode(data) == 0o700


def test_an_older_folders_open_database_file_is_made_owner_only(tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "data"
    with open_workspace(data, actor="test"):
        pass
    (data / "fieldapp.db").chmod(0o644)
    with open_workspace(data, actor="test"):
        assert mode(data / "fieldapp.db") == 0o600


def test_the_fresh_backup_an_erasure_takes_is_owner_only(tmp_path: Path, open_umask: None) -> None:
    from fieldapp.storage.erasure import renew_backups

    with open_workspace(tmp_path / "data", actor="test") as ws:
        backups = tmp_path / "data" / "backups"
        backups.mkdir(exist_ok=True)
        (backups / "fieldapp-old.db").write_bytes(b"before the erasure")
        deleted, fresh = renew_backups(ws.folder, backups)
    assert deleted == 1 and fresh is not None and fresh.stat().st_size > 0
    assert mode(fresh) == 0o600 and [p.name for p in backups.iterdir()] == [fresh.name]
