"""Bokmål and English labels for the codes stored in follow-up agreements (status, frequency, form, roles …)."""

from __future__ import annotations

from fieldapp.domain.vocab import EMPLOYMENT_FORMS, Term, label

__all__ = [
    "ACCOMMODATION_CATEGORIES",
    "AGREEMENT_STATUSES",
    "AGREEMENT_TYPES",
    "CHANGE_TYPES",
    "EMPLOYMENT_FORMS",
    "FOLLOW_UP_ACTORS",
    "FOLLOW_UP_FORMS",
    "FREQUENCIES",
    "OTHER_PARTY_ROLES",
    "PARTY_ROLES",
    "SIGNATURE_METHODS",
    "SIGNER_ROLES",
    "label",
]


def _terms(*rows: tuple[str, str, str]) -> tuple[Term, ...]:
    return tuple(Term(*row) for row in rows)


AGREEMENT_TYPES = _terms(
    ("toa", "Tilretteleggings- og oppfølgingsavtale", "Accommodation and follow-up agreement"),
    ("jobbstotteplan", "Jobbstøtteplan", "Job support plan"),
)
AGREEMENT_STATUSES = _terms(
    ("draft", "Utkast", "Draft"), ("ready_for_signing", "Klar for signering", "Ready for signing"),
    ("partly_signed", "Delvis signert", "Partly signed"), ("concluded", "Inngått", "Concluded"),
    ("active", "Aktiv", "Active"), ("ended", "Avsluttet", "Ended"), ("annulled", "Annullert", "Annulled"),
)
FREQUENCIES = _terms(
    ("weekly", "Hver uke", "Weekly"), ("every_other_week", "Annenhver uke", "Every other week"),
    ("monthly", "Hver måned", "Monthly"), ("quarterly", "Hvert kvartal", "Quarterly"),
    ("as_needed", "Ved behov", "As needed"), ("custom", "Annet", "Other"),
)
FOLLOW_UP_FORMS = _terms(
    ("in_person", "Fysisk møte", "In person"), ("phone", "Telefon", "Phone"), ("video", "Video", "Video"),
)
ACCOMMODATION_CATEGORIES = _terms(
    ("working_hours", "Arbeidstid", "Working hours"), ("tasks", "Arbeidsoppgaver", "Tasks"),
    ("training", "Opplæring", "Training"), ("aids_equipment", "Hjelpemidler og utstyr", "Aids and equipment"),
    ("physical_environment", "Fysisk arbeidsmiljø", "Physical environment"),
    ("social_buddy", "Sosialt / fadder", "Social / buddy"), ("other", "Annet", "Other"),
)
# Who signs, and who holds responsibilities (RESPONSIBILITY_ROLES and SIGNER_ROLES share these codes).
SIGNER_ROLES = _terms(
    ("employee", "Arbeidstaker", "Employee"), ("employer", "Arbeidsgiver", "Employer"),
    ("job_specialist", "Jobbspesialist", "Job specialist"), ("nav", "NAV", "NAV"), ("other", "Annen", "Other"),
)
PARTY_ROLES = _terms(
    ("participant", "Arbeidstaker", "Employee"), ("employer", "Arbeidsgiver", "Employer"),
    ("employer_contact", "Kontaktperson", "Contact person"),
    ("job_specialist", "Jobbspesialist", "Job specialist"), ("nav", "NAV-veileder", "NAV contact"),
    ("behandler", "Behandler", "Clinician"), ("other", "Annen aktør", "Other actor"),
)
# Parties beyond the fixed ones (Parties.others): a behandler or another actor, e.g. the municipality.
OTHER_PARTY_ROLES = tuple(t for t in PARTY_ROLES if t.code in ("behandler", "other"))
# Who a follow-up line is from: the signers and a behandler.
FOLLOW_UP_ACTORS = SIGNER_ROLES[:4] + (PARTY_ROLES[5],) + SIGNER_ROLES[4:]
SIGNATURE_METHODS = _terms(
    ("drawn", "Signert på skjerm", "Signed on screen"), ("paper", "Signert på papir", "Signed on paper"),
    ("on_behalf", "Signert på vegne av parten", "Signed on behalf of the party"),
)
CHANGE_TYPES = _terms(
    ("create", "Ny avtale", "New agreement"), ("extend", "Forlenget", "Extended"), ("shorten", "Forkortet", "Shortened"),
    ("change_goals", "Endrede mål", "Goals changed"), ("change_follow_up", "Endret oppfølging", "Follow-up changed"),
    ("change_accommodations", "Endret tilrettelegging", "Accommodations changed"),
    ("change_job", "Endret stilling", "Job changed"), ("change_contact_info", "Endret kontaktinformasjon",
                                                        "Contact information changed"),
    ("annul", "Annullert", "Annulled"),
)
