"""The period report's content in bokmål: counts only, no names, and small cells suppressed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fieldapp.domain.jobdev_vocab import PHASES
from fieldapp.domain.outcomes.summary import Summary

MONTHS_NB = ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des")
NOT_AVAILABLE = "Ikke tilgjengelig (ingen registrering av arbeidsgiverkontakter)"
PHASE_NAMES_NB = {t.code: t.nb for t in PHASES}


@dataclass(frozen=True)
class Cell:
    """`count` is a number of people or jobs (suppressed when small); a measure is a median, mean or rate."""

    text: str
    count: int | None = None

    @property
    def suppressed(self) -> bool:
        return self.text.startswith("<")


@dataclass(frozen=True)
class Chart:
    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]  # suppressed bars are 0 here ...
    shown: tuple[str, ...]   # ... and "<5" here


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[tuple[str, Cell], ...]
    chart: Chart | None = None
    note: str = ""


@dataclass(frozen=True)
class Report:
    title: str
    period: str
    threshold: int
    sections: tuple[Section, ...] = field(default=())


def nb_number(value: float, decimals: int = 1) -> str:
    text = f"{value:.{decimals}f}".replace(".", ",")
    return text[:-2] if decimals and text.endswith(",0") else text


def nb_date(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


class _Cells:
    def __init__(self, threshold: int) -> None:
        self.threshold = threshold

    def small(self, n: int) -> bool:
        # Zero singles out nobody; one to threshold-1 people could be recognised.
        return 0 < n < self.threshold

    def count(self, n: int) -> Cell:
        return Cell(f"<{self.threshold}", None) if self.small(n) else Cell(str(n), n)

    def measure(self, value: float | None, base: int, unit: str = "", decimals: int = 1) -> Cell:
        """A median, mean or rate over `base` people or jobs: hidden when the base is small."""
        if value is None or base == 0:
            return Cell("–")
        if self.small(base):
            return Cell(f"<{self.threshold} grunnlag")
        return Cell(f"{nb_number(value, decimals)}{unit}")

    def chart(self, title: str, pairs: list[tuple[str, int]]) -> Chart:
        cells = [self.count(n) for _, n in pairs]
        return Chart(title, tuple(label for label, _ in pairs), tuple(c.count or 0 for c in cells),
                     tuple(c.text for c in cells))


def build_report(summary: Summary, *, threshold: int) -> Report:
    """Team figures for NAV and the team leader. Specialists are numbered, never named."""
    c = _Cells(threshold)
    s = summary
    caseload_rows = []
    bars = []
    for i, row in enumerate(sorted(s.caseload, key=lambda r: r.specialist_id is None), start=1):
        label = "Uten ansvarlig" if row.specialist_id is None else f"Jobbspesialist {i}"
        caseload_rows.append((label, c.count(row.count)))
        bars.append((label.replace("Jobbspesialist ", "JS "), row.count))
    over = sum(1 for r in s.caseload if r.specialist_id is not None and r.over_limit)
    caseload = Section(
        "Saksmengde per jobbspesialist",
        (("Deltakere fulgt opp", c.count(s.followed)), ("Grense per jobbspesialist (IPS)", Cell(str(s.caseload_limit))),
         ("Jobbspesialister over grensen", Cell(str(over))), *caseload_rows,
         *((f"Fordelt på fase: {PHASE_NAMES_NB.get(code or '', 'fase ikke satt')}", c.count(n))
           for code, n in s.caseload_by_phase)),
        c.chart("Deltakere per jobbspesialist", bars),
        note=f"Tall per {nb_date(s.as_of)}.")
    in_period = max([s.in_work_now, *(n for _, n in s.in_work_by_month)])
    work = Section(
        "Deltakere i ordinært arbeid",
        (("I ordinært arbeid nå", c.count(s.in_work_now)),
         ("Gjennomsnittlig avtalt arbeidstid", c.measure(s.hours_per_week, s.in_work_now, " t/uke"))),
        c.chart("I arbeid ved utgangen av hver måned",
                [(f"{MONTHS_NB[d.month - 1]} {d.year % 100:02d}", n) for d, n in s.in_work_by_month]))
    jobs = Section(
        "Jobbstart og jobbslutt i perioden",
        (("Jobber startet", c.count(s.jobs_started)), ("Jobber avsluttet", c.count(s.jobs_ended)),
         ("Median varighet av avsluttede jobber", c.measure(s.median_job_length_days, s.jobs_ended, " dager", 0))))
    dist = s.days_to_first_job
    first_job = Section(
        "Tid fra henvisning til første jobb",
        (("Første jobb i perioden", c.count(len(dist.values))),
         ("Median antall dager", c.measure(dist.median, len(dist.values), " dager", 0)),
         *((f"{label} dager", c.count(n)) for label, n in dist.buckets())),
        c.chart("Dager fra henvisning til første jobb", dist.buckets()))
    follow = Section(
        "Oppfølging",
        (("Besøk per deltaker i arbeid per måned", c.measure(s.visits_per_month_in_work, in_period, "", 2)),
         ("Deltakere med forfalt oppfølging", c.count(s.overdue_follow_ups)),
         ("Andel besøk utenfor kontoret",
          c.measure(None if s.share_out_of_office is None else 100 * s.share_out_of_office, s.followed, " %", 0))))
    first_contact = s.days_to_first_employer_contact
    contacts = Section(
        "Arbeidsgiverkontakter",
        (("Arbeidsgiverkontakter per jobbspesialist per uke",
          Cell(NOT_AVAILABLE) if s.employer_contacts_per_week is None
          else Cell(nb_number(s.employer_contacts_per_week))),
         ("Dager fra henvisning til første arbeidsgiverkontakt",
          Cell(NOT_AVAILABLE) if first_contact is None
          else c.measure(first_contact.median, len(first_contact.values), " dager", 0))),
        note="Kontakter ansikt til ansikt (ikke telefon eller e-post); IPS forventer omtrent seks i uken.")
    return Report(
        title="Oppfølging i arbeid – perioderapport",
        period=f"{nb_date(s.period.start)}–{nb_date(s.period.end)}",
        threshold=threshold, sections=(caseload, work, jobs, first_job, follow, contacts))
