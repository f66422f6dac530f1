"""An open data folder as the UI and the command line see it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fieldapp import paths
from fieldapp.storage.datafolder import DataFolder, open_data_folder


class Workspace:
    """Holds the open data folder; every service function takes one."""

    def __init__(self, folder: DataFolder) -> None:
        self.folder = folder

    @property
    def path(self) -> Path:
        return self.folder.path

    @property
    def device_id(self) -> str:
        return self.folder.device_id

    @property
    def actor(self) -> str:
        return self.folder.actor

    def close(self) -> None:
        self.folder.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_workspace(data_dir: Path | None = None, *, actor: str | None = None, create: bool = True) -> Workspace:
    """Open a data folder (making a new one only when `create` and nothing is there): key, migrations, ready."""
    return Workspace(open_data_folder(data_dir or paths.default_data_dir(), actor=actor, create=create))


def on_busy_wait(listener: Callable[[bool], None]) -> Callable[[], None]:
    """`listener(True)` when a save starts waiting for another Fieldapp process's lock, `listener(False)` when the
    wait is over. Returns the function that stops the calls."""
    from fieldapp.storage.engine import on_busy

    return on_busy(listener)
