"""What every view is given: the open workspace, the task manager, the change bus, navigation, settings, clock."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QSettings, Signal

from fieldapp.services.workspace import Workspace
from fieldapp.ui.tasks import TaskManager


class ChangeBus(QObject):
    """Broadcasts which kinds of records changed (entity names), so each view decides itself whether to reload."""

    data_changed = Signal(frozenset)

    def notify(self, entities: Iterable[str]) -> None:
        self.data_changed.emit(frozenset(entities))


class Navigator(QObject):
    """Requests to show something, from anywhere in the UI; the main window carries them out.

    participant_requested(participant_id, tab): tab is "" or one of the detail tab names
    ("overview", "mapping", "placements", "visits", "agreements").
    visit_requested(visit_id, participant_id): an existing visit ("" for participant) or a new one
    (visit_id "" and the participant's id).
    """

    participant_requested = Signal(str, str)
    employer_requested = Signal(str)
    visit_requested = Signal(str, str)

    def participant(self, participant_id: str, tab: str = "") -> None:
        self.participant_requested.emit(participant_id, tab)

    def employer(self, employer_id: str) -> None:
        self.employer_requested.emit(employer_id)

    def visit(self, visit_id: str | None = None, participant_id: str | None = None) -> None:
        self.visit_requested.emit(visit_id or "", participant_id or "")


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class AppContext:
    """Wiring only: holds the parts views share, and nothing else."""

    ws: Workspace
    tasks: TaskManager
    changes: ChangeBus
    settings: QSettings
    navigator: Navigator = field(default_factory=Navigator)
    now: Callable[[], datetime] = field(default=_utc_now)

    def close(self) -> None:
        """Finish background work before the database is closed."""
        self.tasks.shutdown()
        self.ws.close()
