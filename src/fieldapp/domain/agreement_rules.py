"""Rules for follow-up agreement versions: completeness, change types, derived status, signing."""

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from fieldapp.domain import validation as v
from fieldapp.domain.agreement_content import (
    ACCOMMODATION_CATEGORIES, AGREEMENT_TYPES, EMPLOYMENT_FORMS, FOLLOW_UP_FORMS, FREQUENCIES, MAX_TEXT_LENGTH,
    RESPONSIBILITY_ROLES, AgreementContent, Duration, field_label, walk,
)
from fieldapp.domain.messages import DomainError, FieldError, Message


class ChangeType:
    CREATE = "create"
    EXTEND = "extend"
    SHORTEN = "shorten"
    CHANGE_GOALS = "change_goals"
    CHANGE_FOLLOW_UP = "change_follow_up"
    CHANGE_ACCOMMODATIONS = "change_accommodations"
    CHANGE_JOB = "change_job"
    CHANGE_CONTACT_INFO = "change_contact_info"
    ANNUL = "annul"
    ALL = (CREATE, EXTEND, SHORTEN, CHANGE_GOALS, CHANGE_FOLLOW_UP, CHANGE_ACCOMMODATIONS, CHANGE_JOB,
           CHANGE_CONTACT_INFO, ANNUL)


REQUIRES_RESIGNING: frozenset[str] = frozenset({
    ChangeType.EXTEND, ChangeType.SHORTEN, ChangeType.CHANGE_GOALS, ChangeType.CHANGE_FOLLOW_UP,
    ChangeType.CHANGE_ACCOMMODATIONS,
})


class AgreementStatus:
    DRAFT = "draft"
    READY_FOR_SIGNING = "ready_for_signing"
    PARTLY_SIGNED = "partly_signed"
    CONCLUDED = "concluded"
    ACTIVE = "active"
    ENDED = "ended"
    ANNULLED = "annulled"
    ALL = (DRAFT, READY_FOR_SIGNING, PARTLY_SIGNED, CONCLUDED, ACTIVE, ENDED, ANNULLED)
    # Signed by every party (the job specialist last): sealed, never merged, what a new version must be re-signed from.
    SIGNED = (CONCLUDED, ACTIVE, ENDED)


SIGNER_ROLES = ("employee", "employer", "job_specialist", "nav")
_ROLE_WORDS = {"employee": ("arbeidstakeren", "the employee"), "employer": ("arbeidsgiveren", "the employer"),
               "job_specialist": ("jobbspesialisten", "the job specialist"), "nav": ("NAV", "NAV")}


@dataclass(frozen=True)
class SignatureFact:
    """One party's signature on one version, reduced to what status and signing rules need."""

    role: str
    signed_at: datetime
    revoked: bool = False


def _err(path: str, code: str, nb: str, en: str) -> FieldError:
    return FieldError(path, Message(f"agreement.{code}", nb, en))


def _labelled(path: str, msg: Message) -> FieldError:
    return FieldError(path, Message(msg.code, f"{field_label(path)}: {msg.nb}", f"{field_label(path, 'en')}: {msg.en}"))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _in(d: date | None, lo: date | None, hi: date | None) -> bool:
    return d is None or ((lo is None or d >= lo) and (hi is None or d <= hi))


def _period_errors(path: str, lo: date | None, hi: date | None, dur: Duration) -> list[FieldError]:
    errors: list[FieldError] = []
    order = v.check_date_range(lo, hi)
    if order is not None:
        errors.append(_labelled(f"{path}.to_date", order))
    if not (_in(lo, dur.start, dur.end) and _in(hi, dur.start, dur.end)):
        errors.append(_err(f"{path}.from_date", "period_outside_duration",
                           f"{field_label(path)}: perioden må ligge innenfor avtalens varighet.",
                           f"{field_label(path, 'en')}: the period must lie within the agreement's duration."))
    return errors


def _choice(path: str, value: str, allowed: Sequence[str]) -> list[FieldError]:
    if value in allowed:
        return []
    return [_err(path, "invalid_choice", f"{field_label(path)}: «{value}» er ikke et gyldig valg.",
                 f"{field_label(path, 'en')}: “{value}” is not a valid choice.")]


