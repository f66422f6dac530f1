"""Screenshots of job development (the employer-contact log, a participant's job search, Today's weekly count).

Run under a virtual display:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/jobdev_screenshots.py
Uses a throw-away data folder and test keyring in build/jobdev-screenshots (never your own data). The demo
data has no job development yet, so a week of invented employer contacts and job leads is added here.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "jobdev-screenshots"

sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.TestKeyring")
os.environ["FIELDAPP_TEST_KEYRING_FILE"] = str(WORK / "keyring.json")

from PySide6.QtCore import QSettings  # noqa: E402

from fieldapp.demo.generate import generate  # noqa: E402
from fieldapp.domain.jobdev_records import EmployerOutreach, JobLead  # noqa: E402
from fieldapp.domain.pre_job_cadence import week_of  # noqa: E402
from fieldapp.domain.records import Participant  # noqa: E402
from fieldapp.services import employers, job_search, jobdev, pre_job, records  # noqa: E402
from fieldapp.services.workspace import Workspace, open_workspace  # noqa: E402
from fieldapp.ui.context import AppContext, ChangeBus  # noqa: E402
from fieldapp.ui.main_window import MainWindow  # noqa: E402
from fieldapp.ui.tasks import TaskManager  # noqa: E402
from shots import grab, settle, start_app  # noqa: E402

CONTACTS = (  # (days after Monday, kind, contact person, asked for, outcome, next step, days to next step)
    (0, "workplace_meeting", "Kari Holm", "Kjøkkenassistent, 40–60 %", "Vil møte kandidaten", "Avtale intervju", 4),
    (0, "phone", "Per Ødegård", "Lagerarbeid dagtid", "Ingen ledige nå", "Ringe igjen i januar", 30),
    (1, "first_contact", "Line Strand", "Butikkmedarbeider", "Interessert, ber om CV", "Sende CV", 2),
    (2, "email", "Mona Berg", "Renhold, morgen", "Svar ventes", "Følge opp på telefon", 5),
    (2, "follow_up", "Kari Holm", "Intervjutidspunkt", "Intervju avtalt", "", 0),
)


def add_job_development(ws: Workspace, today: date) -> str:
    """A week of employer contacts and a pre-job participant with leads; returns that participant's id."""
    waiting = [r for r in pre_job.pre_job_rows(ws) if r.due is not None][:6]
    for n, row in enumerate(waiting):
        person = records.get(ws, Participant, row.participant_id)
        assert person is not None
        records.save(ws, replace(person, phase="phase2" if n % 3 else "phase1",
                                 referred_on=today - timedelta(days=20 + 9 * n)))
    choices = employers.employer_choices(ws)[:5]
    monday, _ = week_of(today)
    made = []
    # The last contact follows up the first (same employer, same contact person).
    for (offset, kind, person, asked, outcome, step, step_days), employer in zip(CONTACTS, choices[:4] + choices[:1]):
        day = min(today, monday + timedelta(days=offset))
        made.append(jobdev.log_outreach(ws, EmployerOutreach(
            employer_id=employer.id, contact_date=day, kind=kind, contact_person=person, asked_for=asked,
            outcome=outcome, next_step=step or None, next_step_date=day + timedelta(days=step_days) if step else None),
            # The last two waiting participants get no contact, so Today shows how long they have waited.
            [waiting[len(made) % 4].participant_id, waiting[(len(made) + 1) % 4].participant_id]
            if offset != 1 else []))
    focus = waiting[0].participant_id
    leads = [("Kjøkkenassistent", choices[0].id, made[0].id), ("Butikkmedarbeider", choices[2].id, made[2].id),
             ("Lagermedarbeider", choices[1].id, made[1].id)]
    for title, employer_id, outreach_id in leads:
        job_search.save_lead(ws, JobLead(participant_id=focus, employer_id=employer_id, job_title=title,
                                         found_on=today - timedelta(days=6), outreach_id=outreach_id))
    by_title = {r.lead.job_title: r.lead.id for r in job_search.pipeline(ws, focus)}
    job_search.move_lead(ws, by_title["Kjøkkenassistent"], "applied", on=today - timedelta(days=4))
    job_search.move_lead(ws, by_title["Kjøkkenassistent"], "interview", on=today - timedelta(days=1))
    job_search.move_lead(ws, by_title["Butikkmedarbeider"], "applied", on=today - timedelta(days=3))
    job_search.move_lead(ws, by_title["Lagermedarbeider"], "closed", on=today - timedelta(days=2))
    return focus


def main() -> int:
    app = start_app(WORK, os.environ.get("FIELDAPP_LANG", "nb"))
    ws = open_workspace(WORK / "data")
    today = date.today()
    generate(ws, participants=40, today=today)
    focus = add_job_development(ws, today)
    ctx = AppContext(ws=ws, tasks=TaskManager(), changes=ChangeBus(), settings=QSettings())
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    window.load_first_view()
    settle(app, ctx, ms=600)
    window.today.jobdev.scroller.ensureWidgetVisible(window.today.jobdev.week)
    settle(app, ctx)
    grab(window, "today-jobdev")
    window.show_view("jobdev")
    settle(app, ctx, ms=400)
    grab(window, "employer-contacts")
    window.show_participant(focus, "pipeline")
    settle(app, ctx, ms=600)
    grab(window, "participant-pipeline")
    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
