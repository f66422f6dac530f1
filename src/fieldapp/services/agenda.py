"""The day's agenda (services/today.py) read from an open workspace."""

from __future__ import annotations

from datetime import datetime

from fieldapp.services.today import Agenda, OverdueRow, agenda_window, build_agenda
from fieldapp.services.workspace import Workspace
from fieldapp.storage.queries._driver import execute_on
from fieldapp.storage.today_facts import read_today_facts

__all__ = ["Agenda", "OverdueRow", "load_agenda"]


def load_agenda(ws: Workspace, *, now: datetime | None = None) -> Agenda:
    """Unfinished visits starting today and later this week (to Sunday), and overdue follow-ups, most overdue first."""
    window = agenda_window(now)
    with ws.folder.read() as session:
        facts = read_today_facts(execute_on(session), now=window.now, today_start=window.today_start,
                                 tomorrow_start=window.tomorrow_start, week_end=window.week_end)
    return build_agenda(facts, window)
