"""Input the commands cannot use gets one clear message (bokmål, or English with FIELDAPP_LANG=en), never a
traceback: report dates outside what the report can count, a damaged .xlsx, a malformed server address, a
keyring entry that does not hold a database key."""

from __future__ import annotations

import zipfile
from pathlib import Path

import keyring
import pytest

from fieldapp.cli.main import main
from fieldapp.storage import keystore
from tests.cli.test_import import fnrs


@pytest.mark.parametrize("start,end", [("0001-01-01", "2026-12-31"), ("2026-01-01", "9999-12-31")])
def test_report_dates_out_of_range_are_refused_at_parsing(start: str, end: str, data_dir: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["report", "--from", start, "--to", end, "--out", str(tmp_path / "r.pdf"), "--data-dir", str(data_dir)])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "out of range" not in err
    assert "utenfor det rapporten kan regne med" in err and "outside what the report can count" in err
    assert "1900-01-01" in err and not data_dir.exists() and not (tmp_path / "r.pdf").exists()


def _damaged_xlsx(tmp_path: Path, member: str, text: bytes) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Fornavn", "Etternavn", "Fødselsnummer"])
    book.active.append(["Åse", "Ødegård", fnrs(1)[0]])
    sound = tmp_path / "sound.xlsx"
    book.save(sound)
    out = tmp_path / "skadet.xlsx"
    with zipfile.ZipFile(sound) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, text if item.filename == member else src.read(item))
    return out


@pytest.mark.parametrize("member,text", [("xl/worksheets/sheet1.xml", b"<worksheet"), ("[Content_Types].xml", b"<x")])
def test_a_damaged_xlsx_is_named_damaged(member: str, text: bytes, data_dir: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = _damaged_xlsx(tmp_path, member, text)
    assert main(["import", str(path), "--kind", "participants", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "skadet eller ikke en gyldig Excel-arbeidsbok (.xlsx)" in err
    assert not data_dir.exists(), "a bad file touches nothing"
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    assert main(["import", str(path), "--kind", "participants", "--data-dir", str(data_dir)]) == 2
    assert "damaged or not a valid Excel workbook (.xlsx)" in capsys.readouterr().err


@pytest.mark.parametrize("url", ["http://[::1", "http://[zz]/", "https://[::1]:x/", "https://example.org:99999/"])
def test_a_malformed_server_address_is_the_bad_address_message(url: str, data_dir: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["enroll", "--server", url, "--code", "A", "--data-dir", str(data_dir), "--create"]) == 2
    err = capsys.readouterr().err
    assert f"«{url}» er ikke en gyldig serveradresse" in err and "Traceback" not in err


@pytest.fixture
def key_damaged(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["demo", "--participants", "3", "--data-dir", str(data_dir)]) == 0
    folder_id = (data_dir / "folder-id").read_text().strip()
    keyring.set_password(keystore.SERVICE, f"folder:{folder_id}", "dette er ingen nøkkel")
    capsys.readouterr()
    return data_dir


@pytest.mark.parametrize("argv", [["export", "--out", "{tmp}/x.json"], ["check"], ["restore", "--latest"],
                                  ["report", "--from", "2026-01-01", "--to", "2026-12-31", "--out", "{tmp}/r.pdf"],
                                  ["sync"]])
def test_a_keyring_entry_that_is_no_key_is_named_damaged(argv: list[str], key_damaged: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    before = (key_damaged / "fieldapp.db").read_bytes()
    code = main([a.replace("{tmp}", str(tmp_path)) for a in argv] + ["--data-dir", str(key_damaged)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and "non-hexadecimal" not in err
    assert "Nøkkelringens oppføring for databasenøkkelen" in err and "er skadet" in err
    assert (key_damaged / "fieldapp.db").read_bytes() == before, "nothing is changed"


def test_demo_refuses_a_negative_number_of_visits(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--participants", "2", "--visits-per-participant", "-3", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "--visits-per-participant kan ikke være negativt" in err and "Traceback" not in err
    assert not data_dir.exists(), "nothing is made"


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="FIFOs are POSIX")
def test_export_onto_a_fifo_is_refused_and_the_fifo_stays(data_dir: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    import os
    import stat

    assert main(["demo", "--participants", "2", "--data-dir", str(data_dir)]) == 0
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    capsys.readouterr()
    assert main(["export", "--out", str(fifo), "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert f"{fifo} er ikke en vanlig fil" in err and "Traceback" not in err
    assert stat.S_ISFIFO(fifo.stat().st_mode), "not replaced by a file holding the export"
    assert not list(tmp_path.glob(".pipe.tmp"))
