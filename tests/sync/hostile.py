"""A hostile server for tests: a real server whose operator rewrites its database and filters what it serves.

Every key the operator makes (data keys, device and recovery key pairs) is recorded, so a test can try
every stored blob with every one of them and show that none opens anything a participant wrote.
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from fieldapp.server import batch_store
from fieldapp.server.db import batches, devices, key_envelopes, teams
from fieldapp.sync import bundle as bundles
from fieldapp.sync import crypto, identity
from tests.support.plaintext_search import found, stored_values
from tests.support.sync_server import LiveServer


class HostileServer:
    def __init__(self, server: LiveServer, team_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.server = server
        self.engine = server.engine
        self.team_id = team_id
        self.monkeypatch = monkeypatch
        self.data_keys: list[bytes] = []  # every data key the operator made
        self.x25519_privates: list[bytes] = []  # every key-wrap private key the operator made

    # Reading the database ---------------------------------------------------------------------------

    def batch_rows(self) -> list[Any]:
        with self.engine.connect() as conn:
            return conn.execute(select(batches).where(batches.c.team_id == self.team_id)
                                .order_by(batches.c.cursor)).all()

    def team_row(self) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(select(teams).where(teams.c.id == self.team_id)).one()

    def device_keys(self, device_id: str) -> bytes:
        with self.engine.connect() as conn:
            return conn.execute(select(devices.c.public_key).where(devices.c.id == device_id)).scalar_one()

    # Attacks ----------------------------------------------------------------------------------------

    def new_device(self, *, name: str = "drift", status: str = "active") -> tuple[str, bytes]:
        """A device of the operator's own, listed as active; returns its id and public keys."""
        x_private, x_public = crypto.new_device_keypair()
        self.x25519_privates.append(x_private)
        device_id = str(uuid.uuid4())
        public = identity.join_device_keys(x_public, identity.identity_public(identity.new_identity()))
        with self.engine.begin() as conn:
            conn.execute(insert(devices).values(id=device_id, team_id=self.team_id, name=name, public_key=public,
                                                token_hash=os.urandom(32).hex(), status=status,
                                                created_at=datetime.now(UTC)))
        return device_id, public

    def substitute_bundle(self, recipients: list[str], *, with_own_device: bool = True,
                          epoch: int | None = None) -> bundles.KeyBundle:
        """The operator's own bundle as the next epoch (its data key, its recovery key, optionally its own device
        in the roster), signed by a key of its own, wrapped for each recipient's real public key; the rotation
        flag set so devices would wrap older keys for it."""
        epoch = epoch or self.team_row().key_epoch + 1
        recovery_private, recovery_public = crypto.new_device_keypair()
        self.x25519_privates.append(recovery_private)
        signer = identity.new_identity()
        forged = bundles.first_bundle(self.team_id, str(uuid.uuid4()), recovery_public,
                                      identity.identity_public(signer), recovery_public,
                                      identity.identity_public(signer))
        roster = dict(forged.roster) if with_own_device else {}
        for device_id in recipients:
            x_pub, ed_pub = identity.split_device_keys(self.device_keys(device_id))
            roster[device_id] = bundles.Member(x_pub, ed_pub, 1)
        forged = dataclasses.replace(forged, epoch=epoch, roster=roster)
        signer_id = next(iter(forged.roster)) if with_own_device else recipients[0]
        forged = forged.signed(signer_id, signer)
        self.data_keys.extend(forged.keys.values())
        with self.engine.begin() as conn:
            conn.execute(insert(key_envelopes), [
                dict(team_id=self.team_id, recipient=d, key_epoch=epoch, created_by=None, created_at=datetime.now(UTC),
                     blob=bundles.seal_bundle(forged, d, forged.roster[d].x25519)) for d in recipients])
            conn.execute(update(teams).where(teams.c.id == self.team_id).values(
                key_epoch=epoch, current_key_id=forged.current, rotation_needed=True))
        return forged

    def append_batch(self, row: Any, **changes: Any) -> int:
        """Store a copy of `row` (with `changes`) as a new batch at the end, in place of any stored batch with the
        same device and number (the server's own uniqueness rule); returns its cursor."""
        values = {**row._mapping, **changes}
        with self.engine.begin() as conn:
            conn.execute(batches.delete().where((batches.c.team_id == self.team_id)
                                                & (batches.c.device_id == values["device_id"])
                                                & (batches.c.seq == values["seq"])))
            cursor = conn.execute(select(teams.c.next_cursor).where(teams.c.id == self.team_id)).scalar_one()
            conn.execute(insert(batches).values({**values, "cursor": cursor}))
            conn.execute(update(teams).where(teams.c.id == self.team_id).values(next_cursor=cursor + 1))
        return cursor

    def swap(self, first: Any, second: Any) -> None:
        """Serve two stored batches in each other's place (the cursors swapped)."""
        with self.engine.begin() as conn:
            for row in (first, second):
                conn.execute(batches.delete().where((batches.c.team_id == self.team_id)
                                                    & (batches.c.cursor == row.cursor)))
            conn.execute(insert(batches).values({**first._mapping, "cursor": second.cursor}))
            conn.execute(insert(batches).values({**second._mapping, "cursor": first.cursor}))

    def hide_from(self, reader: str, hidden: Callable[[Any], bool]) -> None:
        """Leave out of `reader`'s pulls every batch for which `hidden` is true (others see everything)."""
        real = batch_store.pull

        def pull(engine: Any, caller: Any, after: int, **kwargs: Any) -> Any:
            page = real(engine, caller, after, **kwargs)
            if caller.device_id != reader:
                return page
            return dataclasses.replace(page, batches=tuple(b for b in page.batches if not hidden(b)))
        self.monkeypatch.setattr(batch_store, "pull", pull)

    def behave(self) -> None:
        self.monkeypatch.undo()

    # What the operator can read -----------------------------------------------------------------------

    def readable_plaintexts(self) -> list[bytes]:
        """Every stored batch and envelope the operator can open with a key it made."""
        out: list[bytes] = []
        with self.engine.connect() as conn:
            rows = conn.execute(select(batches)).all()
            envelopes = conn.execute(select(key_envelopes)).all()
            stored = [*conn.execute(select(devices.c.public_key, devices.c.token_hash)).all(),
                      *conn.execute(select(teams.c.recovery_auth_hash)).all(), *((r.digest,) for r in rows)]
        for row in rows:
            for key in [*self.data_keys, *_derivable_keys(stored)]:
                for candidate in (row.blob, row.blob[:-identity.SIGNATURE_BYTES]):
                    try:
                        out.append(crypto.decrypt_batch(key, candidate, team_id=row.team_id, device_id=row.device_id,
                                                        seq=row.seq, key_id=row.key_id))
                    except crypto.CryptoError:
                        continue
        for env in envelopes:
            for private in [*self.x25519_privates, *_derivable_keys(stored)]:
                try:
                    out.append(crypto.unwrap(env.blob, private, context=crypto.wrap_context(
                        team_id=self.team_id, recipient=env.recipient, key_epoch=env.key_epoch)))
                except crypto.CryptoError:
                    continue
        return out

    def assert_blind(self, *names: str) -> None:
        """No participant's name can be read by the operator: not from a blob it can open with a key it made, and
        not from any value of any table without a key, every compressed stream and base64 run in them dug through
        (so a layer of encryption left out anywhere would show: tests/sync/test_blindness_check.py)."""
        readable = found(names, self.readable_plaintexts())
        assert not readable, f"the server can read {sorted(readable)} with a key it made"
        stored = found(names, stored_values(self.engine))
        assert not stored, f"the server can read {sorted(stored)} without any key"



def _derivable_keys(stored: list[Any]) -> list[bytes]:
    """Every 32-byte value the operator holds anyway (public key halves, token and recovery hashes, digests),
    tried as a key: what it could make without a member's secret."""
    out: list[bytes] = []
    for row in stored:
        for value in row:
            if isinstance(value, bytes):
                out.extend(value[i:i + 32] for i in range(0, len(value) - 31, 32))
            elif isinstance(value, str) and len(value) == 64:
                out.append(bytes.fromhex(value))
    return out
