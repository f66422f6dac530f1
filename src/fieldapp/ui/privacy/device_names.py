"""Names of the team's devices for the access log, learnt from the sync server's device list.

The data folder keeps only device ids; the names live on the server. The list is asked for once (on the sync
thread) when the access log first needs it, and is also taken from the devices dialog whenever it loads.
Offline or before a team is set up, nothing is known and the log shows the short id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from fieldapp.services import sync as service
from fieldapp.ui.models.table import Column

_names: dict[str, str] = {}
_asked = False


def remember(devices: Iterable[service.Device]) -> None:
    """Keep the names from a device list (the devices dialog and the access log both call this)."""
    _names.update({d.device_id: d.name for d in devices if d.name})


def name_of(device_id: str) -> str | None:
    return _names.get(device_id)


def device_text(device_id: str, *, this_device: str, this_device_id: str) -> str:
    """ "this computer", the device's name, or the first 8 characters of its id when the name is unknown."""
    if device_id == this_device_id:
        return this_device
    return _names.get(device_id) or device_id[:8]


def device_column(title: str, this_device: str, own_id: Callable[[], str]) -> Column[Any]:
    """The logs' "Device" column for rows with a `device_id`: this computer, a named device, or a short id."""
    return Column(title, lambda e: device_text(e.device_id, this_device=this_device, this_device_id=own_id()))


def ask_names_for(rows: Iterable[Any], own_id: str, controller: Any, then: Callable[[], None], owner: Any) -> None:
    """When a row names another device whose name is not known yet, ask the server once (see ask_once)."""
    if any(e.device_id != own_id and name_of(e.device_id) is None for e in rows):
        ask_once(controller, then, owner)


def ask_once(controller: Any, then: Callable[[], None], owner: Any) -> None:
    """Ask the server for the device list once per run, through the sync controller (ui/sync/worker.py's
    SyncController, found on the main window; the devices dialog imports this module, so it does not import back)."""
    global _asked
    syncer = getattr(controller, "syncer", None)
    state = getattr(controller, "state", None)
    if _asked or syncer is None or state is None or not state.overview.enrolled:
        return
    _asked = True

    def got(devices: list[service.Device]) -> None:
        remember(devices)
        then()

    def failed(_exc: BaseException) -> None:
        global _asked
        _asked = False  # offline now: ask again next time the log is shown

    controller.call(lambda _progress: syncer.devices(), got, on_error=failed, owner=owner)


def forget() -> None:
    """For tests: start from nothing known."""
    global _asked
    _names.clear()
    _asked = False
