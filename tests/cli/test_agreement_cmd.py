"""`fieldapp agreement list|pdf|verify` through the real entry point: output, files and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.services.workspace import open_workspace
from tests.documents.helpers import pdftotext, signed_agreement


@pytest.fixture
def signed(data_dir: Path):
    with open_workspace(data_dir) as ws:
        return signed_agreement(ws)


def test_list_shows_id_number_participant_version_and_status(signed, data_dir: Path, capsys) -> None:
    assert main(["agreement", "list", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    line = next(row for row in out.splitlines() if signed.number in row)
    assert signed.agreement_id in line and "Kari Fjellheim Nordvik" in line and " 1 " in line
    assert "forseglet" in line and ("Inngått" in line or "Aktiv" in line or "Avsluttet" in line)


def test_pdf_writes_the_sealed_copy_and_verify_accepts_it(signed, data_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "avtale.pdf"
    assert main(["agreement", "pdf", signed.number, "--version", "1", "--out", str(out),
                 "--data-dir", str(data_dir)]) == 0
    assert "forseglet kopi" in capsys.readouterr().out
    assert out.read_bytes() == signed.result.sealed.pdf
    assert main(["agreement", "verify", str(out), "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out.startswith("OK: Uendret forseglet kopi")


def test_verify_fails_for_a_changed_byte_an_unsealed_pdf_and_a_missing_file(
        signed, data_dir: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    tampered = bytearray(signed.result.sealed.pdf)
    tampered[tampered.index(b"stream") + 40] ^= 0x01
    bad = tmp_path / "endret.pdf"
    bad.write_bytes(bytes(tampered))
    assert main(["agreement", "verify", str(bad), "--data-dir", str(data_dir)]) == 1
    assert "Forseglingen er brutt" in capsys.readouterr().out

    english = tmp_path / "english.pdf"
    assert main(["agreement", "pdf", signed.agreement_id, "--lang", "en", "--out", str(english),
                 "--data-dir", str(data_dir)]) == 0
    assert "Page 1 of" in pdftotext(english.read_bytes(), tmp_path)
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    assert main(["agreement", "verify", str(english), "--data-dir", str(data_dir)]) == 1
    assert "NOT VERIFIED: The PDF carries no Fieldapp seal." in capsys.readouterr().out

    assert main(["agreement", "verify", str(tmp_path / "nowhere.pdf"), "--data-dir", str(data_dir)]) == 2
    assert "nowhere.pdf" in capsys.readouterr().err


def test_bad_arguments_get_one_clear_line(signed, data_dir: Path, tmp_path: Path, capsys) -> None:
    cases = [
        (["agreement", "pdf", "NOPE-2026-0001", "--out", str(tmp_path / "x.pdf")], "Fant ingen avtale"),
        (["agreement", "pdf", signed.number, "--version", "9", "--out", str(tmp_path / "x.pdf")], "ingen versjon 9"),
        (["agreement", "pdf", signed.number, "--out", str(tmp_path / "x.txt")], "må slutte på .pdf"),
        (["agreement", "pdf", signed.number, "--version", "0", "--out", str(tmp_path / "x.pdf")], "--version"),
        (["agreement"], "velg list, pdf eller verify"),
    ]
    for argv, expected in cases:
        assert main(argv + ["--data-dir", str(data_dir)]) == 2, argv
        err = capsys.readouterr().err
        assert expected in err and "Traceback" not in err, (argv, err)
    assert not (tmp_path / "x.pdf").exists()
