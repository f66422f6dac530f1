"""The same work as the PouchDB peer benchmark: 10,000 follow-up visits of about 1 KB of Norwegian text each, for
500 participants; store them on one device, push them to a server on loopback, pull them into a fresh device.

Run: .venv/bin/python benchmarks/bench_same_work.py [--pouchdb /tmp/pouchdb-bench] [--runs N] [--each N]
    [--visits N] [--without-envelopes] [--profile PROFILE]
--without-envelopes sends every change under the team key only (no participant has an envelope), to measure
what the per-participant keys of erasure (issue 14) cost. With --pouchdb, the PouchDB peer
(../shared/bench/pouchdb, copied there) runs right after, in the same run, and both are printed side by side with their ratios:
by default three rounds (`--runs`), each three Fieldapp runs (`--each`) and then one run of the peer script
(`RUNS=3`), so that each pair runs in the same minute on a machine whose speed drifts. A round's times of each side
are the medians of its runs (the peer script takes the median of its own, the first of which is always its
slowest). The medians of each side over the rounds are compared, and each round's ratios are listed beside them.
"""

from __future__ import annotations

import argparse
import cProfile
import glob
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from common import ROOT, machine

TMP = Path(tempfile.mkdtemp(prefix="fieldapp-bench-same-"))
os.environ.setdefault("FIELDAPP_TEST_KEYRING_FILE", str(TMP / "keyring.json"))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.TestKeyring")
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)

from fieldapp.domain.records import Participant  # noqa: E402 - after the import path and environment are set up above
from fieldapp.domain.visit_records import Visit  # noqa: E402 - after the import path and environment are set up above
from fieldapp.server import store  # noqa: E402 - after the import path and environment are set up above
from fieldapp.server.db import make_engine  # noqa: E402 - after the import path and environment are set up above
from fieldapp.services import records, search  # noqa: E402 - after the import path and environment are set up above
from fieldapp.services.workspace import Workspace, open_workspace  # noqa: E402 - after the import path and environment are set up above
from fieldapp.sync.engine import SyncClient  # noqa: E402 - after the import path and environment are set up above
from tests.support.sync_server import ServerProcess  # noqa: E402 - after the import path and environment are set up above

# The sentences of the PouchDB documents (docs.js), so both store the same kind of text.
SENTENCES = [
    "Arbeidstakerne opplever høyt tidspress i perioder med mange bestillinger.",
    "Verneombudet bekreftet at risikovurderingen ble gjennomgått i vår.",
    "Det ble observert mangelfull merking av kjemikalier på lageret.",
    "Støynivået i produksjonshallen overstiger tiltaksverdien på 80 dB.",
    "Ventilasjonsanlegget har ikke vært service-kontrollert siden 2021.",
    "Ledelsen har utarbeidet en handlingsplan for sykefraværsoppfølging.",
    "Førstehjelpsutstyret var tilgjengelig og kontrollert innen fristen.",
    "Ansatte ønsker bedre opplæring i bruk av personlig verneutstyr.",
    "Tunge løft forekommer daglig ved mottak av varer på rampen.",
    "Bedriftshelsetjenesten følger opp to ansatte med belastningsplager.",
    "Rutiner for avviksmelding er kjent, men brukes i liten grad.",
    "Det er behov for å oppdatere stoffkartoteket før årsskiftet.",
]
TEXT_FIELDS = ("place", "summary", "employee_view", "employer_view", "works_well", "challenges", "internal_notes")


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(n))


def make_visits(people: list[Participant], count: int) -> list[Visit]:
    """About 1 KB of text per visit over its text fields (the PouchDB documents carry about as much)."""
    rng = random.Random(2026)
    start = datetime(2025, 1, 6, 8, tzinfo=UTC)
    return [Visit(participant_id=people[i % len(people)].id, starts_at=start + timedelta(hours=i),
                  place=f"Storgata {1 + rng.randrange(200)}, {1000 + rng.randrange(8999)} Ørsta",
                  summary=_text(rng, 2), employee_view=_text(rng, 3), employer_view=_text(rng, 3),
                  works_well=_text(rng, 2), challenges=_text(rng, 2), internal_notes=_text(rng, 1))
            for i in range(count)]


