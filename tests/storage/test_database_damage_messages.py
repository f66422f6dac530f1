"""A damaged page met after the folder opened (by export, import or any save) ends in the damaged-database
message that points to `fieldapp check` and `fieldapp restore --latest`, exit 2, never a traceback."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
from fieldapp.storage import cipher_format

PAGE = cipher_format.CURRENT.page_size  # a folder made now is in the current format


@pytest.fixture
def damaged(data_dir: Path, capfd: pytest.CaptureFixture[str]) -> Path:
    assert main(["demo", "--participants", "20", "--data-dir", str(data_dir)]) == 0
    db = data_dir / "fieldapp.db"
    with open(db, "r+b") as fh:  # two bytes of page 5: the first pages (and so the opening) are sound
        fh.seek(PAGE * 4 + 1000)
        data = fh.read(2)
        fh.seek(PAGE * 4 + 1000)
        fh.write(bytes(b ^ 0xFF for b in data))
    capfd.readouterr()
    return data_dir


def _assert_damage_message(err: str, db: Path) -> None:
    assert "Traceback" not in err and "sqlalchemy" not in err and err.count("\n") == 1
    assert f"Databasen {db} kan ikke leses" in err
    assert "fieldapp check" in err and "fieldapp restore --latest" in err


def test_export_of_a_damaged_database_says_so(damaged: Path, tmp_path: Path,
                                              capfd: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.json"
    assert main(["export", "--out", str(out), "--data-dir", str(damaged)]) == 2
    _assert_damage_message(capfd.readouterr().err, damaged / "fieldapp.db")


def test_import_into_a_damaged_database_says_so(damaged: Path, tmp_path: Path,
                                                capfd: pytest.CaptureFixture[str]) -> None:
    fnr = synthetic_fodselsnummer(dt.date(1990, 1, 1), random.Random(7))
    csv = tmp_path / "p.csv"
    csv.write_text(f"fornavn;etternavn;fodselsnummer\nÅse;Ødegård;{fnr}\n", encoding="utf-8")
    assert main(["import", str(csv), "--kind", "participants", "--data-dir", str(damaged)]) == 2
    _assert_damage_message(capfd.readouterr().err, damaged / "fieldapp.db")