_REQUIRED = (
    ("parties.participant.name", "participant_name", "Deltakerens navn mangler.", "The participant's name is missing."),
    ("parties.employer.name", "employer_name", "Arbeidsgiverens navn mangler.", "The employer's name is missing."),
    ("parties.employer.orgnr", "employer_orgnr", "Arbeidsgiverens organisasjonsnummer mangler.",
     "The employer's organisation number is missing."),
    ("parties.employer_contact.name", "employer_contact",
     "Kontaktperson hos arbeidsgiveren (for eksempel nærmeste leder) mangler.",
     "The employer's contact person (for example the nearest manager) is missing."),
    ("parties.job_specialist.name", "job_specialist", "Jobbspesialisten mangler.", "The job specialist is missing."),
    ("job.title", "job_title", "Stillingstittel mangler.", "The job title is missing."),
    ("duration.start", "duration_start", "Startdato for avtalen mangler.", "The agreement's start date is missing."),
    ("duration.end", "duration_end", "Sluttdato for avtalen mangler.", "The agreement's end date is missing."),
    ("duration.evaluation_date", "evaluation_date", "Evalueringsdato mangler.", "The evaluation date is missing."),
    ("privacy_text", "privacy_text", "Teksten om taushetsplikt og personopplysninger mangler.",
     "The text on confidentiality and personal data is missing."),
)


def _get(content: AgreementContent, path: str) -> Any:
    value: Any = content
    for name in path.split("."):
        value = getattr(value, name) if value is not None else None
    return value


NAV_FOLLOW_UP_CODE = "agreement.missing.nav_follow_up"
# Rules added after versions were first frozen: a version frozen or signed before them keeps its status.
_ADDED_AFTER_FREEZE = frozenset({NAV_FOLLOW_UP_CODE})


def _nav_follow_up_errors(c: AgreementContent) -> list[FieldError]:
    """A TOA names at least one follow-up line from NAV, or says why NAV does not follow up."""
    if c.agreement_type != "toa" or not c.follow_ups or any(fu.actor_role == "nav" for fu in c.follow_ups):
        return []  # with no follow-up at all, "at least one follow-up" already says it
    if not _blank(c.nav_follow_up_reason):
        return []
    return [FieldError("nav_follow_up_reason", Message(
        NAV_FOLLOW_UP_CODE,
        "Ingen oppfølging fra NAV er beskrevet. Legg til en oppfølgingslinje der NAV følger opp, eller skriv "
        "hvorfor NAV ikke følger opp.",
        "No follow-up by NAV is described. Add a follow-up line where NAV follows up, or write why NAV does "
        "not follow up."))]


def _blocking_frozen(content: AgreementContent) -> list[FieldError]:
    """What keeps an already frozen version from counting as complete: rules it was frozen under only."""
    return [e for e in missing_for_signing(content) if e.message.code not in _ADDED_AFTER_FREEZE]


