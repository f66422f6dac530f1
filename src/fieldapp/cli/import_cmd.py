"""`fieldapp import FILE --kind participants|employers` (CSV or Excel .xlsx): all rows or none."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp.cli.common import EXIT_OK, add_data_dir, lang, workspace
from fieldapp.services.import_reading import CP1252
from fieldapp.services.import_checking import check_file
from fieldapp.services.import_kinds import KINDS
from fieldapp.services.importing import import_rows, summary

HELP_NB = ("Importer deltakere eller arbeidsgivere fra en CSV-fil (UTF-8 eller Windows-1252, skilt med ; , "
           "eller tabulator) eller et Excel-ark (.xlsx). Én feil i filen stopper hele importen.")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import", help=HELP_NB, description=HELP_NB + (
            " Deltakere: fornavn, etternavn, fodselsnummer, telefon, epost. "
            "Arbeidsgivere: navn, organisasjonsnummer, adresse, telefon, epost. "
            "Finnes nummeret fra før, oppdateres posten med de utfylte verdiene."),
    )
    p.add_argument("file", type=Path, metavar="FILE", help="CSV- eller .xlsx-filen som skal importeres")
    p.add_argument("--kind", required=True, choices=KINDS, help="hva filen inneholder")
    add_data_dir(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Read and check the file before opening the data folder, so a bad file touches nothing.
    checked = check_file(args.file, args.kind)
    if not checked.ok:
        raise checked.rejected()
    with workspace(args, create=True) as ws:  # so is importing a caseload
        result = import_rows(ws, args.kind, checked.rows)
    if checked.table is not None and checked.table.source == CP1252:
        print(checked.source_text(lang()))
    print(summary(result, args.kind, lang()))
    return EXIT_OK