def text_bytes(visits: list[Visit]) -> int:
    return sum(len((getattr(v, f) or "").encode()) for v in visits for f in TEXT_FIELDS)


def checkpoint(ws: Workspace) -> float:
    """Write the WAL back into the database file; returns the seconds it took. Every timed step ends with one, so
    no step's writes are left in the WAL for later (a catch-up's transactions checkpoint only every 16,000 pages,
    and the app pays what is left on its next write)."""
    t0 = time.perf_counter()
    raw = ws.folder.engine.raw_connection()  # outside a transaction: a checkpoint cannot run inside one
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        raw.close()
    return time.perf_counter() - t0


def db_bytes(ws: Workspace) -> int:
    """The database file after a checkpoint (what stays on disk)."""
    checkpoint(ws)
    path = ws.path / "fieldapp.db"
    wal = Path(str(path) + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def _timed(run: Callable[[], Any], name: str, profile: Path | None) -> Any:
    """run(), under cProfile when asked (its stats to PROFILE[-roundI-runJ]-push / -pull; the times, and with
    --pouchdb the ratios, then include the profiler's cost)."""
    if profile is None:
        return run()
    profiler = cProfile.Profile()
    try:
        return profiler.runcall(run)
    finally:
        profiler.dump_stats(f"{profile}-{name}")


def _cpu(server: ServerProcess) -> tuple[float, float]:
    """(CPU seconds of this process, of the server's): on a shared machine, steadier than the wall clock."""
    assert server.proc is not None
    fields = Path(f"/proc/{server.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return time.process_time(), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _since(start: tuple[float, float], server: ServerProcess) -> str:
    now = _cpu(server)
    return f"{now[0] - start[0]:.2f} + {now[1] - start[1]:.2f}"


def fieldapp_run(n_visits: int, n_people: int, profile: Path | None = None, base: Path = TMP) -> dict[str, object]:
    server = ServerProcess(base / "server").start()  # its own process, as in production
    try:
        engine = make_engine(f"sqlite:///{base / 'server' / 'server.db'}")
        team = store.create_team(engine, "Bench")
        ws_a, ws_b = open_workspace(base / "a", actor="a"), open_workspace(base / "b", actor="b")
        a, b = SyncClient(ws_a.folder), SyncClient(ws_b.folder)
        a.enroll(server.url, store.enrollment_code(engine, team, ttl_s=600)[0], name="a")
        fp = b.enroll(server.url, store.enrollment_code(engine, team, ttl_s=600)[0], name="b").fingerprint
        a.approve(ws_b.device_id, fp)
        people = records.save_all(ws_a, [Participant(first_name=f"Fornavn{i}", last_name="Ødegård")
                                         for i in range(n_people)])
        assert a.sync().ok and b.sync().ok  # the participants are on both: what is timed is the visits
        visits = make_visits(people, n_visits)
        t0 = time.perf_counter()
        records.save_all(ws_a, visits)
        store_ckpt_s = checkpoint(ws_a)
        store_s = time.perf_counter() - t0
        cpu = _cpu(server)
        t0 = time.perf_counter()
        push = _timed(a.sync, "push", profile)
        push_ckpt_s = checkpoint(ws_a)
        push_s = time.perf_counter() - t0
        push_cpu, cpu = _since(cpu, server), _cpu(server)
        assert push.ok, push.error
        t0 = time.perf_counter()
        pull = _timed(b.sync, "pull", profile)
        pull_ckpt_s = checkpoint(ws_b)
        pull_s = time.perf_counter() - t0
        pull_cpu = _since(cpu, server)
        assert pull.ok and pull.applied_changes == push.pushed_changes, pull
        with ws_b.folder.read() as s:
            assert s.connection().exec_driver_sql("SELECT count(*) FROM visit").scalar_one() == n_visits
        size_pulled = db_bytes(ws_b)
        # What the app does right after a pull (services.sync.Syncer.run) and before any search: index the texts.
        t0 = time.perf_counter()
        assert search.index_visits(ws_b, step=search.INDEX_STEP) == n_visits
        index_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        found = search.search(ws_a, "kjemikalier lageret")  # the storing device's first search indexes its visits
        search_a_s = time.perf_counter() - t0
        assert found.visits
        t0 = time.perf_counter()
        search.search(ws_b, "tiltaksverdien")
        search_b_s = time.perf_counter() - t0
        text = text_bytes(visits)
        size_b = db_bytes(ws_b)
        result = {
            "visits": n_visits, "participants": n_people,
            "text of the visits (bytes)": text,
            "local store of the visits (s)": round(store_s, 3),
            "push (s)": round(push_s, 3), "pushed changes": push.pushed_changes, "pushed batches": push.pushed_batches,
            "pull into a fresh device (s)": round(pull_s, 3),
            "of which the WAL checkpoint at the end of each step: store, push, pull (s)":
                f"{store_ckpt_s:.3f}, {push_ckpt_s:.3f}, {pull_ckpt_s:.3f}",
            "CPU of the push, device + server (s)": push_cpu,
            "CPU of the pull, device + server (s)": pull_cpu,
            "index the pulled texts for search, after the pull (s)": round(index_s, 3),
            "first search on the storing device, indexing its new visits (s)": round(search_a_s, 3),
            "a search on the fresh device, index up to date (s)": round(search_b_s, 3),
            "device database, fresh device right after the pull (bytes)": size_pulled,
            "device database, storing device (bytes)": db_bytes(ws_a),
            "device database, fresh device after pull and indexing (bytes)": size_b,
            "bytes per visit on the device": round(size_b / n_visits),
            "device database / text": round(size_b / text, 2),
        }
        ws_a.close()
        ws_b.close()
        engine.dispose()
        return result
    finally:
        server.stop()


PEER_RUNS = 3  # the peer script's runs in a round (never 1: its first run is always its slowest)


def pouchdb_run(folder: Path, runs: int = PEER_RUNS) -> dict[str, object]:
    """The peer benchmark, as its README says (npm ci on first use), 10,000 documents x `runs` runs (their
    medians)."""
    env = {**os.environ, "SKIP_50K": "1", "RUNS": str(runs)}
    out = subprocess.run(["bash", "run.sh"], cwd=folder, env=env, capture_output=True, text=True, check=True)
    latest = max(glob.glob(str(folder / "results" / "n10000_*.json")), key=os.path.getmtime)
    s = json.loads(Path(latest).read_text())["summary"]
    pull_dbs = [p for p in (folder / "data").glob("pull_*") if p.is_dir()]
    size = max((sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) for p in pull_dbs), default=None)
    return {"local insert (s)": round(s["localInsert"]["median"] / 1000, 3),
            "push (s)": round(s["push"]["median"] / 1000, 3), "pull (s)": round(s["pull"]["median"] / 1000, 3),
            "fresh device database (bytes)": size, "output": out.stdout.strip().splitlines()[-12:]}


# The figures of a run that are times: a round's are the medians of its runs, the summary's the medians of the rounds'.
TIMES = ("local store of the visits (s)", "push (s)", "pull into a fresh device (s)")
PEER_TIMES = ("local insert (s)", "push (s)", "pull (s)")
PAIRS = {"local store": ("local insert (s)", "local store of the visits (s)"),
         "push": ("push (s)", "push (s)"), "pull": ("pull (s)", "pull into a fresh device (s)")}


def medians(done: list[dict[str, object]], times: tuple[str, ...], of: str = "round") -> dict[str, object]:
    """The first `of`'s figures (a run's, or a round's), its times replaced by the medians of all of them, and
    the times of each listed (a round's with its runs'). Figures other than the times (CPU, checkpoints, sizes)
    are the first run's of the first round."""
    if len(done) == 1:
        return done[0]
    first = {k: v for k, v in done[0].items() if k not in ("each run", "figures other than the times")}
    result = {"figures other than the times": "the first run's (of the first round)", **first}
    for key in times:
        result[key] = round(statistics.median(float(str(r[key])) for r in done), 4)
    shown = (*times, "CPU of the push, device + server (s)", "CPU of the pull, device + server (s)", "each run")
    result[f"each {of}"] = [{k: r[k] for k in shown if k in r} for r in done]
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=10_000)
    parser.add_argument("--participants", type=int, default=500)
    parser.add_argument("--pouchdb", type=Path, help="a copy of ../shared/bench/pouchdb to run in the same run")
    parser.add_argument("--runs", type=int, help="rounds (default: 3 with --pouchdb, else 1); with --pouchdb each "
                        "round is --each Fieldapp runs, then the peer's 3 runs, in the same minute")
    parser.add_argument("--each", type=int, help="Fieldapp runs in a round, their median its figure (default: 3 with "
                        "--pouchdb, as many as the peer's, else 1)")
    parser.add_argument("--without-envelopes", action="store_true",
                        help="no participant envelopes (the cost of issue 14's per-participant keys)")
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the push and the pull to PROFILE-push/-pull "
                        "(PROFILE-roundI-runJ-push/-pull with several runs)")
    args = parser.parse_args()
    runs = args.runs if args.runs is not None else (3 if args.pouchdb else 1)
    each = args.each if args.each is not None else (PEER_RUNS if args.pouchdb else 1)
    if runs < 1 or each < 1:
        parser.error("--runs and --each must be at least 1")
    if args.without_envelopes:
        from fieldapp.sync import participant_sync
        from fieldapp.domain.record_changes import field_changes
        participant_sync.seal_records = lambda records, *_a, **_k: field_changes(records)  # no envelope: all plain
    result: dict[str, object] = {"machine": machine(), "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                                 "participant envelopes": not args.without_envelopes, "rounds": runs,
                                 "Fieldapp runs in a round": each}
    if args.pouchdb:
        result["peer runs in a round"] = PEER_RUNS
    ours: list[dict[str, object]] = []
    theirs: list[dict[str, object]] = []
    try:
        for i in range(runs):
            done: list[dict[str, object]] = []
            for j in range(each):
                base = TMP / f"run{i}-{j}"
                try:
                    profile = (args.profile if args.profile is None or runs * each == 1
                               else Path(f"{args.profile}-round{i + 1}-run{j + 1}"))
                    done.append(fieldapp_run(args.visits, args.participants, profile, base))
                finally:
                    shutil.rmtree(base, ignore_errors=True)
            ours.append(medians(done, TIMES, "run"))  # the round's figure: the median of its runs, as the peer's is
            if args.pouchdb:
                theirs.append(pouchdb_run(args.pouchdb))  # its own figure: the median of its PEER_RUNS runs
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    f = result["fieldapp"] = medians(ours, TIMES)
    if args.pouchdb:
        peer = result["pouchdb"] = medians(theirs, PEER_TIMES)
        result["ratios (PouchDB time / Fieldapp time; > 1 means Fieldapp is faster)"] = {
            name: round(float(str(peer[a])) / float(str(f[b])), 2) for name, (a, b) in PAIRS.items()}
        if runs > 1:
            by_round = {name: [float(str(p[a])) / float(str(o[b])) for o, p in zip(ours, theirs)]
                        for name, (a, b) in PAIRS.items()}
            result["ratios of each round"] = {name: [round(r, 3) for r in rs] for name, rs in by_round.items()}
            # The same minute's figures set against each other first: the other way to sum the rounds up.
            result["median of the rounds' ratios"] = {name: round(statistics.median(rs), 3)
                                                      for name, rs in by_round.items()}
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
