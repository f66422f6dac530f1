"""Vocabularies of job development and job search: contact kinds, lead statuses and the NAV phases."""

from __future__ import annotations

from fieldapp.domain.vocab import Term

EMPLOYER_CONTACT_KINDS: tuple[Term, ...] = (
    Term("first_contact", "Første kontakt", "First contact"),
    Term("follow_up", "Oppfølging", "Follow-up"),
    Term("workplace_meeting", "Møte på arbeidsplassen", "Meeting at the workplace"),
    Term("phone", "Telefon", "Phone"),
    Term("email", "E-post", "E-mail"),
)
# Contacts made face to face count towards the IPS fidelity target of about six a week; all kinds are logged.
LEAD_STATUSES: tuple[Term, ...] = (
    Term("lead", "Jobbmulighet", "Lead"),
    Term("applied", "Søkt", "Applied"),
    Term("interview", "Intervju", "Interview"),
    Term("hired", "Ansatt", "Hired"),
    Term("closed", "Avsluttet", "Closed"),
)
OPEN_LEAD_STATUSES = frozenset({"lead", "applied", "interview"})
# NAV's phase model for arbeidsinkludering; "ended" when the follow-up is over.
PHASES: tuple[Term, ...] = (
    Term("phase1", "Fase 1 – muligheter", "Phase 1 – possibilities"),
    Term("phase2", "Fase 2 – kartlegging og bistand", "Phase 2 – mapping and help into work"),
    Term("phase3", "Fase 3 – beholde arbeid", "Phase 3 – keeping the job"),
    Term("ended", "Avsluttet", "Ended"),
)
PRE_JOB_PHASES = frozenset({"phase1", "phase2"})
