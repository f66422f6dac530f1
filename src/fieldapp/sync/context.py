"""What every sync step needs: the data folder, this device's keys, the account, and answer checking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from fieldapp.storage import sync_state
from fieldapp.storage.datafolder import DataFolder
from fieldapp.sync import crypto, errors, identity, keys
from fieldapp.sync.protocol import DeviceInfo, ProtocolError, Status

if TYPE_CHECKING:  # httpx (through transport) is imported only when a sync really starts
    from fieldapp.sync.transport import Response, Transport

T = TypeVar("T")


def check(resp: Response, what: str) -> Any:
    if resp.status not in (200, 201):
        msg = resp.body.get("message") if isinstance(resp.body, dict) else resp.body
        # One language at a time: `what` is "bokmål / English"; the server's own message is English only.
        what_nb, _, what_en = what.partition(" / ")
        raise errors.sync_error("conflict" if resp.status == 409 else "setup", f"refused.{resp.code or resp.status}",
                                f"Serveren avviste {what_nb} ({resp.code or resp.status}).",
                                f"The server refused {what_en or what_nb}: {msg}")
    if not isinstance(resp.body, dict):
        raise errors.protocol(f"{what}: expected a JSON object")
    return resp.body


def parse(parser: Callable[[Any], T], body: Any) -> T:
    try:
        return parser(body)
    except ProtocolError as exc:
        raise errors.protocol(str(exc)) from exc


@dataclass(frozen=True)
class DeviceKeys:
    """This device's private keys (X25519 for key wrap, Ed25519 for signatures) and their public halves."""

    device_id: str
    x25519_private: bytes
    ed25519_private: bytes

    @property
    def x25519_public(self) -> bytes:
        return crypto.public_key(self.x25519_private)

    @property
    def ed25519_public(self) -> bytes:
        return identity.identity_public(self.ed25519_private)

    @property
    def public(self) -> bytes:
        """What the server stores and lists for this device, and what the fingerprint covers."""
        return identity.join_device_keys(self.x25519_public, self.ed25519_public)

    @property
    def fingerprint(self) -> str:
        return crypto.fingerprint(self.device_id, self.public)


def device_keys(device_id: str, *, create: bool = False) -> DeviceKeys:
    x = keys.device_private_key(device_id, create=create)
    ed = keys.identity_private_key(device_id, create=create)
    if x is None or ed is None:
        raise errors.sync_error("keys", "device_key_missing",
                                "Enhetens nøkkel mangler i nøkkelringen; registrer enheten på nytt.",
                                "This device's key is missing from the keyring; enroll the device again.")
    return DeviceKeys(device_id, x, ed)


@dataclass
class Context:
    """One conversation with the server for one data folder."""

    folder: DataFolder
    account: sync_state.Account
    t: Transport

    @property
    def me(self) -> str:
        return self.folder.device_id

    @property
    def team_id(self) -> str:
        return self.account.team_id

    def keys(self) -> DeviceKeys:
        return device_keys(self.me)

    def devices(self) -> list[DeviceInfo]:
        body = check(self.t.call("GET", "/v1/devices"), "enhetslisten / the device list")
        return [parse(DeviceInfo.from_json, d) for d in body.get("devices", [])]

    def status(self) -> Status:
        resp = self.t.call("GET", "/v1/status")
        return self.check_status(parse(Status.from_json, check(resp, "statusforespørselen / the status request")))

    def check_status(self, status: Status) -> Status:
        """The server must hold the history this device has seen; otherwise nothing is done locally."""
        account = self.account
        if status.team_id != account.team_id:
            raise errors.history("et annet team", "another team")
        if status.history_id != account.history_id:
            raise errors.history("en annen historikk-id", "another history id")
        if status.max_cursor < account.cursor:
            raise errors.history(f"serveren har {status.max_cursor} endringspakker, denne enheten har sett {account.cursor}",
                                 f"the server holds {status.max_cursor} batches, this device has seen {account.cursor}")
        if status.device_status != "active":
            raise errors.pending(self.keys().fingerprint)
        return status
