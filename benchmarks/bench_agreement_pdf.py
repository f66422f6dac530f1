"""Agreement PDF benchmark: render a signed 2-page agreement, and seal it with the device key (PAdES).

Run: .venv/bin/python benchmarks/bench_agreement_pdf.py   (targets: render median ≤ 60 ms, seal median ≤ 150 ms)
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime

from common import machine, summary, use_file_keyring

use_file_keyring()

from fieldapp.documents.agreement_pdf import AgreementDocument, render_agreement_pdf  # noqa: E402 - after the import path and environment are set up above
from fieldapp.documents.seal import check_seal, seal_pdf  # noqa: E402 - after the import path and environment are set up above
from fieldapp.documents.seal_key import generate  # noqa: E402 - after the import path and environment are set up above
from fieldapp.domain.agreement_content import content_hash  # noqa: E402 - after the import path and environment are set up above
from fieldapp.domain.agreement_examples import complete_example_content  # noqa: E402 - after the import path and environment are set up above
from fieldapp.domain.agreement_records import Signature  # noqa: E402 - after the import path and environment are set up above
from fieldapp.domain.signature_strokes import to_json  # noqa: E402 - after the import path and environment are set up above

RUNS = 60


def _strokes(seed: float) -> str:
    return to_json([[(20 + i * 8, 100 + 40 * math.sin(i / 3 + seed)) for i in range(60)]], width=600, height=200)


def document() -> AgreementDocument:
    content = complete_example_content()
    at = datetime(2026, 2, 20, 9, tzinfo=UTC)
    signatures = tuple(
        Signature(version_id="v", role=role, name=name, method="drawn", confirmation_text="Lest og godtatt.",
                  signed_at=at.replace(minute=i), strokes_json=_strokes(i))
        for i, (role, name) in enumerate((("employee", "Kari Fjellheim Nordvik"), ("employer", "Ola Bergstrøm"),
                                          ("nav", "Per Ødegård"), ("job_specialist", "Åse Lyngvær"))))
    return AgreementDocument(agreement_id="7d5e1f3c-0000-4000-8000-000000000001", number="K7Q2-2026-0001",
                             version_no=1, status="concluded", content=content, content_hash=content_hash(content),
                             signatures=signatures)


def pages(pdf: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
        fh.write(pdf)
        fh.flush()
        out = subprocess.run(["pdfinfo", fh.name], check=True, capture_output=True, text=True).stdout
    return int(next(line for line in out.splitlines() if line.startswith("Pages:")).split()[1])


def main() -> None:
    doc = document()
    t = time.perf_counter()
    pdf = render_agreement_pdf(doc)  # first render: font registration and imports
    first_render = (time.perf_counter() - t) * 1000
    render = []
    for _ in range(RUNS):
        t = time.perf_counter()
        pdf = render_agreement_pdf(doc)
        render.append((time.perf_counter() - t) * 1000)
    key = generate("3f0c2a8e-5b1d-4c6e-9f7a-2d4b6c8e0a1b")
    t = time.perf_counter()
    sealed = seal_pdf(pdf, key, reason="benchmark")  # first seal: pyHanko imports, signer set-up
    first_seal = (time.perf_counter() - t) * 1000
    seal = []
    for _ in range(RUNS):
        t = time.perf_counter()
        sealed = seal_pdf(pdf, key, reason="benchmark")
        seal.append((time.perf_counter() - t) * 1000)
    verify = []
    for _ in range(20):
        t = time.perf_counter()
        assert check_seal(sealed.pdf).ok
        verify.append((time.perf_counter() - t) * 1000)
    result = {
        "machine": machine(), "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "pages": pages(pdf), "pdf_bytes": len(pdf), "sealed_bytes": len(sealed.pdf),
        "render signed agreement (target median ≤ 60 ms)": summary(render),
        "seal with PAdES, EC P-256 (target median ≤ 150 ms)": summary(seal),
        "verify seal": summary(verify),
        "first render in a process (fonts)": round(first_render, 1),
        "first seal in a process (imports, signer)": round(first_seal, 1),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if result["pages"] != 2:
        print("warning: the benchmark document is not 2 pages", file=sys.stderr)


if __name__ == "__main__":
    main()
