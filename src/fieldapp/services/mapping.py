"""Mapping (kartlegging) for the UI: a participant's dated mappings, one with every area, and saving it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from fieldapp.domain import vocab
from fieldapp.domain.messages import FieldError
from fieldapp.domain.records import Mapping, MappingArea
from fieldapp.domain.validation import raise_if
from fieldapp.services.participants import tidy_record
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage.queries import mapping as q

AREA_CODES = tuple(code for code, _nb, _en, _sensitive in vocab.MAPPING_AREAS)


def default_area(code: str) -> MappingArea:
    """An area not worked on yet, sensitive when the domain says it is by default."""
    return MappingArea(mapping_id="", area=code, sensitive=code in vocab.SENSITIVE_AREAS)


@dataclass(frozen=True)
class MappingSheet:
    """One mapping with all areas in the domain's order (areas not stored yet come as defaults, id "")."""

    participant_id: str
    mapping: Mapping | None
    areas: tuple[MappingArea, ...]
    history: tuple[Mapping, ...]


def _full(areas: Sequence[MappingArea]) -> tuple[MappingArea, ...]:
    by_code = {a.area: a for a in areas}
    return tuple(by_code.get(code) or default_area(code) for code in AREA_CODES)


def mapping_sheet(ws: Workspace, participant_id: str, mapping_id: str | None = None) -> MappingSheet:
    """The chosen mapping, or the newest; with no mapping yet, an empty sheet of every area."""
    with ws.folder.read() as session:
        history = q.mappings(session, participant_id)
        chosen = next((mp for mp in history if mp.id == mapping_id), None) if mapping_id else None
        chosen = chosen or (history[0] if history else None)
        areas = q.areas(session, chosen.id) if chosen else []
    return MappingSheet(participant_id=participant_id, mapping=chosen, areas=_full(areas), history=tuple(history))


def _worth_storing(area: MappingArea) -> bool:
    untouched = default_area(area.area)
    return bool(area.id) or any(getattr(area, f) != getattr(untouched, f)
                                for f in ("status", "description", "action", "responsible", "deadline", "sensitive"))


def save_mapping(ws: Workspace, *, participant_id: str, mapping_id: str | None, mapped_on: date,
                 notes: str | None, areas: Sequence[MappingArea]) -> MappingSheet:
    """Store the mapping (a new dated one when `mapping_id` is None) and its areas in one transaction.

    Areas never touched are not stored. Raises ValidationFailed; an area's errors are named `<area>.<field>`.
    """
    mapping = tidy_record(Mapping(id=mapping_id or "", participant_id=participant_id, mapped_on=mapped_on,
                                  notes=notes), required=("participant_id",))
    areas = [tidy_record(a, required=("area", "status")) for a in areas]
    errors = list(mapping.validate())
    for a in areas:
        errors += [FieldError(f"{a.area}.{e.field}", e.message) for e in a.validate()]
    raise_if(errors)
    with ws.folder.write() as session:
        mapping = repository.save(session, mapping)
        stored = {a.area: a for a in q.areas(session, mapping.id)}
        for a in areas:
            old = stored.get(a.area)
            a = replace(a, mapping_id=mapping.id, id=old.id if old else "")
            if _worth_storing(a):
                repository.save(session, a)
    return mapping_sheet(ws, participant_id, mapping.id)
