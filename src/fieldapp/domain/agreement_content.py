"""Content of one follow-up agreement version (TOA / jobbstøtteplan), its JSON form and its hash."""

import dataclasses
import functools
import hashlib
import json
import re
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

MAX_TEXT_LENGTH = 1000
SCHEMA_VERSION = 1

AGREEMENT_TYPES = ("toa", "jobbstotteplan")
PARTY_ROLES = ("participant", "employer", "employer_contact", "job_specialist", "nav", "behandler", "other")
RESPONSIBILITY_ROLES = ("employee", "employer", "job_specialist", "nav", "other")
EMPLOYMENT_FORMS = ("permanent", "temporary", "on_call", "apprentice", "work_practice")
FREQUENCIES = ("weekly", "every_other_week", "monthly", "quarterly", "as_needed", "custom")
FOLLOW_UP_FORMS = ("in_person", "phone", "video")
ACCOMMODATION_CATEGORIES = (
    "working_hours", "tasks", "training", "aids_equipment", "physical_environment", "social_buddy", "other",
)


@dataclass(frozen=True)
class PartySnapshot:
    """A party as it was when the version was written; never follows later master-data changes."""

    role: str = "other"
    name: str = ""
    organisation: str = ""
    orgnr: str = ""
    phone: str = ""
    email: str = ""
    title: str = ""
    birth_date: date | None = None  # the participant's, shown instead of the fødselsnummer
    address: str = ""  # the employer's business address


# Fields added after versions were first frozen: left out of the JSON while unset, so the content hash of every
# version written before they existed stays what was signed.
_OMITTED_WHEN_UNSET: dict[str, object] = {"birth_date": None, "address": "", "nav_follow_up_reason": ""}


@dataclass(frozen=True)
class Parties:
    participant: PartySnapshot = field(default_factory=lambda: PartySnapshot(role="participant"))
    employer: PartySnapshot = field(default_factory=lambda: PartySnapshot(role="employer"))
    employer_contact: PartySnapshot = field(default_factory=lambda: PartySnapshot(role="employer_contact"))
    job_specialist: PartySnapshot = field(default_factory=lambda: PartySnapshot(role="job_specialist"))
    nav_contact: PartySnapshot | None = None
    others: tuple[PartySnapshot, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "others", tuple(self.others))


@dataclass(frozen=True)
class JobTerms:
    title: str = ""
    tasks: str = ""
    percentage: int | None = None
    days_per_week: int | None = None
    hours_text: str = ""
    employment_form: str = ""
    start: date | None = None


@dataclass(frozen=True)
class Goal:
    category: str = ""
    description: str = ""
    progress_indicator: str = ""


@dataclass(frozen=True)
class Duration:
    start: date | None = None
    end: date | None = None
    may_extend: bool = False
    extension_consideration: str = ""
    extension_consider_by: date | None = None
    evaluation_date: date | None = None


@dataclass(frozen=True)
class FollowUp:
    actor_role: str = ""
    actor_name: str = ""
    purpose: str = ""
    frequency: str = ""
    custom_text: str = ""
    form: str = ""
    from_date: date | None = None
    to_date: date | None = None


@dataclass(frozen=True)
class Accommodation:
    category: str = ""
    description: str = ""
    responsible: str = ""
    from_date: date | None = None
    to_date: date | None = None
    nav_grant: str = ""
    grant_deadline: date | None = None


@dataclass(frozen=True)
class Responsibility:
    party_role: str = ""
    text: str = ""


PRIVACY_TEXT_NB = (
    "Personopplysningene i denne avtalen behandles bare for å følge opp "
    "arbeidsforholdet og tilretteleggingen. Jobbspesialisten og NAV har taushetsplikt. Arbeidsgiveren får "
    "bare se det som står i avtalen og det deltakeren selv har samtykket til å dele. Opplysninger om helse, "
    "behandling, bolig, økonomi og familie deles ikke med arbeidsgiveren uten deltakerens samtykke, og et "
    "samtykke kan trekkes tilbake når som helst. Alle parter får en kopi av den signerte avtalen. Deltakeren "
    "har rett til innsyn i opplysningene som er registrert, og kan be om retting eller sletting. "
    "Opplysningene slettes når oppfølgingen er avsluttet og oppbevaringstiden er ute."
)
PRIVACY_TEXT_EN = (
    "The personal data in this agreement is processed only to follow up "
    "the employment and the accommodations. The job specialist and NAV are bound by confidentiality. The "
    "employer sees only what is in the agreement and what the participant has consented to share. "
    "Information about health, treatment, housing, finances and family is not shared with the employer "
    "without the participant's consent, and consent can be withdrawn at any time. All parties get a copy "
    "of the signed agreement. The participant has the right of access to the recorded information and may "
    "ask for it to be corrected or erased. The information is erased when the follow-up has ended and the "
    "retention period has passed."
)


def privacy_text(lang: str = "nb") -> str:
    """The fixed confidentiality text in bokmål ("nb") or English ("en")."""
    return PRIVACY_TEXT_EN if lang == "en" else PRIVACY_TEXT_NB


