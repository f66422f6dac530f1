"""Participant keys this device uploaded are not downloaded again at its next sync, unless another device's key
came between (then the key list is read from there, as before)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services.workspace import Workspace
from fieldapp.storage import participant_keys as stored
from fieldapp.sync import participant_sync
from fieldapp.sync.erasure_protocol import WireParticipantKey


def _held(*cursors: int) -> list[WireParticipantKey]:
    return [WireParticipantKey(f"{c:032x}", "k1", b"\0" * 60, c) for c in cursors]


def test_the_key_cursor_moves_only_over_keys_that_directly_follow_it(workspace: Workspace) -> None:
    ctx: Any = SimpleNamespace(folder=workspace.folder)
    stored.save_cursor(workspace.folder, participant_sync.KEYS_CURSOR, 4)
    participant_sync._read_past(ctx, _held(7, 5, 6))  # noqa: SLF001 - the rule itself
    assert stored.read_cursor(workspace.folder, participant_sync.KEYS_CURSOR) == 7
    participant_sync._read_past(ctx, _held(9, 10))  # noqa: SLF001 - cursor 8 is someone else's, not read yet
    assert stored.read_cursor(workspace.folder, participant_sync.KEYS_CURSOR) == 7
    participant_sync._read_past(ctx, _held(3, 8, 10))  # noqa: SLF001 - an older key, then 8, then a gap
    assert stored.read_cursor(workspace.folder, participant_sync.KEYS_CURSOR) == 8


def test_a_device_does_not_fetch_its_own_keys_back(team: Any, monkeypatch: Any) -> None:
    _, _, (a, b, _c) = team
    records.save_all(a.ws, [Participant(first_name=n, last_name="Ås") for n in ("Kari", "Ola", "Per")])
    a.sync()
    fetched: list[int] = []
    real = participant_sync._unwrapped  # noqa: SLF001 - counting what fetch_keys unwraps

    def counted(ctx: Any, current: Any, found: list[WireParticipantKey]) -> Any:
        fetched.append(len(found))
        return real(ctx, current, found)
    monkeypatch.setattr(participant_sync, "_unwrapped", counted)
    a.sync()
    assert sum(fetched) == 0  # a's next sync: nothing fetched back
    b.sync()
    assert sum(fetched) == 3  # b fetches the three keys a uploaded
    assert stored.keys_by_handle(a.ws.folder) == stored.keys_by_handle(b.ws.folder)
