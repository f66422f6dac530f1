"""Whether a data folder is still unused (the first start offers demo data then)."""

from __future__ import annotations

from fieldapp.services.workspace import Workspace
from fieldapp.storage.queries import status as q


def folder_is_empty(ws: Workspace) -> bool:
    """True for a new data folder nobody has entered participants or employers into."""
    with ws.folder.read() as session:
        return not q.holds_records(session)
