"""The key bundle chain rules: which next epochs a device takes, and which it refuses."""

from __future__ import annotations

import dataclasses

import pytest

from fieldapp.sync import bundle as bundles
from fieldapp.sync import crypto, identity
from fieldapp.sync.bundle import RECOVERY_SIGNER, UntrustedBundle


def _device() -> tuple[bytes, bytes, bytes]:
    x_private, x_public = crypto.new_device_keypair()
    ed = identity.new_identity()
    return x_public, ed, identity.identity_public(ed)


@pytest.fixture
def chain() -> dict[str, object]:
    a_x, a_ed, a_pub = _device()
    b_x, b_ed, b_pub = _device()
    recovery_private, recovery_public = crypto.new_device_keypair()
    recovery_signing = identity.recovery_signing_private(recovery_private)
    first = bundles.first_bundle("team", "a", a_x, a_pub, recovery_public,
                                 identity.identity_public(recovery_signing)).signed("a", a_ed)
    second = first.with_member("b", b_x, b_pub).signed("a", a_ed)
    return {"first": first, "second": second, "a_ed": a_ed, "b_ed": b_ed, "recovery_signing": recovery_signing}


def test_a_valid_chain_is_taken(chain) -> None:
    first, second = chain["first"], chain["second"]
    bundles.check_root(first, device_id="a", device_keys=first.roster["a"].device_keys)
    bundles.check_successor(first, second)
    third = second.rotated({"a": 5}).signed("b", chain["b_ed"])  # b removes a, with a cutoff
    bundles.check_successor(second, third)
    assert third.members.keys() == {"b"} and third.roster["a"].cutoff == 5
    assert third.retired_at(first.current) == 3 and third.retired_at(third.current) is None
    recovered = third.with_member("c", *_device()[::2]).signed(RECOVERY_SIGNER, chain["recovery_signing"])
    bundles.check_successor(third, recovered)


def _refused(prev: bundles.KeyBundle, new: bundles.KeyBundle, words: str) -> None:
    with pytest.raises(UntrustedBundle, match=words):
        bundles.check_successor(prev, new)


def test_each_broken_rule_is_refused(chain) -> None:
    first, second, a_ed, b_ed = chain["first"], chain["second"], chain["a_ed"], chain["b_ed"]
    stranger = identity.new_identity()
    _refused(first, second.signed("a", stranger), "does not verify")
    _refused(first, second.signed("b", b_ed), "not a member")  # b is not a member of epoch 1
    _refused(first, second.signed("nobody", stranger), "not a member")
    _refused(first, dataclasses.replace(second, epoch=3).signed("a", a_ed), "does not follow")
    swapped = dataclasses.replace(second, keys={first.current: crypto.new_key()}).signed("a", a_ed)
    _refused(first, swapped, "changed or dropped")
    new_recovery = dataclasses.replace(second, recovery_public=crypto.new_device_keypair()[1]).signed("a", a_ed)
    _refused(first, new_recovery, "recovery key")
    removed_quietly = dataclasses.replace(second, epoch=3, roster={
        **second.roster, "a": dataclasses.replace(second.roster["a"], removed=3, cutoff=0)}).signed("b", b_ed)
    _refused(second, removed_quietly, "without a new data key")
    rekeyed = dataclasses.replace(second, roster={
        **second.roster, "a": dataclasses.replace(second.roster["a"], ed25519=identity.identity_public(stranger))})
    _refused(first, rekeyed.signed("a", a_ed), "changed or dropped")
    rotated = second.rotated({}).signed("a", a_ed)
    back = dataclasses.replace(rotated.with_member("z", *_device()[::2]), current=first.current).signed("a", a_ed)
    _refused(rotated, back, "went back")
    wrong_recovery = second.rotated({}).signed(RECOVERY_SIGNER, identity.new_identity())
    _refused(second, wrong_recovery, "does not verify")


def test_the_roster_and_key_rules_each_refuse_what_they_forbid(chain) -> None:  # type: ignore[no-untyped-def]  # pytest fixtures are untyped
    first, second, a_ed, b_ed = chain["first"], chain["second"], chain["a_ed"], chain["b_ed"]
    third = second.rotated({"a": 5}).signed("b", b_ed)  # b removes a
    bundles.check_successor(second, third)
    # A removed member never comes back: not made active again, its cutoff not moved.
    revived = dataclasses.replace(third, epoch=4, roster={
        **third.roster, "a": dataclasses.replace(third.roster["a"], removed=None, cutoff=None)}).signed("b", b_ed)
    _refused(third, revived, "removed member a was changed")
    later_cutoff = dataclasses.replace(third, epoch=4, roster={
        **third.roster, "a": dataclasses.replace(third.roster["a"], cutoff=50)}).signed("b", b_ed)
    _refused(third, later_cutoff, "removed member a was changed")
    # A removal names this epoch and a cutoff.
    no_cutoff = second.rotated({"a": 5})
    no_cutoff = dataclasses.replace(no_cutoff, roster={
        **no_cutoff.roster, "a": dataclasses.replace(no_cutoff.roster["a"], cutoff=None)}).signed("b", b_ed)
    _refused(second, no_cutoff, "removed inconsistently")
    # A new data key is only ever the current one, and of this epoch.
    rotated = second.rotated({})
    spare = dataclasses.replace(rotated, keys={**rotated.keys, "spare": crypto.new_key()},
                                key_epochs={**rotated.key_epochs, "spare": rotated.epoch}).signed("a", a_ed)
    _refused(second, spare, "must be the current one")
    backdated = dataclasses.replace(rotated, key_epochs={**rotated.key_epochs, rotated.current: 1}).signed("a", a_ed)
    _refused(second, backdated, "must be the current one")
    # A new member joins in this epoch, active.
    joined_earlier = dataclasses.replace(second, roster={
        **second.roster, "b": dataclasses.replace(second.roster["b"], added=1)}).signed("a", a_ed)
    _refused(first, joined_earlier, "new member b is inconsistent")
    joined_removed = dataclasses.replace(second, roster={
        **second.roster, "b": dataclasses.replace(second.roster["b"], removed=2, cutoff=0)}).signed("a", a_ed)
    _refused(first, joined_removed, "new member b is inconsistent")


def test_a_first_bundle_must_list_this_device_with_its_keys(chain) -> None:
    second = chain["second"]
    bundles.check_root(second, device_id="b", device_keys=second.roster["b"].device_keys)
    with pytest.raises(UntrustedBundle):
        bundles.check_root(second, device_id="b", device_keys=second.roster["a"].device_keys)
    with pytest.raises(UntrustedBundle):
        bundles.check_root(second, device_id="c", device_keys=second.roster["b"].device_keys)
