"""A restore is refused while another process has the data folder open: the backup would go in place while that
process kept writing, through the file it had open, into the database moved aside, and report success."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.services.recovery import restore
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import folder_in_use
from fieldapp.storage.datafolder import DatabaseUnreadable
from fieldapp.storage.restore import backup_now

REPO_ROOT = Path(__file__).resolve().parents[2]

# Opens the folder, says so, waits for a line on stdin, then saves one participant and says so.
CHILD = textwrap.dedent("""
    import sys
    from fieldapp.domain.records import Participant
    from fieldapp.services import records
    from fieldapp.services.workspace import open_workspace
    with open_workspace(sys.argv[1], create=False) as ws:
        print("open", flush=True)
        sys.stdin.readline()
        records.save(ws, Participant(first_name="Sen", last_name="Lagring"))
        print("saved", flush=True)
""")


@pytest.fixture
def folder(data_dir: Path, keyring_file: Path) -> Path:
    assert main(["demo", "--participants", "3", "--data-dir", str(data_dir)]) == 0
    with open_workspace(data_dir, create=False) as ws:
        backup_now(ws.folder.engine, data_dir)
    assert keyring_file.exists()  # the child finds the key here
    return data_dir


def _names(folder: Path) -> list[str]:
    with open_workspace(folder, create=False) as ws, ws.folder.read() as session:
        return [r[0] for r in session.connection().exec_driver_sql("SELECT last_name FROM participant")]


def _writer(folder: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder)], cwd=REPO_ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == "open", proc.stderr.read() if proc.stderr else line
    return proc


@pytest.mark.skipif(folder_in_use.fcntl is None, reason="Windows refuses to rename an open database by itself")
def test_a_restore_is_refused_while_another_process_writes_and_nothing_it_saves_is_stranded(
        folder: Path, capfd: pytest.CaptureFixture[str]) -> None:
    db = folder / "fieldapp.db"
    before = db.stat().st_ino
    proc = _writer(folder)
    try:
        capfd.readouterr()
        assert main(["restore", "--latest", "--data-dir", str(folder)]) == 2
        out, err = capfd.readouterr()
        assert "En annen Fieldapp-prosess har datamappen" in err and "Ingenting er endret" in err
        assert "Traceback" not in err
        assert db.stat().st_ino == before, "the database was not moved"
        assert not list(folder.glob("fieldapp.db.*-*")), "nothing was set aside"
        assert not list(folder.glob(".fieldapp.db.restoring")), "no copy of the backup is left behind"
    finally:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
        saved = proc.stdout.readline().strip()
        proc.wait(60)
    assert saved == "saved" and proc.returncode == 0
    assert "Lagring" in _names(folder), "what the other process saved is in the live database"

    # Once it has closed the folder, the same restore goes through.
    assert main(["restore", "--latest", "--data-dir", str(folder), "--yes"]) == 0
    assert "Lagring" not in _names(folder) and len(_names(folder)) == 3


@pytest.mark.skipif(folder_in_use.fcntl is None, reason="flock is POSIX-only")
def test_a_folder_opened_while_a_restore_holds_it_waits_and_then_says_so(folder: Path) -> None:
    with folder_in_use.alone(folder):
        started = time.monotonic()
        with pytest.raises(folder_in_use.FolderBeingRestored) as caught:
            folder_in_use.hold(folder, wait_s=0.3)
        assert time.monotonic() - started >= 0.3
    assert "Vent til «fieldapp restore» er ferdig" in caught.value.text("nb")
    holder = folder_in_use.hold(folder, wait_s=0.3)  # free again
    holder.release()


@pytest.mark.skipif(folder_in_use.fcntl is None, reason="flock is POSIX-only")
def test_a_file_system_without_locks_opens_the_folder_without_the_hold(folder: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    assert folder_in_use.fcntl is not None
    opened = len(os.listdir("/proc/self/fd"))

    def no_locks(fd: int, op: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(folder_in_use.fcntl, "flock", no_locks)
    holder = folder_in_use.hold(folder)
    holder.release()
    assert len(os.listdir("/proc/self/fd")) == opened, "no file descriptor is left open"
    with folder_in_use.alone(folder):
        pass  # nobody can hold it either: the restore goes on


def test_the_process_restoring_from_a_failed_open_is_not_in_its_own_way(folder: Path) -> None:
    # The app's restore dialog runs in the process whose open failed: a failed open keeps no hold.
    backup = next((folder / "backups").glob("*.db"))
    with open(folder / "fieldapp.db", "r+b") as fh:
        fh.seek(1024)
        fh.write(b"\xff" * 64)  # page 1 damaged: the folder does not open
    with pytest.raises(DatabaseUnreadable):
        open_workspace(folder, create=False)
    done = restore(folder, backup=backup)
    assert done.kept is not None and len(_names(folder)) == 3
