"""A process killed at random moments never loses a commit it reported, and never damages the database."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fieldapp.domain.records import Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import integrity

REPO_ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 25


class _Reader(threading.Thread):
    """Collects the child's stdout lines as they arrive (the pipe must not fill up)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        super().__init__(daemon=True)
        self.proc = proc
        self.lines: list[str] = []
        self.opened = threading.Event()

    def run(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            line = line.rstrip("\n")
            self.lines.append(line)
            if line == "open":
                self.opened.set()
        self.opened.set()  # EOF: stop waiting either way


@pytest.mark.slow
def test_sigkill_never_loses_reported_commits(data_dir: Path, keyring_file: Path, tmp_path: Path) -> None:
    with open_workspace(data_dir) as ws:
        participant = records.save(ws, Participant(first_name="Åse", last_name="Ødegård"))
    assert keyring_file.exists()  # the children find the key here

    rng = random.Random(int(os.environ.get("FIELDAPP_CRASH_SEED", "1234")))
    committed: list[str] = []
    killed_while_open = 0
    for round_no in range(ROUNDS):
        err_path = tmp_path / f"child-{round_no}.err"
        with open(err_path, "w") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", "tests.support.crash_child", str(data_dir), participant.id],
                cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=err, text=True, encoding="utf-8",
            )
            reader = _Reader(proc)
            reader.start()
            delay = rng.uniform(0.05, 0.4)
            # Most rounds count the delay from the moment the folder is open (kills land mid-save);
            # every third from the start, so that some land while the folder is being opened.
            if round_no % 3:
                assert reader.opened.wait(60), f"child never opened the folder: {err_path.read_text()}"
            time.sleep(delay)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(30)
            reader.join(30)
        assert proc.returncode == -signal.SIGKILL, (
            f"round {round_no}: child ended on its own ({proc.returncode}):\n{err_path.read_text()}"
        )
        killed_while_open += "open" in reader.lines
        committed += [line.split(" ", 1)[1] for line in reader.lines if line.startswith("committed ")]

    assert killed_while_open >= ROUNDS // 2
    assert len(committed) >= ROUNDS, f"too few commits to prove anything: {len(committed)}"
    assert len(set(committed)) == len(committed)

    with open_workspace(data_dir) as ws:
        missing = [vid for vid in committed if records.get(ws, Visit, vid) is None]
        assert not missing, f"{len(missing)} of {len(committed)} reported commits lost"
        for vid in committed[:: max(1, len(committed) // 20)]:
            visit = records.get(ws, Visit, vid)
            assert visit is not None and visit.participant_id == participant.id and "ø" in (visit.summary or "")
        with ws.folder.read() as session:
            conn = session.connection()
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
            report = integrity.check(conn)
            assert report.ok, report.problems
            stored = conn.exec_driver_sql("SELECT count(*) FROM visit").scalar_one()
    assert stored >= len(committed)  # a commit may land just before the kill, unreported
