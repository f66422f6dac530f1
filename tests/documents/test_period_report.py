"""The period report: counts only (no name, no fødselsnummer, no cell below the threshold), each section in
bokmål in the PDF's text, and the same from `fieldapp report`."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fieldapp.cli.main import main
from fieldapp.demo.generate import generate
from fieldapp.domain.outcomes.inputs import Period
from fieldapp.domain.outcomes.report import build_report
from fieldapp.domain.outcomes.summary import summarize
from fieldapp.services import participants as ps
from fieldapp.services import reports
from fieldapp.services import team
from tests.support.team_data import share_out
from tests.unit.outcome_data import Q1, team as small_team

TODAY = date(2026, 11, 23)
PERIOD = Period(date(2026, 1, 1), TODAY)
SECTIONS = ("Saksmengde per jobbspesialist", "Deltakere i ordinært arbeid", "Jobbstart og jobbslutt i perioden",
            "Tid fra henvisning til første jobb", "Oppfølging", "Arbeidsgiverkontakter")


@pytest.fixture
def folder(workspace):
    generate(workspace, participants=60, today=TODAY)
    share_out(workspace, today=TODAY)
    return workspace


def _identifying(ws) -> set[str]:
    words = set()
    for row in ps.list_participants(ws):
        words |= {row.first_name, row.last_name, row.fodselsnummer or ""}
    words |= {s.name for s in team.specialists(ws)}
    return {w for w in words if len(w) > 2}


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _xlsx_cells(path: Path) -> list[object]:
    sheet = load_workbook(path).active
    return [c.value for row in sheet.iter_rows() for c in row if c.value is not None]


def test_small_counts_are_suppressed_in_the_report_model() -> None:
    report = build_report(summarize(small_team(), Q1), threshold=5)
    counts = [cell for s in report.sections for _, cell in s.rows if cell.count is not None]
    assert counts and all(cell.count == 0 or cell.count >= 5 for cell in counts)
    shown = {cell.text for s in report.sections for _, cell in s.rows}
    assert "<5" in shown and "2" not in shown and "1" not in shown
    charts = [s.chart for s in report.sections if s.chart]
    assert all(v == 0 or v >= 5 for c in charts for v in c.values)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_report_holds_no_name_no_fodselsnummer_and_no_small_cell(folder, tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "rapport.pdf", tmp_path / "rapport.xlsx"
    reports.write_report(folder, PERIOD, pdf, today=TODAY)
    reports.write_report(folder, PERIOD, xlsx, today=TODAY)
    text = _pdf_text(pdf)
    cells = _xlsx_cells(xlsx)
    sheet_text = "\n".join(str(v) for v in cells)
    for word in _identifying(folder):  # whole words: the name "Per" is not in "Periode"
        found = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        assert not found.search(text) and not found.search(sheet_text), word
    numbers = [v for v in cells if isinstance(v, (int, float)) and not isinstance(v, bool)]
    assert numbers and all(n == 0 or n >= 5 for n in numbers)
    flat = " ".join(text.split())
    for title in SECTIONS:
        assert title in flat and title in sheet_text
    # The employer contacts come from the job-development records now: figures, not "not available".
    assert "Ikke tilgjengelig" not in flat and "Arbeidsgiverkontakter per jobbspesialist per uke" in flat


def test_fieldapp_report_writes_the_file_and_refuses_a_bad_request(folder, data_dir: Path, tmp_path: Path,
                                                                   capsys) -> None:
    folder.close()
    out = tmp_path / "r.xlsx"
    assert main(["report", "--data-dir", str(data_dir), "--from", "2026-01-01", "--to", "2026-06-30",
                 "--out", str(out)]) == 0
    assert load_workbook(io.BytesIO(out.read_bytes())).active["A1"].value.startswith("Oppfølging i arbeid")
    assert main(["report", "--data-dir", str(data_dir), "--from", "2026-06-30", "--to", "2026-01-01",
                 "--out", str(out)]) == 2
    assert main(["report", "--data-dir", str(data_dir), "--from", "2026-01-01", "--to", "2026-06-30",
                 "--out", str(tmp_path / "r.doc")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Ukjent filtype" in err


def test_caseload_by_phase_rows_are_named_as_such() -> None:
    from datetime import date

    from fieldapp.domain.outcomes.inputs import OutcomeInputs, ParticipantFacts, Period
    from fieldapp.domain.outcomes.report import build_report
    from fieldapp.domain.outcomes.summary import summarize

    people = [ParticipantFacts(f"p{i}", date(2026, 1, 1), phase="phase2" if i < 6 else None) for i in range(8)]
    report = build_report(summarize(OutcomeInputs(participants=people), Period(date(2026, 1, 1), date(2026, 6, 30))),
                          threshold=5)
    rows = dict(report.sections[0].rows)
    assert rows["Fordelt på fase: Fase 2 – kartlegging og bistand"].text == "6"
    assert rows["Fordelt på fase: fase ikke satt"].text == "<5"  # two people: a small cell
