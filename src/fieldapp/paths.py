"""Every folder the app uses, decided in one place."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Fieldapp"
ENV_DATA_DIR = "FIELDAPP_DATA_DIR"


def default_data_dir() -> Path:
    """The platform's per-user data folder, or FIELDAPP_DATA_DIR when set."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_file(data_dir: Path) -> Path:
    return data_dir / "fieldapp.db"


def folder_id_file(data_dir: Path) -> Path:
    """Not secret: names the keyring entry that holds this folder's database key."""
    return data_dir / "folder-id"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def resources_dir() -> Path:
    return Path(__file__).resolve().parent / "resources"


def in_use_file(data_dir: Path) -> Path:
    """Locked shared by every process with the folder open, and exclusively by a restore (storage/folder_in_use.py)."""
    return data_dir / "fieldapp.in-use"


def lock_file(data_dir: Path) -> Path:
    """Held by the running app, so a second app on the same folder can say so instead of competing for it."""
    return data_dir / "fieldapp.lock"
