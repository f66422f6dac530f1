"""The team's reporting settings, kept with the data: caseload limit (IPS: 20) and the small-cell threshold."""

from __future__ import annotations

from fieldapp.domain.messages import DomainError, Message
from fieldapp.domain.outcomes.inputs import DEFAULT_CASELOAD_LIMIT, DEFAULT_SMALL_CELL
from fieldapp.services.workspace import Workspace
from fieldapp.storage import models as m

CASELOAD_LIMIT = "caseload_limit"
SMALL_CELL = "small_cell_threshold"
DEFAULTS = {CASELOAD_LIMIT: DEFAULT_CASELOAD_LIMIT, SMALL_CELL: DEFAULT_SMALL_CELL}
# A threshold under 3 would let a report single out one or two people.
RANGES = {CASELOAD_LIMIT: (1, 100), SMALL_CELL: (3, 50)}
NAMES = {CASELOAD_LIMIT: ("Grensen for saksmengde", "The caseload limit"),
         SMALL_CELL: ("Grensen for små tall i rapporter", "The small-number threshold for reports")}


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
    """Store one setting. Raises DomainError naming the setting and its allowed range."""
    if key not in DEFAULTS:
        raise DomainError(Message("bad_setting", f"Ukjent innstilling: {key}.", f"Unknown setting: {key}."))
    low, high = RANGES[key]
    if not low <= value <= high:
        nb, en = NAMES[key]
        raise DomainError(Message("bad_setting", f"{nb} må være et helt tall fra {low} til {high} (ikke {value}).",
                                  f"{en} must be a whole number from {low} to {high} (not {value})."))
    with ws.folder.write() as session:
        session.merge(m.Meta(key=key, value=str(value)))
