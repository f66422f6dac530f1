"""A second writer waits for the first with a visible message, then succeeds or says clearly what is wrong."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import engine
from fieldapp.storage.faults import DatabaseBusy


@pytest.fixture
def folder(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    assert main(["demo", "--participants", "1", "--data-dir", str(data_dir)]) == 0
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    return data_dir


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    from fieldapp.domain.validation import check_fodselsnummer

    # A synthetic number (month + 40) with valid check digits.
    for serial in range(100, 999):
        number = f"0145801{serial}"[:9]
        for k in range(100):
            candidate = f"{number}{k:02d}"
            if check_fodselsnummer(candidate) is None:
                path = tmp_path / "deltakere.csv"
                path.write_text(f"fornavn;etternavn;fodselsnummer\nÅse;Ødegård;{candidate}\n", encoding="utf-8")
                return path
    raise AssertionError("no valid synthetic number")


class _Holder:
    """Another writer holding the database's write lock until told to let go."""

    def __init__(self, folder: Path) -> None:
        self.ws = open_workspace(folder, create=False)
        self.holding = threading.Event()
        self.release = threading.Event()
        self.thread = threading.Thread(target=self._hold)
        self.thread.start()
        assert self.holding.wait(10)

    def _hold(self) -> None:
        with self.ws.folder.write() as session:
            session.connection().exec_driver_sql("UPDATE meta SET value = value WHERE key = 'device_id'")
            self.holding.set()
            self.release.wait(30)

    def stop(self) -> None:
        self.release.set()
        self.thread.join(10)
        self.ws.close()


@pytest.fixture
def holder(folder: Path) -> Iterator[_Holder]:
    h = _Holder(folder)
    yield h
    h.stop()


def _participants(folder: Path) -> int:
    with open_workspace(folder, create=False) as ws, ws.folder.read() as session:
        return session.connection().exec_driver_sql("SELECT count(*) FROM participant").scalar_one()


def test_a_second_writer_says_it_waits_and_then_succeeds(folder: Path, holder: _Holder, csv_file: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    # The first writer finishes as soon as the second has said it waits.
    stop = engine.on_busy(lambda waiting: holder.release.set() if waiting else None)
    try:
        assert main(["import", str(csv_file), "--kind", "participants", "--data-dir", str(folder)]) == 0
    finally:
        stop()
    captured = capsys.readouterr()
    assert "venter på en annen Fieldapp-prosess" in captured.err and "Traceback" not in captured.err
    assert "Importert 1 deltaker" in captured.out
    assert _participants(folder) == 2


@pytest.mark.parametrize("command", ["import", "demo"])
def test_a_writer_that_waits_too_long_gets_a_clear_message(folder: Path, holder: _Holder, csv_file: Path,
                                                           command: str, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(engine, "BUSY_WAIT_S", 0.3)
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    args = (["import", str(csv_file), "--kind", "participants"] if command == "import"
            else ["demo", "--participants", "1"])
    assert main([*args, "--data-dir", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "waiting for another Fieldapp process" in err
    assert "Another Fieldapp process" in err and "Traceback" not in err and "database is locked" not in err
    holder.stop()
    assert _participants(folder) == 1, "nothing was saved by the writer that gave up"


def test_the_service_layer_raises_an_expected_error(folder: Path, holder: _Holder,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BUSY_WAIT_S", 0.2)
    with open_workspace(folder, create=False) as ws:
        with pytest.raises(DatabaseBusy):
            with ws.folder.write() as session:
                session.connection().exec_driver_sql("DELETE FROM meta WHERE key = 'nothing'")
