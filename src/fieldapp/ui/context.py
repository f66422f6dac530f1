"""What every view is given: the open workspace, the task manager, the change bus, navigation, settings, clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from fieldapp.services.follow_up import local_now
from fieldapp.ui.change_hub import ChangeHub
from fieldapp.ui.tasks import TaskManager

if TYPE_CHECKING:  # the first paint builds the context before the storage layer is loaded
    from fieldapp.services.workspace import Workspace


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


class AppContext:
    """Wiring only: holds the parts views share, and nothing else.

    At start-up the context exists before the data folder is open (the Today view is shown first, see
    ui/app.py): `ws` is then attached with `attach()` once the worker has opened it. Everything else
    asks for `ws` only after that, and gets an error rather than a half-open folder if it does not."""

    def __init__(self, ws: Workspace | None, tasks: TaskManager, changes: ChangeHub, settings: QSettings,
                 navigator: Navigator | None = None, now: Callable[[], datetime] = _utc_now) -> None:
        self._ws = ws
        self.tasks = tasks
        self.changes = changes
        self.settings = settings
        self.navigator = navigator or Navigator()
        self.now = now
        if ws is not None:
            changes.attach(ws, open_while=lambda: tasks.is_open)

    def today(self, now: datetime | None = None) -> date:
        """The day it is where the user sits (the local day), as the participant list, the overdue count and
        the overview's visit days take it: not the UTC date, a day behind for an hour or two after midnight.
        `now`: the local day of that instant (figures worked out for a `now` taken once), else of ctx.now()."""
        return local_now(self.now() if now is None else now).date()

    @property
    def ws(self) -> Workspace:
        if self._ws is None:
            raise RuntimeError("the data folder is not open yet")
        return self._ws

    @property
    def has_workspace(self) -> bool:
        return self._ws is not None

    def attach(self, ws: Workspace) -> None:
        self._ws = ws
        self.changes.attach(ws, open_while=lambda: self.tasks.is_open)

    def close(self) -> None:
        """Finish background work before the database is closed."""
        self.changes.detach()
        self.tasks.shutdown()
        if self._ws is not None:
            self._ws.close()
