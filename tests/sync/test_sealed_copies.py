"""Sealed agreement copies over sync: a genuine copy is taken in and verifies on every member device."""

from __future__ import annotations

from fieldapp.services import agreement_documents as docs
from tests.documents.helpers import signed_agreement


def test_a_copy_sealed_before_the_device_enrolled_is_taken_in_by_the_others(server, make_device) -> None:
    team_id = server.team()
    a, b = make_device("a"), make_device("b")
    signed = signed_agreement(a.ws)  # concluded and sealed while a still worked alone
    sealed = signed.result.sealed
    a.client.enroll(server.url, server.code(team_id), name="a")
    out = b.client.enroll(server.url, server.code(team_id), name="b")
    a.client.approve(b.id, out.fingerprint)
    a.sync()
    report = b.sync()
    assert report.quarantined == 0, report.quarantine_reasons
    result = docs.verify_pdf(b.ws, sealed.pdf)
    assert result.ok, result.message.text("en")
    assert result.sealed_by_device == a.id and result.member_seal and result.sealed_at == sealed.sealed_at