_DEFAULT_RESPONSIBILITIES: tuple[tuple[str, str, str], ...] = (
    ("employee", "Melde fravær til arbeidsgiver så tidlig som mulig, og gi beskjed til jobbspesialisten.",
     "Report absence to the employer as early as possible, and let the job specialist know."),
    ("employee", "Delta i avtalt oppfølging og si fra hvis noe ikke fungerer.",
     "Take part in the agreed follow-up and say so if something does not work."),
    ("employer", "Sørge for daglig oppfølging og opplæring på arbeidsplassen gjennom nærmeste leder.",
     "Provide daily follow-up and on-the-job training through the nearest manager."),
    ("employer", "Gjennomføre tilretteleggingen som er avtalt, og ta kontakt med jobbspesialisten ved behov.",
     "Carry out the agreed accommodations, and contact the job specialist when needed."),
    ("job_specialist", "Følge opp arbeidstakeren og arbeidsgiveren slik avtalen beskriver, og koordinere "
     "samarbeidet mellom partene.",
     "Follow up the employee and the employer as described in the agreement, and coordinate the "
     "cooperation between the parties."),
    ("job_specialist", "Kalle inn til evaluering innen evalueringsdatoen og holde oversikt over frister.",
     "Call the evaluation meeting by the evaluation date and keep track of deadlines."),
    ("nav", "Følge opp etter avtalen, behandle søknader om virkemidler innen fristene og holde kontakt "
     "med jobbspesialisten.",
     "Follow up as agreed, process applications for NAV measures within the deadlines and keep in touch "
     "with the job specialist."),
)


def default_responsibilities(lang: str = "nb") -> tuple[Responsibility, ...]:
    """Standard responsibilities for employee, employer, job specialist and NAV."""
    return tuple(Responsibility(role, en if lang == "en" else nb) for role, nb, en in _DEFAULT_RESPONSIBILITIES)


