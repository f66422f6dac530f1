"""The team's reporting settings, kept with the data: caseload limit (IPS: 20) and the small-cell threshold."""

from __future__ import annotations

from fieldapp.domain.messages import DomainError, Message
from fieldapp.domain.outcomes.inputs import DEFAULT_CASELOAD_LIMIT, DEFAULT_SMALL_CELL
from fieldapp.services.workspace import Workspace
from fieldapp.storage import models as m

CASELOAD_LIMIT = "caseload_limit"
SMALL_CELL = "small_cell_threshold"
DEFAULTS = {CASELOAD_LIMIT: DEFAULT_CASELOAD_LIMIT, SMALL_CELL: DEFAULT_SMALL_CELL}


def _get(ws: Workspace, key: str) -> int:
    with ws.folder.read() as session:
        row = session.get(m.Meta, key)
    try:
        return int(row.value) if row is not None else DEFAULTS[key]
    except ValueError:
        return DEFAULTS[key]


def caseload_limit(ws: Workspace) -> int:
    return _get(ws, CASELOAD_LIMIT)


def small_cell_threshold(ws: Workspace) -> int:
    return _get(ws, SMALL_CELL)


def set_value(ws: Workspace, key: str, value: int) -> None:
    if key not in DEFAULTS or not 1 <= value <= 1000:
        raise DomainError(Message("bad_setting", f"Ugyldig innstilling: {key} = {value}.",
                                  f"Invalid setting: {key} = {value}."))
    with ws.folder.write() as session:
        session.merge(m.Meta(key=key, value=str(value)))