def missing_for_signing(content: AgreementContent) -> list[FieldError]:
    """Everything that must be filled in or corrected before the version can be made ready for signing."""
    c, dur = content, content.duration
    errors = [_err(p, f"missing.{code}", nb, en) for p, code, nb, en in _REQUIRED if _blank(_get(c, p))]
    errors += _choice("agreement_type", c.agreement_type, AGREEMENT_TYPES)
    if c.agreement_type == "toa" and (c.parties.nav_contact is None or _blank(c.parties.nav_contact.name)):
        errors.append(_err("parties.nav_contact.name", "missing.nav_contact",
                           "NAV-veileder mangler. En tilretteleggings- og oppfølgingsavtale må ha en "
                           "kontaktperson i NAV.",
                           "The NAV contact is missing. A TOA must name a contact person at NAV."))
    for i, other in enumerate(c.parties.others):
        if _blank(other.name):
            errors.append(_err(f"parties.others[{i}].name", "missing.other_party_name",
                               f"Annen part {i + 1} mangler navn.", f"Other party {i + 1} has no name."))
        for attr, check in (("phone", v.check_phone), ("email", v.check_email)):
            msg = check(getattr(other, attr))
            if msg is not None:
                errors.append(_labelled(f"parties.others[{i}].{attr}", msg))
    orgnr_msg = v.check_orgnr(c.parties.employer.orgnr)
    if orgnr_msg is not None:
        errors.append(_labelled("parties.employer.orgnr", orgnr_msg))
    for name in ("participant", "employer", "employer_contact", "job_specialist", "nav_contact"):
        party = getattr(c.parties, name)
        for attr, check in (("phone", v.check_phone), ("email", v.check_email)):
            msg = check(getattr(party, attr)) if party is not None else None
            if msg is not None:
                errors.append(_labelled(f"parties.{name}.{attr}", msg))
    for path, msg in (("job.percentage", v.check_percent(c.job.percentage)),
                      ("job.days_per_week", v.check_days_per_week(c.job.days_per_week))):
        if msg is not None:
            errors.append(_labelled(path, msg))
    if c.job.employment_form:
        errors += _choice("job.employment_form", c.job.employment_form, EMPLOYMENT_FORMS)
    if not c.goals:
        errors.append(_err("goals", "missing.goals", "Avtalen må ha minst ett mål.",
                           "The agreement needs at least one goal."))
    for i, goal in enumerate(c.goals):
        if _blank(goal.description):
            errors.append(_err(f"goals[{i}].description", "missing.goal_description",
                               f"Mål {i + 1} mangler beskrivelse.", f"Goal {i + 1} has no description."))
    order = v.check_date_range(dur.start, dur.end)
    if order is not None:
        errors.append(_labelled("duration.end", order))
    elif dur.evaluation_date is not None and not _in(dur.evaluation_date, dur.start, dur.end):
        errors.append(_err("duration.evaluation_date", "evaluation_outside_duration",
                           "Evalueringsdatoen må ligge mellom avtalens start- og sluttdato.",
                           "The evaluation date must lie between the agreement's start and end dates."))
    if not c.follow_ups:
        errors.append(_err("follow_ups", "missing.follow_ups",
                           "Avtalen må beskrive minst én oppfølging (hvem, hensikt og hyppighet).",
                           "The agreement must describe at least one follow-up (who, purpose and frequency)."))
    for i, fu in enumerate(c.follow_ups):
        p = f"follow_ups[{i}]"
        for attr in ("actor_role", "purpose", "frequency"):
            if _blank(getattr(fu, attr)):
                errors.append(_err(f"{p}.{attr}", f"missing.follow_up_{attr}", f"{field_label(f'{p}.{attr}')} mangler.",
                                   f"{field_label(f'{p}.{attr}', 'en')} is missing."))
        if fu.frequency:
            errors += _choice(f"{p}.frequency", fu.frequency, FREQUENCIES)
        if fu.frequency == "custom" and _blank(fu.custom_text):
            errors.append(_err(f"{p}.custom_text", "missing.follow_up_custom_text",
                               f"Oppfølging {i + 1}: beskriv hvor ofte oppfølgingen skal skje.",
                               f"Follow-up {i + 1}: describe how often the follow-up takes place."))
        if fu.form:
            errors += _choice(f"{p}.form", fu.form, FOLLOW_UP_FORMS)
        errors += _period_errors(p, fu.from_date, fu.to_date, dur)
    errors += _nav_follow_up_errors(c)
    for i, acc in enumerate(c.accommodations):
        p = f"accommodations[{i}]"
        errors += _choice(f"{p}.category", acc.category, ACCOMMODATION_CATEGORIES)
        if _blank(acc.description):
            errors.append(_err(f"{p}.description", "missing.accommodation_description",
                               f"Tilrettelegging {i + 1} mangler beskrivelse.",
                               f"Accommodation {i + 1} has no description."))
        errors += _period_errors(p, acc.from_date, acc.to_date, dur)
    for i, resp in enumerate(c.responsibilities):
        errors += _choice(f"responsibilities[{i}].party_role", resp.party_role, RESPONSIBILITY_ROLES)
    for role, code, nb, en in (("employee", "responsibilities_employee", "Arbeidstakerens ansvar mangler.",
                                "The employee's responsibilities are missing."),
                               ("employer", "responsibilities_employer", "Arbeidsgiverens ansvar mangler.",
                                "The employer's responsibilities are missing.")):
        if not any(r.party_role == role and not _blank(r.text) for r in c.responsibilities):
            errors.append(_err("responsibilities", f"missing.{code}", nb, en))
    for path, value in walk(c):
        if path != "privacy_text" and isinstance(value, str) and len(value) > MAX_TEXT_LENGTH:
            too_long = v.check_text(value, limit=MAX_TEXT_LENGTH)
            if too_long is not None:  # always, past the limit
                errors.append(_labelled(path, too_long))
    return errors