@dataclass(frozen=True)
class AgreementContent:
    agreement_type: str = "toa"
    parties: Parties = field(default_factory=Parties)
    job: JobTerms = field(default_factory=JobTerms)
    goals: tuple[Goal, ...] = ()
    duration: Duration = field(default_factory=Duration)
    follow_ups: tuple[FollowUp, ...] = ()
    accommodations: tuple[Accommodation, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    privacy_text: str = PRIVACY_TEXT_NB
    nav_follow_up_reason: str = ""  # why a TOA has no follow-up line from NAV

    def __post_init__(self) -> None:
        for name in ("goals", "follow_ups", "accommodations", "responsibilities"):
            object.__setattr__(self, name, tuple(getattr(self, name)))


_KEEP = object()


def _to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_json(v) for f in dataclasses.fields(value)
                if (v := getattr(value, f.name)) != _OMITTED_WHEN_UNSET.get(f.name, _KEEP)}
    if isinstance(value, (tuple, list)):
        return [_to_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_dict(content: AgreementContent) -> dict[str, Any]:
    """JSON-safe dict (dates as ISO strings, tuples as lists) with a schema version."""
    data: dict[str, Any] = _to_json(content)
    data["schema_version"] = SCHEMA_VERSION
    return data


T = TypeVar("T")


def _from_json(tp: Any, value: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            return None
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _from_json(inner[0], value, path)
    if origin is tuple:
        if value is None:
            return ()
        if not isinstance(value, (list, tuple)):
            raise ValueError(f"{path}: expected a list, got {type(value).__name__}")
        item_tp = typing.get_args(tp)[0]
        return tuple(_from_json(item_tp, v, f"{path}[{i}]") for i, v in enumerate(value))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_from_json(tp, value, path)
    if tp is date:
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"{path}: not an ISO date: {value!r}") from None
    elif tp is bool:
        if isinstance(value, bool):
            return value
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif tp is str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value
    raise ValueError(f"{path}: expected {getattr(tp, '__name__', tp)}, got {type(value).__name__}")


def _dataclass_from_json(cls: type[T], value: Any, path: str, base: Any = None) -> T:
    """Missing keys keep the values of `base` (the field's default, e.g. a participant's role)."""
    if not isinstance(base, cls):
        base = cls()
    if value is None:
        return typing.cast(T, base)
    if not isinstance(value, Mapping):
        raise ValueError(f"{path}: expected an object, got {type(value).__name__}")
    kwargs: dict[str, Any] = {}
    for name, tp, nested in _field_plan(typing.cast(type, cls)):  # a class is hashable; T hides it from mypy
        if name in value:
            sub = f"{path}.{name}" if path else name
            if nested:
                kwargs[name] = _dataclass_from_json(tp, value[name], sub, getattr(base, name))
            else:
                kwargs[name] = _from_json(tp, value[name], sub)
    return typing.cast(T, dataclasses.replace(base, **kwargs))


@functools.cache
def _field_plan(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """Each field's name, resolved type and whether it is itself a dataclass (resolving hints is slow)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name], isinstance(hints[f.name], type) and dataclasses.is_dataclass(hints[f.name]))
                 for f in dataclasses.fields(cls))


def from_dict(data: Mapping[str, Any]) -> AgreementContent:
    """Inverse of to_dict; ignores unknown keys, uses defaults for missing ones, raises ValueError on bad types."""
    return _dataclass_from_json(AgreementContent, data, "")


def canonical_json(content: AgreementContent) -> bytes:
    """Sorted keys, no whitespace, UTF-8: the exact bytes that are hashed."""
    text = json.dumps(to_dict(content), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    # A lone surrogate can only sit inside a JSON string, where "\\udXXX" is its own JSON escape.
    return text.encode("utf-8", errors="backslashreplace")


def content_hash(content: AgreementContent) -> str:
    """SHA-256 hex digest of canonical_json(content)."""
    return hashlib.sha256(canonical_json(content)).hexdigest()


def short_fingerprint(hash_hex: str) -> str:
    """First 12 hex characters grouped by four, e.g. "ab12-cd34-ef56", for every PDF page."""
    head = hash_hex.strip().lower()[:12]
    if len(head) < 12 or any(c not in "0123456789abcdef" for c in head):
        raise ValueError(f"not a hex digest: {hash_hex!r}")
    return "-".join(head[i:i + 4] for i in range(0, 12, 4))


def walk(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Yield (path, leaf value) pairs such as ("goals[0].description", "..."); indexes are 0-based."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from walk(getattr(value, f.name), f"{prefix}.{f.name}" if prefix else f.name)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from walk(item, f"{prefix}[{i}]")
    else:
        yield prefix, value


_LABELS: dict[str, tuple[str, str]] = {
    "agreement_type": ("avtaletype", "agreement type"), "participant": ("deltaker", "participant"),
    "employer": ("arbeidsgiver", "employer"), "job_specialist": ("jobbspesialist", "job specialist"),
    "employer_contact": ("kontaktperson hos arbeidsgiver", "employer's contact person"),
    "nav_contact": ("NAV-veileder", "NAV contact"), "others": ("annen aktør", "other actor"),
    "role": ("rolle", "role"), "name": ("navn", "name"), "organisation": ("virksomhet", "organisation"),
    "orgnr": ("organisasjonsnummer", "organisation number"), "phone": ("telefon", "phone"),
    "email": ("e-post", "email"), "title": ("tittel", "title"), "job.title": ("stillingstittel", "job title"),
    "job": ("jobben", "the job"), "tasks": ("arbeidsoppgaver", "tasks"),
    "percentage": ("stillingsprosent", "percentage of full time"), "days_per_week": ("dager per uke", "days per week"),
    "hours_text": ("arbeidstid", "working hours"), "employment_form": ("ansettelsesform", "employment form"),
    "start": ("startdato", "start date"), "end": ("sluttdato", "end date"), "goals": ("mål", "goal"),
    "category": ("kategori", "category"), "description": ("beskrivelse", "description"),
    "progress_indicator": ("slik vurderes måloppnåelse", "how the goal is assessed"), "duration": ("varighet", "duration"),
    "may_extend": ("kan forlenges", "may be extended"),
    "extension_consideration": ("vurdering av forlengelse", "extension consideration"),
    "extension_consider_by": ("dato for vurdering av forlengelse", "date to consider extension"),
    "evaluation_date": ("evalueringsdato", "evaluation date"), "follow_ups": ("oppfølging", "follow-up"),
    "actor_role": ("hvem som følger opp", "who follows up"), "actor_name": ("navn på den som følger opp", "name"),
    "purpose": ("hensikt", "purpose"), "frequency": ("hyppighet", "frequency"),
    "custom_text": ("annen hyppighet", "custom frequency"), "form": ("form", "form"),
    "from_date": ("fra dato", "from date"), "to_date": ("til dato", "to date"),
    "accommodations": ("tilrettelegging", "accommodation"), "responsible": ("ansvarlig", "responsible"),
    "nav_grant": ("tilskudd eller hjelpemiddel fra NAV", "NAV grant or aid"),
    "grant_deadline": ("søknadsfrist", "grant deadline"), "responsibilities": ("ansvar", "responsibility"),
    "party_role": ("part", "party"), "text": ("tekst", "text"),
    "privacy_text": ("taushetsplikt og personopplysninger", "confidentiality and personal data"),
    "nav_follow_up_reason": ("hvorfor NAV ikke følger opp", "why NAV does not follow up"),
}


def field_label(path: str, lang: str = "nb") -> str:
    """Words a job specialist understands for a path, e.g. "goals[1].description" -> "Mål 2 – beskrivelse"."""
    words: list[str] = []
    prev = ""
    for name, index in re.findall(r"(\w+)(?:\[(\d+)\])?", path):
        if name not in ("parties", "job") or name == path:
            pair = _LABELS.get(f"{prev}.{name}") or _LABELS.get(name) or (name, name)
            words.append(pair[1 if lang == "en" else 0] + (f" {int(index) + 1}" if index else ""))
        prev = name
    text = " – ".join(words)
    return text[:1].upper() + text[1:]
