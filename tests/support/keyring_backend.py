"""A keyring backend for tests: in memory, or in a JSON file when FIELDAPP_TEST_KEYRING_FILE is set
(so that child processes in crash tests see the same keys)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

_MEMORY: dict[str, str] = {}


class TestKeyring(KeyringBackend):
    priority = 1

    def _file(self) -> Path | None:
        name = os.environ.get("FIELDAPP_TEST_KEYRING_FILE")
        return Path(name) if name else None

    def _load(self) -> dict[str, str]:
        f = self._file()
        if f is None:
            return _MEMORY
        return json.loads(f.read_text()) if f.exists() else {}

    def _store(self, data: dict[str, str]) -> None:
        f = self._file()
        if f is not None:
            tmp = f.with_suffix(".tmp")
            tmp.write_text(json.dumps(data))
            tmp.replace(f)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\0{username}"] = password
        self._store(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}\0{username}", None) is None:
            raise PasswordDeleteError(username)
        self._store(data)
