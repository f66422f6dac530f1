"""Rotating this device's server token: on request (`fieldapp sync rotate-token`) and after a key rotation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fieldapp.storage import sync_state
from fieldapp.storage.datafolder import DataFolder
from fieldapp.sync import errors, keys

if TYPE_CHECKING:
    from fieldapp.sync.transport import Transport


def rotate_token(t: Transport, device_id: str) -> bool:
    """Ask the server for a new token, keep it in the keyring, and use it once at once. False when the server
    cannot rotate tokens (an older server version).

    The server accepts the old token until the new one is first used, so a crash between its answer and the
    keyring write leaves the device working with the old token (and a later rotation simply starts again).
    """
    resp = t.call("POST", "/v1/token", idempotent=False)
    if resp.status == 404 and resp.code == "not_found":
        return False  # a server from before token rotation: the token stays, the sync goes on
    body = resp.body if isinstance(resp.body, dict) else {}
    new = body.get("token")
    if resp.status != 200 or not isinstance(new, str) or not 20 <= len(new) <= 100:
        raise errors.sync_error("protocol", "token_rotation",
                                "Serveren ga ikke enheten en ny tilgangsnøkkel (token); den gamle gjelder fortsatt.",
                                "The server did not hand out a new device token; the old one still holds.")
    keys.store_token(device_id, new)
    t.set_token(new)
    # The first request with the new token makes the server forget the old one.
    t.call("GET", "/v1/status")
    return True


def rotate_for_folder(folder: DataFolder, **transport_options: Any) -> None:
    """`fieldapp sync rotate-token`: a new token for this data folder's device."""
    account = sync_state.get_account(folder)
    if account is None:
        raise errors.not_enrolled()
    current = keys.token(folder.device_id)
    if current is None:
        raise errors.auth_failed()
    from fieldapp.sync.transport import Transport

    with Transport(account.server_url, current, **transport_options) as t:
        if not rotate_token(t, folder.device_id):
            raise errors.sync_error("setup", "token_rotation_unsupported",
                                    "Serveren kan ikke bytte tilgangsnøkler (token) ennå (eldre versjon); be "
                                    "administratoren oppdatere den. Den gamle tilgangsnøkkelen gjelder fortsatt.",
                                    "The server cannot rotate device tokens yet (an older version); ask the "
                                    "administrator to update it. The old token still holds.")
