"""Putting the domain's errors on the agreement editor's fields and table cells, and going to one of them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from PySide6.QtWidgets import QScrollArea

from fieldapp.domain.messages import FieldError
from fieldapp.ui.agreements.parts import PartsForms
from fieldapp.ui.agreements.rows import PartRows
from fieldapp.ui.i18n import message

_ROW_PATH = re.compile(r"^(goals|follow_ups|accommodations|responsibilities|parties\.others)\[(\d+)\]\.(\w+)$")


def mark_errors(parts: PartsForms, tables: Mapping[str, PartRows], errors: Iterable[FieldError]) -> None:
    """Mark fields and table cells named by the errors; an error on a whole table is shown under it."""
    cells: dict[str, dict[tuple[str, str], str]] = {name: {} for name in tables}
    plain: list[FieldError] = []
    for e in errors:
        found = _ROW_PATH.match(e.field)
        table = tables.get(found.group(1)) if found else None
        if found and table is not None and int(found.group(2)) < len(table.model.rows):
            cells[found.group(1)][(table.model.rows[int(found.group(2))].id, found.group(3))] = message(e.message)
        else:
            plain.append(e)
    for form in parts.forms:
        form.show_errors([e for e in plain if e.field in form.fields])
    for name, table in tables.items():
        table.model.set_errors(cells[name])
        own = [message(e.message) for e in plain if e.field == name]
        table.show_errors(own + sorted(set(cells[name].values())))


def focus_error(parts: PartsForms, tables: Mapping[str, PartRows], scroll: QScrollArea, error: FieldError) -> None:
    """Scroll to the field or cell an error names and put the focus there."""
    widget = parts.fields.get(error.field)
    found = _ROW_PATH.match(error.field)
    if widget is not None:
        scroll.ensureWidgetVisible(widget)
        widget.setFocus()
    elif found and found.group(1) in tables:
        table = tables[found.group(1)]
        scroll.ensureWidgetVisible(table)
        column = next((i for i, c in enumerate(table.model.columns) if c.field == found.group(3)), 0)
        table.table.setCurrentIndex(table.model.index(int(found.group(2)), column))
        table.table.setFocus()
    else:
        target = tables.get(error.field.split(".")[0].split("[")[0])
        if target is not None:
            scroll.ensureWidgetVisible(target)
            target.table.setFocus()
