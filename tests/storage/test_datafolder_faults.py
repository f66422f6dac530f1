"""Faults of the machine, each with its own message (exit 2): a full disk during `demo` or `import` (which then
saves nothing), a read-only file system, a folder without write permission."""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.services.workspace import open_workspace
from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
from tests.cli.test_import import participants


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB tmpfs: a real file system that fills up (mounting needs root, as on the test machines). A
    one-participant demo folder is 1.3 MB in 8 KiB pages (storage/cipher_format.py), with its WAL beside it."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path, leave: int) -> Path:
    """Use up the disk's free space except `leave` bytes."""
    st = os.statvfs(disk)
    free = st.f_bavail * st.f_frsize
    filler = disk / "filler"
    with open(filler, "wb") as fh:
        fh.write(b"\0" * max(free - leave, 0))
    return filler


def test_disk_full_during_import_is_a_message_and_saves_nothing(small_disk: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = small_disk / "data"
    assert main(["check", "--create", "--data-dir", str(data_dir)]) == 0
    filler = _fill(small_disk, 48 * 1024)
    rng = random.Random(3)
    numbers = {synthetic_fodselsnummer(dt.date(1950 + i % 45, 1 + i % 12, 1 + i % 28), rng) for i in range(2000)}
    rows = "".join(f"Åse{i};Ødegård;{n}\n" for i, n in enumerate(sorted(numbers)))
    csv = tmp_path / "mange.csv"
    csv.write_text("fornavn;etternavn;fodselsnummer\n" + rows, encoding="utf-8")
    capsys.readouterr()

    assert main(["import", str(csv), "--kind", "participants", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "Disken er full" in err and "Traceback" not in err

    filler.unlink()
    with open_workspace(data_dir, create=False) as ws:
        assert participants(ws) == [], "all or nothing: a full disk saves nothing"


def test_disk_full_during_demo_is_a_message(small_disk: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    data_dir = small_disk / "data"
    assert main(["check", "--create", "--data-dir", str(data_dir)]) == 0
    filler = _fill(small_disk, 48 * 1024)
    capsys.readouterr()
    assert main(["demo", "--participants", "200", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "The disk is full" in err and "Traceback" not in err
    filler.unlink()
    assert main(["check", "--data-dir", str(data_dir)]) == 0, "what was saved before is intact"


def test_a_read_only_file_system_is_named_as_such(small_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = small_disk / "data"
    assert main(["demo", "--participants", "1", "--data-dir", str(data_dir)]) == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    capsys.readouterr()
    assert main(["demo", "--participants", "1", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "skrivebeskyttet" in err and "feil nøkkel" not in err and "Traceback" not in err


def test_a_full_disk_at_open_is_not_called_a_wrong_key(small_disk: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    data_dir = small_disk / "data"
    assert main(["demo", "--participants", "1", "--data-dir", str(data_dir)]) == 0
    _fill(small_disk, 0)
    capsys.readouterr()
    code = main(["demo", "--participants", "5", "--data-dir", str(data_dir)])
    err = capsys.readouterr().err
    assert code == 2 and "The disk is full" in err and "wrong key" not in err


def test_a_folder_without_write_permission_is_named_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from fieldapp.storage import faults

    # Tests run as root, whom permissions do not stop: the classification is checked with the error itself.
    exc = PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "fieldapp.db"))
    fault = faults.from_os_error(exc)
    assert fault is not None and fault.code == "read_only_folder"
    assert "skrivetilgang" in fault.text("nb") and "write permission" in fault.text("en")
    monkeypatch.setattr(faults.os, "access", lambda path, mode: False)
    (tmp_path / "fieldapp.db").write_bytes(b"x")
    found = faults.from_database_error("attempt to write a readonly database", tmp_path / "fieldapp.db")
    assert found is not None and found.code == "read_only_folder"


def test_a_backup_on_a_full_disk_is_the_disk_full_message_and_leaves_no_half_copy(small_disk: Path) -> None:
    """Backups (before a migration, after an erasure) are written by sqlcipher_export through the driver; its
    error reaches the user's message as any other database error does, and the half-written copy is removed."""
    from sqlalchemy.exc import DatabaseError

    from fieldapp import paths
    from fieldapp.storage.datafolder import known_database_fault
    from fieldapp.storage.restore import backup_now

    data_dir = small_disk / "data"
    assert main(["demo", "--participants", "1", "--data-dir", str(data_dir)]) == 0
    with open_workspace(data_dir, create=False) as ws:
        paths.backups_dir(data_dir).mkdir(mode=0o700)
        filler = _fill(small_disk, 0)
        with pytest.raises(DatabaseError) as caught:
            backup_now(ws.folder.engine, data_dir)
        filler.unlink()
    fault = known_database_fault(caught.value, paths.database_file(data_dir))
    assert fault is not None and "The disk is full" in fault.text("en")
    assert list(paths.backups_dir(data_dir).iterdir()) == []
    assert main(["check", "--data-dir", str(data_dir)]) == 0
