"""Upgrade of a folder made before issue 13 (schema 0006) to head: time per revision, memory, sizes, and counts
that show every record and every field's clock was kept.

Run: .venv/bin/python benchmarks/bench_migration.py --folder DIR --keyring FILE [--work DIR] [--keep]
  DIR   a data folder made by `fieldapp demo` with the code at schema 0006 (commit 00ad3d8^)
  FILE  the test keyring file (tests.support.keyring_backend) that holds DIR's key
DIR is copied (`cp -a`) and the copy is opened the way the app opens a folder (backup, migrations, triggers,
VACUUM), in a child process; DIR itself is never written, so the run can be repeated. Then `fieldapp check`
runs on the result. The copy is deleted at the end unless --keep.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from common import ROOT, machine

sys.path.insert(0, str(ROOT))

M = 1_000_000_007  # clocks are summed modulo this prime: a checksum of millions of 48-bit numbers

# The child: open the copy as the app does, timing the backup, each Alembic revision, the triggers and the
# VACUUM by wrapping them (nothing in the app is changed for this).
CHILD = """
import json, resource, sys, time
from pathlib import Path
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
import fieldapp.storage.migrate as m
from fieldapp.storage.datafolder import open_data_folder

marks = []
def on_step(ctx, step, heads, run_args):
    marks.append((step.up_revision_id, time.perf_counter()))
configure = EnvironmentContext.configure
def configure_with_timing(self, *args, **kw):
    kw["on_version_apply"] = on_step
    return configure(self, *args, **kw)
EnvironmentContext.configure = configure_with_timing
run_migrations = MigrationContext.run_migrations
def run_migrations_timed(self, **kw):
    marks.append(("start", time.perf_counter()))
    return run_migrations(self, **kw)
MigrationContext.run_migrations = run_migrations_timed

# Every statement that takes 2 s or more, with the process's memory high-water mark after it.
from sqlalchemy import event
from sqlalchemy.engine import Engine
slow = []
def hwm_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return 0
@event.listens_for(Engine, "before_cursor_execute")
def started(conn, cursor, statement, parameters, context, executemany):
    conn.info["fa_bench_t0"] = time.perf_counter()
@event.listens_for(Engine, "after_cursor_execute")
def finished(conn, cursor, statement, parameters, context, executemany):
    spent = time.perf_counter() - conn.info.pop("fa_bench_t0", time.perf_counter())
    if spent >= 2:
        slow.append({"s": round(spent, 1), "peak_rss_mb_after": hwm_mb(), "sql": " ".join(statement.split())[:160]})

phases = {}
def timed(name, func):
    def wrapper(*args, **kw):
        t0 = time.perf_counter()
        try:
            return func(*args, **kw)
        finally:
            phases[name] = round(time.perf_counter() - t0, 2)
    return wrapper
m._backup = timed("backup copy (sqlcipher_export)", m._backup)
m.install_triggers = timed("install capture triggers", m.install_triggers)
m._reclaim = timed("VACUUM after the upgrade", m._reclaim)

t0 = time.perf_counter()
folder = open_data_folder(Path(sys.argv[1]))
total = time.perf_counter() - t0
steps = {}
for (_, before), (rev, after) in zip(marks, marks[1:]):
    steps[rev] = round(after - before, 2)
