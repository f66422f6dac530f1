"""The agreement list as a table model."""

from __future__ import annotations

from typing import Any

from fieldapp.domain import agreement_vocab
from fieldapp.services.agreements import AgreementRow
from fieldapp.services.participants import name_sort_key
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.models.table import RIGHT, Column, RowTableModel

ATTENTION = frozenset({"ready_for_signing", "partly_signed"})


def columns() -> tuple[Column[AgreementRow], ...]:
    return (
        Column(translate("AgreementTable", "Number"), lambda r: r.number),
        Column(translate("AgreementTable", "Participant"), lambda r: r.participant_name,
               sort_key=lambda r: name_sort_key(r.participant_name)),
        Column(translate("AgreementTable", "Employer"), lambda r: r.employer_name or "",
               sort_key=lambda r: name_sort_key(r.employer_name)),
        Column(translate("AgreementTable", "Version"), lambda r: str(r.version_no), sort_key=lambda r: r.version_no,
               align=RIGHT),
        Column(translate("AgreementTable", "Status"), lambda r: label(agreement_vocab.AGREEMENT_STATUSES, r.status),
               warning=lambda r: r.status in ATTENTION,
               tooltip=lambda r: translate("AgreementTable", "Waiting for signatures") if r.status in ATTENTION
               else label(agreement_vocab.AGREEMENT_STATUSES, r.status)),
        Column(translate("AgreementTable", "Sealed copy"),
               lambda r: translate("AgreementTable", "Yes") if r.sealed else "",
               tooltip=lambda r: translate("AgreementTable", "A tamper-evident signed PDF is stored") if r.sealed
               else ""),
    )


class AgreementTableModel(RowTableModel[AgreementRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(columns(), parent)
