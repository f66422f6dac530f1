"""The fixed vocabularies of the domain: codes stored in the data, with bokmål and English labels."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    nb: str
    en: str

    def label(self, lang: str = "nb") -> str:
        return self.en if lang == "en" else self.nb


def _terms(*rows: tuple[str, str, str]) -> tuple[Term, ...]:
    return tuple(Term(*row) for row in rows)


# By the vocabulary's identity: validation asks for a vocabulary's codes several times per record, and a bulk
# save validates thousands. The entry holds its tuple, so the id is not reused while the entry exists.
_CODES: dict[int, tuple[tuple[Term, ...], frozenset[str]]] = {}


def codes(terms: tuple[Term, ...]) -> frozenset[str]:
    known = _CODES.get(id(terms))
    if known is not None and known[0] is terms:
        return known[1]
    made = frozenset(t.code for t in terms)
    if len(_CODES) < 256:  # the vocabularies are module constants: tuples made on the fly must not grow it for ever
        _CODES[id(terms)] = (terms, made)
    return made


def label(terms: tuple[Term, ...], code: str | None, lang: str = "nb") -> str:
    for t in terms:
        if t.code == code:
            return t.label(lang)
    return code or ""


METHODS = _terms(("ips", "IPS", "IPS"), ("se", "Supported Employment", "Supported Employment"), ("other", "Annet", "Other"))
PARTICIPANT_STATUSES = _terms(("active", "Aktiv", "Active"), ("in_work", "I arbeid", "In work"), ("ended", "Avsluttet", "Ended"))
CONSENT_RECIPIENTS = _terms(
    ("employer", "Arbeidsgiver", "Employer"), ("nav", "NAV", "NAV"), ("behandler", "Behandler", "Clinician"),
    ("other", "Andre", "Others"),
)
CONTACT_ROLES = _terms(
    ("nearest_manager", "Nærmeste leder", "Nearest manager"), ("hr", "HR", "HR"),
    ("buddy", "Fadder/kollega", "Buddy/colleague"), ("other", "Annen", "Other"),
)
EMPLOYMENT_FORMS = _terms(
    ("permanent", "Fast", "Permanent"), ("temporary", "Midlertidig", "Temporary"), ("on_call", "Tilkalling", "On call"),
    ("apprentice", "Lærling", "Apprentice"), ("work_practice", "Arbeidspraksis", "Work practice"),
)
PLACEMENT_STATUSES = _terms(("planned", "Planlagt", "Planned"), ("active", "Aktiv", "Active"), ("ended", "Avsluttet", "Ended"))
NAV_MEASURES = _terms(
    ("wage_subsidy", "Lønnstilskudd", "Wage subsidy"), ("mentor", "Mentor", "Mentor"),
    ("inclusion_grant", "Inkluderingstilskudd", "Inclusion grant"), ("aids", "Hjelpemidler", "Aids"),
    ("other", "Annet", "Other"),
)
MAPPING_STATUSES = _terms(
    ("not_mapped", "Ikke kartlagt", "Not mapped"), ("resource", "Ressurs", "Resource"),
    ("obstacle", "Hinder", "Obstacle"), ("clarified", "Avklart", "Clarified"),
)
# (code, nb, en, sensitive by default): sensitive areas never reach anything the employer gets.
MAPPING_AREAS: tuple[tuple[str, str, str, bool], ...] = (
    ("work_wishes", "Arbeidsønsker", "Work wishes", False),
    ("skills_education", "Kompetanse og utdanning", "Skills and education", False),
    ("work_experience", "Arbeidserfaring", "Work experience", False),
    ("interests_strengths", "Interesser og styrker", "Interests and strengths", False),
    ("basic_skills", "Grunnleggende ferdigheter", "Basic skills", False),
    ("health_treatment", "Helse og behandling", "Health and treatment", True),
    ("housing", "Bolig", "Housing", True),
    ("finances_benefits", "Økonomi og ytelser", "Finances and benefits", True),
    ("family_network", "Familie og nettverk", "Family and network", True),
    ("substance_use", "Rusmiddelbruk", "Substance use", True),
    ("transport", "Transport", "Transport", False),
    ("coping_motivation", "Mestring og motivasjon (jobbhåp)", "Coping and motivation (work hope)", False),
    ("expectations", "Forventninger", "Expectations", False),
    ("accommodation_needs", "Behov for tilrettelegging", "Accommodation needs", False),
    ("disclosure", "Åpenhet overfor arbeidsgiver", "Disclosure to the employer", False),
    ("employer_needs_job_match", "Arbeidsgivers behov og jobbmatch", "Employer's needs and job match", False),
)
SENSITIVE_AREAS = frozenset(code for code, _, _, sensitive in MAPPING_AREAS if sensitive)
VISIT_CHANNELS = _terms(
    ("on_site", "På arbeidsplassen", "At the workplace"), ("elsewhere", "Annet sted", "Elsewhere"),
    ("phone", "Telefon", "Phone"), ("video", "Video", "Video"),
)
VISIT_TYPES = _terms(
    ("before_start", "Før oppstart", "Before start"), ("first_week", "Første uke", "First week"),
    ("first_month", "Første måned", "First month"), ("routine", "Rutine", "Routine"),
    ("evaluation", "Evaluering", "Evaluation"), ("crisis", "Krise", "Crisis"), ("job_loss", "Jobbtap", "Job loss"),
    ("closing", "Avslutning", "Closing"),
)
VISIT_TOPICS = _terms(
    ("tasks", "Arbeidsoppgaver", "Tasks"), ("learning", "Opplæring i jobben", "On-the-job learning"),
    ("hours_absence", "Arbeidstid og fravær", "Hours and absence"),
    ("cooperation", "Samarbeid med leder og kolleger", "Cooperation with manager and colleagues"),
    ("accommodation", "Status for tilrettelegging", "Accommodation status"),
    ("health_coping", "Helse og mestring", "Health and coping"), ("pay", "Lønn", "Pay"),
    ("transport", "Transport", "Transport"), ("wellbeing", "Trivsel", "Well-being"), ("career", "Karriere", "Career"),
    ("economy", "Økonomi og ytelser", "Finances and benefits"),
)
ACTION_STATUSES = _terms(
    ("proposed", "Foreslått", "Proposed"), ("agreed", "Avtalt", "Agreed"), ("done", "Utført", "Done"),
    ("not_relevant", "Ikke aktuelt", "Not relevant"),
)
OPEN_ACTION_STATUSES = frozenset({"proposed", "agreed"})