def _diff(path: str, old: Any, new: Any, out: list[tuple[str, object, object]]) -> None:
    if old == new:
        return
    if dataclasses.is_dataclass(old) and type(old) is type(new):
        for f in dataclasses.fields(old):
            _diff(f"{path}.{f.name}" if path else f.name, getattr(old, f.name), getattr(new, f.name), out)
    elif isinstance(old, tuple) and isinstance(new, tuple):
        for i in range(max(len(old), len(new))):
            _diff(f"{path}[{i}]", old[i] if i < len(old) else None, new[i] if i < len(new) else None, out)
    else:
        out.append((path, old, new))


def diff(old: AgreementContent, new: AgreementContent) -> list[tuple[str, object, object]]:
    """Changed leaves as (path, old, new), paths 0-based like "goals[1].description"; added/removed items whole."""
    out: list[tuple[str, object, object]] = []
    _diff("", old, new, out)
    return out


def classify_change(old: AgreementContent | None, new: AgreementContent) -> set[str]:
    """Change types a new version represents; None as old means create. Responsibilities count as follow-up."""
    if old is None:
        return {ChangeType.CREATE}
    out: set[str] = set()
    o, n = old.duration, new.duration
    lo_old, lo_new = o.start or date.min, n.start or date.min
    hi_old, hi_new = o.end or date.max, n.end or date.max
    if lo_new < lo_old or hi_new > hi_old:
        out.add(ChangeType.EXTEND)
    if lo_new > lo_old or hi_new < hi_old:
        out.add(ChangeType.SHORTEN)
    if dataclasses.replace(o, start=None, end=None) != dataclasses.replace(n, start=None, end=None):
        out.add(ChangeType.CHANGE_FOLLOW_UP)  # evaluation date and extension terms are about follow-up
    for changed, kind in ((old.goals != new.goals, ChangeType.CHANGE_GOALS),
                          (old.follow_ups != new.follow_ups, ChangeType.CHANGE_FOLLOW_UP),
                          (old.responsibilities != new.responsibilities, ChangeType.CHANGE_FOLLOW_UP),
                          (old.accommodations != new.accommodations, ChangeType.CHANGE_ACCOMMODATIONS),
                          (old.job != new.job, ChangeType.CHANGE_JOB),
                          (old.parties != new.parties, ChangeType.CHANGE_CONTACT_INFO)):
        if changed:
            out.add(kind)
    return out


def requires_resigning(old: AgreementContent, new: AgreementContent) -> bool:
    """True when the new version is "not signed by the parties" until signed again (also privacy/type changes)."""
    return bool(classify_change(old, new) & REQUIRES_RESIGNING) or (
        old.privacy_text != new.privacy_text or old.agreement_type != new.agreement_type)


def signers_for(agreement_type: str) -> tuple[str, ...]:
    """Employee, employer and job specialist; NAV as well for a TOA. The job specialist signs last."""
    if agreement_type == "toa":
        return ("employee", "employer", "nav", "job_specialist")
    return ("employee", "employer", "job_specialist")


def required_signers(content: AgreementContent) -> tuple[str, ...]:
    return signers_for(content.agreement_type)


def concluded_by(agreement_type: str, signatures: Sequence[SignatureFact]) -> bool:
    """Every required party has a valid signature and the job specialist's is the last one."""
    valid = _valid_for(signers_for(agreement_type), signatures)
    if len(valid) < len(signers_for(agreement_type)):
        return False
    return all(t <= valid["job_specialist"] for role, t in valid.items() if role != "job_specialist")


def _valid(content: AgreementContent, signatures: Sequence[SignatureFact]) -> dict[str, datetime]:
    return _valid_for(required_signers(content), signatures)


def _valid_for(required: tuple[str, ...], signatures: Sequence[SignatureFact]) -> dict[str, datetime]:
    latest: dict[str, datetime] = {}
    for s in signatures:
        if not s.revoked and s.role in required and (s.role not in latest or s.signed_at > latest[s.role]):
            latest[s.role] = s.signed_at
    return latest


