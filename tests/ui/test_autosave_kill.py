"""Autosave survives killing the app: the real editor in a child process is typed into and SIGKILLed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services.workspace import open_workspace
from tests.support.visit_data import participant_in_job
from tests.support.visit_editor_child import TYPED

REPO_ROOT = Path(__file__).resolve().parents[2]
AUTOSAVE_PROMISE_S = 2.0


class _Lines(threading.Thread):
    def __init__(self, proc: subprocess.Popen[str]) -> None:
        super().__init__(daemon=True)
        self.proc, self.lines = proc, []
        self.typed = threading.Event()

    def run(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.strip())
            if line.strip() == "typed":
                self.typed.set()
        self.typed.set()


def test_draft_survives_sigkill_two_seconds_after_typing(data_dir: Path, keyring_file: Path, tmp_path: Path) -> None:
    with open_workspace(data_dir) as ws:
        participant, _, _ = participant_in_job(ws, job_start=date.today() - timedelta(days=60))
    err = tmp_path / "child.err"
    with open(err, "w") as err_file:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.support.visit_editor_child", str(data_dir), participant.id,
             str(tmp_path / "settings.ini")],
            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=err_file, text=True, encoding="utf-8")
        reader = _Lines(proc)
        reader.start()
        try:
            assert reader.typed.wait(60), f"the child never finished typing: {err.read_text()}"
            assert proc.poll() is None, f"the child ended by itself: {err.read_text()}"
            time.sleep(AUTOSAVE_PROMISE_S + 0.5)  # the promise: at most the last two seconds are lost
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait(30)
            reader.join(10)
    assert proc.returncode == -signal.SIGKILL
    visit_id = next(line.split(" ", 1)[1] for line in reader.lines if line.startswith("open "))

    with open_workspace(data_dir) as ws:
        visit = records.get(ws, Visit, visit_id)
        assert visit is not None, f"no draft was stored: {err.read_text()}"
        assert visit.summary == TYPED and visit.participant_id == participant.id and not visit.finished

