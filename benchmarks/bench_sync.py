"""Sync benchmark on loopback: push 10,000 changes, pull them into a fresh device, one changed field from
one device to another, a sync with nothing to do (client and server time), and what signing and checking
a batch's signature costs on its own (a full batch of 2,000 changes, and a one-change batch).

Run: .venv/bin/python benchmarks/bench_sync.py [--catch-up N]   (--catch-up also measures the memory of
a fresh device catching up on a server holding N changes, in a child process; N=1000000 takes minutes)
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
from dataclasses import replace
from pathlib import Path

from common import ROOT, machine, summary

TMP = Path(tempfile.mkdtemp(prefix="fieldapp-bench-sync-"))
os.environ.setdefault("FIELDAPP_TEST_KEYRING_FILE", str(TMP / "keyring.json"))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.TestKeyring")
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)

from fieldapp.domain.records import Participant  # noqa: E402 - after the import path and environment are set up above
from fieldapp.server import store  # noqa: E402 - after the import path and environment are set up above
from fieldapp.server.db import make_engine  # noqa: E402 - after the import path and environment are set up above
from fieldapp.services import records  # noqa: E402 - after the import path and environment are set up above
from fieldapp.services.workspace import open_workspace  # noqa: E402 - after the import path and environment are set up above
from fieldapp.sync.engine import SyncClient  # noqa: E402 - after the import path and environment are set up above
from tests.support.sync_server import ServerProcess  # noqa: E402 - after the import path and environment are set up above


def start_server(data_dir: Path) -> tuple[str, object, ServerProcess]:
    """The server in its own process, as in production (sharing a GIL with the devices would distort it)."""
    server = ServerProcess(data_dir).start()
    return server.url, make_engine(f"sqlite:///{data_dir / 'server.db'}"), server


def server_ms(client: SyncClient) -> float:
    return client._kept[1].server_ms if client._kept else 0.0  # noqa: SLF001 - benchmark instrumentation


def device(name: str) -> tuple[object, SyncClient]:
    ws = open_workspace(TMP / name, actor=name)
    return ws, SyncClient(ws.folder)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--catch-up", type=int, default=0)
    args = parser.parse_args()
    url, engine, server = start_server(TMP / "server")
    team = store.create_team(engine, "Bench")
    code = lambda: store.enrollment_code(engine, team, ttl_s=600)[0]  # noqa: E731 - a one-line helper kept beside its only use
    ws_a, a = device("a")
    ws_b, b = device("b")
    a.enroll(url, code(), name="a")
    fp = b.enroll(url, code(), name="b").fingerprint
    a.approve(ws_b.device_id, fp)
    a.sync()
    b.sync()

    # 500 participants x 20 fields = 10,000 changes
    people = records.save_all(ws_a, [Participant(first_name=f"Fornavn{i}", last_name="Ødegård",
                                                 phone="912 34 567", notes=f"Notat {i} " + "æøå " * 100)
                                     for i in range(500)])
    with ws_a.folder.read() as s:
        changes = s.connection().exec_driver_sql(  # fields x records: the device keeps one clock per field
            "SELECT count(*) FROM participant").scalar_one() * 20
    t0 = time.perf_counter()
    push = a.sync()
    push_s = time.perf_counter() - t0
    assert push.ok and push.pushed_changes >= 10_000, push
    t0 = time.perf_counter()
    pull = b.sync()
    pull_s = time.perf_counter() - t0
    assert pull.ok and pull.applied_changes == push.pushed_changes, pull

    # One changed field from a to b, one sync round each
    rounds, syncs_only = [], []
    for i in range(60):
        p = people[i]
        t0 = time.perf_counter()
        records.save(ws_a, replace(p, notes=f"endret {i}"))
        t1 = time.perf_counter()
        assert a.sync().ok
        r = b.sync()
        t2 = time.perf_counter()
        rounds.append((t2 - t0) * 1000)
        syncs_only.append((t2 - t1) * 1000)
        assert r.ok and r.applied_changes >= 1
        people[i] = records.get(ws_a, Participant, p.id)

    # A sync with nothing to do
    empty_client, empty_server = [], []
    for _ in range(50):
        before = server_ms(a)
        t0 = time.perf_counter()
        assert a.sync().ok
        empty_client.append((time.perf_counter() - t0) * 1000)
        empty_server.append(server_ms(a) - before)

    result: dict[str, object] = {
        "machine": machine(),
        "push 10,000 changes (one sync run, s)": round(push_s, 3),
        "changes pushed": push.pushed_changes, "batches": push.pushed_batches, "changes (fields x records)": changes,
        "pull them into a fresh device (one sync run, s)": round(pull_s, 3),
        "one changed field, edit + sync on A + sync on B (ms)": summary(rounds),
        "one changed field, sync on A + sync on B only (ms)": summary(syncs_only),
        "sync with nothing to do, server time (ms)": summary(empty_server),
        "sync with nothing to do, client time (ms)": summary(empty_client),
    }
    result.update(signing_cost())
    if args.catch_up:
        result["catch-up"] = catch_up(args.catch_up, url, engine, team, ws_a, a)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    server.stop()
    shutil.rmtree(TMP, ignore_errors=True)


def signing_cost() -> dict[str, object]:
    """Sealing (encrypt + Ed25519 signature) against encrypting alone, and checking a signature, per batch."""
    import uuid

    from fieldapp.sync import crypto, identity

    key, signer = crypto.new_key(), identity.new_identity()
    public = identity.identity_public(signer)
    ctx = dict(team_id=str(uuid.uuid4()), device_id=str(uuid.uuid4()), seq=7, key_id="ab" * 8)
    out: dict[str, object] = {}
    for label, count in (("2,000-change batch", 2000), ("1-change batch", 1)):
        plain = crypto.encode_payload([("participant", str(uuid.uuid4()), "notes", "Notat " + "æøå " * 50, i)
                                       for i in range(count)], base=0)
        encrypt, seal, check = [], [], []
        for _ in range(200):
            t0 = time.perf_counter()
            crypto.encrypt_batch(key, plain, **ctx)
            t1 = time.perf_counter()
            blob = crypto.seal_batch(key, signer, plain, **ctx)
            t2 = time.perf_counter()
            assert crypto.batch_signature_ok(public, blob, **ctx)
            t3 = time.perf_counter()
            encrypt.append((t1 - t0) * 1000)
            seal.append((t2 - t1) * 1000)
            check.append((t3 - t2) * 1000)
        out[f"{label} ({len(plain):,} bytes compressed): encrypt only (ms)"] = summary(encrypt)
        out[f"{label}: encrypt and sign (ms)"] = summary(seal)
        out[f"{label}: check the signature (ms)"] = summary(check)
    return out


CHILD = """
import json, resource, sys, time
from pathlib import Path
from fieldapp.services.workspace import open_workspace
from fieldapp.sync.engine import SyncClient
ws = open_workspace(Path(sys.argv[1]), actor="late")
client = SyncClient(ws.folder, timeout=120)
t0 = time.perf_counter()
report = client.sync()
print(json.dumps({"state": report.state, "changes": report.applied_changes, "seconds": time.perf_counter() - t0,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "error": report.error and report.error.text("en")}))
"""


def catch_up(n: int, url: str, engine, team: str, ws_a, a: SyncClient) -> dict[str, object]:
    """Device a pushes n changes (in rounds of 100,000, so a's own memory stays bounded); a fresh device,
    approved, then catches up in a child process whose peak RSS is measured."""
    made = 0
    while made < n:
        count = min(5000, (n - made) // 20 + 1)
        records.save_all(ws_a, [Participant(first_name=f"F{made + i}", last_name="Catchup", notes="x" * 60)
                                for i in range(count)])
        made += count * 20
        if made % 100_000 < count * 20:
            assert a.sync().ok
    assert a.sync().ok
    ws_late, late = device("late")
    fp = late.enroll(url, store.enrollment_code(engine, team, ttl_s=600)[0], name="late").fingerprint
    a.approve(ws_late.device_id, fp)
    ws_late.close()
    out = subprocess.run([sys.executable, "-c", CHILD, str(TMP / "late")], capture_output=True, text=True, check=True)
    return {"changes on server": made, **json.loads(out.stdout.strip().splitlines()[-1])}


if __name__ == "__main__":
    main()
