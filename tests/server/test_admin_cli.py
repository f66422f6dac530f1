"""`fieldapp-server` admin commands and the server schema on SQLite."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.server.cli import main
from fieldapp.server.db import make_engine
from fieldapp.server.migrate import schema_differences, upgrade

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def test_team_code_list_and_revoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = ["--data-dir", str(tmp_path)]
    assert main(["team", "create", "Team Vest", *d]) == 0
    team = capsys.readouterr().out.strip()
    assert re.fullmatch(UUID, team)
    assert main(["enrollment-code", team, *d]) == 0
    captured = capsys.readouterr()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", captured.out.strip()) and "once" in captured.err
    assert main(["device", "list", team, *d]) == 0
    assert main(["enrollment-code", "00000000-0000-4000-8000-000000000000", *d]) == 2
    assert "not found" in capsys.readouterr().err
    assert main(["device", "revoke", "not-a-uuid", *d]) == 2
    assert "UUID" in capsys.readouterr().err
    assert main(["team", "create", "", *d]) == 2
    assert main(["enrollment-code", team, "--ttl-minutes", "0", *d]) == 2


def test_console_script_and_sqlite_schema_matches_migrations(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "fieldapp.server.cli", "--data-dir", str(tmp_path), "team", "create",
                          "X"], capture_output=True, text=True, check=True).stdout
    assert re.fullmatch(UUID, out.strip())
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    upgrade(engine)
    assert schema_differences(engine) == []
    engine.dispose()


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_serve_refuses_a_port_that_is_none_at_parsing(port: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(tmp_path / "srv"), "serve", "--port", port])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert f"'{port}' is not a port: give a number from 0 to 65535" in err and "Traceback" not in err
    assert not (tmp_path / "srv").exists()
