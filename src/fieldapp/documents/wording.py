"""Words on the agreement PDF that are not field labels or vocabulary terms, in bokmål and English."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

_WORDS: dict[str, tuple[str, str]] = {
    "number": ("Avtalenummer", "Agreement number"),
    "version": ("Versjon", "Version"),
    "status": ("Status", "Status"),
    "change": ("Endring i denne versjonen", "Change in this version"),
    "fingerprint": ("Kontrollkode", "Check code"),
    "fingerprint_note": ("Kontrollkoden står på hver side og passer bare til nøyaktig denne versjonen av avtalen.",
                         "The check code is on every page and matches only exactly this version of the agreement."),
    "concluded_on": ("Inngått {date}", "Concluded {date}"),
    "born": ("Født", "Born"),
    "controller": ("Behandlingsansvarlig", "Data controller"),
    "considered": ("vurderes", "to be considered"),
    "parties": ("Parter", "Parties"),
    "role": ("Rolle", "Role"),
    "name": ("Navn", "Name"),
    "organisation": ("Virksomhet", "Organisation"),
    "title": ("Tittel", "Title"),
    "contact": ("Kontakt", "Contact"),
    "orgnr_short": ("org.nr.", "org. no."),
    "period": ("Periode", "Period"),
    "who": ("Hvem", "Who"),
    "yes": ("Ja", "Yes"),
    "no": ("Nei", "No"),
    "by_date": ("innen", "by"),
    "nav_no_follow_up": ("Hvorfor NAV ikke følger opp", "Why NAV does not follow up"),
    "no_accommodations": ("Ingen tilrettelegging er avtalt.", "No accommodations have been agreed."),
    "signatures": ("Signaturer", "Signatures"),
    "signatures_intro": ("Ved å signere bekrefter partene at de har lest avtalen, også teksten om taushetsplikt og "
                         "personopplysninger, og at de er enige i innholdet.",
                         "By signing, the parties confirm that they have read the agreement, including the text on "
                         "confidentiality and personal data, and that they agree with its content."),
    "date": ("Dato", "Date"),
    "signature": ("Signatur", "Signature"),
    "signed_on_paper": ("Signert på papir", "Signed on paper"),
    "signed_on_screen": ("Signert på skjerm", "Signed on screen"),
    "signed_on_behalf": ("Signert på vegne av parten", "Signed on behalf of the party"),
    "reason": ("Begrunnelse", "Reason"),
    "party_informed": ("Parten er informert.", "The party was informed."),
    "not_signed": ("Ikke signert", "Not signed"),
    "page": ("Side {page} av {pages}", "Page {page} of {pages}"),
    "draft_mark": ("UTKAST", "DRAFT"),
    "annulled_mark": ("ANNULLERT", "ANNULLED"),
    "not_signed_by_parties": ("Denne versjonen er ikke signert av partene.", "This version is not signed by the parties."),
}

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def w(key: str, lang: str = "nb", **values: object) -> str:
    nb, en = _WORDS[key]
    text = en if lang == "en" else nb
    return text.format(**values) if values else text


def _oslo() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Oslo")
    except Exception:  # noqa: BLE001 - no tz database (some Windows installs): UTC is still an honest date
        return UTC


OSLO = _oslo()


def fmt_date(value: date | datetime | None, lang: str = "nb") -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(OSLO).date()
    if lang == "en":
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    return value.strftime("%d.%m.%Y")


def fmt_period(start: date | None, end: date | None, lang: str = "nb") -> str:
    a, b = fmt_date(start, lang), fmt_date(end, lang)
    return f"{a} – {b}" if a and b else a or b
