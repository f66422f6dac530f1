"""Consent rules of a cooperation meeting: who may hear about the participant, and what the minutes may say."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from fieldapp.domain import vocab
# The scope reading (clauses that exclude an area do not grant it) is the one the employer's copy uses.
from fieldapp.domain.consent import _granted_areas, area_label
from fieldapp.domain.messages import Message
from fieldapp.domain.records import Consent, CooperatingActor

# Actor roles are typed by people ("NAV-veileder", "DPS Østmarka", "FACT-teamet"): word beginnings decide which
# consent recipient an actor falls under. Anything else is "other".
_RECIPIENT_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nav", ("nav",)),
    ("behandler", ("behandler", "dps", "fact", "lege", "fastlege", "psykolog", "psykiater", "terapeut",
                   "poliklinikk", "klinikk", "sykepleier", "helse", "clinician", "doctor", "gp")),
)


def recipient_for(actor: CooperatingActor) -> str:
    """The consent recipient (vocab.CONSENT_RECIPIENTS) an actor's role and organisation fall under."""
    words = re.findall(r"\w+", f"{actor.role} {actor.organisation or ''}".casefold())
    for recipient, starts in _RECIPIENT_WORDS:
        if any(w.startswith(s) for w in words for s in starts):
            return recipient
    return "other"


def has_consent(actor: CooperatingActor, consents: Iterable[Consent]) -> bool:
    """Consent to share with the actor is recorded: on the actor itself, or a given consent for its recipient."""
    if actor.consent_to_contact:
        return True
    wanted = recipient_for(actor)
    return any(c.given and c.recipient == wanted and c.deleted_at is None for c in consents)


def without_consent(actors: Sequence[CooperatingActor], consents: Sequence[Consent]) -> list[CooperatingActor]:
    return [a for a in actors if not has_consent(a, consents)]


def consent_warning(missing: Sequence[CooperatingActor]) -> Message | None:
    """The warning shown while attendees are chosen and again before the minutes are printed or saved."""
    if not missing:
        return None
    names = ", ".join(f"{a.name} ({a.role})" for a in missing)
    return Message(
        "meeting.consent_missing",
        f"Det er ikke registrert samtykke til å dele opplysninger med: {names}. Snakk med deltakeren og registrer "
        f"samtykket (på aktøren eller under deltakerens samtykker) før møtet eller før referatet deles.",
        f"No consent to share information is recorded for: {names}. Talk to the participant and record the "
        f"consent (on the actor or among the participant's consents) before the meeting or before the minutes "
        f"are shared.")


def areas_for_minutes(attendees: Sequence[CooperatingActor], consents: Iterable[Consent]) -> frozenset[str]:
    """Sensitive mapping areas the minutes may show: named in a given consent to every attending recipient."""
    recipients = {recipient_for(a) for a in attendees}
    if not recipients:
        return frozenset()
    granted: dict[str, set[str]] = {r: set() for r in recipients}
    for c in consents:
        if c.given and c.deleted_at is None and c.recipient in granted:
            granted[c.recipient] |= _granted_areas(c.scope)
    # Each attendee gets a copy: an area goes in only when every one of them may know it.
    return frozenset(set.intersection(*granted.values())) & vocab.SENSITIVE_AREAS


def withheld_note(withheld: Iterable[str], lang: str = "nb") -> str:
    labels = ", ".join(area_label(a, lang) for a in sorted(withheld))
    if lang == "en":
        return f"Not shown without the participant's consent: {labels}."
    return f"Vises ikke uten deltakerens samtykke: {labels}."
