"""PNG renders of a signed example agreement's PDF pages, for docs/screenshots (needs pdftoppm).

Run:  .venv/bin/python scripts/agreement_pdf_screenshots.py
Uses a throw-away data folder and test keyring in build/agreement-pdf (never your own data).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "agreement-pdf"
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.TestKeyring")
os.environ["FIELDAPP_TEST_KEYRING_FILE"] = str(WORK / "keyring.json")

from fieldapp.domain.agreement_content import PartySnapshot  # noqa: E402
from fieldapp.domain.agreement_examples import complete_example_content  # noqa: E402
from fieldapp.domain.records import Consent, Participant  # noqa: E402
from fieldapp.services import agreement_documents as docs  # noqa: E402
from fieldapp.services import participants, records  # noqa: E402
from fieldapp.services.workspace import open_workspace  # noqa: E402
from fieldapp.storage import agreements  # noqa: E402


def main() -> int:
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    ws = open_workspace(WORK / "data", actor="Åse Lyngvær")
    example = complete_example_content()
    behandler = PartySnapshot("behandler", "Eli Fjordheim", organisation="DPS Eksempelby", title="Psykolog",
                              phone="55 00 11 22")
    content = replace(example, parties=replace(example.parties, others=(behandler,)))
    participant = records.save(ws, Participant(first_name="Kari", last_name="Fjellheim Nordvik"))
    # The behandler on the employer's copy needs the participant's consent to share treatment with the employer.
    participants.save_consent(ws, Consent(participant_id=participant.id, recipient="employer",
                                          scope="Tilrettelegging, og at hun går i behandling ved DPS", given=True,
                                          decided_on=date(2026, 2, 20)))
    with ws.folder.write() as session:
        agreement, version = agreements.create(session, device_id=ws.device_id, participant_id=participant.id,
                                               content=content)
        agreements.freeze(session, version.id)
    signed = datetime(2026, 2, 26, 10, 0, tzinfo=UTC)
    wave = [[[20 + x * 6, 60 + int(25 * math.sin(x / 3))] for x in range(45)], [[150, 30], [170, 85], [195, 35]]]
    drawn = json.dumps({"width": 320, "height": 110, "strokes": wave})
    for step, (role, name) in enumerate((("employee", "Kari Fjellheim Nordvik"), ("employer", "Ola Bergstrøm"),
                                         ("nav", "Per Ødegård"), ("job_specialist", "Åse Lyngvær"))):
        docs.sign(ws, version.id, role=role, name=name, method="drawn" if role == "employee" else "paper",
                  strokes_json=drawn if role == "employee" else None, confirmation_text="Lest og godtatt.",
                  signed_at=signed + timedelta(minutes=step))
    pdf = WORK / "agreement.pdf"
    docs.save_pdf(ws, agreement.id, pdf)
    ws.close()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(WORK / "page")], check=True)
    for page in sorted(WORK.glob("page-*.png")):
        target = OUT / f"agreement-pdf-page{int(page.stem.split('-')[-1])}.png"
        shutil.copy(page, target)
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
