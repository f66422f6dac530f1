"""A path the user gave that is a folder, under a missing folder or under a file: the message names that path
in the user's language, not a temporary file beside it, and nothing is left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.files import write_atomic
from fieldapp.storage.faults import from_os_error


def _message(exc: OSError) -> tuple[str, str]:
    fault = from_os_error(exc)
    assert fault is not None, exc
    return fault.text("nb"), fault.text("en")


def test_writing_onto_a_folder_names_the_folder(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError) as caught:
        write_atomic(tmp_path, b"x")
    nb, en = _message(caught.value)
    assert f"{tmp_path} er en mappe" in nb and f"{tmp_path} is a folder" in en
    assert not list(tmp_path.parent.glob(f".{tmp_path.name}.tmp"))


def test_writing_into_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as caught:
        write_atomic(tmp_path / "nei" / "eksport.json", b"x")
    nb, en = _message(caught.value)
    assert f"finnes ikke: {tmp_path / 'nei'}." in nb and f"No such file or folder: {tmp_path / 'nei'}." in en


def test_a_path_under_a_file_is_named_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "fil").write_text("x")
    with pytest.raises(NotADirectoryError) as caught:
        write_atomic(tmp_path / "fil" / "eksport.json", b"x")
    nb, en = _message(caught.value)
    assert "er en fil, ikke en mappe" in nb and "is a file, not a folder" in en


def test_a_data_folder_that_is_a_file_gets_a_message_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "fil").write_text("x")
    assert main(["demo", "--data-dir", str(tmp_path / "fil"), "--create", "--participants", "1"]) == 2
    err = capsys.readouterr().err
    assert "er en fil, ikke en mappe" in err and "Traceback" not in err
