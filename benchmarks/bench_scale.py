"""A large team's folder: its size, saving a visit in it, pushing its whole history, and a fresh device
catching up on that history (time and peak memory, in a child process).

Run: .venv/bin/python benchmarks/bench_scale.py --folder DIR   (a folder made by `fieldapp demo`)
     [--profile FILE]   (cProfile of the catch-up; its time then includes the profiler's cost)
     [--keep DIR]   (keep the pushed server and the pushing folder in DIR; a later run with the same DIR skips
                     the saves and the push and times only a new fresh device's catch-up)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import ROOT, machine, summary

TMP = Path(tempfile.mkdtemp(prefix="fieldapp-bench-scale-"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.TestKeyring")
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)

from fieldapp.domain.visit_records import Visit  # noqa: E402 - after the import path and environment are set up above
from fieldapp.server import store  # noqa: E402 - after the import path and environment are set up above
from fieldapp.server.db import make_engine  # noqa: E402 - after the import path and environment are set up above
from fieldapp.services import records  # noqa: E402 - after the import path and environment are set up above
from fieldapp.services.workspace import open_workspace  # noqa: E402 - after the import path and environment are set up above
from fieldapp.sync.engine import SyncClient  # noqa: E402 - after the import path and environment are set up above
from tests.support.sync_server import ServerProcess  # noqa: E402 - after the import path and environment are set up above

CHILD = """
import json, resource, sys, time
from pathlib import Path
from fieldapp.services.workspace import open_workspace
from fieldapp.sync.engine import SyncClient
ws = open_workspace(Path(sys.argv[1]), actor="late")
client = SyncClient(ws.folder, timeout=300)
t0 = time.perf_counter()
if len(sys.argv) > 2:  # --profile: where the catch-up's time goes (its seconds then include the profiler's cost)
    import cProfile
    with cProfile.Profile() as prof:
        report = client.sync()
    prof.dump_stats(sys.argv[2])
else:
    report = client.sync()
seconds = round(time.perf_counter() - t0, 1)
usage = resource.getrusage(resource.RUSAGE_SELF)
peak = round(usage.ru_maxrss / 1024)
io = Path("/proc/self/io")  # Linux: what the catch-up wrote (database, WAL, checkpoints)
written = io.exists() and int(dict(l.split(": ") for l in io.read_text().splitlines())["write_bytes"]) >> 20
from fieldapp.services.search import INDEX_STEP, index_visits
t0 = time.perf_counter()
indexed = index_visits(ws, step=INDEX_STEP)  # what the app does right after a pull (services.sync.Syncer.run)
print(json.dumps({"state": report.state, "changes": report.applied_changes, "seconds": seconds,
                  "cpu user + system (s)": [round(usage.ru_utime, 1), round(usage.ru_stime, 1)],
                  "written (MiB)": written, "peak_rss_mb": peak, "index the visit texts after it (s)": round(time.perf_counter() - t0, 1),
                  "visits indexed": indexed,
                  "peak_rss_mb with the indexing": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  "quarantined": report.quarantined, "reasons": sorted(set(report.quarantine_reasons))[:3],
                  "error": report.error and report.error.text("en")}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--saves", type=int, default=50)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the fresh device's catch-up here")
    parser.add_argument("--keep", type=Path, help="keep (or reuse) the pushed server and pushing folder here")
    args = parser.parse_args()
    result: dict[str, object] = {"machine": machine(), "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                                 "load average": os.getloadavg()}
    if args.keep and (args.keep / "pushed").exists():
        result.update(catch_up(args.keep, args.profile))
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return
    base = args.keep or TMP
    folder = base / "a"
    shutil.copytree(args.folder, folder)  # the demo folder stays as it was
    t0 = time.perf_counter()
    ws = open_workspace(folder, actor="a")
    result["open (s)"] = round(time.perf_counter() - t0, 2)
    result["database file (MB)"] = round((folder / "fieldapp.db").stat().st_size / 1e6, 1)
    with ws.folder.read() as s:
        conn = s.connection()
        result["participants"] = conn.exec_driver_sql("SELECT count(*) FROM participant").scalar_one()
        result["visits"] = conn.exec_driver_sql("SELECT count(*) FROM visit").scalar_one()
        result["records"] = conn.exec_driver_sql("SELECT count(*) FROM record_clock").scalar_one()
        pid = conn.exec_driver_sql("SELECT id FROM participant LIMIT 1").scalar_one()
    times = []
    start = datetime(2026, 12, 1, 9, tzinfo=UTC)
    for i in range(args.saves):
        visit = Visit(participant_id=pid, starts_at=start + timedelta(hours=i), summary=f"Oppfølging {i}: æøå",
                      employee_view="Trives godt med arbeidsoppgavene på lageret.")
        t0 = time.perf_counter()
        records.save(ws, visit)
        times.append((time.perf_counter() - t0) * 1000)
    result["save a visit (ms)"] = summary(times)
    server = ServerProcess(base / "server").start()
    try:
        engine = make_engine(f"sqlite:///{base / 'server' / 'server.db'}")
        team = store.create_team(engine, "Scale")
        a = SyncClient(ws.folder, timeout=300)
        a.enroll(server.url, store.enrollment_code(engine, team, ttl_s=3600)[0], name="a")
        t0 = time.perf_counter()
        push = a.sync()
        result["push the whole history (s)"] = round(time.perf_counter() - t0, 1)
        result["changes pushed"] = push.pushed_changes
        assert push.ok, push.error
        ws.close()
        engine.dispose()
    finally:
        server.stop()
    # The devices keep the server's address: a later run starts it again on the same port.
    (base / "pushed").write_text(json.dumps({"team": team, "port": server.port}))
    try:
        result.update(catch_up(base, args.profile))
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    print(json.dumps(result, indent=2, ensure_ascii=False))


def catch_up(base: Path, profile: Path | None) -> dict[str, object]:
    """A new device enrolled in the team pushed to under `base`, approved by `a`, catching up in a child process."""
    pushed = json.loads((base / "pushed").read_text())
    team = pushed["team"]
    late = base / "late"
    shutil.rmtree(late, ignore_errors=True)
    result: dict[str, object] = {}
    server = ServerProcess(base / "server", port=pushed["port"]).start()
    try:
        engine = make_engine(f"sqlite:///{base / 'server' / 'server.db'}")
        ws = open_workspace(base / "a", actor="a")
        late_ws = open_workspace(late, actor="late")
        fp = SyncClient(late_ws.folder).enroll(server.url, store.enrollment_code(engine, team, ttl_s=3600)[0],
                                               name=f"late-{late_ws.device_id[:8]}").fingerprint
        SyncClient(ws.folder, timeout=300).approve(late_ws.device_id, fp)
        late_ws.close()
        ws.close()
        engine.dispose()
        out = subprocess.run([sys.executable, "-c", CHILD, str(late), *([str(profile)] if profile else [])],
                             capture_output=True, text=True, check=True, env=os.environ)
        result["fresh device catch-up"] = json.loads(out.stdout.strip().splitlines()[-1])
        result["fresh device database file (MB)"] = round((late / "fieldapp.db").stat().st_size / 1e6, 1)
    finally:
        server.stop()
        shutil.rmtree(late, ignore_errors=True)
    return result


if __name__ == "__main__":
    main()
