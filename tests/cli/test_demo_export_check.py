"""`fieldapp demo`, `export` and `check` end to end, through the real command line entry point."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldapp.cli.main import main
from fieldapp.domain.agreement_rules import AgreementStatus
from fieldapp.domain.validation import check_fodselsnummer, check_orgnr
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import agreements as agreement_store


@pytest.fixture
def demo_dir(data_dir: Path) -> Path:
    assert main(["demo", "--participants", "30", "--data-dir", str(data_dir)]) == 0
    return data_dir


def test_demo_fills_every_agreement_status_with_synthetic_numbers(demo_dir: Path) -> None:
    with open_workspace(demo_dir) as ws, ws.folder.read() as session:
        conn = session.connection()
        numbers = [r[0] for r in conn.exec_driver_sql("SELECT fodselsnummer FROM participant").all()]
        assert len(numbers) == 30
        for n in numbers:
            assert check_fodselsnummer(n) is None
            assert int(n[2:4]) > 40, "demo numbers must be synthetic (month + 40)"
        for (orgnr,) in conn.exec_driver_sql("SELECT orgnr FROM employer").all():
            assert check_orgnr(orgnr) is None
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM agreement").all()]
        statuses = {agreement_store.status(session, i, today=date.today()) for i in ids}
    assert statuses == set(AgreementStatus.ALL)


def test_demo_visits_span_months(demo_dir: Path) -> None:
    with open_workspace(demo_dir) as ws, ws.folder.read() as session:
        first, last, count = session.execute(text("SELECT min(starts_at), max(starts_at), count(*) FROM visit")).one()
    assert count >= 30 * 5
    assert (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days > 90


def test_check_is_ok_after_demo_and_fails_on_tampering(demo_dir: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["check", "--data-dir", str(demo_dir)]) == 0
    out = capsys.readouterr().out
    with open_workspace(demo_dir) as ws, ws.folder.read() as session:
        clocks = session.execute(text("SELECT count(*) FROM record_clock")).scalar_one()
    assert clocks > 30
    # Every record has its clocks; there is no change log any more to count.
    assert out.strip() == f"OK: {clocks} poster, {clocks} med endringsklokker som stemmer."
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    assert main(["check", "--data-dir", str(demo_dir)]) == 0
    assert capsys.readouterr().out.strip() == f"OK: {clocks} records, {clocks} with matching change clocks."
    monkeypatch.delenv("FIELDAPP_LANG")
    # Change a value behind change capture's back (triggers dropped, as a rogue tool might).
    with open_workspace(demo_dir) as ws, ws.folder.write() as session:
        conn = session.connection()
        conn.exec_driver_sql("DROP TRIGGER fa_participant_guard_update")
        conn.exec_driver_sql("UPDATE participant SET last_name = 'Manipulert' WHERE rowid = 1")
    # Opening reinstalls the trigger, but the tampered value does not match its field clocks.
    assert main(["check", "--data-dir", str(demo_dir)]) == 1
    out = capsys.readouterr().out
    assert "last_name" in out and "Manipulert" in out


def test_export_everything_and_one_participant(demo_dir: Path, tmp_path: Path) -> None:
    everything = tmp_path / "all.json"
    assert main(["export", "--data-dir", str(demo_dir), "--out", str(everything)]) == 0
    doc = json.loads(everything.read_text(encoding="utf-8"))
    assert doc["format"] == "fieldapp-export" and doc["format_version"] == 1
    assert len(doc["records"]["participant"]) == 30
    participant = doc["records"]["participant"][0]
    others = {p["id"] for p in doc["records"]["participant"][1:]}

    one = tmp_path / "one.json"
    assert main(["export", "--data-dir", str(demo_dir), "--out", str(one), "--participant", participant["id"]]) == 0
    single = json.loads(one.read_text(encoding="utf-8"))
    records = single["records"]
    assert [p["id"] for p in records["participant"]] == [participant["id"]]
    assert records["visit"], "the participant's visits are part of the access export"
    for table in ("visit", "mapping", "placement", "agreement", "consent", "cooperating_actor"):
        assert all(r["participant_id"] == participant["id"] for r in records[table])
    # No other participant's name appears anywhere in the file.
    blob = one.read_text(encoding="utf-8")
    other_rows = [p for p in doc["records"]["participant"] if p["id"] in others]
    for p in other_rows:
        assert p["fodselsnummer"] not in blob


def test_export_unknown_participant_is_a_clear_error(demo_dir: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.json"
    assert main(["export", "--data-dir", str(demo_dir), "--out", str(out), "--participant", "nope"]) == 2
    assert "nope" in capsys.readouterr().err
    assert not out.exists()
