"""Erasure: time to erase one participant from a demo folder, and what per-participant keys cost in a sync.

Run: .venv/bin/python benchmarks/bench_erasure.py [--participants 1000]   (builds the demo folder once)
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from common import DATA, machine, use_file_keyring

use_file_keyring()

from fieldapp.domain.erasure import participant_handle  # noqa: E402 - after the import path and environment are set up above
from fieldapp.services import erasure  # noqa: E402 - after the import path and environment are set up above
from fieldapp.services.workspace import open_workspace  # noqa: E402 - after the import path and environment are set up above
from fieldapp.storage import cipher_format  # noqa: E402 - after the import path and environment are set up above
from fieldapp.storage import erasure as store  # noqa: E402 - after the import path and environment are set up above
from fieldapp.storage import participant_keys as keystore  # noqa: E402 - after the import path and environment are set up above
from fieldapp.sync import crypto  # noqa: E402 - after the import path and environment are set up above
from fieldapp.sync.participant_crypto import open_envelopes, seal_envelopes, unwrap_key, wrap_key  # noqa: E402 - after the import path and environment are set up above


def demo_folder(participants: int) -> Path:
    folder = DATA / f"demo-{participants}"  # the same folder benchmarks/common.py makes for 10,000
    if not (folder / "fieldapp.db").exists():
        DATA.mkdir(exist_ok=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "fieldapp", "demo", "--data-dir", str(folder), "--participants",
                        str(participants)], check=True)
        print(f"built {folder.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return folder


def erase_one(source: Path) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="fieldapp-bench-erase-")) / "f"
    shutil.copytree(source, work)
    ws = open_workspace(work, actor="bench")
    try:
        with ws.folder.read() as session:
            pid = session.connection().exec_driver_sql(
                "SELECT participant_id FROM visit GROUP BY participant_id ORDER BY count(*) DESC LIMIT 1").scalar_one()
        (work / "backups").mkdir(exist_ok=True)
        raw = ws.folder.engine.raw_connection()
        cipher_format.copy_into(raw.driver_connection, work / "backups" / "fieldapp-0010-before.db")  # an old backup
        raw.close()
        size = (work / "fieldapp.db").stat().st_size
        k0 = time.perf_counter()
        made = len(keystore.missing_keys(ws.folder))  # first push after the upgrade: a key for everyone
        k1 = time.perf_counter()
        keystore.missing_keys(ws.folder)  # every later push: nothing new
        k2 = time.perf_counter()
        with ws.folder.read() as session:
            visits = session.connection().exec_driver_sql("SELECT id FROM visit LIMIT 100").all()
        batch = [("visit", v[0], f"f{j}", "x", 1) for v in visits for j in range(20)]
        k3 = time.perf_counter()
        keystore.record_owners(ws.folder, batch)  # what sealing a 2,000-change batch looks up
        k4 = time.perf_counter()
        what = erasure.preview(ws, pid)
        tomb = store.Tombstone(participant_handle(pid), pid, store.stamp(), "bench", ws.device_id, "other")
        t0 = time.perf_counter()
        local = store.erase_rows(ws.folder, tomb, event="erased", sent=False)
        t1 = time.perf_counter()
        busy = store.compact(ws.folder)
        t2 = time.perf_counter()
        store.renew_backups(ws.folder, work / "backups")
        t3 = time.perf_counter()
        return {"keys_made": made, "first_keys_s": round(k1 - k0, 2), "steady_keys_s": round(k2 - k1, 3),
                "owners_2000_changes_s": round(k4 - k3, 3), "db_mb": round(size / 2**20), "rows": sum(local.rows.values()), "parts": what.counts,
                "rows_s": round(t1 - t0, 2), "vacuum_checkpoint_s": round(t2 - t1, 2), "checkpoint_busy": busy,
                "backups_s": round(t3 - t2, 2), "total_s": round(t3 - t0, 2)}
    finally:
        ws.close()
        shutil.rmtree(work.parent, ignore_errors=True)


def key_costs(participants: int = 10_000) -> dict[str, object]:
    team_key, team = crypto.new_key(), "t"
    keys = {f"p{i:05d}": secrets.token_bytes(32) for i in range(participants)}
    t0 = time.perf_counter()
    wrapped = {pid: wrap_key(team_key, k, team_id=team, handle=participant_handle(pid), key_id="k") for pid, k in keys.items()}
    t1 = time.perf_counter()
    for pid, w in wrapped.items():
        unwrap_key(team_key, w, team_id=team, handle=participant_handle(pid), key_id="k")
    t2 = time.perf_counter()
    _handles = {participant_handle(pid): k for pid, k in keys.items()}  # what Opener builds at the start of a pull
    t3 = time.perf_counter()
    # A batch of 2,000 field changes over 100 participants, 20 fields each: sealed and opened with and without.
    changes = [("visit", f"v{i}", f"f{j}", "tekst " * 20, 10**15 + i) for i in range(100) for j in range(20)]
    owners = {("visit", f"v{i}"): f"p{i:05d}" for i in range(100)}
    reps = 50
    s0 = time.perf_counter()
    for _ in range(reps):
        crypto.encode_payload(changes, base=0)
    s1 = time.perf_counter()
    for _ in range(reps):
        crypto.encode_payload(seal_envelopes(changes, owners, keys, team_id=team, device_id="d", seq=1), base=0)
    s2 = time.perf_counter()
    sealed = seal_envelopes(changes, owners, keys, team_id=team, device_id="d", seq=1)
    plain_size = len(crypto.encode_payload(changes, base=0))
    sealed_size = len(crypto.encode_payload(sealed, base=0))
    o0 = time.perf_counter()
    for _ in range(reps):
        crypto.decode_payload(crypto.encode_payload(changes, base=0))
    o1 = time.perf_counter()
    for _ in range(reps):
        payload = crypto.decode_payload(crypto.encode_payload(sealed, base=0))
        open_envelopes(payload.changes, keys.get, lambda _p: False, team_id=team, device_id="d", seq=1)
    o2 = time.perf_counter()
    return {"wrap_10k_keys_s": round(t1 - t0, 3), "unwrap_10k_keys_s": round(t2 - t1, 3),
            "handles_10k_s": round(t3 - t2, 3),
            "encode_2000_changes_ms": round((s1 - s0) / reps * 1000, 2),
            "encode_with_envelopes_ms": round((s2 - s1) / reps * 1000, 2),
            "decode_2000_changes_ms": round((o1 - o0) / reps * 1000, 2),
            "decode_with_envelopes_ms": round((o2 - o1) / reps * 1000, 2),
            "payload_bytes": plain_size, "payload_bytes_with_envelopes": sealed_size,
            "wire_bytes_per_key": len(json.dumps({"handle": "0" * 32, "key_id": "0" * 16,
                                                  "wrapped": "x" * 80, "cursor": 123456}))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=1000)
    args = parser.parse_args()
    out: dict[str, object] = {"machine": machine(), "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                              "load": os.getloadavg()[0], "keys": key_costs()}
    out["erase"] = erase_one(demo_folder(args.participants))
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
