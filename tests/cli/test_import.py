"""`fieldapp import`: CSV import of participants and employers, all rows or none."""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from fieldapp.cli import import_cmd
from fieldapp.cli.common import EXIT_ERROR, EXIT_OK, add_data_dir, run_guarded
from fieldapp.domain.records import Employer, Participant
from fieldapp.domain.synthetic_ids import random_orgnr, synthetic_fodselsnummer
from fieldapp.services import records as record_service
from fieldapp.services.import_checking import parse_csv
from fieldapp.services.import_problems import ImportRejected
from fieldapp.services.importing import import_file
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage import models as m
from fieldapp.storage.capture import trigger_ddl

RNG_SEED = 20240611


def fnrs(n: int, seed: int = RNG_SEED) -> list[str]:
    """Synthetic (month+40) test numbers; never real people's."""
    rng = random.Random(seed)
    return [synthetic_fodselsnummer(dt.date(1980 + i, 1 + i % 12, 1 + i % 28), rng) for i in range(n)]


def orgnrs(n: int, seed: int = RNG_SEED) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        number = random_orgnr(rng)
        if number not in out:
            out.append(number)
    return out


def participants(ws: Workspace) -> list[Participant]:
    with ws.folder.read() as session:
        return repository.list_where(session, Participant, order_by=m.Participant.last_name)


def employers(ws: Workspace) -> list[Employer]:
    with ws.folder.read() as session:
        return repository.list_where(session, Employer, order_by=m.Employer.name)


