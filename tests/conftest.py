"""Root test configuration: a test keyring and offscreen Qt, set before anything imports keyring or Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Must happen before keyring is first imported anywhere (keyring reads it when it picks a backend).
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_backend.TestKeyring"
os.environ["QT_QPA_PLATFORM"] = "offscreen"

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))
# Child processes (crash tests, CLI runs) must be able to import tests.support too.
_pythonpath = os.environ.get("PYTHONPATH", "")
if str(REPO_ROOT) not in _pythonpath.split(os.pathsep):
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), _pythonpath) if p)

from collections.abc import Iterator  # noqa: E402 - after the import path and environment are set up above

import pytest  # noqa: E402 - after the import path and environment are set up above

from tests.support import keyring_backend  # noqa: E402 - after the import path and environment are set up above


@pytest.fixture(autouse=True)
def _fresh_memory_keyring() -> Iterator[None]:
    """Every test starts with an empty in-memory keyring, and a test that swaps the backend gets it restored."""
    import keyring

    keyring_backend._MEMORY.clear()
    backend = keyring.get_keyring()
    yield
    keyring.set_keyring(backend)
    keyring_backend._MEMORY.clear()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def workspace(data_dir: Path):
    from fieldapp.services.workspace import open_workspace

    ws = open_workspace(data_dir)
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the test keyring in a JSON file, so child processes see the same keys."""
    path = tmp_path / "test-keyring.json"
    monkeypatch.setenv("FIELDAPP_TEST_KEYRING_FILE", str(path))
    return path


@pytest.fixture(scope="session")
def pg_cluster():
    """A private PostgreSQL cluster for the whole test session (fails instead of skipping when CI=true)."""
    from tests.support.pg import Cluster

    cluster = Cluster()
    try:
        yield cluster
    finally:
        cluster.stop()
