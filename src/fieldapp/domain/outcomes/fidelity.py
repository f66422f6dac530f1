"""IPS fidelity self-assessment: totals and bands, comparison with the previous one, and scores the data proposes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from fieldapp.domain.outcomes import figures as f
from fieldapp.domain.outcomes.fidelity_items import ITEMS
from fieldapp.domain.outcomes.inputs import OutcomeInputs, Period

BANDS: tuple[tuple[int, str], ...] = ((115, "Eksemplarisk IPS"), (100, "God IPS"), (74, "Akseptabel IPS"),
                                      (0, "Ikke IPS"))


@dataclass(frozen=True)
class ItemScore:
    score: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Proposal:
    item: int
    score: int
    evidence: str


def band(total: int) -> str:
    return next(name for floor, name in BANDS if total >= floor)


def total(scores: Mapping[int, ItemScore]) -> int:
    return sum(s.score or 0 for s in scores.values())


def complete(scores: Mapping[int, ItemScore]) -> bool:
    return all(scores.get(i.number, ItemScore()).score for i in ITEMS)


def to_json(scores: Mapping[int, ItemScore]) -> str:
    return json.dumps({str(k): {"score": v.score, "note": v.note} for k, v in sorted(scores.items())},
                      ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> dict[int, ItemScore]:
    raw = json.loads(text or "{}")
    return {int(k): ItemScore(v.get("score"), v.get("note") or "") for k, v in raw.items()}


def changes(current: Mapping[int, ItemScore], previous: Mapping[int, ItemScore]) -> dict[int, int]:
    """Item -> score difference from the previous assessment, for items scored both times."""
    return {i: (s.score - previous[i].score) for i, s in current.items()  # type: ignore[operator]  # both scored
            if s.score and i in previous and previous[i].score and s.score != previous[i].score}


def _pct(share: float) -> str:
    return f"{round(100 * share)} %"  # bokmål puts a space before the per cent sign


def _by_floor(value: float, floors: tuple[float, float, float, float]) -> int:
    """Score 5..2 when `value` reaches the floors in turn, else 1."""
    for score, floor in zip((5, 4, 3, 2), floors):
        if value >= floor:
            return score
    return 1


def propose(inputs: OutcomeInputs, on: date, *, caseload_limit: int = 20) -> list[Proposal]:
    """Scores the records can support, each with the evidence shown to the team. Items the data cannot tell
    (and 15 and 17, which need employer contacts) are left to the team's judgement."""
    year = Period(on - timedelta(days=364), on)
    out: list[Proposal] = []
    rows = [r for r in f.caseload(inputs, on, limit=caseload_limit) if r.specialist_id is not None]
    if rows:
        biggest = max(r.count for r in rows)
        score = 5 if biggest <= 20 else 4 if biggest <= 30 else 3 if biggest <= 40 else 2 if biggest <= 50 else 1
        mean = f"{sum(r.count for r in rows) / len(rows):.1f}".replace(".", ",")
        out.append(Proposal(1, score, f"Største saksmengde: {biggest} deltakere (jobbspesialister: {len(rows)}, "
                                      f"snitt {mean})."))
    jobs = [j for j in inputs.jobs if j.start in year]
    if jobs:
        titles = len({j.job_title.strip().lower() for j in jobs}) / len(jobs)
        employers = len({j.employer_id for j in jobs}) / len(jobs)
        competitive = sum(j.competitive for j in jobs) / len(jobs)
        out.append(Proposal(19, _by_floor(titles, (0.85, 0.70, 0.60, 0.50)),
                            f"{len(jobs)} jobber startet siste år, {_pct(titles)} ulike jobbtyper."))
        out.append(Proposal(20, _by_floor(employers, (0.85, 0.70, 0.60, 0.50)),
                            f"{len(jobs)} jobber startet siste år, {_pct(employers)} ulike arbeidsgivere."))
        out.append(Proposal(21, _by_floor(competitive, (0.95, 0.85, 0.75, 0.65)),
                            f"{_pct(competitive)} av jobbene siste år er ordinære jobber med vanlig lønn."))
    share = f.share_out_of_office(inputs, year)
    if share is not None:
        out.append(Proposal(24, _by_floor(share, (0.65, 0.50, 0.40, 0.30)),
                            f"{_pct(share)} av besøkene siste år var utenfor kontoret (andel besøk, ikke tid)."))
    return out
