"""The agreement PDF: every value is there (æøå too), labels in bokmål or English, footer and fingerprint on
every page, fonts embedded, structure sound, and the same input always gives the same bytes."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from fieldapp.documents.agreement_pdf import AgreementDocument, parse_keywords, render_agreement_pdf
from fieldapp.documents.wording import fmt_date
from fieldapp.domain import agreement_vocab as av
from fieldapp.domain.agreement_content import Accommodation, content_hash, short_fingerprint, walk
from fieldapp.domain.agreement_examples import complete_example_content
from fieldapp.domain.agreement_records import Signature
from tests.documents.helpers import have_tools, page_count, pdftotext, squeeze, wave

pytestmark = pytest.mark.skipif(not have_tools("pdftotext", "pdfinfo", "qpdf", "pdffonts"),
                                reason="needs poppler-utils and qpdf")

_CODED = {  # leaf name -> vocabulary: the PDF shows the label, not the stored code
    "employment_form": av.EMPLOYMENT_FORMS, "frequency": av.FREQUENCIES, "form": av.FOLLOW_UP_FORMS,
    "actor_role": av.SIGNER_ROLES, "party_role": av.SIGNER_ROLES, "role": av.PARTY_ROLES,
    "agreement_type": av.AGREEMENT_TYPES,
}


def _signatures() -> tuple[Signature, ...]:
    at = datetime(2026, 2, 20, 9, tzinfo=UTC)
    return (
        Signature(version_id="v", role="employee", name="Kari Fjellheim Nordvik", method="drawn",
                  confirmation_text="Lest.", signed_at=at, strokes_json=wave(0)),
        Signature(version_id="v", role="employer", name="Ola Bergstrøm", method="paper", confirmation_text="Lest.",
                  signed_at=at.replace(minute=5)),
        Signature(version_id="v", role="nav", name="Per Ødegård", method="on_behalf", confirmation_text="Lest.",
                  signed_at=at.replace(minute=6), on_behalf_reason="Veilederen deltok på telefon",
                  party_informed=True),
        Signature(version_id="v", role="job_specialist", name="Åse Lyngvær", method="drawn",
                  confirmation_text="Lest.", signed_at=at.replace(minute=10), strokes_json=wave(2)),
    )


def _doc(lang: str = "nb", **changes: object) -> AgreementDocument:
    content = complete_example_content(lang)
    # Every optional field filled, so the test sees all of them.
    content = replace(content, accommodations=content.accommodations + (Accommodation(
        "aids_equipment", "Hev-senk-bord ved pakkestasjonen", "Åse Lyngvær", date(2026, 3, 2), date(2026, 8, 31),
        nav_grant="Inkluderingstilskudd", grant_deadline=date(2026, 3, 20)),))
    fields: dict[str, object] = dict(agreement_id="7d5e1f3c-0000-4000-8000-000000000001", number="K7Q2-2026-0001",
                                     version_no=1, status="concluded", content=content,
                                     content_hash=content_hash(content), signatures=_signatures(), lang=lang)
    fields.update(changes)
    return AgreementDocument(**fields)


def _expected(path: str, value: object, lang: str) -> str | None:
    leaf = path.rsplit(".", 1)[-1]
    if value is None or value == "" or isinstance(value, bool):
        return None
    if leaf in _CODED:
        return av.label(_CODED[leaf], str(value), lang)
    if leaf == "category" and path.startswith("accommodations"):
        return av.label(av.ACCOMMODATION_CATEGORIES, str(value), lang)
    if isinstance(value, date):
        return fmt_date(value, lang)
    if leaf == "extension_consideration":  # written into one sentence: "Ja – vurderes på evalueringsmøtet …"
        return str(value)[:1].lower() + str(value)[1:]
    return str(value)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_field_value_is_in_the_text(lang: str, tmp_path: Path) -> None:
    doc = _doc(lang)
    text = pdftotext(render_agreement_pdf(doc), tmp_path)
    flat = squeeze(text)
    missing = []
    for path, value in walk(doc.content):
        expected = _expected(path, value, lang)
        if expected is not None and squeeze(expected) not in flat:
            missing.append((path, expected))
    assert not missing, missing
    for word in ("Ødegård", "Åse Lyngvær", "Bergstrøm", "Hev-senk-bord"):
        assert word in text  # not only squeezed: whole words with æøå survive
    assert doc.number in text and short_fingerprint(doc.hash) in text


def test_labels_follow_the_language(tmp_path: Path) -> None:
    nb = pdftotext(render_agreement_pdf(_doc("nb")), tmp_path)
    en = pdftotext(render_agreement_pdf(_doc("en")), tmp_path)
    for word in ("Tilretteleggings- og oppfølgingsavtale", "Evalueringsdato", "Inngått", "Signert på papir",
                 "Hyppighet", "Side 1 av"):
        assert word in nb and word not in en
    for word in ("Accommodation and follow-up agreement", "Evaluation date", "Concluded", "Signed on paper",
                 "Frequency", "Page 1 of"):
        assert word in en and word not in nb


def test_signature_blocks_show_paper_on_behalf_and_unsigned_parties(tmp_path: Path) -> None:
    text = pdftotext(render_agreement_pdf(_doc()), tmp_path)
    assert "Signert på papir 20.02.2026" in text
    assert "Signert på vegne av parten 20.02.2026" in text
    assert "Veilederen deltok på telefon" in squeeze(text) or "Veilederen deltok på telefon" in text
    unsigned = pdftotext(render_agreement_pdf(_doc(status="ready_for_signing", signatures=())), tmp_path)
    assert "Signert" not in unsigned
    assert unsigned.count("Dato: ____") == 4  # employee, employer, NAV and job specialist sign a TOA


def test_drawn_strokes_are_vector_lines_in_the_signature_box(tmp_path: Path) -> None:
    drawn = render_agreement_pdf(_doc())
    src = tmp_path / "s.pdf"
    src.write_bytes(drawn)
    # Uncompressed content streams show the path operators the strokes became.
    plain = tmp_path / "plain.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(src), str(plain)], check=True)
    segments = re.findall(rb"-?[\d.]+ -?[\d.]+ l\b", plain.read_bytes())
    assert len(segments) > 150  # 2 signatures of 85 points each, drawn as line segments
    no_strokes = _doc(signatures=tuple(replace(s, strokes_json=None) for s in _signatures()))
    assert "Signert på skjerm 20.02.2026" in pdftotext(render_agreement_pdf(no_strokes), tmp_path)


def test_footer_and_fingerprint_on_every_page(tmp_path: Path) -> None:
    doc = _doc()
    pdf = render_agreement_pdf(doc)
    pages = page_count(pdf, tmp_path)
    assert pages >= 2
    for page in range(1, pages + 1):
        text = pdftotext(pdf, tmp_path, page=page)
        assert f"Side {page} av {pages}" in text
        assert short_fingerprint(doc.hash) in text


def test_structure_fonts_metadata_and_determinism(tmp_path: Path) -> None:
    doc = _doc()
    pdf = render_agreement_pdf(doc)
    assert pdf == render_agreement_pdf(doc)  # a pure function of its input
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf)
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all("DejaVuSans" in r or "FieldappSans" in r for r in rows)
    assert all(" yes " in r for r in rows), fonts  # embedded (subset) TrueType fonts
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    keywords = next(line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("Keywords:"))
    assert parse_keywords(keywords) == {"id": doc.agreement_id, "number": doc.number, "version": "1",
                                        "content-sha256": doc.hash}
    assert re.search(r"Page size:\s+595.276 x 841.89 pts \(A4\)", info)


def test_draft_is_marked_and_user_markup_is_not_interpreted(tmp_path: Path) -> None:
    doc = _doc(status="draft", signatures=(), content_hash=None)
    content = replace(doc.content, job=replace(doc.content.job, tasks="Kasse <b>& lager</b> <para>"))
    pdf = render_agreement_pdf(replace(doc, content=content))
    src = tmp_path / "d.pdf"
    src.write_bytes(pdf)
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(src), "-"], check=True, capture_output=True,
                         text=True).stdout
    assert raw.count("UTKAST") == page_count(pdf, tmp_path)  # the diagonal mark on every page
    text = pdftotext(pdf, tmp_path)
    assert "Kasse <b>& lager</b> <para>" in text
