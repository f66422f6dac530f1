"""A path the user gave that is a folder, under a missing folder or under a file: the message names that path
in the user's language, not a temporary file beside it, and nothing is left behind."""

from __future__ import annotations

import errno
import os
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


@pytest.mark.skipif(os.name != "posix", reason="Windows reports a path under a file as missing (ENOENT)")
def test_a_path_under_a_file_is_named_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "fil").write_text("x")
    with pytest.raises(NotADirectoryError) as caught:
        write_atomic(tmp_path / "fil" / "eksport.json", b"x")
    nb, en = _message(caught.value)
    assert "er en fil, ikke en mappe" in nb and "is a file, not a folder" in en


@pytest.mark.skipif(os.name != "posix", reason="Windows reports a path under a file as missing (ENOENT)")
def test_a_data_folder_that_is_a_file_gets_a_message_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "fil").write_text("x")
    assert main(["demo", "--data-dir", str(tmp_path / "fil"), "--create", "--participants", "1"]) == 2
    err = capsys.readouterr().err
    assert "er en fil, ikke en mappe" in err and "Traceback" not in err


def test_a_folder_that_refuses_the_file_is_named_not_the_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No write permission (simulated: the tests may run as root, whom a folder's mode does not stop)."""
    real_open = os.open

    def refused(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(PermissionError) as caught:
        write_atomic(tmp_path / "eksport.json", b"x")
    assert caught.value.filename == str(tmp_path)
    nb, en = _message(caught.value)
    assert str(tmp_path) in nb and str(tmp_path) in en and ".tmp" not in nb + en


def test_a_rename_that_fails_names_the_file_asked_for_and_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "avtale.pdf"
    target.write_bytes(b"old")

    def busy(self: Path, other: str | os.PathLike[str]) -> Path:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(self), str(other))

    monkeypatch.setattr(Path, "replace", busy)
    with pytest.raises(OSError) as caught:
        write_atomic(target, b"new")
    assert caught.value.filename == str(target)
    assert target.read_bytes() == b"old" and not list(tmp_path.glob(".*.tmp"))
