"""Consent rules: what may reach the employer, and the warning before an employer-facing document is shared."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from fieldapp.domain import vocab
from fieldapp.domain.agreement_content import AgreementContent
from fieldapp.domain.agreement_rules import signers_for
from fieldapp.domain.messages import FieldError, Message

EMPLOYER = "employer"

# Words (or word beginnings) that tie a goal's free-text category, or a consent's scope, to a sensitive
# mapping area. Goal categories are typed by people, so the areas' own labels are not enough.
_AREA_WORDS: dict[str, tuple[str, ...]] = {
    "health_treatment": ("helse", "behandling", "health", "treatment"),
    "housing": ("bolig", "husvære", "housing"),
    "finances_benefits": ("økonomi", "ytelse", "trygd", "gjeld", "finans", "benefit"),
    "family_network": ("familie", "nettverk", "family"),
    "substance_use": ("rusmiddel", "rusbruk", "substance"),
}
_EXACT_WORDS: dict[str, tuple[str, ...]] = {"substance_use": ("rus",)}
assert set(_AREA_WORDS) == vocab.SENSITIVE_AREAS, "every sensitive mapping area needs its words"


class ConsentState:
    GIVEN = "given"
    MISSING = "missing"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class ConsentFact:
    """The part of a consent record the rules look at."""

    recipient: str
    scope: str
    given: bool
    decided_on: date | None = None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def sensitive_areas_in(text: str) -> frozenset[str]:
    """The sensitive mapping areas a goal category or consent scope names (by code, label or keyword)."""
    found: set[str] = set()
    words = _words(text)
    folded = text.casefold()
    for code, nb, en, sensitive in vocab.MAPPING_AREAS:
        if not sensitive:
            continue
        if code in folded or nb.casefold() in folded or en.casefold() in folded:
            found.add(code)
        elif any(w.startswith(k) for w in words for k in _AREA_WORDS[code]):
            found.add(code)
        elif any(w in _EXACT_WORDS.get(code, ()) for w in words):
            found.add(code)
    return frozenset(found)


def area_label(code: str, lang: str = "nb") -> str:
    for c, nb, en, _ in vocab.MAPPING_AREAS:
        if c == code:
            return en if lang == "en" else nb
    return code


def employer_consent_state(consents: Iterable[ConsentFact]) -> str:
    """Given if any consent to share with the employer stands; withdrawn if all were refused or withdrawn."""
    to_employer = [c for c in consents if c.recipient == EMPLOYER]
    if any(c.given for c in to_employer):
        return ConsentState.GIVEN
    return ConsentState.WITHDRAWN if to_employer else ConsentState.MISSING


# A scope is free text: "Tilrettelegging, ikke diagnose eller helse" names health only to exclude it.
_NEGATIONS = frozenset({"ikke", "uten", "unntatt", "not", "except", "without"})


def _granted_areas(scope: str) -> frozenset[str]:
    found: set[str] = set()
    for clause in re.split(r"[.;,:\n]|\bmen\b|\bbut\b", scope):
        if not _NEGATIONS.intersection(_words(clause)):
            found |= sensitive_areas_in(clause)
    return frozenset(found)


def areas_consented(consents: Iterable[ConsentFact]) -> frozenset[str]:
    """Sensitive areas the participant has consented to share with the employer: named in a given consent's scope,
    in a clause that does not exclude them."""
    found: set[str] = set()
    for c in consents:
        if c.recipient == EMPLOYER and c.given:
            found |= _granted_areas(c.scope)
    return frozenset(found)


def is_employer_facing(content: AgreementContent) -> bool:
    """The employer gets a copy of every agreement the employer signs (today: every agreement type)."""
    return "employer" in signers_for(content.agreement_type)


def sensitive_goal_errors(content: AgreementContent, consents: Sequence[ConsentFact]) -> list[FieldError]:
    """One error per goal whose category is a sensitive mapping area without the participant's consent for it,
    and per behandler named in the agreement without consent to share health and treatment."""
    if not is_employer_facing(content):
        return []
    allowed = areas_consented(consents)
    errors = []
    for i, goal in enumerate(content.goals):
        missing = sorted(sensitive_areas_in(goal.category) - allowed)
        if not missing:
            continue
        nb_areas = ", ".join(area_label(a) for a in missing)
        en_areas = ", ".join(area_label(a, "en") for a in missing)
        errors.append(FieldError(f"goals[{i}].category", Message(
            "goal.sensitive_without_consent",
            f"Mål {i + 1} («{goal.category}») gjelder et sensitivt område ({nb_areas}). Arbeidsgiveren får en "
            f"kopi av avtalen, så målet kan bare stå her når deltakeren har samtykket til at dette deles med "
            f"arbeidsgiver. Registrer samtykket (mottaker Arbeidsgiver, omfanget skal nevne området), eller "
            f"fjern eller omformuler målet.",
            f"Goal {i + 1} ('{goal.category}') concerns a sensitive area ({en_areas}). The employer gets a copy "
            f"of the agreement, so the goal may only be there when the participant has consented to sharing this "
            f"with the employer. Record the consent (recipient Employer, with the area named in its scope), or "
            f"remove or reword the goal.")))
    return errors + _behandler_errors(content, allowed)


def _behandler_errors(content: AgreementContent, allowed: frozenset[str]) -> list[FieldError]:
    """A behandler named on the employer's copy (as a party or following up) tells the employer there is
    treatment: only with the participant's consent to share health and treatment with the employer."""
    if "health_treatment" in allowed:
        return []
    text = ("En behandler står i avtalen ({where}). Arbeidsgiveren får en kopi, og ser da at deltakeren er i "
            "behandling. Registrer deltakerens samtykke til å dele helse og behandling med arbeidsgiver, eller "
            "ta behandleren ut av avtalen.",
            "A behandler (clinician) is named in the agreement ({where}). The employer gets a copy and so learns "
            "that the participant is in treatment. Record the participant's consent to share health and "
            "treatment with the employer, or take the behandler out of the agreement.")
    errors = []
    for i, party in enumerate(content.parties.others):
        if party.role == "behandler":
            errors.append(FieldError(f"parties.others[{i}].role", Message(
                "party.behandler_without_consent", text[0].format(where=f"annen part {i + 1}"),
                text[1].format(where=f"other party {i + 1}"))))
    for i, line in enumerate(content.follow_ups):
        if line.actor_role == "behandler":
            errors.append(FieldError(f"follow_ups[{i}].actor_role", Message(
                "party.behandler_without_consent", text[0].format(where=f"oppfølging {i + 1}"),
                text[1].format(where=f"follow-up {i + 1}"))))
    return errors


def employer_share_warning(state: str) -> Message | None:
    """The warning shown before an employer-facing document is printed or shared; None when consent stands."""
    if state == ConsentState.GIVEN:
        return None
    if state == ConsentState.WITHDRAWN:
        return Message(
            "consent.employer_withdrawn",
            "Deltakeren har trukket tilbake (eller ikke gitt) samtykket til å dele opplysninger med arbeidsgiver. "
            "Snakk med deltakeren før dokumentet skrives ut eller deles.",
            "The participant has withdrawn (or refused) consent to share information with the employer. "
            "Talk to the participant before the document is printed or shared.")
    return Message(
        "consent.employer_missing",
        "Det er ikke registrert noe samtykke til å dele opplysninger med arbeidsgiver. Registrer samtykket "
        "under deltakerens oversikt før dokumentet skrives ut eller deles.",
        "No consent to share information with the employer is recorded. Record the consent on the "
        "participant's overview before the document is printed or shared.")
