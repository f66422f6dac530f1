"""Table models for the participant detail tabs: actors, consents, placements, agreements, mapping areas."""

from __future__ import annotations

from fieldapp.domain import agreement_vocab, vocab
from fieldapp.domain.records import Consent, CooperatingActor, MappingArea
from fieldapp.services.participants import ParticipantAgreement, PlacementSummary
from fieldapp.ui.formatting import fmt_date, fmt_phone
from fieldapp.ui.i18n import current_language, label, translate
from fieldapp.ui.models.table import RIGHT, Column


def area_label(code: str) -> str:
    for c, nb, en, _sensitive in vocab.MAPPING_AREAS:
        if c == code:
            return en if current_language() == "en" else nb
    return code


def sensitive_text(sensitive: bool) -> str:
    return translate("ParticipantDetailTables", "Sensitive") if sensitive else ""


def _consent_state(c: Consent) -> str:
    return translate("ParticipantDetailTables", "Given") if c.given else translate("ParticipantDetailTables",
                                                                                   "Withdrawn or refused")


def actor_columns() -> tuple[Column[CooperatingActor], ...]:
    return (
        Column(translate("ParticipantDetailTables", "Role"), lambda a: a.role),
        Column(translate("ParticipantDetailTables", "Name"), lambda a: a.name),
        Column(translate("ParticipantDetailTables", "Organisation"), lambda a: a.organisation or ""),
        Column(translate("ParticipantDetailTables", "Phone"), lambda a: fmt_phone(a.phone)),
        Column(translate("ParticipantDetailTables", "May be contacted"),
               lambda a: (translate("ParticipantDetailTables", "Yes, from %1").replace("%1", fmt_date(a.consent_date)) if a.consent_date
                          else translate("ParticipantDetailTables", "Yes")) if a.consent_to_contact else translate("ParticipantDetailTables", "No"),
               warning=lambda a: not a.consent_to_contact),
    )


def consent_columns() -> tuple[Column[Consent], ...]:
    return (
        Column(translate("ParticipantDetailTables", "Shared with"), lambda c: label(vocab.CONSENT_RECIPIENTS, c.recipient)),
        Column(translate("ParticipantDetailTables", "Consent"), _consent_state, warning=lambda c: not c.given),
        Column(translate("ParticipantDetailTables", "Date"), lambda c: fmt_date(c.decided_on), sort_key=lambda c: c.decided_on),
        Column(translate("ParticipantDetailTables", "What may be shared"), lambda c: " ".join(c.scope.split()), tooltip=lambda c: c.scope),
    )


def placement_columns() -> tuple[Column[PlacementSummary], ...]:
    return (
        Column(translate("ParticipantDetailTables", "Employer"), lambda p: p.employer_name),
        Column(translate("ParticipantDetailTables", "Job title"), lambda p: p.job_title),
        Column(translate("ParticipantDetailTables", "Percentage"), lambda p: f"{p.percentage} %" if p.percentage is not None else "",
               sort_key=lambda p: p.percentage, align=RIGHT),
        Column(translate("ParticipantDetailTables", "Start"), lambda p: fmt_date(p.start_date), sort_key=lambda p: p.start_date),
        Column(translate("ParticipantDetailTables", "End"), lambda p: fmt_date(p.end_date), sort_key=lambda p: p.end_date),
        Column(translate("ParticipantDetailTables", "Status"), lambda p: label(vocab.PLACEMENT_STATUSES, p.status)),
    )


def agreement_columns() -> tuple[Column[ParticipantAgreement], ...]:
    return (
        Column(translate("ParticipantDetailTables", "Number"), lambda a: a.number),
        Column(translate("ParticipantDetailTables", "Type"), lambda a: label(agreement_vocab.AGREEMENT_TYPES, a.agreement_type)),
        Column(translate("ParticipantDetailTables", "Version"), lambda a: str(a.version_no), sort_key=lambda a: a.version_no, align=RIGHT),
        Column(translate("ParticipantDetailTables", "Status"), lambda a: label(agreement_vocab.AGREEMENT_STATUSES, a.status),
               warning=lambda a: a.status in ("draft", "partly_signed")),
        Column(translate("ParticipantDetailTables", "Employer"), lambda a: a.employer_name or ""),
        Column(translate("ParticipantDetailTables", "Period"), lambda a: " – ".join(x for x in (fmt_date(a.start), fmt_date(a.end)) if x),
               sort_key=lambda a: a.start),
    )


def area_columns() -> tuple[Column[MappingArea], ...]:
    return (
        Column(translate("ParticipantDetailTables", "Area"), lambda a: area_label(a.area)),
        Column(translate("ParticipantDetailTables", "Status"), lambda a: label(vocab.MAPPING_STATUSES, a.status),
               warning=lambda a: a.status == "obstacle"),
        Column(translate("ParticipantDetailTables", "Sensitive"), lambda a: sensitive_text(a.sensitive), warning=lambda a: a.sensitive,
               tooltip=lambda a: translate("ParticipantDetailTables", "Sensitive: never shown on anything the employer gets")
               if a.sensitive else translate("ParticipantDetailTables", "May be shared with the employer if the participant agrees")),
    )

