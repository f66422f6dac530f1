"""The spreadsheet an office really has: Windows-1252, `sep=;`, trailing separators, tabs, Excel .xlsx."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.cli.main import main
from fieldapp.services.import_checking import check_bytes, parse_csv
from fieldapp.services.import_problems import MAX_LISTED, ImportRejected
from fieldapp.services.workspace import open_workspace
from tests.cli.test_import import fnrs, participants


def _names(data_dir: Path) -> set[tuple[str, str]]:
    with open_workspace(data_dir, create=False) as ws:
        return {(p.first_name, p.last_name) for p in participants(ws)}


def _import(path: Path, data_dir: Path) -> int:
    return main(["import", str(path), "--kind", "participants", "--data-dir", str(data_dir)])


def test_norwegian_excel_csv_in_windows_1252_imports_with_aeoeaa(tmp_path: Path, data_dir: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    a, b = fnrs(2)
    path = tmp_path / "deltakere.csv"
    path.write_bytes(f"fornavn;etternavn;fodselsnummer\r\nÆsa;Ødegård;{a}\r\nPål;Løvås;{b}\r\n".encode("cp1252"))
    assert _import(path, data_dir) == 0
    out = capsys.readouterr().out
    assert "Windows-1252" in out and "Importert 2 deltakere" in out
    assert _names(data_dir) == {("Æsa", "Ødegård"), ("Pål", "Løvås")}


def test_sep_line_and_trailing_separators(tmp_path: Path, data_dir: Path) -> None:
    a, b = fnrs(2)
    path = tmp_path / "sep.csv"
    path.write_bytes(f"sep=;\nfornavn;etternavn;fodselsnummer;\nÅse;Ødegård;{a};\nPer;Hansen;{b};;\n".encode("cp1252"))
    assert _import(path, data_dir) == 0
    assert _names(data_dir) == {("Åse", "Ødegård"), ("Per", "Hansen")}


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_semicolon_comma_or_tab(sep: str) -> None:
    (a,) = fnrs(1)
    data = sep.join(["fornavn", "etternavn", "fodselsnummer"]) + "\n" + sep.join(["Åse", "Ødegård", a]) + "\n"
    [row] = parse_csv(data.encode("utf-8"), "participants")
    assert (row.record.first_name, row.record.last_name, row.number) == ("Åse", "Ødegård", a)


def test_an_excel_workbook_imports_directly(tmp_path: Path, data_dir: Path) -> None:
    from openpyxl import Workbook

    a, b = fnrs(2, seed=7)
    book = Workbook()
    sheet = book.active
    sheet.append(["Fornavn", "Etternavn", "Fødselsnummer", "Telefon"])
    sheet.append(["Åse", "Ødegård", a, 91234567])  # the phone typed as a number
    sheet.append(["Bjørn", "Aas", int(b), None])   # a number cell loses a leading zero
    path = tmp_path / "deltakere.xlsx"
    book.save(path)
    assert _import(path, data_dir) == 0
    with open_workspace(data_dir, create=False) as ws:
        stored = {p.last_name: p for p in participants(ws)}
    assert stored["Ødegård"].first_name == "Åse" and stored["Ødegård"].phone == "91234567"
    assert stored["Aas"].first_name == "Bjørn" and stored["Aas"].fodselsnummer == b


def test_control_characters_in_a_field_are_refused_with_the_line() -> None:
    data = b'fornavn;etternavn\nOla;Nordmann\n"Kari\nAnne";"Nord\x07mann"\n'
    with pytest.raises(ImportRejected) as info:
        parse_csv(data, "participants")
    [problem] = info.value.problems
    assert problem.line == 3 and problem.message.code == "import.control"
    assert "fornavn, etternavn" in problem.text("nb")


def test_one_message_per_problem_and_at_most_twenty(tmp_path: Path) -> None:
    rows = "".join(f"Ola{i};Nordmann;123\n" for i in range(5))
    with pytest.raises(ImportRejected) as info:
        parse_csv(("fornavn;etternavn;fodselsnummer\n" + rows).encode(), "participants")
    text = info.value.text("nb")
    assert text.count("fodselsnummer:") == 1 and "linje 2, 3, 4, 5, 6" in text

    many = "".join(f"Ola;{'x' * (i + 300)}\n" for i in range(30))  # 30 different problems
    with pytest.raises(ImportRejected) as info:
        parse_csv(("fornavn;etternavn\n" + many).encode(), "participants")
    lines = info.value.text("en").splitlines()
    assert len(lines) == 1 + MAX_LISTED + 1 and lines[-1].strip() == "… and 10 more."


def test_a_long_unknown_header_is_cut_and_named_once() -> None:
    long_name = "k" * 4096
    checked = check_bytes(f"fornavn;etternavn;{long_name}\nOla;Nordmann;x\n".encode(), "participants")
    [problem] = checked.problems
    text = problem.text("nb")
    assert "k" * 39 + "…" in text and "k" * 41 not in text and len(text) < 300


NAME_LETTERS = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅéüö -'"


@given(names=st.lists(st.text(alphabet=NAME_LETTERS, min_size=1, max_size=20).filter(lambda t: t.strip()),
                      min_size=1, max_size=5),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]), sep=st.sampled_from([";", ",", "\t"]),
       declared=st.booleans())
@settings(max_examples=60, deadline=None)
def test_names_come_back_as_written_whatever_the_encoding_and_separator(names: list[str], encoding: str, sep: str,
                                                                        declared: bool) -> None:
    lines = ([f"sep={sep}"] if declared else []) + [sep.join(["fornavn", "etternavn"])]
    lines += [sep.join([f'"{n}"', "Nordmann"]) for n in names]
    rows = parse_csv(("\r\n".join(lines) + "\r\n").encode(encoding), "participants")
    assert [r.record.first_name for r in rows] == [n.strip() for n in names]
