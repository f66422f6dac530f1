"""The server's SQLite data folder and database files are readable by the account that runs it only."""

from __future__ import annotations

from pathlib import Path


from fieldapp.server import store
from fieldapp.server.db import make_engine
from fieldapp.server.migrate import upgrade
from tests.support.file_modes import mode, open_umask  # noqa: F401 - open_umask is a pytest fixture, used by name in the tests' arguments


def _team(data: Path) -> None:
    engine = make_engine(f"sqlite:///{data / 'server.db'}")
    try:
        upgrade(engine)
        store.create_team(engine, "Team Vest")  # a write: the WAL files are there
        files = [p for p in data.iterdir() if p.name.startswith("server.db")]
        assert {p.name for p in files} >= {"server.db", "server.db-wal", "server.db-shm"}
        assert all(mode(p) == 0o600 for p in files), {p.name: oct(mode(p)) for p in files}
    finally:
        engine.dispose()


def test_a_new_data_folder_and_its_database_files_are_owner_only(tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "srv" / "data"
    _team(data)
    assert mode(data) == 0o700


def test_an_operators_folder_is_kept_and_an_older_database_file_is_made_owner_only(
        tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)  # made by the operator (a systemd StateDirectory, say): theirs to decide
    engine = make_engine(f"sqlite:///{data / 'server.db'}")
    upgrade(engine)
    engine.dispose()
    for p in data.iterdir():
        p.chmod(0o644)  # as an older version left them under a umask of 022
    _team(data)
    assert mode(data) == 0o755
