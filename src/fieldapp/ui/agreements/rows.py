"""The agreement's list parts as editable tables: goals, follow-up per actor, accommodations, responsibilities."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from PySide6.QtWidgets import QHeaderView, QWidget

from fieldapp.domain import agreement_content as ac
from fieldapp.domain import agreement_vocab as av
from fieldapp.ui.formatting import fmt_date
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.visits.delegates import DateDelegate, TermDelegate
from fieldapp.ui.visits.rows_model import EditableRowsModel, EditColumn
from fieldapp.ui.visits.rows_view import RowsEditor


def _id() -> str:
    return uuid.uuid4().hex


@dataclass
class GoalRow:
    id: str
    category: str | None = None
    description: str | None = None
    progress_indicator: str | None = None


@dataclass
class FollowUpRow:
    id: str
    actor_role: str | None = "job_specialist"
    actor_name: str | None = None
    purpose: str | None = None
    frequency: str | None = "monthly"
    custom_text: str | None = None
    form: str | None = "in_person"
    from_date: date | None = None
    to_date: date | None = None


@dataclass
class AccommodationRow:
    id: str
    category: str | None = "working_hours"
    description: str | None = None
    responsible: str | None = None
    from_date: date | None = None
    to_date: date | None = None
    nav_grant: str | None = None
    grant_deadline: date | None = None


@dataclass
class OtherPartyRow:
    """A behandler or another actor; fields the table does not show ride along unchanged."""

    id: str
    role: str | None = "behandler"
    name: str | None = None
    title: str | None = None
    organisation: str | None = None
    phone: str | None = None
    email: str | None = None
    orgnr: str | None = None
    birth_date: date | None = None
    address: str | None = None


@dataclass
class ResponsibilityRow:
    id: str
    party_role: str | None = "employee"
    text: str | None = None


def rows_from(items: Sequence[Any], row_cls: type) -> list[Any]:
    """Editable rows from the content's frozen items (empty strings become None, as the model stores them)."""
    out = []
    for item in items:
        values = {f.name: (getattr(item, f.name) or None) if isinstance(getattr(item, f.name), str)
                  else getattr(item, f.name) for f in fields(item)}
        out.append(row_cls(id=_id(), **values))
    return out


def items_from(rows: Sequence[Any], item_cls: type) -> tuple[Any, ...]:
    """The content's frozen items from the rows; None text becomes "" as the content stores it."""
    out = []
    for row in rows:
        values = {}
        for f in fields(item_cls):
            value = getattr(row, f.name)
            values[f.name] = "" if value is None and f.type in ("str", str) else value
        out.append(item_cls(**values))
    return tuple(out)


def _term(terms: tuple[Any, ...], attr: str):
    return lambda r: label(terms, getattr(r, attr)) if getattr(r, attr) else ""


def _day(attr: str):
    return lambda r: fmt_date(getattr(r, attr))


# Free text columns share the width left; the rest get room for their usual content.
STRETCH = ("description", "purpose", "text", "progress_indicator", "organisation")
WIDTHS = {"from_date": 92, "to_date": 92, "grant_deadline": 100, "category": 130, "actor_role": 115,
          "actor_name": 120, "frequency": 115, "custom_text": 130, "form": 95, "responsible": 120,
          "nav_grant": 150, "party_role": 120, "role": 110, "name": 150, "title": 130, "phone": 110,
          "email": 170}


class PartRows(RowsEditor):
    """One part's table with Add and Remove; `path` is the content's field name ("goals" …) for errors."""

    def __init__(self, path: str, columns: tuple[EditColumn, ...], row_cls: type, accessible: str,
                 add_text: str, remove_text: str, default_day, parent: QWidget | None = None) -> None:
        super().__init__(EditableRowsModel(columns), path, accessible, parent)
        self.path = path
        self.row_cls = row_cls
        header = self.table.horizontalHeader()
        for n, col in enumerate(columns):
            if col.field in STRETCH:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(n, WIDTHS.get(col.field, 120))
            if col.field.endswith(("_date", "deadline")):
                self.table.setItemDelegateForColumn(n, DateDelegate(default_day, self.table))
        self.add = self.add_button(add_text, f"add_{path}", self.add_row)
        self.remove = self.add_button(remove_text, f"remove_{path}", self.remove_row)
        self.finish_buttons()
        self.table.fit_height()

    def add_row(self) -> None:
        row = self.model.append(self.row_cls(id=_id()))
        first_text = next((i for i, c in enumerate(self.model.columns)
                           if c.field in ("description", "actor_name", "text", "name")), 0)
        self.table.edit_cell(row, first_text)

    def remove_row(self) -> None:
        self.model.remove(self.current_row())

    def term_column(self, field: str, terms: tuple[Any, ...]) -> None:
        self.table.setItemDelegateForColumn(self.model.column_of(field), TermDelegate(terms, self.table))


