"""The employer list as a table model."""

from __future__ import annotations

from typing import Any

from fieldapp.services.employers import EmployerRow
from fieldapp.services.participants import name_sort_key
from fieldapp.ui.formatting import fmt_phone
from fieldapp.ui.i18n import translate
from fieldapp.ui.models.table import RIGHT, Column, RowTableModel


def _place(row: EmployerRow) -> str:
    return " ".join(x for x in (row.postcode, row.city) if x)


def columns() -> tuple[Column[EmployerRow], ...]:
    return (
        Column(translate("EmployerTable", "Name"), lambda r: r.name, sort_key=lambda r: name_sort_key(r.name)),
        Column(translate("EmployerTable", "Org. no."), lambda r: r.orgnr or ""),
        Column(translate("EmployerTable", "Industry"), lambda r: r.industry or ""),
        Column(translate("EmployerTable", "Place"), _place, sort_key=lambda r: name_sort_key(r.city) if r.city else None,
               tooltip=lambda r: ", ".join(x for x in (r.address, _place(r)) if x)),
        Column(translate("EmployerTable", "Contact person"), lambda r: r.contact_name or ""),
        Column(translate("EmployerTable", "Phone"), lambda r: fmt_phone(r.contact_phone or r.phone)),
        Column(translate("EmployerTable", "In work now"), lambda r: str(r.current_placements),
               sort_key=lambda r: r.current_placements, align=RIGHT,
               tooltip=lambda r: translate("EmployerTable", "Participants with a planned or active job here")),
    )


class EmployerTableModel(RowTableModel[EmployerRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(columns(), parent)
