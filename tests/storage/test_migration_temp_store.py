"""Migrations run with SQLite's temporary store in memory: SQLCipher does not encrypt temporary files, and what a
migration sorts or keeps in a temporary table are the records' values (0007 once wrote the whole change log to
/var/tmp in plain text)."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import alembic.command
import pytest

from fieldapp.storage.engine import WRITE_OPTION, make_engine
from fieldapp.storage.migrate import alembic_config, head_revision, migrate


def test_the_upgrade_keeps_temporary_data_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "fieldapp.db"
    engine = make_engine(path, secrets.token_bytes(32))
    with engine.connect() as conn, conn.execution_options(**{WRITE_OPTION: True}).begin():
        alembic.command.upgrade(alembic_config(conn), "0006")
        options = {r[0] for r in conn.exec_driver_sql("PRAGMA compile_options")}
    seen: list[int] = []
    upgrade = alembic.command.upgrade

    def watched(cfg: Any, target: str, **kw: Any) -> None:
        seen.append(cfg.attributes["connection"].exec_driver_sql("PRAGMA temp_store").scalar_one())
        upgrade(cfg, target, **kw)

    monkeypatch.setattr(alembic.command, "upgrade", watched)
    try:
        result = migrate(engine, path, tmp_path / "backups")
    finally:
        engine.dispose()
    assert result.to_revision == head_revision()
    # 2 = MEMORY, set on every connection (storage/engine.py), not left to the build's default.
    assert seen == [2]
    assert options & {"TEMP_STORE=2", "TEMP_STORE=3"}


def test_every_connection_keeps_temporary_data_in_memory(tmp_path: Path) -> None:
    """Not left to the build's default: the app's reads, writes and its quick read-only start-up path all set it."""
    from fieldapp.services.workspace import open_workspace
    from fieldapp.storage import quick_open

    ws = open_workspace(tmp_path / "folder", actor="t")
    try:
        with ws.folder.read() as session:
            assert session.connection().exec_driver_sql("PRAGMA temp_store").scalar_one() == 2
        with ws.folder.write() as session:
            assert session.connection().exec_driver_sql("PRAGMA temp_store").scalar_one() == 2
    finally:
        ws.close()
    with quick_open.read_only(tmp_path / "folder") as executes:
        assert executes is not None
        assert executes[0]("PRAGMA temp_store", {}) == [(2,)]