def write(tmp_path: Path, text: str, *, name: str = "import.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def cli(argv: Sequence[str]) -> int:
    """Run the command line as a user would; through main() once every subcommand module exists."""
    try:
        from fieldapp.cli.main import main
    except ImportError:  # other subcommands not written yet: same parser setup with only `import`
        parser = argparse.ArgumentParser(prog="fieldapp")
        add_data_dir(parser, subcommand=False)
        import_cmd.register(parser.add_subparsers(dest="command"))
        args = parser.parse_args(list(argv))
        return run_guarded(args.func, args)
    return main(list(argv))


def test_semicolon_file_with_bom_imports_participants(workspace: Workspace, tmp_path: Path) -> None:
    a, b = fnrs(2)
    spaced = f"{a[:6]} {a[6:]}"  # people type a space after the birth date
    path = write(tmp_path, (
        "fornavn;etternavn;fodselsnummer;telefon;epost\r\n"
        f"Åse;Ødegård;{spaced};912 34 567;ase@example.no\r\n"
        "\r\n"
        f"Per;Hansen;{b};;\r\n"
        "Kari;Uten Nummer;;+47 41 00 00 00;\r\n"
    ), bom=True)

    result = import_file(workspace, path, "participants")

    assert (result.created, result.updated) == (3, 0)
    stored = {p.last_name: p for p in participants(workspace)}
    assert set(stored) == {"Ødegård", "Hansen", "Uten Nummer"}
    assert stored["Ødegård"].first_name == "Åse"
    assert stored["Ødegård"].fodselsnummer == a  # spaces removed before storing
    assert stored["Ødegård"].phone == "91234567"
    assert stored["Ødegård"].email == "ase@example.no"
    assert stored["Hansen"].phone is None and stored["Hansen"].email is None
    assert stored["Uten Nummer"].fodselsnummer is None
    assert stored["Uten Nummer"].phone == "+4741000000"


def test_comma_file_with_english_headers_in_any_case(workspace: Workspace, tmp_path: Path) -> None:
    (a,) = fnrs(1)
    path = write(tmp_path, (
        " First_Name , LAST_NAME,National_ID,Phone,Email\n"
        f'"Ola, jr.",Nordmann,{a},98765432,ola@example.no\n'
    ))

    result = import_file(workspace, path, "participants")

    assert (result.created, result.updated) == (1, 0)
    [p] = participants(workspace)
    assert (p.first_name, p.last_name, p.fodselsnummer, p.phone) == ("Ola, jr.", "Nordmann", a, "98765432")


def test_second_import_updates_by_fodselsnummer_and_keeps_other_values(workspace: Workspace,
                                                                        tmp_path: Path) -> None:
    a, b = fnrs(2)
    first = write(tmp_path, (
        "fornavn;etternavn;fodselsnummer;telefon;epost\n"
        f"Åse;Ødegård;{a};91234567;ase@example.no\n"
        f"Per;Hansen;{b};;\n"
    ), name="first.csv")
    import_file(workspace, first, "participants")
    before = {p.fodselsnummer: p for p in participants(workspace)}

    second = write(tmp_path, (
        "fornavn;etternavn;fodselsnummer;telefon;epost\n"
        f"Åse;Ødegård;{a};45 67 89 01;\n"   # new phone, email left empty: must stay as it was
        f"Per;Hansen;{b};;\n"               # nothing new
    ), name="second.csv")
    result = import_file(workspace, second, "participants")

    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    after = {p.fodselsnummer: p for p in participants(workspace)}
    assert len(after) == 2
    assert after[a].id == before[a].id
    assert after[a].phone == "45678901"
    assert after[a].email == "ase@example.no"
    assert after[b] == before[b]


def test_update_skips_deleted_record_and_creates_a_new_one(workspace: Workspace, tmp_path: Path) -> None:
    (a,) = fnrs(1)
    old = record_service.save(workspace, Participant(first_name="Gammel", last_name="Post", fodselsnummer=a))
    record_service.delete(workspace, Participant, old.id)
    path = write(tmp_path, f"fornavn;etternavn;fodselsnummer\nNy;Post;{a}\n")

    result = import_file(workspace, path, "participants")

    assert (result.created, result.updated) == (1, 0)
    [p] = participants(workspace)
    assert p.id != old.id and p.first_name == "Ny"


def test_a_stored_record_the_update_leaves_invalid_rejects_the_whole_file(workspace: Workspace,
                                                                         tmp_path: Path) -> None:
    a, b, c = fnrs(3)
    old = record_service.save(workspace, Participant(first_name="Gammel", last_name="Post", fodselsnummer=a))
    with workspace.folder.write() as session:  # an invalid stored value, as an older release might have left it
        conn = session.connection()
        conn.exec_driver_sql("DROP TRIGGER fa_participant_guard_update")
        conn.exec_driver_sql("UPDATE participant SET phone = '123' WHERE id = ?", (old.id,))
        conn.exec_driver_sql(trigger_ddl()["fa_participant_guard_update"])
    path = write(tmp_path, (
        "fornavn;etternavn;fodselsnummer;epost\n"
        f"Ny;Person;{b};\n"                         # line 2: fine on its own
        f"Gammel;Post;{a};gammel@example.no\n"      # line 3: merged with the stored phone, it breaks a rule
        f"Tredje;Person;{c};\n"                     # line 4
    ))

    with pytest.raises(ImportRejected) as info:
        import_file(workspace, path, "participants")

    assert [(p.line, p.field_nb) for p in info.value.problems] == [(3, "telefon")]
    [stored] = participants(workspace)  # nothing from the file was saved, not even the rows before line 3
    assert stored.id == old.id and stored.email is None


def test_a_large_file_is_saved_whole(workspace: Workspace, tmp_path: Path) -> None:
    rng = random.Random(RNG_SEED)
    numbers = [synthetic_fodselsnummer(dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28), rng) for i in range(600)]
    existing = record_service.save_all(workspace, [Participant(first_name=f"Før{i}", last_name="Post",
                                                               fodselsnummer=n) for i, n in enumerate(numbers[:200])])
    rows = "".join(f"Person{i};Etter;{n};4{i:07d}\n" for i, n in enumerate(numbers))
    result = import_file(workspace, write(tmp_path, "fornavn;etternavn;fodselsnummer;telefon\n" + rows),
                         "participants")

    assert (result.created, result.updated, result.unchanged) == (400, 200, 0)
    stored = {p.fodselsnummer: p for p in participants(workspace)}
    assert len(stored) == 600
    assert {stored[n].id for n in numbers[:200]} == {p.id for p in existing}  # updated in place
    assert stored[numbers[599]].first_name == "Person599" and stored[numbers[599]].phone == "40000599"


