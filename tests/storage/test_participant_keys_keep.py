"""Keys the server sends back that this device already holds as they are (its own uploads) cost no write."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

import pytest

from fieldapp.services.workspace import Workspace
from fieldapp.storage import participant_keys


def _stored(ws: Workspace) -> dict[str, tuple[bytes, int]]:
    with ws.folder.read() as session:
        return {h: (bytes(k), u) for h, k, u in session.connection().exec_driver_sql(
            "SELECT handle, key, uploaded FROM participant_key")}


def test_keys_held_as_they_are_are_not_written_again(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = [(f"h{i}", bytes([i]) * 32) for i in range(3)]
    participant_keys.keep(workspace.folder, keys)
    assert _stored(workspace) == {h: (k, 1) for h, k in keys}
    writes: list[int] = []
    real = type(workspace.folder).write

    def counted(folder: Any) -> AbstractContextManager[Any]:
        writes.append(1)
        return real(folder)
    monkeypatch.setattr(type(workspace.folder), "write", counted)
    participant_keys.keep(workspace.folder, keys)
    assert writes == []
    # A key the server holds differently wins over the local one; an upload flag that differs is written too.
    participant_keys.keep(workspace.folder, [("h1", b"\x09" * 32), ("h2", keys[2][1])], uploaded=False)
    assert writes == [1]
    assert _stored(workspace) == {"h0": (keys[0][1], 1), "h1": (b"\x09" * 32, 0), "h2": (keys[2][1], 0)}
