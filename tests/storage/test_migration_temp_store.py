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
    # 0 is the build's default, which keeps temporary tables and sorts in memory in this SQLCipher build.
    assert seen == [0]
    assert options & {"TEMP_STORE=2", "TEMP_STORE=3"}
