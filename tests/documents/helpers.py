"""Shared set-up for document tests: a participant with sensitive mapping and internal notes, and an agreement
signed by every party in every way (drawn with strokes, on paper, on behalf), which seals it."""

from __future__ import annotations

import math
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from fieldapp.domain.agreement_examples import complete_example_content
from fieldapp.domain.records import Mapping, MappingArea, Participant
from fieldapp.domain.signature_strokes import to_json
from fieldapp.domain.visit_records import Visit
from fieldapp.services import agreement_documents as docs
from fieldapp.services import records
from fieldapp.services.workspace import Workspace
from fieldapp.storage import agreements as store

SENSITIVE_TEXT = "Får behandling for angst ved DPS Sjøsiden"
HOUSING_TEXT = "Bor midlertidig hos søsteren på Ålgård"
INTERNAL_NOTE = "Internt: vurder ny kontakt med fastlegen om medisinene"
CONFIRMATION = "Jeg har lest avtalen og er enig i innholdet."


def wave(seed: float) -> str:
    strokes = [[(20 + i * 8, 100 + 40 * math.sin(i / 3 + seed)) for i in range(60)],
               [(120 + i * 4, 40 + i * 3) for i in range(25)]]
    return to_json(strokes, width=600, height=200)


@dataclass(frozen=True)
class Signed:
    agreement_id: str
    number: str
    version_id: str
    result: docs.SignResult


def participant_with_private_data(ws: Workspace) -> Participant:
    p = records.save(ws, Participant(first_name="Kari Fjellheim", last_name="Nordvik"))
    mapping = records.save(ws, Mapping(participant_id=p.id, mapped_on=date(2026, 2, 1)))
    records.save(ws, MappingArea(mapping_id=mapping.id, area="health_treatment", status="obstacle",
                                 description=SENSITIVE_TEXT, sensitive=True))
    records.save(ws, MappingArea(mapping_id=mapping.id, area="housing", status="obstacle",
                                 description=HOUSING_TEXT, sensitive=True))
    records.save(ws, Visit(participant_id=p.id, starts_at=datetime(2026, 2, 10, 9, tzinfo=UTC),
                           summary="Gikk gjennom avtalen.", internal_notes=INTERNAL_NOTE))
    return p


def signed_agreement(ws: Workspace, *, lang: str = "nb") -> Signed:
    p = participant_with_private_data(ws)
    with ws.folder.write() as s:
        agreement, version = store.create(s, device_id=ws.device_id, participant_id=p.id,
                                          content=complete_example_content(lang))
        store.freeze(s, version.id)
    at = datetime(2026, 2, 20, 9, tzinfo=UTC)
    docs.sign(ws, version.id, role="employee", name="Kari Fjellheim Nordvik", method="drawn",
              confirmation_text=CONFIRMATION, strokes_json=wave(0), signed_at=at)
    docs.sign(ws, version.id, role="employer", name="Ola Bergstrøm", method="paper", confirmation_text=CONFIRMATION,
              signed_at=at.replace(minute=5))
    docs.sign(ws, version.id, role="nav", name="Per Ødegård", method="on_behalf", confirmation_text=CONFIRMATION,
              on_behalf_reason="Veilederen deltok på telefon", party_informed=True, signed_at=at.replace(minute=6))
    result = docs.sign(ws, version.id, role="job_specialist", name="Åse Lyngvær", method="drawn",
                       confirmation_text=CONFIRMATION, strokes_json=wave(2), signed_at=at.replace(minute=10),
                       lang=lang)
    return Signed(agreement.id, agreement.number, version.id, result)


def pdftotext(pdf: bytes, tmp: Path, *, page: int | None = None) -> str:
    src = tmp / "in.pdf"
    src.write_bytes(pdf)
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        cmd += ["-f", str(page), "-l", str(page)]
    return subprocess.run(cmd + [str(src), "-"], check=True, capture_output=True, text=True).stdout


def page_count(pdf: bytes, tmp: Path) -> int:
    src = tmp / "count.pdf"
    src.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", str(src)], check=True, capture_output=True, text=True).stdout
    return int(next(line for line in out.splitlines() if line.startswith("Pages:")).split()[1])


def squeeze(text: str) -> str:
    """Without any whitespace: table cells wrap words onto new lines, and long words may break anywhere."""
    return "".join(text.split())


def have_tools(*names: str) -> bool:
    return all(shutil.which(n) for n in names)