def test_one_bad_fodselsnummer_rejects_the_whole_file(workspace: Workspace, tmp_path: Path) -> None:
    good = fnrs(3)
    bad = good[2][:10] + str((int(good[2][10]) + 1) % 10)  # wrong check digit
    record_service.save(workspace, Participant(first_name="Fra", last_name="Før"))
    count_before = len(participants(workspace))
    path = write(tmp_path, (
        "fornavn;etternavn;fodselsnummer;telefon;epost\n"   # line 1
        f"En;Første;{good[0]};;\n"                          # line 2
        f"To;Andre;{good[1]};;\n"                           # line 3
        f"Tre;Tredje;{bad};;\n"                             # line 4
    ))

    with pytest.raises(ImportRejected) as info:
        import_file(workspace, path, "participants")

    assert len(participants(workspace)) == count_before
    [problem] = info.value.problems
    assert problem.line == 4 and problem.field_nb == "fodselsnummer" and problem.field_en == "national_id"
    assert problem.message.code == "fnr.checksum"
    assert "linje 4, fodselsnummer:" in info.value.text("nb")
    assert "line 4, national_id:" in info.value.text("en")


def test_missing_name_and_wrong_column_count_are_all_listed(tmp_path: Path) -> None:
    data = (
        b"fornavn,etternavn,telefon\n"
        b"Ola,,12345678\n"          # line 2: no last name
        b"Kari,Nordmann\n"          # line 3: two fields, header has three
        b"Per,Hansen,123\n"         # line 4: phone too short
    )

    with pytest.raises(ImportRejected) as info:
        parse_csv(data, "participants")

    found = {(p.line, p.field_nb) for p in info.value.problems}
    assert found == {(2, "etternavn"), (3, None), (4, "telefon")}
    text = info.value.text("nb")
    assert "linje 2, etternavn: Dette feltet må fylles ut." in text
    assert "linje 3: Linjen har 2 felt, men overskriften har 3." in text


def test_latin1_file_is_read_as_windows_1252(workspace: Workspace, tmp_path: Path) -> None:
    (a,) = fnrs(1)
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        "fornavn;etternavn;fodselsnummer\n".encode("cp1252")
        + f"Ola;Nordmann;{a}\n".encode("cp1252")
        + "Åse;Ødegård;\n".encode("latin-1")  # line 3
    )

    assert import_file(workspace, path, "participants").created == 2
    assert {(p.first_name, p.last_name) for p in participants(workspace)} == {("Ola", "Nordmann"), ("Åse", "Ødegård")}


