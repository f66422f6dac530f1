"""The agreement PDF in the words NAV and an employer sign without edits: "Inngått" with its date, "Kontrollkode",
"Slik vurderes måloppnåelse", one sentence for the extension, the date of birth (never the fødselsnummer), the
employer's address, the controller, no repeated privacy heading, one word per role, organisation and title apart."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fieldapp.documents.agreement_pdf import AgreementDocument, render_agreement_pdf
from fieldapp.domain.agreement_content import content_hash
from fieldapp.domain.agreement_examples import complete_example_content
from fieldapp.domain.agreement_records import Signature
from tests.documents.helpers import have_tools, pdftotext, squeeze

pytestmark = pytest.mark.skipif(not have_tools("pdftotext"), reason="needs poppler-utils")

SIGNED = datetime(2026, 2, 20, 9, tzinfo=UTC)


def _signatures() -> tuple[Signature, ...]:
    return tuple(Signature(version_id="v", role=role, name=name, method="paper", confirmation_text="Lest.",
                           signed_at=SIGNED.replace(day=day))
                 for role, name, day in (("employee", "Kari Fjellheim Nordvik", 18), ("employer", "Ola Bergstrøm", 19),
                                         ("nav", "Per Ødegård", 19), ("job_specialist", "Åse Lyngvær", 20)))


def _text(tmp: Path, lang: str = "nb", status: str = "concluded", **content_changes: object) -> str:
    content = replace(complete_example_content(lang), **content_changes)
    doc = AgreementDocument(agreement_id="a", number="K7Q2-2026-0001", version_no=1, status=status, content=content,
                            content_hash=content_hash(content), signatures=_signatures() if status != "draft" else (),
                            lang=lang)
    return pdftotext(render_agreement_pdf(doc), tmp)


def test_concluded_status_says_when_and_check_code_replaces_fingerprint(tmp_path: Path) -> None:
    text = _text(tmp_path)
    assert "Inngått 20.02.2026" in text  # the job specialist's signature, the last one, concludes it
    assert "Kontrollkode" in text and "kontrollkode" in text  # summary box and every page's footer
    assert "Fingeravtrykk" not in text and "fingeravtrykk" not in text
    assert squeeze("Kontrollkoden står på hver side og passer bare til nøyaktig denne versjonen") in squeeze(text)


def test_draft_keeps_its_status_word(tmp_path: Path) -> None:
    text = _text(tmp_path, status="draft")
    assert "Utkast" in text and "Inngått" not in text


@pytest.mark.parametrize("status", ["active", "ended"])
def test_active_and_ended_versions_print_the_day_they_were_concluded(tmp_path: Path, status: str) -> None:
    assert "Inngått 20.02.2026" in _text(tmp_path, status=status)


def test_goal_assessment_and_extension_read_as_sentences(tmp_path: Path) -> None:
    text = _text(tmp_path)
    flat = squeeze(text)
    assert squeeze("Slik vurderes måloppnåelse") in flat and "fremgang" not in text
    assert squeeze("Ja – vurderes på evalueringsmøtet innen 01.08.2026") in flat
    assert "Ja. På" not in text


def test_privacy_heading_is_not_repeated_and_controller_is_named(tmp_path: Path) -> None:
    old_text = "Taushetsplikt og personopplysninger: " + complete_example_content().privacy_text
    for text in (_text(tmp_path), _text(tmp_path, privacy_text=old_text)):  # a version frozen with the old text
        assert text.count("Taushetsplikt og personopplysninger") == 1
        assert "personopplysninger:" not in text
        assert squeeze("Behandlingsansvarlig: Jobbstøtte Eksempel") in squeeze(text)


def test_birth_date_and_employer_address_but_never_a_fodselsnummer(tmp_path: Path) -> None:
    text = _text(tmp_path)
    assert squeeze("Født 17.04.1991") in squeeze(text)
    assert squeeze("Solbakkveien 12, 0000 Eksempelby") in squeeze(text)
    assert not re.search(r"\b\d{6}\s?\d{5}\b", text)


def test_one_word_per_role_and_organisation_apart_from_title(tmp_path: Path) -> None:
    text = _text(tmp_path)
    assert "Virksomhet / tittel" not in text
    assert re.search(r"\bVirksomhet\b", text) and re.search(r"\bTittel\b", text)
    # The NAV party is "NAV-veileder" in the parties table and on its signature block alike.
    assert text.count("NAV-veileder") >= 2


def test_english_copy_uses_the_same_rules(tmp_path: Path) -> None:
    text = _text(tmp_path, lang="en")
    assert "Concluded 20 Feb 2026" in text and "Check code" in text and "Fingerprint" not in text
    assert squeeze("Yes – to be considered") in squeeze(text)
    assert squeeze("Born 17 Apr 1991") in squeeze(text)
    assert squeeze("Data controller: Jobbstøtte Eksempel") in squeeze(text)
