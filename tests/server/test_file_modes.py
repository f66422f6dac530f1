"""The server's SQLite data folder and database files are readable by the account that runs it only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


from fieldapp.server import store
from fieldapp.server.cli import main
from fieldapp.server.db import make_engine
from fieldapp.server.migrate import upgrade
from tests.support.file_modes import mode, open_umask  # noqa: F401 - open_umask is a pytest fixture, used by name in the tests' arguments

# Permission bits as POSIX has them: Windows keeps a user's files private by the profile folder's ACL instead.
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


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


def test_a_new_database_file_is_owner_only_before_sqlite_opens_it(tmp_path: Path, open_umask: None) -> None:
    """No moment in which another account could open it: made empty and 0600 before any connection."""
    db = tmp_path / "data" / "server.db"
    engine = make_engine(f"sqlite:///{db}")
    try:
        assert db.exists() and db.stat().st_size == 0 and mode(db) == 0o600
    finally:
        engine.dispose()


def test_every_missing_folder_above_the_data_folder_is_made_owner_only(tmp_path: Path, open_umask: None) -> None:
    _team(tmp_path / "a" / "b" / "data")
    assert [mode(p) for p in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "data")] == [0o700] * 3


@pytest.mark.parametrize("form", ["query", "relative", "uri"])
def test_every_url_form_gets_owner_only_files(
        form: str, tmp_path: Path, open_umask: None, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = data / "server.db"
    monkeypatch.chdir(tmp_path)
    url = {"query": f"sqlite:///{db}?timeout=5", "relative": "sqlite:///data/server.db",
           "uri": f"sqlite:///file:{db}?uri=true"}[form]
    engine = make_engine(url)
    try:
        upgrade(engine)
        store.create_team(engine, "Team Vest")
        files = {p.name: oct(mode(p)) for p in data.iterdir()}
        assert set(files) >= {"server.db", "server.db-wal", "server.db-shm"}
        assert set(files.values()) == {"0o600"}, files
        assert [p.name for p in tmp_path.iterdir()] == ["data"]  # nothing made under another name
    finally:
        engine.dispose()


def test_a_data_folder_that_is_a_file_is_named_without_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "fil").write_text("x")
    for data in (tmp_path / "fil", tmp_path / "fil" / "under"):
        assert main(["team", "create", "Team Vest", "--data-dir", str(data)]) == 2
        err = capsys.readouterr().err
        assert "cannot use the data folder" in err and str(tmp_path / "fil") in err and "Traceback" not in err
