"""The period report for NAV and the team leader, as PDF or .xlsx: figures from the outcomes service."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fieldapp.domain.messages import DomainError, Message
from fieldapp.domain.outcomes.inputs import OutcomeInputs, Period
from fieldapp.domain.outcomes.report import Report, build_report
from fieldapp.files import write_atomic
from fieldapp.services import outcomes, report_settings
from fieldapp.services.follow_up import local_now
from fieldapp.services.workspace import Workspace

FORMATS = (".pdf", ".xlsx")


def period_report(ws: Workspace, period: Period, *, inputs: OutcomeInputs | None = None,
                  today: date | None = None) -> Report:
    if period.days == 0:
        raise DomainError(Message("bad_period", "Perioden slutter før den begynner. Sjekk datoene.",
                                  "The period ends before it starts. Check the dates."))
    summary = outcomes.overview(ws, period, inputs=inputs, today=today)
    return build_report(summary, threshold=report_settings.small_cell_threshold(ws))


def render(report: Report, suffix: str, *, made_on: date | None = None) -> bytes:
    made_on = made_on or local_now().date()
    if suffix == ".pdf":
        from fieldapp.documents.period_report_pdf import render_report_pdf

        return render_report_pdf(report, made_on=made_on)
    if suffix == ".xlsx":
        from fieldapp.documents.period_report_xlsx import render_report_xlsx

        return render_report_xlsx(report, made_on=made_on)
    raise DomainError(Message("bad_format", f"Ukjent filtype «{suffix}». Bruk .pdf eller .xlsx.",
                              f"Unknown file type '{suffix}'. Use .pdf or .xlsx."))


def write_report(ws: Workspace, period: Period, out: Path, *, today: date | None = None,
                 inputs: OutcomeInputs | None = None) -> Report:
    """Render the report in the format the file name asks for and write it atomically. `inputs`: the facts the
    overview has already read (read again when they do not cover the period)."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        render(Report("", "", 0), suffix)  # raises the clear message
    report = period_report(ws, period, inputs=inputs, today=today)
    write_atomic(out, render(report, suffix))
    return report