def goals_editor(default_day, parent: QWidget | None = None) -> PartRows:
    cols = (EditColumn("category", translate("AgreementParts", "Category")),
            EditColumn("description", translate("AgreementParts", "Goal")),
            EditColumn("progress_indicator", translate("AgreementParts", "How progress is seen")))
    return PartRows("goals", cols, GoalRow, translate("AgreementParts", "Goals"),
                    translate("AgreementParts", "Add &goal"), translate("AgreementParts", "Remove goal"),
                    default_day, parent)


def follow_ups_editor(default_day, parent: QWidget | None = None) -> PartRows:
    cols = (EditColumn("actor_role", translate("AgreementParts", "Actor"),
                       display=_term(av.FOLLOW_UP_ACTORS, "actor_role")),
            EditColumn("actor_name", translate("AgreementParts", "Name")),
            EditColumn("purpose", translate("AgreementParts", "Purpose")),
            EditColumn("frequency", translate("AgreementParts", "Frequency"), display=_term(av.FREQUENCIES, "frequency")),
            EditColumn("custom_text", translate("AgreementParts", "Other frequency")),
            EditColumn("form", translate("AgreementParts", "Form"), display=_term(av.FOLLOW_UP_FORMS, "form")),
            EditColumn("from_date", translate("AgreementParts", "From"), display=_day("from_date")),
            EditColumn("to_date", translate("AgreementParts", "To"), display=_day("to_date")))
    editor = PartRows("follow_ups", cols, FollowUpRow, translate("AgreementParts", "Follow-up per actor"),
                      translate("AgreementParts", "Add &follow-up"), translate("AgreementParts", "Remove follow-up"),
                      default_day, parent)
    editor.term_column("actor_role", av.FOLLOW_UP_ACTORS)
    editor.term_column("frequency", av.FREQUENCIES)
    editor.term_column("form", av.FOLLOW_UP_FORMS)
    return editor


def accommodations_editor(default_day, parent: QWidget | None = None) -> PartRows:
    cols = (EditColumn("category", translate("AgreementParts", "Category"),
                       display=_term(av.ACCOMMODATION_CATEGORIES, "category")),
            EditColumn("description", translate("AgreementParts", "Accommodation")),
            EditColumn("responsible", translate("AgreementParts", "Responsible")),
            EditColumn("from_date", translate("AgreementParts", "From"), display=_day("from_date")),
            EditColumn("to_date", translate("AgreementParts", "To"), display=_day("to_date")),
            EditColumn("nav_grant", translate("AgreementParts", "NAV grant or aid")),
            EditColumn("grant_deadline", translate("AgreementParts", "Grant deadline"), display=_day("grant_deadline")))
    editor = PartRows("accommodations", cols, AccommodationRow, translate("AgreementParts", "Accommodations"),
                      translate("AgreementParts", "Add &accommodation"),
                      translate("AgreementParts", "Remove accommodation"), default_day, parent)
    editor.term_column("category", av.ACCOMMODATION_CATEGORIES)
    return editor


def responsibilities_editor(default_day, parent: QWidget | None = None) -> PartRows:
    cols = (EditColumn("party_role", translate("AgreementParts", "Party"), display=_term(av.SIGNER_ROLES, "party_role")),
            EditColumn("text", translate("AgreementParts", "Responsibility")))
    editor = PartRows("responsibilities", cols, ResponsibilityRow, translate("AgreementParts", "Responsibilities"),
                      translate("AgreementParts", "Add &responsibility"),
                      translate("AgreementParts", "Remove responsibility"), default_day, parent)
    editor.term_column("party_role", av.SIGNER_ROLES)
    return editor


def others_editor(default_day, parent: QWidget | None = None) -> PartRows:
    """Parties beyond the fixed ones: a behandler, the municipality … (printed with a signature box)."""
    cols = (EditColumn("role", translate("AgreementParts", "Role"), display=_term(av.OTHER_PARTY_ROLES, "role")),
            EditColumn("name", translate("AgreementParts", "Name")),
            EditColumn("title", translate("AgreementParts", "Title")),
            EditColumn("organisation", translate("AgreementParts", "Organisation")),
            EditColumn("phone", translate("AgreementParts", "Phone")),
            EditColumn("email", translate("AgreementParts", "Email")))
    editor = PartRows("other_parties", cols, OtherPartyRow, translate("AgreementParts", "Other parties"),
                      translate("AgreementParts", "Add ot&her party"), translate("AgreementParts", "Remove other party"),
                      default_day, parent)
    editor.term_column("role", av.OTHER_PARTY_ROLES)
    return editor


ROW_CLASSES = {"goals": (GoalRow, ac.Goal), "follow_ups": (FollowUpRow, ac.FollowUp),
               "accommodations": (AccommodationRow, ac.Accommodation),
               "responsibilities": (ResponsibilityRow, ac.Responsibility)}
