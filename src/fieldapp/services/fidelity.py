"""IPS fidelity self-assessments for the UI: save one per date, read the latest ones, and the data's proposals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from fieldapp.domain.outcomes import fidelity as fi
from fieldapp.domain.team_records import FidelityAssessment
from fieldapp.domain.validation import raise_if
from fieldapp.services import outcomes, report_settings
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage.queries import outcomes as q


@dataclass(frozen=True)
class Assessment:
    record: FidelityAssessment
    scores: dict[int, fi.ItemScore]

    @property
    def total(self) -> int:
        return fi.total(self.scores)

    @property
    def band(self) -> str:
        return fi.band(self.total)


def assessments(ws: Workspace) -> list[Assessment]:
    """Newest first."""
    with ws.folder.read() as session:
        rows = q.fidelity_assessments(session)
    return [Assessment(r, fi.from_json(r.scores_json)) for r in rows]


def save_assessment(ws: Workspace, *, assessed_on: date, scores: Mapping[int, fi.ItemScore],
                    notes: str | None = None) -> Assessment:
    """One assessment per date: saving again on the same date replaces that day's scores."""
    with ws.folder.read() as session:
        same_day = [r for r in q.fidelity_assessments(session) if r.assessed_on == assessed_on]
    record = FidelityAssessment(id=same_day[0].id if same_day else "", assessed_on=assessed_on,
                                scores_json=fi.to_json(scores), notes=(notes or "").strip() or None)
    raise_if(record.validate())
    with ws.folder.write() as session:
        saved = repository.save(session, record)
    return Assessment(saved, dict(scores))


def proposals(ws: Workspace, on: date) -> list[fi.Proposal]:
    return fi.propose(outcomes.load_inputs(ws, today=on), on, caseload_limit=report_settings.caseload_limit(ws))
