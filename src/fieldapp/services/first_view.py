"""The app's first paint: the Today view read straight from the data folder, before the storage layer loads.

`quick_agenda()` opens the folder's database read-only (storage/quick_open.py) and works out the same
agenda as services/agenda.load_agenda, from the same statements. It gives None whenever that is not
possible as things stand (a new or empty folder, one that needs migrating, a key problem, anything
unexpected): the app then opens the folder the normal way, which creates, migrates or reports.
Nothing imported here loads SQLAlchemy.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from fieldapp import paths
from fieldapp.services.today import Agenda, agenda_window, read_agenda
from fieldapp.storage.quick_open import read_only

log = logging.getLogger(__name__)


def quick_agenda(data_dir: Path | None, *, now: datetime | None = None) -> Agenda | None:
    try:
        with read_only(data_dir or paths.default_data_dir(), connections=2) as executes:
            return None if executes is None else read_agenda(executes[0], agenda_window(now), also=executes[1])
    except Exception:
        log.info("first view: read through the normal path instead", exc_info=True)
        return None
