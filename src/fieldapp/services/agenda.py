"""The day's agenda (services/today.py) read from an open workspace."""

from __future__ import annotations

from datetime import datetime

from fieldapp.services.today import Agenda, OverdueRow, agenda_window, read_agenda
from fieldapp.services.workspace import Workspace
from fieldapp.storage.queries._driver import execute_on

__all__ = ["Agenda", "OverdueRow", "load_agenda"]


def load_agenda(ws: Workspace, *, now: datetime | None = None) -> Agenda:
    """Unfinished visits starting today and later this week (to Sunday), and overdue follow-ups, most overdue first."""
    with ws.folder.read() as session:
        return read_agenda(execute_on(session), agenda_window(now))
