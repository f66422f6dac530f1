"""The agreement PDF with a behandler as a party (in the parties table and with a signature box), the NAV
follow-up line, and, for a TOA without one, the reason why NAV does not follow up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from fieldapp.documents.agreement_pdf import AgreementDocument, render_agreement_pdf
from fieldapp.domain.agreement_content import PartySnapshot, content_hash
from fieldapp.domain.agreement_examples import complete_example_content
from tests.documents.helpers import have_tools, pdftotext, squeeze

pytestmark = pytest.mark.skipif(not have_tools("pdftotext"), reason="needs poppler-utils")

BEHANDLER = PartySnapshot("behandler", "Eli Fjordheim", organisation="DPS Eksempelby", title="Psykolog",
                          phone="55 00 11 22")


def _text(tmp: Path, lang: str = "nb", **changes: object) -> str:
    content = complete_example_content(lang)
    content = replace(content, parties=replace(content.parties, others=(BEHANDLER,)), **changes)
    doc = AgreementDocument(agreement_id="a", number="K7Q2-2026-0002", version_no=1, status="ready_for_signing",
                            content=content, content_hash=content_hash(content), lang=lang)
    return squeeze(pdftotext(render_agreement_pdf(doc), tmp))


def _section(text: str, heading: str, next_heading: str) -> str:
    start = text.index(heading)
    return text[start:text.index(next_heading, start)]


def _has(text: str, *needles: str) -> bool:
    return all(squeeze(n) in text for n in needles)


def test_behandler_is_a_party_with_a_signature_box_and_nav_follows_up(tmp_path: Path) -> None:
    text = _text(tmp_path)
    parties = text[text.index("Parter"):text.index("Jobben")]
    assert _has(parties, "Behandler", "Eli Fjordheim", "DPS Eksempelby", "Psykolog")
    signatures = text[text.index("Signaturer"):]
    assert signatures.count("Behandler") == 1 and _has(signatures, "Eli Fjordheim")
    assert _has(signatures, "Arbeidstaker", "Arbeidsgiver", "NAV-veileder", "Jobbspesialist")
    follow_up = _section(text, "Oppfølging", "Tilrettelegging")
    assert _has(follow_up, "NAV", "Per Ødegård", "Følge opp lønnstilskuddet og fristene")
    assert not _has(text, "Hvorfor NAV ikke følger opp")


def test_without_a_nav_line_the_reason_is_printed(tmp_path: Path) -> None:
    base = complete_example_content()
    text = _text(tmp_path, follow_ups=tuple(f for f in base.follow_ups if f.actor_role != "nav"),
                 nav_follow_up_reason="NAV har ingen virkemidler i saken og følger opp gjennom jobbspesialisten.")
    follow_up = _section(text, "Oppfølging", "Tilrettelegging")
    assert _has(follow_up, "Hvorfor NAV ikke følger opp: NAV har ingen virkemidler i saken")


def test_english_copy_names_the_clinician(tmp_path: Path) -> None:
    text = _text(tmp_path, "en")
    assert text[text.index("Signatures"):].count("Clinician") == 1