migrations = round(marks[-1][1] - marks[0][1], 2) if marks else 0.0
phases["revisions 0007..head (sum)"] = migrations
phases["rest (key, probe, Alembic import, foreign key check, commit, device id)"] = round(total - sum(phases.values()), 2)
print(json.dumps({"from": folder.migration.from_revision, "to": folder.migration.to_revision,
                  "total_s": round(total, 2), "phases_s": phases, "revisions_s": steps,
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  "statements_of_2_s_or_more": slow}))
folder.close()
"""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tables(conn: Connection) -> set[str]:
    return {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(conn: Connection, table: str) -> list[str]:
    return [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({_q(table)})")]


def _synced(conn: Connection) -> list[str]:
    from fieldapp.storage.capture import synced_tables

    present = _tables(conn)
    return [t.name for t in synced_tables() if t.name in present]


def before(conn: Connection) -> dict[str, Any]:
    """What the 0006 folder holds: rows per synced table, the records and fields its change log has clocks
    for, and a checksum of every field's newest clock (the one 0007 must keep)."""
    synced = _synced(conn)
    me = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'device_id'").scalar()
    batched = conn.exec_driver_sql("SELECT coalesce(max(last_change_seq), 0) FROM sync_outbox").scalar_one()
    out: dict[str, Any] = {
        "revision": conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one(),
        "rows": {t: conn.exec_driver_sql(f"SELECT count(*) FROM {_q(t)}").scalar_one() for t in synced},
        "change_log_rows": conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar_one(),
        "sync_outbox_batches": conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one(),
        "unbatched_records_of_this_device": conn.exec_driver_sql(
            "SELECT count(*) FROM (SELECT DISTINCT entity, entity_id FROM change_log WHERE device_id = ?"
            " AND seq > ?)", (me or "", batched)).scalar_one(),
    }
    cols = {t: set(_columns(conn, t)) for t in synced}
    fields: dict[str, list[str]] = {}
    clocks: dict[str, list[int]] = {}  # entity -> [newest field clocks, checksum]
    records: dict[str, int] = {}
    for entity, field, n, recs, s in conn.exec_driver_sql(
            "SELECT entity, field, count(*), count(DISTINCT entity_id), sum(mh % ?) FROM (SELECT entity, entity_id,"
            " field, max(hlc) AS mh FROM change_log GROUP BY entity, entity_id, field) GROUP BY entity, field", (M,)):
        if field not in cols.get(entity, ()):
            continue  # a field this release does not know: 0007 moves it to foreign_change
        fields.setdefault(entity, []).append(field)
        c = clocks.setdefault(entity, [0, 0])
        c[0] += n
        c[1] = (c[1] + s) % M
        records[entity] = max(records.get(entity, 0), recs)
    out["logged_fields"] = {t: sorted(f) for t, f in fields.items()}
    out["records_in_log"] = records
    out["field_clocks"] = {t: c[0] for t, c in clocks.items()}
    out["clock_checksum"] = {t: c[1] for t, c in clocks.items()}
    return out


def after(conn: Connection, old: dict[str, Any]) -> dict[str, Any]:
    """The same, read from the migrated folder's record clocks (a field not in a record's JSON map has the
    record's own clock)."""
    out: dict[str, Any] = {
        "revision": conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one(),
        "rows": {t: conn.exec_driver_sql(f"SELECT count(*) FROM {_q(t)}").scalar_one() for t in old["rows"]},
        "change_log_left": "change_log" in _tables(conn),
        "outbox_records": conn.exec_driver_sql("SELECT count(*) FROM outbox_record").scalar_one(),
        "sync_outbox_batches": conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one(),
        "foreign_changes": conn.exec_driver_sql("SELECT count(*) FROM foreign_change").scalar_one(),
    }
    out["clock_rows"] = {t: conn.exec_driver_sql(
        "SELECT count(*) FROM record_clock WHERE entity = ?", (t,)).scalar_one() for t in old["rows"]}
    out["records_without_clock"] = {t: conn.exec_driver_sql(
        f"SELECT count(*) FROM {_q(t)} x WHERE NOT EXISTS (SELECT 1 FROM record_clock c WHERE c.entity = ?"
        " AND c.entity_id = x.id)", (t,)).scalar_one() for t in old["rows"]}
    out["clocks_without_record"] = conn.exec_driver_sql(
        "SELECT count(*) FROM record_clock c WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE name = c.entity)"
    ).scalar_one() + sum(conn.exec_driver_sql(
        f"SELECT count(*) FROM record_clock c WHERE c.entity = ? AND NOT EXISTS (SELECT 1 FROM {_q(t)} x"
        " WHERE x.id = c.entity_id)", (t,)).scalar_one() for t in old["rows"])
    field_clocks, checksum = {}, {}
    for t, names in old["logged_fields"].items():
        listed = ", ".join("'" + n.replace("'", "''") + "'" for n in names)
        in_map = f"FROM json_each(c.fields) j WHERE j.key IN ({listed})"
        n, s = conn.exec_driver_sql(
            f"SELECT count(*) * ?, coalesce(sum((? - (SELECT count(*) {in_map})) * (c.hlc % ?)"
            f" + coalesce((SELECT sum(json_extract(j.value, '$[0]') % ?) {in_map}), 0)), 0)"
            " FROM record_clock c WHERE c.entity = ?", (len(names), len(names), M, M, t)).one()
        field_clocks[t], checksum[t] = n, s % M
    out["field_clocks"] = field_clocks
    out["clock_checksum"] = checksum
    return out


