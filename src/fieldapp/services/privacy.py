"""Consent checks before an employer-facing document leaves the app, for the UI and the command line."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain import consent as rules
from fieldapp.domain.messages import DomainError, FieldError, Message
from fieldapp.services.workspace import Workspace
from fieldapp.storage import agreement_documents as docs_store
from fieldapp.storage.queries.consents import consent_facts


@dataclass(frozen=True)
class EmployerCopyCheck:
    """`blocking`: sensitive goals without consent (the copy may not be made); `warning`: employer consent
    missing or withdrawn (the user may still go on after reading it)."""

    participant_id: str
    employer_facing: bool
    blocking: tuple[FieldError, ...]
    warning: Message | None

    @property
    def allowed(self) -> bool:
        return not self.blocking


def check_employer_copy(ws: Workspace, agreement_ref: str, *, version_no: int | None = None) -> EmployerCopyCheck:
    with ws.folder.read() as session:
        agreement = docs_store.find_agreement(session, agreement_ref)
        facts = docs_store.version_facts(session, agreement.id, version_no)
        consents = consent_facts(session, agreement.participant_id)
    content = facts.version.content
    facing = rules.is_employer_facing(content)
    return EmployerCopyCheck(
        participant_id=agreement.participant_id, employer_facing=facing,
        blocking=tuple(rules.sensitive_goal_errors(content, consents)),
        warning=rules.employer_share_warning(rules.employer_consent_state(consents)) if facing else None)


def refuse_if_blocked(check: EmployerCopyCheck) -> None:
    """Raise the first blocking reason as a DomainError (what the command line and saving show)."""
    if check.blocking:
        first = check.blocking[0].message
        raise DomainError(Message("employer_copy.sensitive_goal", first.nb, first.en))
