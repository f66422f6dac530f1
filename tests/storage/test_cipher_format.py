"""The database file's SQLCipher settings (storage/cipher_format.py): new files in the current format, files from
older releases (SQLCipher 4's defaults) opened, written and backed up as they are, and damage still named page by
page whichever format a file is in."""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
import sqlcipher3

from fieldapp import paths
from fieldapp.cli.main import main
from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import cipher_format, quick_open
from fieldapp.storage.cipher_format import CURRENT, LEGACY
from fieldapp.storage.damage import inspect_file
from fieldapp.storage.datafolder import read_folder_id
from fieldapp.storage.keystore import load_key
from fieldapp.storage.restore import backup_now, restore_file


def _key(data_dir: Path) -> bytes:
    key = load_key(read_folder_id(paths.folder_id_file(data_dir)))
    assert key is not None
    return key


def _reads(db: Path, key: bytes, pragmas: tuple[str, ...]) -> bool:
    conn = sqlcipher3.connect(str(db))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        for pragma in pragmas:
            conn.execute(pragma)
        conn.execute("SELECT count(*) FROM participant").fetchall()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def _folder(data_dir: Path, people: int = 3) -> Path:
    assert main(["demo", "--participants", str(people), "--data-dir", str(data_dir)]) == 0
    return data_dir


def _make_legacy(data_dir: Path) -> None:
    """Rewrite the folder's database as an older release made it: SQLCipher 4's defaults."""
    db, key = paths.database_file(data_dir), _key(data_dir)
    old = db.with_name("old.db")
    conn = cipher_format.connect(db, key, CURRENT)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ATTACH DATABASE ? AS old", (str(old),))
        for pragma in LEGACY.pragmas("old"):
            conn.execute(pragma)
        conn.execute("SELECT sqlcipher_export('old')").fetchall()
        conn.execute("DETACH DATABASE old")
    finally:
        conn.close()
    for side in ("-wal", "-shm"):
        db.with_name(db.name + side).unlink(missing_ok=True)
    old.replace(db)
    # What an older release wrote: readable with no settings at all (SQLCipher 4's defaults), not as current.
    assert _reads(db, key, ())
    assert not _reads(db, key, CURRENT.pragmas())


def _count(data_dir: Path) -> int:
    with open_workspace(data_dir, create=False) as ws, ws.folder.read() as session:
        return int(session.connection().exec_driver_sql("SELECT count(*) FROM participant").scalar_one())


def test_a_new_folder_is_written_in_the_current_format(data_dir: Path) -> None:
    _folder(data_dir)
    db, key = paths.database_file(data_dir), _key(data_dir)
    assert cipher_format.detect(db, key) == CURRENT
    assert _reads(db, key, CURRENT.pragmas())
    assert not _reads(db, key, ())  # not SQLCipher's defaults: the settings reached every connection
    assert db.stat().st_size % CURRENT.page_size == 0


def test_a_folder_from_an_older_release_opens_is_written_and_stays_in_its_format(data_dir: Path) -> None:
    _folder(data_dir)
    before = _count(data_dir)
    _make_legacy(data_dir)
    db, key = paths.database_file(data_dir), _key(data_dir)
    assert cipher_format.detect(db, key) == LEGACY

    with open_workspace(data_dir, create=False) as ws:
        records.save(ws, Participant(first_name="Gammel", last_name="Fil"))
    assert _count(data_dir) == before + 1
    assert cipher_format.detect(db, key) == LEGACY  # never rewritten in place
    assert _reads(db, key, ())
    with quick_open.read_only(data_dir) as executes:  # the start-up's quick read path reads it too
        assert executes is not None
        assert executes[0]("SELECT count(*) FROM participant", {}) == [(before + 1,)]
    assert main(["check", "--data-dir", str(data_dir)]) == 0


