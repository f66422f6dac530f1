"""The database is encrypted at rest, and its key lives only in the OS keyring."""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from fieldapp import paths
from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import keystore
from fieldapp.storage.datafolder import DataFolderError

LAST_NAME = "Ødegård-Sæther"
FIRST_NAME = "Åsmund"
NOTE = "Trives på lageret, ønsker flere timer"


def _folder_id(data_dir: Path) -> str:
    return paths.folder_id_file(data_dir).read_text(encoding="utf-8").strip()


def _stored_key(data_dir: Path) -> str | None:
    return keyring.get_password(keystore.SERVICE, f"folder:{_folder_id(data_dir)}")


def _db_and_wal(data_dir: Path) -> list[Path]:
    db = paths.database_file(data_dir)
    return [p for p in (db, db.with_name(db.name + "-wal")) if p.exists()]


def _save_participant(data_dir: Path) -> None:
    with open_workspace(data_dir) as ws:
        records.save(ws, Participant(first_name=FIRST_NAME, last_name=LAST_NAME, notes=NOTE))


def _all_bytes(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_plain_sqlite_cannot_read_the_database(data_dir: Path) -> None:
    _save_participant(data_dir)
    db = paths.database_file(data_dir)
    conn = sqlite3.connect(db)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            conn.execute("SELECT name FROM sqlite_master").fetchall()
    finally:
        conn.close()


def test_no_plaintext_in_database_or_wal(data_dir: Path) -> None:
    needles = [s.encode("utf-8") for s in (LAST_NAME, FIRST_NAME, NOTE, "Sæther", "participant")]
    needles += [b"SQLite format 3", b"CREATE TABLE"]
    with open_workspace(data_dir) as ws:
        records.save(ws, Participant(first_name=FIRST_NAME, last_name=LAST_NAME, notes=NOTE))
        # While open, the newest pages sit in the WAL: it must be encrypted as well.
        files = _db_and_wal(data_dir)
        assert any(p.name.endswith("-wal") for p in files), files
        for path in files:
            raw = path.read_bytes()
            assert raw, path
            for needle in needles:
                assert needle not in raw, f"{needle!r} found in plaintext in {path.name}"
    for path in _db_and_wal(data_dir):
        raw = path.read_bytes()
        for needle in needles:
            assert needle not in raw, f"{needle!r} found in plaintext in {path.name} after close"


def test_key_is_only_in_the_keyring(data_dir: Path) -> None:
    _save_participant(data_dir)
    key_hex = _stored_key(data_dir)
    assert key_hex is not None and len(key_hex) == 64
    key = bytes.fromhex(key_hex)
    forms = [key_hex.encode(), key_hex.upper().encode(), key]
    files = _all_bytes(data_dir)
    assert paths.database_file(data_dir) in files
    for path, raw in files.items():
        for form in forms:
            assert form not in raw, f"the database key is stored in {path}"


def test_no_secure_keyring_stops_before_creating_a_database(data_dir: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(keystore.KeyringUnavailable) as caught:
        open_workspace(data_dir)
    err = caught.value
    assert err.code == "keyring_unavailable"
    nb, en = err.text("nb"), err.text("en")
    assert "nøkkelring" in nb and "gnome-keyring" in nb and "lås den opp" in nb
    assert "never falls back to plaintext" in en and "gnome-keyring" in en and "unlock" in en
    assert "Credential Manager" in en and "keychain" in en
    assert not paths.database_file(data_dir).exists()
    assert not list(data_dir.glob("fieldapp.db*"))


def test_a_keyring_backend_that_cannot_be_loaded_is_named_not_a_traceback(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PYTHON_KEYRING_BACKEND naming a module that is not there: keyring's import error becomes the message."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no_such_module.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # detected again on the next use
    with pytest.raises(keystore.KeyringUnavailable) as caught:
        open_workspace(data_dir)
    assert "PYTHON_KEYRING_BACKEND=no_such_module.Keyring" in caught.value.text("en")
    assert "no_such_module" in caught.value.text("nb") and "nøkkelring" in caught.value.text("nb")
    assert not paths.database_file(data_dir).exists()


def test_missing_key_refuses_and_leaves_the_database_untouched(data_dir: Path) -> None:
    _save_participant(data_dir)
    db = paths.database_file(data_dir)
    before = _all_bytes(data_dir)
    keyring.delete_password(keystore.SERVICE, f"folder:{_folder_id(data_dir)}")
    with pytest.raises(keystore.DatabaseKeyMissing) as caught:
        open_workspace(data_dir)
    assert caught.value.code == "database_key_missing"
    assert _folder_id(data_dir) in caught.value.text("en")
    # No new key was made up for the old database, and not one byte of the folder changed.
    assert _stored_key(data_dir) is None
    assert _all_bytes(data_dir) == before
    assert db.read_bytes() == before[db]


def test_wrong_key_gives_a_clear_error(data_dir: Path) -> None:
    _save_participant(data_dir)
    db = paths.database_file(data_dir)
    before = db.read_bytes()
    right = _stored_key(data_dir)
    wrong = secrets.token_hex(32)
    assert wrong != right
    keyring.set_password(keystore.SERVICE, f"folder:{_folder_id(data_dir)}", wrong)
    with pytest.raises(DataFolderError) as caught:
        open_workspace(data_dir)
    assert caught.value.code == "database_unreadable"
    assert "wrong key" in caught.value.text("en") and "feil nøkkel" in caught.value.text("nb")
    assert db.read_bytes() == before
    # With the right key back, the data is all there.
    keyring.set_password(keystore.SERVICE, f"folder:{_folder_id(data_dir)}", right)
    with open_workspace(data_dir) as ws:
        with ws.folder.read() as session:
            names = session.connection().exec_driver_sql("SELECT last_name FROM participant").scalars().all()
    assert names == [LAST_NAME]
