"""Shared benchmark helpers: the large data folder, machine facts, percentiles."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / ".benchmarks-data"


def use_file_keyring() -> None:
    """Benchmarks run headless: keep the database keys in a file-backed test keyring (never for real data)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.TestKeyring")
    os.environ.setdefault("FIELDAPP_TEST_KEYRING_FILE", str(DATA / "keyring.json"))
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)


def large_folder(participants: int = 10_000, visits_per_participant: int = 11) -> Path:
    """A data folder with `participants` demo participants (about 10 visits each, so about 100,000 visits), made once and reused."""
    folder = DATA / f"demo-{participants}"
    if not (folder / "fieldapp.db").exists():
        DATA.mkdir(exist_ok=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "fieldapp", "demo", "--data-dir", str(folder), "--participants",
                        str(participants), "--visits-per-participant", str(visits_per_participant)], check=True)
        print(f"built {folder.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return folder


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.node()}: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def summary(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 2),
        "max_ms": round(ordered[-1], 2),
        "n": len(ordered),
    }
