"""Whether a sealed copy that arrives by sync is genuine: its bytes, its seal, and a member's certificate.

A `sealed_document` row from another device is taken in only if the PDF hashes to the stored digest, its
seal is intact and covers the whole file, the agreement version it names matches the row, the row names
the device that pushed it, and the sealing certificate is the one the row names. The pushing device's
signature over the batch binds that certificate to its identity; a certificate that also carries an
endorsement (seal_key.py) must be endorsed by that same device. So a member can seal only in its own
name, and `verify` says which device it was; the server cannot seal at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fieldapp.documents.seal import check_seal, sha256_hex
from fieldapp.documents.seal_key import read_endorsement_der
from fieldapp.sync import identity
from fieldapp.sync.bundle import KeyBundle

ENTITY = "sealed_document"


def member_endorsed(cert_der: bytes, device_id: str, roster: KeyBundle) -> bool:
    """The certificate carries an endorsement by `device_id`'s identity key, as the roster holds it."""
    endorsement = read_endorsement_der(cert_der)
    member = roster.roster.get(device_id)
    return (endorsement is not None and member is not None and endorsement.device_id == device_id
            and identity.verify(member.ed25519, endorsement.signature, endorsement.message))


def member_certificate(cert_der: bytes, device_id: str, roster: KeyBundle) -> bool:
    """`device_id` is (or was) in the roster, and the certificate carries no endorsement or one by it: what a
    copy taken in by sync (or made here) must satisfy for `verify`."""
    if device_id not in roster.roster:
        return False
    return read_endorsement_der(cert_der) is None or member_endorsed(cert_der, device_id, roster)


def problem(changes: Sequence[tuple[str, str, str, Any, int]], *, device_id: str, roster: KeyBundle) -> str | None:
    """Why the sealed copies in a batch's changes are refused, or None when there are none or all are genuine."""
    rows: dict[str, dict[str, Any]] = {}
    for entity, entity_id, name, value, _ in changes:
        if entity == ENTITY:
            rows.setdefault(entity_id, {})[name] = value
    for row_id, row in rows.items():
        found = _row_problem(row, device_id=device_id, roster=roster)
        if found is not None:
            return f"sealed copy {row_id} refused: {found}"
    return None


def _row_problem(row: dict[str, Any], *, device_id: str, roster: KeyBundle) -> str | None:
    pdf = row.get("pdf")
    if not isinstance(pdf, bytes):
        return "no PDF"
    if sha256_hex(pdf) != row.get("sha256"):
        return "the PDF does not hash to the stored digest"
    if row.get("device_id") != device_id:
        return f"it names device {row.get('device_id')} but was sent by device {device_id}"
    check = check_seal(pdf)
    if not check.ok:
        return "the seal is not intact, not valid or does not cover the whole file"
    if check.signer_cert_sha256 != row.get("signer_cert_sha256"):
        return "the sealing certificate is not the one the row names"
    if check.identity is None or check.identity.content_hash != row.get("content_hash"):
        return "the PDF names another agreement version"
    if read_endorsement_der(check.signer_cert_der) is not None and not member_endorsed(
            check.signer_cert_der, device_id, roster):
        return f"the sealing certificate's endorsement is not by member device {device_id}"
    return None
