"""Server settings: one object, passed to the app factory and the admin commands."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs


def default_data_dir() -> Path:
    override = os.environ.get("FIELDAPP_SERVER_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("FieldappServer", appauthor=False))


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str | None = None  # default: SQLite file in data_dir
    max_body_bytes: int = 32 * 1024 * 1024
    max_batch_bytes: int = 8 * 1024 * 1024
    max_batches_per_push: int = 200
    page_bytes: int = 8 * 1024 * 1024
    page_batches: int = 500
    enrollment_ttl_s: int = 15 * 60
    max_in_flight: int = 64
    retry_after_s: int = 2

    @property
    def url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'server.db'}"