def test_a_backup_of_an_old_folder_is_current_sound_and_restores(data_dir: Path) -> None:
    _folder(data_dir)
    _make_legacy(data_dir)
    key = _key(data_dir)
    before = _count(data_dir)
    with open_workspace(data_dir, create=False) as ws:
        backup = backup_now(ws.folder.engine, data_dir)
    assert cipher_format.detect(backup, key) == CURRENT
    assert oct(os.stat(backup).st_mode & 0o777) == oct(0o600)
    assert inspect_file(backup, key).sound

    with open_workspace(data_dir, create=False) as ws:
        records.save(ws, Participant(first_name="Etter", last_name="Kopien"))
    restore_file(data_dir, backup, key, label="replaced")
    assert cipher_format.detect(paths.database_file(data_dir), key) == CURRENT
    assert _count(data_dir) == before  # the backup's records, not the later one
    assert main(["check", "--data-dir", str(data_dir)]) == 0


@pytest.mark.parametrize("name", ["Felt #2", "spørsmål?", "hundre%25 prosent"])
def test_an_old_folder_whose_path_a_uri_would_misread_opens(tmp_path: Path, name: str) -> None:
    """detect reads through a file: URI; unquoted, "#" or "?" would end the path there (and SQLite would make an
    empty database at the shorter path, read as a new file) and "%25" would be decoded."""
    data_dir = tmp_path / name / "data"
    _folder(data_dir)
    before = _count(data_dir)
    _make_legacy(data_dir)
    db, key = paths.database_file(data_dir), _key(data_dir)
    assert cipher_format.detect(db, key) == LEGACY
    assert _count(data_dir) == before
    assert inspect_file(db, key).sound
    assert sorted(p.name for p in (tmp_path / name).iterdir()) == ["data"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_many_damaged_pages_with_the_first_are_named_in_the_files_own_pages(data_dir: Path) -> None:
    """With page 1 unreadable the format is the one under which the smallest share of pages fails: every other
    4 KiB page of an old file damaged fails every 8 KiB page, half of the old file's own."""
    _folder(data_dir)
    _make_legacy(data_dir)
    db, key = paths.database_file(data_dir), _key(data_dir)
    count = db.stat().st_size // LEGACY.page_size
    damaged = list(range(1, count + 1, 2))
    with open(db, "r+b") as fh:
        for page in damaged:
            fh.seek((page - 1) * LEGACY.page_size + 1000)
            data = fh.read(8)
            fh.seek((page - 1) * LEGACY.page_size + 1000)
            fh.write(bytes(b ^ 0x5A for b in data))
    found = inspect_file(db, key)
    assert not found.readable
    assert found.damaged_pages == tuple(damaged)


@pytest.mark.parametrize("legacy", [False, True], ids=["current", "legacy"])
def test_a_damaged_first_page_is_named_as_the_only_damaged_page(data_dir: Path, legacy: bool) -> None:
    """Format detection reads page 1; when that page is the damaged one, the format is the one under which the
    fewest pages fail. Under the wrong one every page would be reported damaged."""
    _folder(data_dir, people=5)
    if legacy:
        _make_legacy(data_dir)
    else:
        with open_workspace(data_dir, create=False) as ws:
            raw = ws.folder.engine.raw_connection()
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raw.close()
    db, key = paths.database_file(data_dir), _key(data_dir)
    fmt = LEGACY if legacy else CURRENT
    assert db.stat().st_size // fmt.page_size > 10
    damaged = db.with_name("copy.db")
    shutil.copyfile(db, damaged)
    with open(damaged, "r+b") as fh:
        fh.seek(1000)
        data = fh.read(8)
        fh.seek(1000)
        fh.write(bytes(b ^ 0x5A for b in data))
    assert cipher_format.detect(damaged, key) is None

    found = inspect_file(damaged, key)
    assert not found.sound and not found.readable
    assert found.damaged_pages == (1,)


def test_a_file_under_another_key_reads_in_no_format(data_dir: Path) -> None:
    _folder(data_dir)
    db = paths.database_file(data_dir)
    assert cipher_format.detect(db, bytes(32)) is None
    assert cipher_format.detect(data_dir / "not-made-yet.db", bytes(32)) == CURRENT


def test_uris_name_no_host_and_quote_what_a_uri_would_misread() -> None:
    assert cipher_format.file_uri(PureWindowsPath(r"C:\Data\Felt #2\fieldapp.db")) == \
        "file:///C:/Data/Felt%20%232/fieldapp.db"
    # A Windows share keeps its two leading slashes in the path; file://server/share would name a host.
    assert cipher_format.file_uri(PureWindowsPath(r"\\server\share\data\fieldapp.db")) == \
        "file:////server/share/data/fieldapp.db"
    assert cipher_format.file_uri(PurePosixPath("/home/åse/100%/a?b.db")) == \
        "file:///home/%C3%A5se/100%25/a%3Fb.db"


def test_a_path_with_two_leading_slashes_is_read_as_a_share_would_be(data_dir: Path) -> None:
    """POSIX keeps a path's two leading slashes as Windows keeps a share's: the same URI branch, really opened."""
    _folder(data_dir)
    db, key = paths.database_file(data_dir), _key(data_dir)
    doubled = Path("/" + str(db.absolute()))
    assert str(doubled).startswith("//")
    assert cipher_format.detect(doubled, key) == CURRENT
    assert inspect_file(doubled, key).sound


def test_a_copy_never_writes_over_nor_deletes_a_file_that_is_there(data_dir: Path) -> None:
    _folder(data_dir)
    db, key = paths.database_file(data_dir), _key(data_dir)
    with open_workspace(data_dir, create=False) as ws:
        raw = ws.folder.engine.raw_connection()
        try:
            with pytest.raises(FileExistsError):
                cipher_format.copy_into(raw.driver_connection, db)  # the live database itself
            raw.driver_connection.execute("BEGIN")
            with pytest.raises(RuntimeError):
                cipher_format.copy_into(raw.driver_connection, data_dir / "copy.db")
            raw.driver_connection.execute("ROLLBACK")
            cipher_format.copy_into(raw.driver_connection, data_dir / "copy.db")  # still usable: nothing attached
        finally:
            raw.close()
    assert cipher_format.detect(db, key) == CURRENT and main(["check", "--data-dir", str(data_dir)]) == 0
    assert inspect_file(data_dir / "copy.db", key).sound


def test_a_first_page_torn_by_a_checkpoint_is_read_again_under_a_lock(data_dir: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _folder(data_dir)
    _make_legacy(data_dir)
    db, key = paths.database_file(data_dir), _key(data_dir)
    torn = db.with_name("torn.db")
    torn.write_bytes(os.urandom(LEGACY.page_size))
    real = cipher_format.connect

    def unlocked_reads_torn(path: Path, key: bytes, fmt: cipher_format.Format, **kw: bool) -> object:
        return real(torn if kw.get("immutable") else path, key, fmt, **kw)

    monkeypatch.setattr(cipher_format, "connect", unlocked_reads_torn)
    assert cipher_format.detect(db, key) == LEGACY


def _ivs(db: Path) -> list[bytes]:
    """Each page's IV, from the file's bytes (the first 16 of its reserved bytes)."""
    data, end = db.read_bytes(), CURRENT.page_size - CURRENT.reserve
    return [data[at + end:at + end + 16] for at in range(0, len(data), CURRENT.page_size)]


def test_every_page_has_its_own_iv_and_a_rewritten_page_a_new_one(data_dir: Path) -> None:
    """docs/security.md: AES-256-CBC with a random IV per write. A repeated IV would show which pages begin alike."""
    _folder(data_dir, people=5)
    db = paths.database_file(data_dir)

    def checkpointed() -> list[bytes]:
        with open_workspace(data_dir, create=False) as ws:
            raw = ws.folder.engine.raw_connection()
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raw.close()
        return _ivs(db)

    before = checkpointed()
    assert len(before) > 20 and len(set(before)) == len(before)
    pages = db.read_bytes()
    with open_workspace(data_dir, create=False) as ws:
        records.save(ws, Participant(first_name="Ny", last_name="Side"))
    after = checkpointed()
    rewritten = [i for i in range(len(before)) if db.read_bytes()[i * CURRENT.page_size:(i + 1) * CURRENT.page_size]
                 != pages[i * CURRENT.page_size:(i + 1) * CURRENT.page_size]]
    assert rewritten and all(after[i] != before[i] for i in rewritten)
    assert len(set(after)) == len(after)
