"""A data folder knows it exists: a lost database, a damaged folder-id or a mistyped path is an error, never a
new empty folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.services.workspace import open_workspace
from fieldapp.storage.datafolder import DatabaseMissing, DataFolderNotFound, FolderIdDamaged
from tests.support import keyring_backend


@pytest.fixture
def used_folder(data_dir: Path) -> Path:
    assert main(["demo", "--participants", "2", "--data-dir", str(data_dir)]) == 0
    return data_dir


def _drop_database(folder: Path) -> None:
    for f in folder.glob("fieldapp.db*"):
        f.unlink()


def test_a_mistyped_data_dir_is_an_error_and_makes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "dat"
    for command in (["check"], ["export", "--out", str(tmp_path / "out.json")]):
        assert main([*command, "--data-dir", str(typo)]) == 2
        err = capsys.readouterr().err
        assert "Det finnes ingen Fieldapp-datamappe" in err and str(typo) in err and "Traceback" not in err
    assert not typo.exists() and not (tmp_path / "out.json").exists()
    assert keyring_backend._MEMORY == {}, "no keyring entry for a folder that was never asked for"


def test_create_makes_the_folder_when_asked(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    assert main(["check", "--create", "--data-dir", str(fresh)]) == 0
    assert (fresh / "folder-id").exists()
    with pytest.raises(DataFolderNotFound):
        open_workspace(tmp_path / "other", create=False)


@pytest.mark.parametrize("how", ["deleted", "truncated"])
def test_a_lost_database_is_an_error_pointing_at_backups(used_folder: Path, how: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    if how == "deleted":
        _drop_database(used_folder)
    else:
        for f in used_folder.glob("fieldapp.db-*"):
            f.unlink()
        (used_folder / "fieldapp.db").write_bytes(b"")
    out_file = used_folder.parent / "export.json"
    assert main(["export", "--out", str(out_file), "--data-dir", str(used_folder)]) == 2
    err = capsys.readouterr().err
    assert "backups" in err and "Traceback" not in err
    assert not out_file.exists(), "no empty export from a lost database"
    assert main(["check", "--data-dir", str(used_folder)]) == 1
    out = capsys.readouterr().out
    assert "OK" not in out and ("mangler" in out or "tom" in out)
    # Even the service's default (create) refuses: the folder-id says a database was there.
    with pytest.raises(DatabaseMissing):
        open_workspace(used_folder)
    assert not (used_folder / "fieldapp.db").exists() or (used_folder / "fieldapp.db").stat().st_size == 0


@pytest.mark.parametrize("content", [b"", b"\n", b"not-a-folder-id\x00\xff garbage"])
def test_an_empty_or_garbage_folder_id_has_its_own_message(used_folder: Path, content: bytes,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    (used_folder / "folder-id").write_bytes(content)
    with pytest.raises(FolderIdDamaged):
        open_workspace(used_folder)
    assert main(["import", str(used_folder / "none.csv"), "--kind", "participants",
                 "--data-dir", str(used_folder)]) == 2
    assert main(["demo", "--participants", "1", "--data-dir", str(used_folder)]) == 2
    err = capsys.readouterr().err
    assert "folder-id" in err and "Traceback" not in err and "ValueError" not in err


def test_messages_follow_the_language(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    assert main(["check", "--data-dir", str(tmp_path / "nope")]) == 2
    assert "There is no Fieldapp data folder" in capsys.readouterr().err
    monkeypatch.setenv("FIELDAPP_LANG", "nb")
    assert main(["import", str(tmp_path / "missing.csv"), "--kind", "participants",
                 "--data-dir", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err
    assert "finnes ikke" in err and "No such file" not in err
