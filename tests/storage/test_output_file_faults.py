"""A file the user asked for (--out of export, report, agreement pdf) that cannot be written: on a full disk, past
a file size limit, or with a name too long. The message names that file in bokmål and English and says what to do;
a file already there stays as it was, and no temporary file is left beside it."""

from __future__ import annotations

import os
import resource
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.files import write_atomic
from fieldapp.storage.faults import from_os_error
from fieldapp.services.workspace import open_workspace
from tests.documents.helpers import signed_agreement
from tests.storage.test_datafolder_faults import _fill, small_disk  # noqa: F401 - small_disk is a pytest fixture, used by name in the tests' arguments
from tests.storage.test_file_size_limit import size_limit  # noqa: F401 - a pytest fixture, used by name in the tests' arguments

OLD = b"the old file, kept whole\n"


@pytest.fixture
def folder(data_dir: Path) -> tuple[Path, str]:
    assert main(["demo", "--participants", "5", "--data-dir", str(data_dir)]) == 0
    with open_workspace(data_dir) as ws:
        return data_dir, signed_agreement(ws).number


def _commands(folder: tuple[Path, str], out: Path) -> dict[str, list[str]]:
    data_dir, number = folder
    tail = ["--out", str(out), "--data-dir", str(data_dir)]
    return {".json": ["export", *tail],
            ".pdf": ["report", "--from", "2026-01-01", "--to", "2026-12-31", *tail],
            ".agreement.pdf": ["agreement", "pdf", number, *tail]}


def _assert_named(err: str, out: Path) -> None:
    assert str(out) in err and "Traceback" not in err and err.count("\n") == 1
    assert not list(out.parent.glob(f".{out.name}.tmp"))


@pytest.mark.parametrize("kind", [".json", ".pdf", ".agreement.pdf"])
def test_a_full_disk_names_the_file_and_keeps_the_old_one(folder: tuple[Path, str], small_disk: Path, kind: str,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    out = small_disk / f"ut{kind}"
    out.write_bytes(OLD)
    filler = _fill(small_disk, 0)
    capsys.readouterr()
    assert main(_commands(folder, out)[kind]) == 2
    err = capsys.readouterr().err
    _assert_named(err, out)
    assert f"Disken er full ({out})" in err and "Frigjør plass" in err
    assert out.read_bytes() == OLD
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    assert main(_commands(folder, out)[kind]) == 2
    assert f"The disk is full ({out})" in capsys.readouterr().err
    filler.unlink()


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
def test_a_file_size_limit_names_the_file(tmp_path: Path, size_limit: Callable[[int], None]) -> None:
    """Unit-level: a limit below the database's size would stop the command at the database first."""
    out = tmp_path / "stor.json"
    out.write_bytes(OLD)
    size_limit(4096)
    try:
        with pytest.raises(OSError) as caught:
            write_atomic(out, b"x" * 100_000)
    finally:
        size_limit(resource.RLIM_INFINITY)
    fault = from_os_error(caught.value)
    assert fault is not None
    assert f"Filen {out} ble større enn disken eller grensen for filstørrelse" in fault.text("nb")
    assert f"The file {out} grew larger than" in fault.text("en")
    assert out.read_bytes() == OLD and not list(tmp_path.glob(".stor.json.tmp"))


def test_a_file_name_too_long_is_named(folder: tuple[Path, str], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / ("x" * 300 + ".json")
    capsys.readouterr()
    assert main(_commands(folder, out)[".json"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "File name too long" not in err
    assert "Filnavnet" in err and "for langt" in err and out.name[:40] in err
