"""Admission of pulled batches, without a server: signatures, members, cutoffs, order, and late-known members."""

from __future__ import annotations

import uuid

from fieldapp.storage import merge
from fieldapp.sync import bundle as bundles
from fieldapp.sync import crypto, identity
from fieldapp.sync.admission import Admission, Gap
from fieldapp.sync.protocol import WireBatch

TEAM = str(uuid.uuid4())


def _member() -> tuple[str, bytes, bytes]:
    _, x_public = crypto.new_device_keypair()
    ed = identity.new_identity()
    return str(uuid.uuid4()), x_public, ed


def _batch(current: bundles.KeyBundle, device: str, signer: bytes, seq: int, cursor: int) -> WireBatch:
    plain = crypto.encode_payload([("participant", str(uuid.uuid4()), "notes", "x", 1)], base=0)
    blob = crypto.seal_batch(current.current_key, signer, plain, team_id=TEAM, device_id=device, seq=seq,
                             key_id=current.current)
    return WireBatch(device, seq, current.current, blob, cursor)


def test_a_member_approved_after_the_run_began_is_taken_in_after_fetching_the_newer_epoch() -> None:
    a, a_x, a_ed = _member()
    d, d_x, d_ed = _member()
    first = bundles.first_bundle(TEAM, a, a_x, identity.identity_public(a_ed), a_x,
                                 identity.identity_public(a_ed)).signed(a, a_ed)
    second = first.with_member(d, d_x, identity.identity_public(d_ed)).signed(a, a_ed)
    fetched: list[int] = []

    def refresh() -> bundles.KeyBundle:
        fetched.append(1)
        return second

    admission = Admission(TEAM, "me", first, {}, refresh=refresh)
    taken = admission.take(_batch(second, d, d_ed, 1, 1))
    assert isinstance(taken, merge.RemoteBatch) and taken.problem is None and taken.changes
    assert fetched == [1] and admission.current is second
    # Without a newer epoch, a device that is no member stays refused, and the refresh is not repeated.
    stranger, _, s_ed = _member()
    refused = admission.take(_batch(second, stranger, s_ed, 1, 2))
    assert isinstance(refused, merge.RemoteBatch) and "not in the team's roster" in (refused.problem or "")
    admission.take(_batch(second, stranger, s_ed, 2, 3))
    assert len(fetched) == 2


def test_order_replay_and_cutoff() -> None:
    a, a_x, a_ed = _member()
    c, c_x, c_ed = _member()
    first = bundles.first_bundle(TEAM, a, a_x, identity.identity_public(a_ed), a_x,
                                 identity.identity_public(a_ed)).signed(a, a_ed)
    second = first.with_member(c, c_x, identity.identity_public(c_ed)).signed(a, a_ed)
    third = second.rotated({c: 1}).signed(a, a_ed)
    admission = Admission(TEAM, "me", third, {a: 4})
    assert admission.take(_batch(third, a, a_ed, 6, 1)) == Gap(a, 5)
    replay = admission.take(_batch(third, a, a_ed, 4, 2))
    assert isinstance(replay, merge.RemoteBatch) and "replayed" in (replay.problem or "")
    ok = admission.take(_batch(third, a, a_ed, 5, 3))
    assert isinstance(ok, merge.RemoteBatch) and ok.problem is None
    assert isinstance(admission.take(_batch(second, c, c_ed, 1, 4)), merge.RemoteBatch)
    late = admission.take(_batch(second, c, c_ed, 2, 5))
    assert isinstance(late, merge.RemoteBatch) and "past its last accepted batch 1" in (late.problem or "")
    forged = admission.take(_batch(third, a, c_ed, 6, 6))  # signed with another member's key
    assert isinstance(forged, merge.RemoteBatch) and "signature does not verify" in (forged.problem or "")


def test_a_removed_device_cannot_use_a_key_made_after_its_removal() -> None:
    a, a_x, a_ed = _member()
    c, c_x, c_ed = _member()
    first = bundles.first_bundle(TEAM, a, a_x, identity.identity_public(a_ed), a_x,
                                 identity.identity_public(a_ed)).signed(a, a_ed)
    third = first.with_member(c, c_x, identity.identity_public(c_ed)).signed(a, a_ed).rotated({c: 1}).signed(a, a_ed)
    refused = Admission(TEAM, "me", third, {}).take(_batch(third, c, c_ed, 1, 1))  # the new key, somehow
    assert isinstance(refused, merge.RemoteBatch) and "made after device" in (refused.problem or "")
