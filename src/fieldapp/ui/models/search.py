"""Search hits as a table model."""

from __future__ import annotations

from typing import Any

from fieldapp.domain import vocab
from fieldapp.services.search import HitKind, SearchHit
from fieldapp.ui.formatting import fmt_date
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.models.table import Column, RowTableModel

_KIND_ORDER = {HitKind.PARTICIPANT: 0, HitKind.EMPLOYER: 1, HitKind.VISIT: 2}


def kind_label(kind: str) -> str:
    labels = {HitKind.PARTICIPANT: translate("SearchTable", "Participant"),
              HitKind.EMPLOYER: translate("SearchTable", "Employer"),
              HitKind.VISIT: translate("SearchTable", "Visit")}
    return labels.get(kind, kind)


def _title(hit: SearchHit) -> str:
    if hit.kind == HitKind.VISIT and hit.starts_at is not None:
        return translate("SearchTable", "%1 – visit %2 (%3)").replace("%1", hit.title).replace(
            "%2", fmt_date(hit.starts_at)).replace("%3", label(vocab.VISIT_TYPES, hit.visit_type).lower())
    return hit.title


def columns() -> tuple[Column[SearchHit], ...]:
    return (
        Column(translate("SearchTable", "Type"), lambda h: kind_label(h.kind), sort_key=lambda h: _KIND_ORDER.get(h.kind, 9)),
        Column(translate("SearchTable", "Match"), _title),
        Column(translate("SearchTable", "Details"), lambda h: h.detail),
    )


class SearchHitTableModel(RowTableModel[SearchHit]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(columns(), parent)
