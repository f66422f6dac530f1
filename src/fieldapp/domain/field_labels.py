"""Bokmål and English names for every synced record type and field, for screens that show raw changes (conflicts)."""

from __future__ import annotations

from fieldapp.domain.vocab import Term

__all__ = ["ENTITIES", "FIELDS", "entity_label", "field_label"]


def _terms(rows: dict[str, tuple[str, str]]) -> tuple[Term, ...]:
    return tuple(Term(code, nb, en) for code, (nb, en) in rows.items())


ENTITIES = _terms({
    "participant": ("Deltaker", "Participant"), "cooperating_actor": ("Samarbeidspartner", "Cooperating actor"),
    "consent": ("Samtykke", "Consent"), "employer": ("Arbeidsgiver", "Employer"),
    "employer_contact": ("Kontaktperson hos arbeidsgiver", "Employer contact"), "placement": ("Jobb", "Job"),
    "nav_measure": ("NAV-virkemiddel", "NAV measure"), "mapping": ("Kartlegging", "Mapping"),
    "mapping_area": ("Kartleggingsområde", "Mapping area"), "visit": ("Besøk", "Visit"),
    "visit_attendee": ("Til stede på besøk", "Visit attendee"), "visit_action": ("Avtalt tiltak", "Agreed action"),
    "visit_note": ("Rettelse til besøk", "Visit correction"), "agreement": ("Avtale", "Agreement"),
    "agreement_version": ("Avtaleversjon", "Agreement version"), "signature": ("Signatur", "Signature"),
    "agreement_event": ("Avtalehendelse", "Agreement event"), "sealed_document": ("Forseglet PDF", "Sealed PDF"),
    "employer_outreach": ("Arbeidsgiverkontakt", "Employer outreach"),
    "outreach_for": ("Kontakt på vegne av deltaker", "Outreach for a participant"),
    "job_lead": ("Jobbmulighet", "Job lead"), "specialist": ("Jobbspesialist", "Job specialist"),
    "assignment": ("Ansvarlig jobbspesialist", "Responsible job specialist"),
    "fidelity_assessment": ("Metodetroskapsmåling", "Fidelity assessment"), "read_log": ("Innsynslogg", "Access log"),
    "record_merge": ("Sammenslåing", "Merge"), "cooperation_meeting": ("Samarbeidsmøte", "Cooperation meeting"),
    "meeting_item": ("Avtalt i samarbeidsmøte", "Agreed in a cooperation meeting"),
    "participant_benefit": ("Ytelse", "Benefit"),
})

