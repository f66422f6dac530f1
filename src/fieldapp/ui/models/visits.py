"""Visits as table models: a participant's visit history and the agenda's planned visits."""

from __future__ import annotations

from typing import Any

from fieldapp.domain import vocab
from fieldapp.domain.names import name_sort_key
from fieldapp.services.today import VisitRow
from fieldapp.ui.formatting import fmt_date, fmt_time_span, weekday
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.models.table import Column, RowTableModel



def _channel_place(row: VisitRow) -> str:
    channel = label(vocab.VISIT_CHANNELS, row.channel)
    return f"{channel} – {row.place}" if row.place and row.channel in ("on_site", "elsewhere") else channel


def _day(row: VisitRow) -> str:
    return f"{weekday(row.starts_at)} {row.starts_at:%d.%m.}"


def _status(row: VisitRow) -> str:
    return translate("VisitTable", "Finished") if row.finished else translate("VisitTable", "Draft")


def _common() -> dict[str, Column[VisitRow]]:
    return {
        "time": Column(translate("VisitTable", "Time"), lambda r: fmt_time_span(r.starts_at, r.ends_at),
                       sort_key=lambda r: r.starts_at),
        "type": Column(translate("VisitTable", "Type"), lambda r: label(vocab.VISIT_TYPES, r.visit_type)),
        "where": Column(translate("VisitTable", "Channel and place"), _channel_place),
        "participant": Column(translate("VisitTable", "Participant"), lambda r: r.participant_name,
                              sort_key=lambda r: name_sort_key(r.participant_name)),
        "employer": Column(translate("VisitTable", "Employer"), lambda r: r.employer_name or "",
                           sort_key=lambda r: name_sort_key(r.employer_name) if r.employer_name else None),
    }


def history_columns() -> tuple[Column[VisitRow], ...]:
    c = _common()
    return (Column(translate("VisitTable", "Date"), lambda r: fmt_date(r.starts_at), sort_key=lambda r: r.starts_at),
            c["time"], c["type"], c["where"],
            Column(translate("VisitTable", "Status"), _status, warning=lambda r: not r.finished),
            Column(translate("VisitTable", "Summary"), lambda r: " ".join((r.summary or "").split()),
                   tooltip=lambda r: r.summary or ""))


def today_columns() -> tuple[Column[VisitRow], ...]:
    c = _common()
    return (c["time"], c["participant"], c["employer"], c["type"], c["where"])


def week_columns() -> tuple[Column[VisitRow], ...]:
    c = _common()
    return (Column(translate("VisitTable", "Day"), _day, sort_key=lambda r: r.starts_at),
            c["time"], c["participant"], c["employer"], c["type"], c["where"])


def draft_columns() -> tuple[Column[VisitRow], ...]:
    c = _common()
    return (Column(translate("VisitTable", "Started"), lambda r: fmt_date(r.starts_at), sort_key=lambda r: r.starts_at),
            c["participant"], c["employer"], c["type"],
            Column(translate("VisitTable", "Summary so far"), lambda r: " ".join((r.summary or "").split()),
                   tooltip=lambda r: r.summary or ""))


class VisitTableModel(RowTableModel[VisitRow]):
    def __init__(self, columns: tuple[Column[VisitRow], ...] | None = None, parent: Any = None) -> None:
        super().__init__(columns or history_columns(), parent)
