"""A limit on file size (`ulimit -f`) met while the database grows, or while an export is written: a message
naming the file and what to do, exit 2, never a traceback, and what was saved before stays sound."""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
from fieldapp.services.workspace import open_workspace
from tests.cli.test_import import participants

pytestmark = pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")


@pytest.fixture
def size_limit() -> Iterator[Callable[[int], None]]:
    """Set this process's file-size limit (Python ignores SIGXFSZ, so a write past it fails with EFBIG)."""
    before = resource.getrlimit(resource.RLIMIT_FSIZE)
    yield lambda size: resource.setrlimit(resource.RLIMIT_FSIZE, (size, before[1]))
    resource.setrlimit(resource.RLIMIT_FSIZE, before)


def test_demo_past_the_size_limit_names_the_database(data_dir: Path, size_limit: Callable[[int], None],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--create", "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    size_limit(1200 * 1024)
    code = main(["demo", "--participants", "200", "--data-dir", str(data_dir)])
    size_limit(resource.RLIM_INFINITY)
    err = capsys.readouterr().err
    assert code == 2, err
    db = data_dir / "fieldapp.db"
    assert f"Databasen {db} kunne ikke skrives" in err and "full" in err and "grense" in err
    assert "Demodataene ble bare delvis lagret" in err, "a demo stopped half-way does not claim all was undone"
    assert "Traceback" not in err and err.count("\n") == 1
    assert main(["check", "--data-dir", str(data_dir)]) == 0, "what was saved before is sound"


def test_import_past_the_size_limit_saves_nothing(data_dir: Path, tmp_path: Path, size_limit: Callable[[int], None],
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    assert main(["check", "--create", "--data-dir", str(data_dir)]) == 0
    rng = random.Random(3)
    numbers = {synthetic_fodselsnummer(dt.date(1950 + i % 45, 1 + i % 12, 1 + i % 28), rng) for i in range(3000)}
    csv = tmp_path / "mange.csv"
    csv.write_text("fornavn;etternavn;fodselsnummer\n" + "".join(
        f"Åse{i};Ødegård;{n}\n" for i, n in enumerate(sorted(numbers))), encoding="utf-8")
    capsys.readouterr()
    size_limit((data_dir / "fieldapp.db").stat().st_size + 64 * 1024)
    code = main(["import", str(csv), "--kind", "participants", "--data-dir", str(data_dir)])
    size_limit(resource.RLIM_INFINITY)
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"The database {data_dir / 'fieldapp.db'} could not be written" in err and "Traceback" not in err
    with open_workspace(data_dir, create=False) as ws:
        assert participants(ws) == [], "all or nothing: nothing of the import was kept"