def _read(folder: Path, func: Any, *args: Any) -> dict[str, Any]:
    from fieldapp import paths
    from fieldapp.storage import keystore
    from fieldapp.storage.datafolder import read_folder_id
    from fieldapp.storage.engine import make_engine

    key = keystore.load_key(read_folder_id(paths.folder_id_file(folder)))
    assert key is not None, "the keyring file does not hold this folder's key"
    engine = make_engine(paths.database_file(folder), key)
    try:
        with engine.connect() as conn, conn.begin():
            conn.exec_driver_sql("PRAGMA temp_store = FILE")  # the GROUP BY over the change log sorts on disk
            result: dict[str, Any] = func(conn, *args)
            return result
    finally:
        engine.dispose()


def _size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return round(sum(p.stat().st_size for p in files) / 1e6, 1)


def _db_size(folder: Path) -> dict[str, float]:
    db = folder / "fieldapp.db"
    return {p.name: _size_mb(p) for p in (db, db.with_name(db.name + "-wal")) if p.exists()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--keyring", type=Path)
    parser.add_argument("--work", type=Path, help="where the copy goes (default: beside --folder)")
    parser.add_argument("--keep", action="store_true", help="keep the migrated copy")
    args = parser.parse_args()
    if args.folder is None or args.keyring is None:  # run_all.py runs every benchmark without arguments
        print("bench_migration: skipped, it needs --folder and --keyring (a folder made at schema 0006)")
        return
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_backend.TestKeyring"
    os.environ["FIELDAPP_TEST_KEYRING_FILE"] = str(args.keyring.resolve())
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    work = (args.work or args.folder.resolve().parent) / f"migrated-{stamp}"
    report: dict[str, Any] = {"machine": machine(), "started": stamp, "load_average": os.getloadavg()}

    t0 = time.perf_counter()
    subprocess.run(["cp", "-a", str(args.folder), str(work)], check=True)
    report["copy_s"] = round(time.perf_counter() - t0, 1)
    report["size_before_mb"] = _db_size(work)
    t0 = time.perf_counter()
    old = _read(work, before)
    report["count_before_s"] = round(time.perf_counter() - t0, 1)
    print(json.dumps({"before": old}, indent=1), flush=True)

    report["load_average_at_upgrade"] = os.getloadavg()
    child = subprocess.run([sys.executable, "-c", CHILD, str(work)], capture_output=True, text=True)
    if child.returncode != 0:
        sys.exit(f"the upgrade failed:\n{child.stderr[-4000:]}")
    report["upgrade"] = json.loads(child.stdout.strip().splitlines()[-1])
    report["size_after_mb"] = _db_size(work)
    report["backups_mb"] = _size_mb(work / "backups") if (work / "backups").exists() else 0.0

    t0 = time.perf_counter()
    new = _read(work, after, old)
    report["count_after_s"] = round(time.perf_counter() - t0, 1)
    t0 = time.perf_counter()
    check = subprocess.run([sys.executable, "-m", "fieldapp", "check", "--data-dir", str(work)],
                           capture_output=True, text=True, env={**os.environ, "FIELDAPP_LANG": "en"})
    report["fieldapp_check"] = {"exit": check.returncode, "s": round(time.perf_counter() - t0, 1),
                                "output": (check.stdout + check.stderr).strip()[-2000:]}
    report["after"] = new
    report["kept"] = {
        "rows per synced table equal": new["rows"] == old["rows"],
        "every record has a clock row": not any(new["records_without_clock"].values())
                                        and new["clock_rows"] == new["rows"] and not new["clocks_without_record"],
        "every logged record has a clock row": all(new["clock_rows"].get(t, 0) >= n
                                                   for t, n in old["records_in_log"].items()),
        "every field's newest clock (count and checksum)": new["field_clocks"] == old["field_clocks"]
                                                           and new["clock_checksum"] == old["clock_checksum"],
        "unbatched changes in the outbox": new["outbox_records"] == old["unbatched_records_of_this_device"],
        "fieldapp check passes": check.returncode == 0,
    }
    report["load_average_at_end"] = os.getloadavg()
    print(json.dumps(report, indent=1))
    if not args.keep:
        shutil.rmtree(work)
    if not all(report["kept"].values()):
        sys.exit("NOT everything was kept: see 'kept' above")


if __name__ == "__main__":
    main()
