"""Demo cooperation meetings and benefit records, added after the caseload (invented people and texts)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from fieldapp.domain import cooperation_records as cr
from fieldapp.domain import records as r
from fieldapp.domain.records import RecordBase
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage.base import new_id
from fieldapp.storage.queries import cooperation as q

# (kind, limits, asked for a calculation, NAV's answer, reporting)
_BENEFITS: tuple[tuple[str, str, bool, str | None, str], ...] = (
    ("aap", "Arbeidet timer trekkes fra AAP. Over 60 % arbeid i en meldeperiode faller AAP bort for perioden.",
     True, "Med 40 % stilling får Åse om lag 2 300 kr mer i måneden enn med AAP alene.", "Meldekort hver 14. dag"),
    ("uforetrygd", "Inntektsgrense 0,4 G i året før uføretrygden reduseres. Forventet inntekt meldes til NAV.",
     True, None, "Forventet inntekt meldes ved endring"),
    ("sosialhjelp", "Lønn går til fradrag i stønaden måneden etter. Frikort for bostøtte vurderes.",
     False, None, "Lønnsslipp leveres innen den 5. hver måned"),
    ("other", "Bostøtte fra Husbanken: inntekten regnes på nytt hver måned.", False, None, "Ingen egen melding"),
)
_TOPICS = ("Veien mot jobb: arbeidstid og behandling", "Bolig og oppstart i jobb", "Økonomi når lønna kommer")
_ITEMS = (("Søke tre jobber innen kjøkken og lager", "Deltaker og jobbspesialist"),
          ("Be NAV om en beregning av ytelsen ved 40 % stilling", "NAV-veileder"),
          ("Flytte timen hos behandler til ettermiddag", "Behandler"),
          ("Nytt samarbeidsmøte om fire uker", "Jobbspesialist"))


@dataclass(frozen=True)
class CooperationSummary:
    meetings: int
    benefits: int


def add(ws: Workspace, *, seed: int, today: date) -> CooperationSummary:
    """A meeting for two participants (the first with an attendee whose consent is not recorded, so the warning
    shows), and benefits for about a third of the first participants still followed up."""
    rng = random.Random(seed + 3)  # its own stream: the rest of the demo stays as it was
    records: list[RecordBase] = []
    meetings = 0
    with ws.folder.write() as session:
        people = q.first_participants(session, 60)
        actors = q.actors_of(session, [p.id for p in people])
        for n, p in enumerate(people[:2]):
            records += _meeting(rng, p, actors[p.id], today - timedelta(days=7 + 14 * n), without_consent=n == 0)
            meetings += 1
        chosen = [p for i, p in enumerate(people) if i < 2 or rng.random() < 0.33]
        for i, p in enumerate(chosen):
            records += _benefits(rng, p, today, first=i == 0)
        repository.save_many(session, records)
    return CooperationSummary(meetings, sum(isinstance(x, cr.Benefit) for x in records))


def _meeting(rng: random.Random, p: r.Participant, actors: list[r.CooperatingActor], held_on: date, *,
             without_consent: bool) -> list[RecordBase]:
    out: list[RecordBase] = []
    attendees = list(actors)
    if without_consent:
        housing = r.CooperatingActor(id=new_id(), participant_id=p.id, role="Boligkonsulent",
                                     name="Eva Strandli", organisation="Tildelingskontoret for bolig")
        out.append(housing)
        attendees.append(housing)
    meeting = cr.CooperationMeeting(
        id=new_id(), participant_id=p.id, held_on=held_on, topic=_TOPICS[rng.randrange(len(_TOPICS))],
        place="NAV-kontoret", attendee_ids=tuple(a.id for a in attendees), share_mapping=True,
        notes=f"{p.first_name} ønsker å prøve en deltidsjobb og vil vite hva som skjer med ytelsen. Alle støtter "
              "planen, så lenge arbeidstiden passer med avtalene som allerede er satt opp.",
        next_meeting_on=held_on + timedelta(days=28))
    out.append(meeting)
    out += [cr.MeetingItem(meeting_id=meeting.id, what=what, who=who, deadline=held_on + timedelta(days=14))
            for what, who in rng.sample(_ITEMS, 3)]
    return out


def _benefits(rng: random.Random, p: r.Participant, today: date, *, first: bool) -> list[RecordBase]:
    kind, limits, asked, answer, reporting = _BENEFITS[0] if first else rng.choice(_BENEFITS)
    asked_on = today - timedelta(days=rng.randint(10, 40)) if asked else None
    benefit = cr.Benefit(participant_id=p.id, kind=kind, limits=limits, calculation_asked_on=asked_on,
                         calculation_answer=answer.replace("Åse", p.first_name) if answer else None,
                         answered_on=asked_on + timedelta(days=9) if answer and asked_on else None,
                         reporting=reporting, next_reporting_on=today + timedelta(days=rng.randint(1, 14)))
    out: list[RecordBase] = [benefit]
    if first:  # one with two benefits: housing support beside the AAP
        out.append(replace(benefit, kind="other", limits=_BENEFITS[3][1], calculation_asked_on=None,
                           calculation_answer=None, answered_on=None, reporting=_BENEFITS[3][4]))
    return out