def test_text_that_is_neither_utf8_nor_windows_1252_is_rejected_once(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(b"fornavn;etternavn\nOla;Nordmann\n\x81\x8d;\x90\x9d\n")

    with pytest.raises(ImportRejected) as info:
        import_file(workspace, path, "participants")

    assert participants(workspace) == []
    assert [(p.line, p.message.code) for p in info.value.problems] == [(3, "import.encoding")]
    assert "linje 3: Teksten er verken UTF-8 eller Windows-1252" in info.value.text("nb")


def test_missing_required_header_is_rejected(tmp_path: Path) -> None:
    data = b"fornavn;fodselsnummer;telefon\nOla;;\n"

    with pytest.raises(ImportRejected) as info:
        parse_csv(data, "participants")

    [problem] = info.value.problems
    assert (problem.line, problem.field_nb, problem.message.code) == (1, "etternavn", "import.header_missing")


def test_unknown_header_is_rejected(tmp_path: Path) -> None:
    data = "fornavn;etternavn;skostørrelse\nOla;Nordmann;44\n".encode()

    with pytest.raises(ImportRejected) as info:
        parse_csv(data, "participants")

    [problem] = info.value.problems
    assert (problem.line, problem.message.code) == (1, "import.header_unknown")
    assert "skostørrelse" in problem.text("nb")


def test_duplicate_number_in_the_file_is_rejected(workspace: Workspace, tmp_path: Path) -> None:
    (a,) = fnrs(1)
    path = write(tmp_path, (
        "fornavn;etternavn;fodselsnummer\n"
        f"Ola;Nordmann;{a}\n"
        "Kari;Nordmann;\n"
        f"Ola;Dobbel;{a[:6]} {a[6:]}\n"   # the same number, written differently
    ))

    with pytest.raises(ImportRejected) as info:
        import_file(workspace, path, "participants")

    assert participants(workspace) == []
    [problem] = info.value.problems
    assert (problem.line, problem.field_nb, problem.message.code) == (4, "fodselsnummer", "import.duplicate")
    assert "linje 2" in problem.message.nb


def test_employers_upsert_by_orgnr(workspace: Workspace, tmp_path: Path) -> None:
    x, y = orgnrs(2)
    first = write(tmp_path, (
        "navn;organisasjonsnummer;adresse;telefon;epost\n"
        f"Bakeri Eksempel AS;{x[:3]} {x[3:6]} {x[6:]};Storgata 1;22 33 44 55;post@bakeri.example\n"
        "Kafé Uten Nummer;;;;\n"
    ), name="first.csv")
    assert import_file(workspace, first, "employers").created == 2

    second = write(tmp_path, (
        "Name,OrgNr,Address,Phone,Email\n"
        f"Bakeri Eksempel AS,{x},Torget 2,,\n"
        f"Verksted Eksempel AS,{y},,,\n"
    ), name="second.csv")
    result = import_file(workspace, second, "employers")

    assert (result.created, result.updated) == (1, 1)
    stored = {e.name: e for e in employers(workspace)}
    assert len(stored) == 3
    assert stored["Bakeri Eksempel AS"].orgnr == x
    assert stored["Bakeri Eksempel AS"].address == "Torget 2"
    assert stored["Bakeri Eksempel AS"].phone == "22334455"  # empty cell keeps the stored value
    assert stored["Verksted Eksempel AS"].orgnr == y


def test_employer_with_bad_orgnr_is_rejected(workspace: Workspace, tmp_path: Path) -> None:
    (x,) = orgnrs(1)
    bad = x[:8] + str((int(x[8]) + 1) % 10)
    path = write(tmp_path, f"navn;organisasjonsnummer\nGod AS;{x}\nFeil AS;{bad}\n")

    with pytest.raises(ImportRejected) as info:
        import_file(workspace, path, "employers")

    assert employers(workspace) == []
    [problem] = info.value.problems
    assert (problem.line, problem.field_nb, problem.field_en) == (3, "organisasjonsnummer", "orgnr")


def test_cli_imports_and_prints_summary(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "nb")
    a, b = fnrs(2)
    path = write(tmp_path, f"fornavn;etternavn;fodselsnummer\nÅse;Ødegård;{a}\nPer;Hansen;{b}\n", bom=True)

    code = cli(["import", str(path), "--kind", "participants", "--data-dir", str(data_dir)])

    assert code == EXIT_OK
    assert capsys.readouterr().out.strip() == "Importert 2 deltakere (2 nye, 0 oppdatert)."

    update = write(tmp_path, f"fornavn;etternavn;fodselsnummer;telefon\nÅse;Ødegård;{a};91234567\n", name="u.csv")
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    assert cli(["import", str(update), "--kind", "participants", "--data-dir", str(data_dir)]) == EXIT_OK
    assert capsys.readouterr().out.strip() == "Imported 1 participant (0 new, 1 updated)."

    from fieldapp.services.workspace import open_workspace
    with open_workspace(data_dir) as ws:
        stored = {p.fodselsnummer: p for p in participants(ws)}
    assert set(stored) == {a, b} and stored[a].phone == "91234567"


def test_cli_rejects_bad_file_with_one_clear_message(data_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_LANG", "nb")
    path = tmp_path / "linjeskift.csv"
    path.write_bytes('navn;adresse\n"Ødegård\nBygg AS";Storgata 1\n'.encode("cp1252"))

    code = cli(["import", str(path), "--kind", "employers", "--data-dir", str(data_dir)])

    assert code == EXIT_ERROR
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    assert "Filen ble ikke importert" in captured.err
    assert "linje 2, navn: Feltet inneholder et linjeskift" in captured.err
    assert not data_dir.exists()  # a rejected file does not even create the data folder


def test_cli_missing_file_is_a_clear_error(data_dir: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code = cli(["import", str(tmp_path / "finnes-ikke.csv"), "--kind", "participants",
                "--data-dir", str(data_dir)])

    assert code == EXIT_ERROR
    err = capsys.readouterr().err
    assert "finnes-ikke.csv" in err and "Traceback" not in err
