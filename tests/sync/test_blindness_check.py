"""The check that the server cannot read participants has teeth: with the encryption taken out of every layer
(team batches, participant envelopes, key wrapping), the same check finds the names in what the server stores.
Without this, a check that only looks for names as raw bytes passes even when nothing is encrypted, since the
payloads are compressed."""

from __future__ import annotations

from typing import Any

import pytest

from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.sync import crypto, participant_crypto
from tests.support.plaintext_search import found, stored_values
from tests.sync.hostile import HostileServer

NAMES = ("Torgunn", "Fjellstrand-Ødegaard")


class PassThrough:
    """AES-GCM with the encryption left out: the plaintext as it is, and a tag of zeros."""

    def __init__(self, key: bytes) -> None:
        self.key = key

    def encrypt(self, nonce: bytes, data: bytes, aad: Any) -> bytes:
        return data + bytes(16)

    def decrypt(self, nonce: bytes, data: bytes, aad: Any) -> bytes:
        return data[:-16]


def _synced(team: Any) -> tuple[Any, str]:
    server, team_id, (a, b, _c) = team
    p = records.save(a.ws, Participant(first_name=NAMES[0], last_name=NAMES[1], notes="ønsker deltid"))
    assert a.sync().ok and b.sync().ok
    assert records.get(b.ws, Participant, p.id) is not None  # it travelled
    return server, team_id


def test_with_encryption_the_names_cannot_be_read(team: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    server, team_id = _synced(team)
    assert not found(NAMES, stored_values(server.engine))
    HostileServer(server, team_id, monkeypatch).assert_blind(*NAMES)


@pytest.fixture
def no_encryption(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the team is made: its key bundles are wrapped without encryption too."""
    monkeypatch.setattr(crypto, "AESGCM", PassThrough)
    monkeypatch.setattr(participant_crypto, "AESGCM", PassThrough)


def test_without_encryption_the_same_check_finds_them(
        no_encryption: None, team: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    server, team_id = _synced(team)
    stored = stored_values(server.engine)
    assert not any(name.encode() in value for value in stored for name in NAMES)  # not as raw bytes: compressed
    assert found(NAMES, stored) == set(NAMES)
    with pytest.raises(AssertionError, match="the server can read"):
        HostileServer(server, team_id, monkeypatch).assert_blind(*NAMES)
