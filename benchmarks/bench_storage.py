"""Storage benchmark: saving a visit as the UI does, and opening a data folder, at 10,000 participants.

Run: .venv/bin/python benchmarks/bench_storage.py   (the first run builds the data folder, several minutes)
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime

from common import large_folder, machine, summary, use_file_keyring

use_file_keyring()

from fieldapp.domain.records import Participant  # noqa: E402 - after the import path and environment are set up above
from fieldapp.domain.visit_records import Visit  # noqa: E402 - after the import path and environment are set up above
from fieldapp.services import records  # noqa: E402 - after the import path and environment are set up above
from fieldapp.services.workspace import open_workspace  # noqa: E402 - after the import path and environment are set up above
from fieldapp.storage import repository  # noqa: E402 - after the import path and environment are set up above
from fieldapp.storage.models import Participant as ParticipantRow  # noqa: E402 - after the import path and environment are set up above

OPEN_SNIPPET = """
import time, json
t0 = time.perf_counter()
from fieldapp.services.workspace import open_workspace
from fieldapp.services import records
t1 = time.perf_counter()
ws = open_workspace(__import__('pathlib').Path({folder!r}))
with ws.folder.read() as s:
    n = s.connection().exec_driver_sql("SELECT count(*) FROM participant").scalar_one()
    first = s.connection().exec_driver_sql("SELECT id, last_name, first_name FROM participant "
                                           "WHERE deleted_at IS NULL ORDER BY last_name, first_name LIMIT 50").all()
t2 = time.perf_counter()
print(json.dumps({{"import_ms": (t1 - t0) * 1000, "open_ms": (t2 - t1) * 1000, "participants": n}}))
"""


def bench_open(folder) -> dict[str, object]:
    runs = []
    for _ in range(7):
        out = subprocess.run([sys.executable, "-c", OPEN_SNIPPET.format(folder=str(folder))], check=True,
                             capture_output=True, text=True).stdout
        runs.append(json.loads(out))
    return {"open (key, migrations check, first query)": summary([r["open_ms"] for r in runs]),
            "imports before open": summary([r["import_ms"] for r in runs]),
            "participants": runs[0]["participants"]}


def bench_save(folder) -> dict[str, object]:
    ws = open_workspace(folder)
    with ws.folder.read() as s:
        visits = s.connection().exec_driver_sql("SELECT count(*) FROM visit").scalar_one()
        participant = repository.list_where(s, Participant, ParticipantRow.deleted_at.is_(None))[0]
    new_visit, autosave = [], []
    draft = None
    for i in range(300):
        v = Visit(participant_id=participant.id, starts_at=datetime.now(UTC), summary=f"Benchmark {i} – æøå",
                  topics=("tasks", "wellbeing"), employee_view="Trives godt i jobben.")
        t = time.perf_counter()
        draft = records.save(ws, v)
        new_visit.append((time.perf_counter() - t) * 1000)
    assert draft is not None
    for i in range(300):
        t = time.perf_counter()
        draft = records.save(ws, replace(draft, employee_view=f"Trives godt i jobben. Notat {i}."))
        autosave.append((time.perf_counter() - t) * 1000)
    ws.close()
    return {"visits in folder": visits, "save new visit": summary(new_visit),
            "autosave of a draft (one changed field)": summary(autosave)}


def main() -> None:
    folder = large_folder()
    result = {"machine": machine(), "date": datetime.now(UTC).strftime("%Y-%m-%d"),
              **bench_open(folder), **bench_save(folder)}
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
