"""A participant with cooperating actors (one without consent), a consent to the clinician naming health,
and a mapping with a sensitive health and a sensitive housing area: the set-up of the cooperation tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fieldapp.domain.records import Consent, CooperatingActor, MappingArea, Participant
from fieldapp.services import mapping, participants, records
from fieldapp.services.workspace import Workspace

DAY = date(2026, 12, 3)
HEALTH_TEXT = "Går til samtaler ved DPS Sjøsiden hver uke"
HOUSING_TEXT = "Bor midlertidig hos søsteren på Ålgård"
SKILLS_TEXT = "Fagbrev i kokkfaget"


@dataclass(frozen=True)
class People:
    participant: Participant
    clinician: CooperatingActor  # consent given (a consent to the clinician, naming health)
    nav: CooperatingActor  # consent on the actor itself
    housing: CooperatingActor  # no consent recorded


def people(ws: Workspace) -> People:
    p = records.save(ws, Participant(first_name="Åse", last_name="Brøndbo", fodselsnummer=None))
    clinician = participants.save_actor(ws, CooperatingActor(participant_id=p.id, role="Behandler DPS",
                                                             name="Per Lien", organisation="DPS Sjøsiden"))
    nav = participants.save_actor(ws, CooperatingActor(participant_id=p.id, role="NAV-veileder", name="Kari Holm",
                                                       organisation="NAV Sandnes", consent_to_contact=True,
                                                       consent_date=DAY))
    housing = participants.save_actor(ws, CooperatingActor(participant_id=p.id, role="Boligkontor",
                                                           name="Eva Strand", organisation="Sandnes kommune"))
    participants.save_consent(ws, Consent(participant_id=p.id, recipient="behandler",
                                          scope="Jobbsituasjon og helse", given=True, decided_on=DAY))
    mapping.save_mapping(ws, participant_id=p.id, mapping_id=None, mapped_on=DAY, notes=None, areas=[
        MappingArea(mapping_id="", area="health_treatment", status="obstacle", description=HEALTH_TEXT),
        MappingArea(mapping_id="", area="housing", status="obstacle", description=HOUSING_TEXT),
        MappingArea(mapping_id="", area="skills_education", status="resource", description=SKILLS_TEXT),
    ])
    return People(p, clinician, nav, housing)
