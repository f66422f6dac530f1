"""Demo agreements built in memory: the rows storage/agreements.py writes step by step (create, freeze, sign,
annul), gathered for one bulk insert instead of a flush per step. The domain rules still decide each step."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import UTC, date, datetime

from fieldapp.demo import agreements as demo_agreements
from fieldapp.demo.bulk import Pending
from fieldapp.domain import agreement_content as ac
from fieldapp.domain import agreement_rules as rules
from fieldapp.domain.agreement_records import Agreement, AgreementEvent, Signature
from fieldapp.domain.messages import ValidationFailed
from fieldapp.storage.base import new_id

ANNUL_REASON = "Registrert ved en feil (demodata)."


class Numbers:
    """This device's agreement numbers, counted on from the last one stored (storage.agreements.next_number)."""

    def __init__(self, device_id: str, last: int) -> None:
        self.code = device_id.replace("-", "")[:4].upper()
        self.last = last

    def next(self, year: int) -> str:
        self.last += 1
        return rules.next_agreement_number(self.code, year, self.last - 1)


def _event(pending: Pending, agreement_id: str, kind: str, version_id: str | None = None, **details: object) -> None:
    pending.add(AgreementEvent(agreement_id=agreement_id, version_id=version_id, kind=kind, at=datetime.now(UTC),
                               details=json.dumps(details, ensure_ascii=False, default=str) if details else None))


def add_agreement(pending: Pending, numbers: Numbers, rng: random.Random, *, participant_id: str, employer_id: str,
                  placement_id: str, content: ac.AgreementContent, status: str, names: dict[str, str],
                  device_id: str, start: date, confirmation: str) -> None:
    """One agreement driven to `status`, drawing from `rng` exactly as the step-by-step path did."""
    agreement = Agreement(id=new_id(), number=numbers.next(datetime.now(UTC).year),
                          agreement_type=content.agreement_type, participant_id=participant_id,
                          employer_id=employer_id, placement_id=placement_id)
    # Added last, annulled or not: the bulk insert writes parents before children whatever the order here.
    version_id = new_id()
    version: dict[str, object] = {
        "id": version_id, "agreement_id": agreement.id, "version_no": 1,
        "content_json": ac.canonical_json(content).decode("utf-8"), "change_types": (rules.ChangeType.CREATE,),
        "change_reason": None, "frozen_at": None, "content_hash": None}
    pending.add_row("agreement_version", version)
    _event(pending, agreement.id, "created", version_id)
    if status == "draft":
        pending.add(agreement)
        return
    # The demo's goals avoid sensitive mapping areas (demo.agreements.EMPLOYER_GOALS), so no consent is needed.
    missing = rules.missing_for_signing(content)
    if missing:
        raise ValidationFailed(missing)
    version["frozen_at"] = datetime.now(UTC)
    version["content_hash"] = ac.content_hash(content)
    _event(pending, agreement.id, "ready_for_signing", version_id, content_hash=version["content_hash"])
    signed: list[Signature] = []
    for step, role in enumerate(demo_agreements.signing_plan("active" if status == "annulled" else status)):
        method = rng.choice(("drawn", "paper"))
        rules.check_can_sign(role, content, True, [s.fact() for s in signed], annulled=False)
        signed.append(pending.add(Signature(
            version_id=version_id, role=role, name=names[role], method=method, confirmation_text=confirmation,
            signed_at=demo_agreements.signed_time(start, step), device_id=device_id)))
        _event(pending, agreement.id, "signed", version_id, role=role, method=method)
        if role == "job_specialist" and rules.derive_status(
                content=content, frozen=True, signatures=[s.fact() for s in signed], annulled=False,
                today=date.today()) in rules.AgreementStatus.SIGNED:
            _event(pending, agreement.id, "concluded", version_id)
    if status == "annulled":
        agreement = replace(agreement, annulled_at=datetime.now(UTC), annul_reason=ANNUL_REASON)
        _event(pending, agreement.id, "annulled", reason=ANNUL_REASON)
    pending.add(agreement)