def derive_status(*, content: AgreementContent, frozen: bool, signatures: Sequence[SignatureFact],
                  annulled: bool, today: date) -> str:
    """The version's status from facts only; see AgreementStatus. Use timezone-aware signature times."""
    if annulled:
        return AgreementStatus.ANNULLED
    if not frozen or _blocking_frozen(content):
        return AgreementStatus.DRAFT
    if not _valid(content, signatures):
        return AgreementStatus.READY_FOR_SIGNING
    if not concluded_by(content.agreement_type, signatures):
        return AgreementStatus.PARTLY_SIGNED
    dur = content.duration
    if dur.end is not None and today > dur.end:
        return AgreementStatus.ENDED
    if dur.start is not None and today >= dur.start:
        return AgreementStatus.ACTIVE
    return AgreementStatus.CONCLUDED


def check_can_edit(frozen: bool, signatures: Sequence[SignatureFact]) -> None:
    """Raise DomainError unless the version's content may still be changed."""
    if any(not s.revoked for s in signatures):
        raise DomainError(Message("agreement.edit.signed",
                                  "Versjonen er signert og kan ikke endres. Trekk tilbake signaturene først "
                                  "(det blir logget), eller lag en ny versjon.",
                                  "This version is signed and cannot be edited. Revoke the signatures first "
                                  "(this is logged), or make a new version."))
    if frozen:
        raise DomainError(Message("agreement.edit.frozen",
                                  "Versjonen er låst for signering. Åpne den som utkast igjen før du endrer den.",
                                  "This version is locked for signing. Reopen it as a draft before editing it."))


def check_can_sign(role: str, content: AgreementContent, frozen: bool, signatures: Sequence[SignatureFact],
                   *, annulled: bool = False) -> None:
    """Raise DomainError unless `role` may sign this version now."""
    nb_role, en_role = _ROLE_WORDS.get(role, (role, role))
    if annulled:
        raise DomainError(Message("agreement.sign.annulled", "Avtalen er annullert og kan ikke signeres.",
                                  "The agreement is annulled and cannot be signed."))
    if role not in required_signers(content):
        raise DomainError(Message("agreement.sign.role_not_required",
                                  f"{nb_role[:1].upper()}{nb_role[1:]} skal ikke signere denne avtalen.",
                                  f"{en_role[:1].upper()}{en_role[1:]} does not sign this agreement."))
    if not frozen or _blocking_frozen(content):
        raise DomainError(Message("agreement.sign.draft",
                                  "Avtalen er et utkast og kan ikke signeres. Gjør den klar for signering først.",
                                  "The agreement is a draft and cannot be signed. Make it ready for signing first."))
    valid = _valid(content, signatures)
    if role in valid:
        raise DomainError(Message("agreement.sign.twice",
                                  f"{nb_role[:1].upper()}{nb_role[1:]} har allerede signert denne versjonen.",
                                  f"{en_role[:1].upper()}{en_role[1:]} has already signed this version."))
    waiting = [r for r in required_signers(content) if r != "job_specialist" and r not in valid]
    if role == "job_specialist" and waiting:
        raise DomainError(Message("agreement.sign.job_specialist_last",
                                  "Jobbspesialisten signerer sist. Disse har ikke signert ennå: "
                                  + ", ".join(_ROLE_WORDS[r][0] for r in waiting) + ".",
                                  "The job specialist signs last. Still to sign: "
                                  + ", ".join(_ROLE_WORDS[r][1] for r in waiting) + "."))


_DEVICE_CODE = re.compile(r"[A-Z0-9]{2,8}")


def next_agreement_number(device_code: str, year: int, last_seq: int) -> str:
    """Next human-readable number for this device, e.g. ("K7Q2", 2026, 6) -> "K7Q2-2026-0007"."""
    code = device_code.strip().upper()
    if not _DEVICE_CODE.fullmatch(code):
        raise ValueError(f"device code must be 2–8 letters A–Z or digits: {device_code!r}")
    if not 1000 <= year <= 9999 or last_seq < 0:
        raise ValueError(f"bad year or sequence: {year}, {last_seq}")
    return f"{code}-{year:04d}-{last_seq + 1:04d}"
