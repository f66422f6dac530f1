"""The subject access copy ("innsyn") as one readable PDF in bokmål: every record stored about a participant."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from fieldapp.documents.fonts import register_fonts
from fieldapp.documents.layout import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, field_table, make_styles, text
from fieldapp.domain import vocab
from fieldapp.domain.access_log import ACCESS_KINDS

# Section titles in the order a participant would read them; tables not named here follow under their own name.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("participant", "Personopplysninger og oppfølging"),
    ("consent", "Samtykker"),
    ("cooperating_actor", "Samarbeidspartnere"),
    ("mapping", "Kartlegging"),
    ("mapping_area", "Kartleggingsområder"),
    ("placement", "Arbeidsforhold"),
    ("nav_measure", "Virkemidler fra NAV"),
    ("employer", "Arbeidsgivere"),
    ("employer_contact", "Kontaktpersoner hos arbeidsgiver"),
    ("visit", "Besøk og samtaler"),
    ("visit_attendee", "Deltakere på besøk"),
    ("visit_action", "Tiltak avtalt på besøk"),
    ("visit_note", "Rettelser og notater til besøk"),
    ("agreement", "Avtaler"),
    ("agreement_version", "Avtaleversjoner"),
    ("signature", "Signaturer"),
    ("agreement_event", "Avtalens hendelseslogg"),
    ("sealed_document", "Forseglede PDF-kopier"),
    ("cooperation_meeting", "Samarbeidsmøter"),
    ("meeting_item", "Avtalt på samarbeidsmøter"),
    ("participant_benefit", "Økonomi og ytelser"),
    ("read_log", "Hvem har sett opplysningene"),
)
# Bookkeeping columns that tell the participant nothing (ids that point between the tables above).
_YES_NO = frozenset({"given", "sensitive", "consent_to_contact", "ordinary_wage", "party_informed"})
_HIDDEN = frozenset({"id", "participant_id", "mapping_id", "placement_id", "visit_id", "agreement_id", "version_id",
                     "employer_id", "contact_id", "target_id", "updated_at", "updated_by", "deleted_at"})
_LABELS = {
    "first_name": "Fornavn", "last_name": "Etternavn", "fodselsnummer": "Fødselsnummer", "phone": "Telefon",
    "email": "E-post", "preferred_language": "Foretrukket språk", "method": "Metode", "referred_by": "Henvist av",
    "follow_up_start": "Oppfølging startet", "follow_up_end": "Oppfølging avsluttet", "status": "Status",
    "status_reason": "Begrunnelse for status", "nav_contact_name": "NAV-veileder", "nav_contact_phone": "NAV-veileders telefon",
    "nav_office": "NAV-kontor", "notes": "Notater", "recipient": "Mottaker", "scope": "Omfang", "given": "Gitt",
    "decided_on": "Dato", "role": "Rolle", "name": "Navn", "organisation": "Organisasjon", "area": "Område",
    "description": "Beskrivelse", "action": "Tiltak", "responsible": "Ansvarlig", "deadline": "Frist",
    "sensitive": "Sensitivt", "job_title": "Stilling", "start_date": "Start", "end_date": "Slutt",
    "created_at": "Registrert", "created_by": "Registrert av", "at": "Tidspunkt", "device_id": "Enhet", "kind": "Hva",
    "starts_at": "Tidspunkt", "content_json": "Avtaleinnhold", "text": "Tekst",
    "orgnr": "Organisasjonsnummer", "business_number": "Virksomhetsnummer", "address": "Adresse",
    "postcode": "Postnummer", "city": "Sted", "industry": "Bransje", "consent_to_contact": "Samtykke til kontakt",
    "consent_date": "Samtykkedato", "mapped_on": "Kartlagt", "tasks": "Arbeidsoppgaver", "percentage": "Stillingsprosent",
    "working_hours": "Arbeidstid", "days_per_week": "Dager per uke", "employment_form": "Ansettelsesform",
    "ordinary_wage": "Ordinær lønn", "end_reason": "Årsak til slutt", "number": "Avtalenummer",
    "agreement_type": "Avtaletype", "annulled_at": "Annullert", "annul_reason": "Årsak til annullering",
    "from_date": "Fra", "to_date": "Til", "ends_at": "Slutt", "channel": "Kanal", "place": "Sted",
    "visit_type": "Type besøk", "topics": "Tema", "employee_view": "Arbeidstakers vurdering",
    "employer_view": "Arbeidsgivers vurdering", "works_well": "Det som fungerer", "challenges": "Utfordringer",
    "next_visit_date": "Neste besøk", "summary": "Oppsummering", "internal_notes": "Interne notater",
    "finished_at": "Ferdigstilt", "version_no": "Versjon", "change_types": "Endringer", "change_reason": "Årsak til endring",
    "frozen_at": "Klar for signering", "content_hash": "Fingeravtrykk", "what": "Hva", "carried_from_id": "Videreført fra",
    "details": "Detaljer", "sha256": "SHA-256", "pdf": "PDF", "lang": "Språk", "sealed_at": "Forseglet",
    "signer_cert_sha256": "Sertifikat (SHA-256)", "confirmation_text": "Bekreftelse", "signed_at": "Signert",
    "strokes_json": "Signaturstreker", "scan": "Skannet kopi", "scan_mime": "Filtype", "on_behalf_reason":
    "Begrunnelse for signering på vegne", "party_informed": "Parten informert", "revoked_at": "Trukket tilbake",
    "revoked_reason": "Årsak til tilbaketrekking",
    "held_on": "Dato", "topic": "Tema", "attendee_ids": "Til stede (aktører)", "other_attendees": "Andre til stede",
    "share_mapping": "Kartlegging i referatet", "next_meeting_on": "Neste møte", "who": "Hvem", "limits": "Grenser",
    "calculation_asked_on": "Beregning bedt om", "calculation_answer": "Svar fra NAV", "answered_on": "Besvart",
    "reporting": "Meldeplikt", "next_reporting_on": "Neste melding",
}


_STATUS_TERMS = {"participant": vocab.PARTICIPANT_STATUSES, "placement": vocab.PLACEMENT_STATUSES,
                 "mapping_area": vocab.MAPPING_STATUSES, "visit_action": vocab.ACTION_STATUSES}
_CODE_TERMS = {"method": vocab.METHODS, "recipient": vocab.CONSENT_RECIPIENTS, "kind": ACCESS_KINDS,
               "employment_form": vocab.EMPLOYMENT_FORMS, "channel": vocab.VISIT_CHANNELS,
               "visit_type": vocab.VISIT_TYPES}
_AREAS = {code: nb for code, nb, _en, _s in vocab.MAPPING_AREAS}
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_STAMP = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})")


def _label(table: str, name: str, value: Any) -> Any:
    """Codes as the participant reads them (bokmål labels), dates as Norwegians write them."""
    if not isinstance(value, str):
        return value
    if name == "status" and table in _STATUS_TERMS:
        return vocab.label(_STATUS_TERMS[table], value)
    if name in _CODE_TERMS:
        return vocab.label(_CODE_TERMS[name], value)
    if name == "area":
        return _AREAS.get(value, value)
    if m := _DATE.match(value):
        return f"{m[3]}.{m[2]}.{m[1]}"
    if m := _STAMP.match(value):
        return f"{m[3]}.{m[2]}.{m[1]} kl. {m[4]}.{m[5]} (UTC)"
    return value


def _value(name: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dict) and "base64" in value:
        return f"(vedlegg, {len(value['base64']) * 3 // 4} byte – ligger i JSON-filen)"
    if isinstance(value, bool) or (name in _YES_NO and value in (0, 1)):
        return "Ja" if value else "Nei"
    if name == "strokes_json":
        return "(tegnet signatur – ligger i JSON-filen)"
    if name == "content_json" and isinstance(value, str):
        try:
            content = json.loads(value)
        except ValueError:
            return value
        goals = "; ".join(g.get("description", "") for g in content.get("goals", []) if isinstance(g, dict))
        return f"Mål: {goals}" if goals else "(se JSON-filen)"
    return str(value)


def _rows(table: str, rows: Sequence[Mapping[str, Any]]) -> list[list[tuple[str, str]]]:
    out = []
    for row in rows:
        pairs = [(_LABELS.get(k, k.replace("_", " ").capitalize()), _value(k, _label(table, k, v)))
                 for k, v in row.items() if k not in _HIDDEN]
        out.append([(k, v) for k, v in pairs if v])
    return out


def render_subject_access_pdf(export: Mapping[str, Any]) -> bytes:
    """`export`: the participant's JSON export (services/exporting.py's document). Returns the PDF's bytes."""
    register_fonts()
    st = make_styles()
    records: Mapping[str, Sequence[Mapping[str, Any]]] = export["records"]
    person = (records.get("participant") or [{}])[0]
    name = f"{person.get('first_name', '')} {person.get('last_name', '')}".strip()
    story: list[Any] = [
        Paragraph("Innsyn: opplysninger vi har lagret om deg", st.title),
        Paragraph(text(f"{name} · utskrevet {_label('', 'exported_at', export.get('exported_at', ''))} "
                       f"av {export.get('exported_by', '')}"),
                  st.subtitle),
        Paragraph("Dette er alt jobbspesialisttjenesten har lagret om deg i Fieldapp. Du har rett til å be om at "
                  "feil rettes, og til å be om sletting når oppfølgingen er avsluttet. Den samme informasjonen "
                  "finnes også maskinlesbart i JSON-filen som følger med.", st.body),
    ]
    titles = dict(SECTIONS)
    order = [t for t, _ in SECTIONS] + sorted(t for t in records if t not in titles)
    for table in order:
        rows = records.get(table) or []
        if not rows:
            continue
        story.append(Paragraph(text(f"{titles.get(table, table)} ({len(rows)})"), st.heading))
        for pairs in _rows(table, rows):
            if pairs:
                story.append(field_table([(k, text(v)) for k, v in pairs], st))
                story.append(Spacer(1, 2))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                            bottomMargin=MARGIN_BOTTOM, title=f"Innsyn – {name}", author="Fieldapp", lang="nb")
    doc.build(story)
    return buffer.getvalue()
