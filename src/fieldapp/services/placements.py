"""Placements (arbeidsforhold) for the UI: one placement with its NAV measures, and saving them together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from fieldapp.domain.messages import FieldError
from fieldapp.domain.records import NavMeasure, Placement
from fieldapp.domain.validation import raise_if
from fieldapp.services.participants import tidy_record
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage.queries import participants as q


@dataclass(frozen=True)
class PlacementDetail:
    placement: Placement
    measures: tuple[NavMeasure, ...]


def placement_detail(ws: Workspace, placement_id: str) -> PlacementDetail | None:
    with ws.folder.read() as session:
        placement = repository.get(session, Placement, placement_id)
        if placement is None:
            return None
        return PlacementDetail(placement=placement, measures=tuple(q.nav_measures(session, placement_id)))


def save_placement(ws: Workspace, placement: Placement, measures: Sequence[NavMeasure] = ()) -> PlacementDetail:
    """Store a placement and the NAV measures in use, all in one transaction.

    `measures` is the complete set: stored measures of a kind not in it are removed (tombstoned).
    Raises ValidationFailed; a measure's errors are named `measure.<kind>.<field>`.
    """
    placement = tidy_record(placement, required=("job_title", "employment_form", "status", "participant_id",
                                                 "employer_id"))
    measures = [tidy_record(mm, required=("kind",)) for mm in measures]
    errors = list(placement.validate())
    for mm in measures:
        errors += [FieldError(f"measure.{mm.kind}.{e.field}", e.message) for e in mm.validate()]
    raise_if(errors)
    with ws.folder.write() as session:
        saved = repository.save(session, placement)
        existing = {mm.kind: mm for mm in q.nav_measures(session, saved.id)}
        kept = []
        for mm in measures:
            old = existing.pop(mm.kind, None)
            kept.append(repository.save(session, replace(mm, placement_id=saved.id, id=old.id if old else "")))
        for old in existing.values():
            repository.tombstone(session, NavMeasure, old.id)
        return PlacementDetail(placement=saved, measures=tuple(kept))
