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
    # Body limits per route: a push carries batches; enroll, approve, key updates and recovery are small.
    max_body_bytes: int = 32 * 1024 * 1024
    enroll_body_bytes: int = 8 * 1024
    # A key update wraps the whole bundle (every key ever used) once per member: it grows with both, so
    # this allows e.g. 60 members and 60 keys (tests/sync/test_limits_match.py).
    keys_body_bytes: int = 4 * 1024 * 1024
    small_body_bytes: int = 4 * 1024  # recovery proof
    # A body must arrive within body_timeout_s plus its size at min_upload_bytes_per_s: a trickling client
    # gives up its place instead of holding it.
    body_timeout_s: float = 10.0
    min_upload_bytes_per_s: int = 64 * 1024
    max_batch_bytes: int = 8 * 1024 * 1024
    max_batches_per_push: int = 200
    # A pull page holds at most page_bytes of ciphertext (or one batch, up to max_batch_bytes), chosen in SQL.
    page_bytes: int = 8 * 1024 * 1024
    page_batches: int = 500
    enrollment_ttl_s: int = 15 * 60
    max_in_flight: int = 64
    max_in_flight_per_device: int = 4
    max_anonymous_in_flight: int = 8  # enrollments: no token yet, so they get their own small share
    retry_after_s: int = 2

    @property
    def url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'server.db'}"
