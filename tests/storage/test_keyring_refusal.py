"""The database key never goes to a keyring backend that keeps secrets in plaintext or not at all: keyring's
null and fail backends and keyrings.alt's are refused, alone and in keyring's chain of backends."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend

from fieldapp.services.workspace import open_workspace
from fieldapp import paths
from fieldapp.storage import keystore
from tests.support import keyring_backend


class _Plain(KeyringBackend):
    """Stands for keyrings.alt's file backend: a secret kept as it is, with a priority above the OS keyring."""

    priority = 5

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def plaintext_backend(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[KeyringBackend]]:
    """The stand-in, in a module named as keyrings.alt's is."""
    module = types.ModuleType("keyrings.alt.file")
    plain = type("PlaintextKeyring", (_Plain,), {"__module__": "keyrings.alt.file"})
    module.PlaintextKeyring = plain  # type: ignore[attr-defined]  # a module made here, its attribute set here
    monkeypatch.setitem(sys.modules, "keyrings.alt.file", module)
    yield plain


class _Chain(KeyringBackend):
    """keyring's ChainerBackend as it behaves: the backends in priority order, the first that takes a secret
    keeps it."""

    priority = 10

    def __init__(self, backends: list[KeyringBackend]) -> None:
        self.backends = backends

    def get_password(self, service: str, username: str) -> str | None:
        return next((p for b in self.backends if (p := b.get_password(service, username)) is not None), None)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.backends[0].set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self.backends[0].delete_password(service, username)


@pytest.mark.parametrize("refused", ["null", "fail", "alt"])
def test_a_plaintext_or_empty_keyring_alone_is_refused_before_any_database_is_made(
        refused: str, data_dir: Path, plaintext_backend: type[KeyringBackend]) -> None:
    backend = {"null": keyring.backends.null.Keyring, "fail": keyring.backends.fail.Keyring,
               "alt": plaintext_backend}[refused]()
    keyring.set_keyring(backend)
    with pytest.raises(keystore.KeyringUnavailable) as caught:
        open_workspace(data_dir)
    assert type(backend).__module__ in caught.value.text("en")
    assert not paths.database_file(data_dir).exists()


def test_in_a_chain_the_key_goes_to_the_secure_backend_never_to_a_plaintext_one_before_it(
        data_dir: Path, plaintext_backend: type[KeyringBackend]) -> None:
    plain, secure = plaintext_backend(), keyring_backend.TestKeyring()
    keyring.set_keyring(_Chain([plain, keyring.backends.null.Keyring(), secure]))
    with open_workspace(data_dir):
        pass
    assert plain.kept == {}  # type: ignore[attr-defined]  # the stand-in's own store
    folder_id = (data_dir / "folder-id").read_text().strip()
    assert secure.get_password(keystore.SERVICE, f"folder:{folder_id}") is not None
    with open_workspace(data_dir):  # and it is read back from there
        pass


def test_a_chain_of_only_refused_backends_is_refused(data_dir: Path, plaintext_backend: type[KeyringBackend]) -> None:
    keyring.set_keyring(_Chain([plaintext_backend(), keyring.backends.null.Keyring()]))
    with pytest.raises(keystore.KeyringUnavailable):
        open_workspace(data_dir)
    assert not paths.database_file(data_dir).exists()
