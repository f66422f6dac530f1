"""Database errors reach neither clients nor the server log with their text or the statement's values."""

from __future__ import annotations

import logging
import sqlite3

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import DataError, OperationalError

from fieldapp.server import store
from fieldapp.server.cli import main as server_main
from fieldapp.server.db import teams
from tests.server.conftest import Api

SECRET = "Kari Nordmann 15458012345"


class _PgDiskFull(Exception):
    """What psycopg raises when PostgreSQL cannot extend a file (SQLSTATE 53100, disk_full)."""

    sqlstate = "53100"


def _raising(exc: Exception):
    def run(*args: object, **kwargs: object) -> None:
        raise exc
    return run


@pytest.mark.parametrize("exc, status", [
    (OperationalError(f"SELECT '{SECRET}'", {"name": SECRET}, sqlite3.OperationalError(f"locked near {SECRET}")),
     503),
    (DataError(f"INSERT '{SECRET}'", {"name": SECRET}, ValueError(f"invalid input: {SECRET}")), 400),
    (OperationalError("INSERT", {"blob": SECRET}, sqlite3.OperationalError("database or disk is full")), 507),
    (OperationalError("INSERT", {"blob": SECRET}, _PgDiskFull(f"could not extend file near {SECRET}")), 507),
])
def test_database_errors_echo_nothing(api: Api, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
                                      exc: Exception, status: int) -> None:
    team = api.team()
    _, auth = api.enroll(team)
    monkeypatch.setattr(store, "status", _raising(exc))
    with caplog.at_level(logging.DEBUG, logger="fieldapp.server"):
        r = api.client.get("/v1/status", headers=auth)
    assert r.status_code == status and "error" in r.json()
    for text in (r.text, caplog.text):
        assert "Kari" not in text and "SELECT" not in text and "INSERT" not in text


def test_a_real_failed_statement_keeps_its_values_out_of_the_error(api: Api) -> None:
    """hide_parameters: what SQLAlchemy itself would put in an exception's text."""
    team = api.team()
    with pytest.raises(Exception) as caught, api.engine.begin() as conn:
        conn.execute(insert(teams).values(id=team, name=SECRET, history_id="h", created_at=None, next_cursor=1,
                                          key_epoch=0, rotation_needed=False))
    assert "Kari" not in str(caught.value)


def test_the_admin_command_shows_no_database_text(tmp_path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "create_team", _raising(
        OperationalError(f"INSERT '{SECRET}'", {"name": SECRET}, sqlite3.OperationalError(SECRET))))
    assert server_main(["--data-dir", str(tmp_path), "team", "create", SECRET]) == 2
    err = capsys.readouterr().err
    assert "database error" in err and "Kari" not in err
