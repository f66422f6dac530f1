"""Desktop app benchmark at 10,000 participants and about 100,000 visits.

- start-up to a filled window: `fieldapp --smoke-test` (offscreen) in a fresh process, its own
  startup_ms (from the first Fieldapp import to the Today view's rows on screen), ready_ms (until the
  folder is open and the whole window built) and the wall time of the whole process;
- the participant list: loading it (the worker's service call) and filtering it (in memory, on the UI
  thread), each plus filling the Qt model; searching visit texts (the search view's service call).

Run: .venv/bin/python benchmarks/bench_ui.py [--startup-only]   (builds the data folder on first use, ~12 minutes)
"""

from __future__ import annotations

import compileall
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from common import large_folder, machine, summary, use_file_keyring

use_file_keyring()
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtWidgets import QApplication  # noqa: E402 - after the import path and environment are set up above

import fieldapp.ui  # noqa: E402,F401  (Qt work-arounds)
from fieldapp.services import participants, search  # noqa: E402 - after the import path and environment are set up above
from fieldapp.services.workspace import open_workspace  # noqa: E402 - after the import path and environment are set up above
from fieldapp.storage.queries import visit_search  # noqa: E402 - after the import path and environment are set up above
from fieldapp.ui.models.participants import ParticipantTableModel  # noqa: E402 - after the import path and environment are set up above
from fieldapp.ui.models.search import SearchHitTableModel  # noqa: E402 - after the import path and environment are set up above


RUNS = 11


def reference_loop_ms(n: int = 10_000_000) -> float:
    """n additions in pure Python: this VM's speed varies up to threefold within the hour (other guests on
    the host), so runs report it, to compare runs fairly."""
    started = time.perf_counter()
    total = 0
    for i in range(n):
        total += i
    return round((time.perf_counter() - started) * 1000)


def bench_startup(folder) -> dict[str, object]:
    # As installed: the app's modules compiled to bytecode once (with PYTHONDONTWRITEBYTECODE set, every
    # start would compile them again, about 0.2 s that no user's start-up pays).
    import fieldapp

    compileall.compile_dir(Path(fieldapp.__file__).parent, quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    own, ready, wall, rows, source, pairs = [], [], [], None, set(), []
    for _ in range(RUNS):
        reference = reference_loop_ms(2_000_000)
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(folder), "--smoke-test"],
                             check=True, capture_output=True, text=True, env=env).stdout
        wall.append((time.perf_counter() - started) * 1000)
        result = json.loads(out.strip().splitlines()[-1])
        own.append(result["startup_ms"])
        pairs.append([reference, result["startup_ms"]])
        ready.append(result["ready_ms"])
        rows = result["rows"]
        source.add(result["first_view"])
    return {"start-up to filled Today view (smoke test startup_ms)": summary(own),
            "start-up until the whole window is ready (ready_ms)": summary(ready),
            "whole process incl. interpreter start and exit": summary(wall), "rows shown": rows,
            "Today view": sorted(source),
            "each run: [reference loop ms just before (2 million additions), startup_ms]": pairs}


def timed(fn, model, repeat: int = 7) -> dict[str, float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        model.set_rows(fn())
        samples.append((time.perf_counter() - started) * 1000)
    return summary(samples)


def bench_filters(folder) -> dict[str, object]:
    app = QApplication.instance() or QApplication([])
    ws = open_workspace(folder)
    now = datetime.now(UTC)
    people = ParticipantTableModel()
    hits = SearchHitTableModel()
    everyone = participants.list_participants(ws, now=now)
    result = {
        "participant list, load all (10,000 rows) + fill model": timed(
            lambda: participants.list_participants(ws, now=now), people),
        "participant list, filter by text 'han' (in memory) + fill model": timed(
            lambda: participants.filter_rows(everyone, text="han"), people),
        "participant list, filter by status + overdue (in memory) + fill model": timed(
            lambda: participants.filter_rows(everyone, status="in_work", overdue_only=True), people),
        "search (participants, employers, visits) 'trives' (100,000 visits)": timed(
            lambda: search.search(ws, "trives").hits, hits),
        "search (participants, employers, visits), two words with no match": timed(
            lambda: search.search(ws, "turnus kantine").hits, hits),
    }
    # The visit list filtered by text (the newest 50 matching visits), without the participant and employer
    # look-ups of the search above: a rare word, a word in a third of all visits, one in half of them.
    for word in ("kantine", "trives", "arbeidsgiver", "trives godt"):
        def visits_only(word=word):
            with ws.folder.read() as session:
                return [search.visit_hit(f, word) for f in visit_search.matching(session, word, limit=search.LIMIT)]
        result[f"visit list filtered by text {word!r}, newest {search.LIMIT}"] = timed(visits_only, hits)
    ws.close()
    del app
    return result




def main() -> None:
    folder = large_folder()
    before = reference_loop_ms()
    result = {"machine": machine(), "date": datetime.now(UTC).strftime("%Y-%m-%d"), **bench_startup(folder)}
    if "--startup-only" not in sys.argv:
        result.update(bench_filters(folder))
    result["reference loop ms (before, after)"] = [before, reference_loop_ms()]
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