# By field name; "entity.field" where one name means different things in different records.
FIELDS = _terms({
    "record_merge.entity": ("type", "type"), "from_id": ("slått sammen fra", "merged from"),
    "into_id": ("slått sammen med", "merged into"), "merged_at": ("slått sammen", "merged"),
    "held_on": ("dato", "date"), "topic": ("tema", "topic"), "attendee_ids": ("deltakere på møtet", "attendees"),
    "other_attendees": ("andre til stede", "other attendees"), "share_mapping": ("kartlegging i referatet",
    "mapping in the minutes"), "next_meeting_on": ("neste møte", "next meeting"),
    "limits": ("grenser", "limits"), "calculation_asked_on": ("beregning bedt om", "calculation asked for"),
    "calculation_answer": ("svar på beregning", "calculation answer"), "answered_on": ("besvart", "answered on"),
    "reporting": ("inntektsrapportering", "income reporting"), "next_reporting_on": ("neste rapportering",
    "next reporting"), "meeting_id": ("samarbeidsmøte", "cooperation meeting"), "who": ("hvem", "who"),
    "id": ("ID", "ID"), "created_at": ("opprettet", "created"), "created_by": ("opprettet av", "created by"),
    "updated_at": ("endret", "changed"), "updated_by": ("endret av", "changed by"),
    "deleted_at": ("slettet", "deleted"), "device_id": ("enhet", "device"),
    "first_name": ("fornavn", "first name"), "last_name": ("etternavn", "last name"),
    "fodselsnummer": ("fødselsnummer", "national identity number"), "phone": ("telefon", "phone"),
    "email": ("e-post", "email"), "preferred_language": ("foretrukket språk", "preferred language"),
    "method": ("metode", "method"), "signature.method": ("signeringsmåte", "signing method"),
    "referred_by": ("henvist av", "referred by"), "referred_on": ("henvist dato", "referred on"),
    "follow_up_start": ("oppfølging start", "follow-up start"), "follow_up_end": ("oppfølging slutt", "follow-up end"),
    "status": ("status", "status"), "status_reason": ("årsak til status", "status reason"),
    "nav_contact_name": ("NAV-veileder", "NAV contact"), "nav_contact_phone": ("NAV-veileders telefon",
                                                                               "NAV contact's phone"),
    "nav_office": ("NAV-kontor", "NAV office"), "notes": ("notater", "notes"), "phase": ("fase", "phase"),
    "participant_id": ("deltaker", "participant"), "role": ("rolle", "role"), "name": ("navn", "name"),
    "organisation": ("virksomhet", "organisation"), "consent_to_contact": ("samtykke til kontakt",
                                                                         "consent to contact"),
    "consent_date": ("samtykkedato", "consent date"), "recipient": ("mottaker", "recipient"),
    "scope": ("hva som kan deles", "what may be shared"), "given": ("gitt", "given"),
    "decided_on": ("avgjort dato", "decided on"), "orgnr": ("organisasjonsnummer", "organisation number"),
    "business_number": ("virksomhetsnummer", "business number"), "address": ("adresse", "address"),
    "postcode": ("postnummer", "postcode"), "city": ("poststed", "city"), "industry": ("bransje", "industry"),
    "employer_id": ("arbeidsgiver", "employer"), "job_title": ("stillingstittel", "job title"),
    "contact_id": ("kontaktperson", "contact person"), "tasks": ("arbeidsoppgaver", "tasks"),
    "percentage": ("stillingsprosent", "percentage of full time"), "working_hours": ("arbeidstid", "working hours"),
    "days_per_week": ("dager per uke", "days per week"), "employment_form": ("ansettelsesform", "employment form"),
    "ordinary_wage": ("ordinær lønn", "ordinary wage"), "start_date": ("startdato", "start date"),
    "end_date": ("sluttdato", "end date"), "end_reason": ("årsak til slutt", "end reason"),
    "placement_id": ("jobb", "job"), "kind": ("type", "kind"), "from_date": ("fra dato", "from date"),
    "to_date": ("til dato", "to date"), "mapped_on": ("kartlagt dato", "mapped on"),
    "mapping_id": ("kartlegging", "mapping"), "area": ("område", "area"), "description": ("beskrivelse", "description"),
    "action": ("tiltak", "action"), "responsible": ("ansvarlig", "responsible"), "deadline": ("frist", "deadline"),
    "sensitive": ("sensitiv", "sensitive"), "starts_at": ("start", "start"), "ends_at": ("slutt", "end"),
    "channel": ("kanal", "channel"), "place": ("sted", "place"), "visit_type": ("besøkstype", "visit type"),
    "topics": ("tema", "topics"), "employee_view": ("arbeidstakerens syn", "the employee's view"),
    "employer_view": ("arbeidsgiverens syn", "the employer's view"), "works_well": ("det som fungerer",
                                                                                     "what works well"),
    "challenges": ("utfordringer", "challenges"), "next_visit_date": ("neste besøk", "next visit"),
    "summary": ("sammendrag", "summary"), "internal_notes": ("interne notater", "internal notes"),
    "finished_at": ("ferdigstilt", "finished"), "visit_id": ("besøk", "visit"), "what": ("hva", "what"),
    "carried_from_id": ("videreført fra", "carried from"), "text": ("tekst", "text"),
    "number": ("avtalenummer", "agreement number"), "agreement_type": ("avtaletype", "agreement type"),
    "annulled_at": ("annullert", "annulled"), "annul_reason": ("årsak til annullering", "reason for annulment"),
    "agreement_id": ("avtale", "agreement"), "version_no": ("versjon", "version"),
    "content_json": ("avtaleinnhold", "agreement content"), "change_types": ("endringstype", "change type"),
    "change_reason": ("årsak til endring", "reason for the change"), "frozen_at": ("låst for signering",
                                                                                 "locked for signing"),
    "content_hash": ("kontrollsum", "checksum"), "version_id": ("avtaleversjon", "agreement version"),
    "confirmation_text": ("bekreftelsestekst", "confirmation text"), "signed_at": ("signert", "signed"),
    "strokes_json": ("tegnet signatur", "drawn signature"), "scan": ("skannet signatur", "scanned signature"),
    "scan_mime": ("filtype for skann", "scan file type"), "on_behalf_reason": ("begrunnelse for signering på vegne",
                                                                             "reason for signing on behalf"),
    "party_informed": ("parten er informert", "party informed"), "revoked_at": ("trukket tilbake",
                                                                                 "revoked"),
    "revoked_reason": ("årsak til tilbaketrekking", "reason for revoking"), "at": ("tidspunkt", "time"),
    "details": ("detaljer", "details"), "sha256": ("kontrollsum for PDF", "PDF checksum"), "pdf": ("PDF", "PDF"),
    "lang": ("språk", "language"), "sealed_at": ("forseglet", "sealed"),
    "signer_cert_sha256": ("forseglingssertifikat", "sealing certificate"),
    "contact_date": ("kontaktdato", "contact date"), "contact_person": ("kontaktperson", "contact person"),
    "asked_for": ("spurte om", "asked for"), "outcome": ("resultat", "outcome"), "next_step": ("neste steg", "next step"),
    "next_step_date": ("dato for neste steg", "next step date"), "outreach_id": ("arbeidsgiverkontakt",
                                                                                  "employer outreach"),
    "found_on": ("funnet dato", "found on"), "applied_on": ("søkt dato", "applied on"),
    "interview_on": ("intervjudato", "interview date"), "active": ("aktiv", "active"),
    "specialist_id": ("jobbspesialist", "job specialist"), "start": ("start", "start"), "reason": ("årsak", "reason"),
    "until": ("til", "until"), "note": ("merknad", "note"), "assessed_on": ("målt dato", "assessed on"),
    "scores_json": ("skårer", "scores"), "target_id": ("hva som ble åpnet", "what was opened"),
})
_FIELD_CODES = frozenset(t.code for t in FIELDS)


def entity_label(entity: str, lang: str = "nb") -> str:
    """A record type's name, e.g. "participant" -> "Deltaker"; the code itself when unknown."""
    return next((t.label(lang) for t in ENTITIES if t.code == entity), entity)


def field_label(entity: str, field: str, lang: str = "nb") -> str:
    """A field's name as the forms call it, e.g. ("participant", "notes") -> "notater"; the code when unknown."""
    key = f"{entity}.{field}" if f"{entity}.{field}" in _FIELD_CODES else field
    return next((t.label(lang) for t in FIELDS if t.code == key), field)
