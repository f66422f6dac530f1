"""`fieldapp check`: integrity of the database and of its change log."""

from __future__ import annotations

import argparse

from fieldapp.cli.common import EXIT_FAILED, EXIT_OK, add_data_dir, lang, workspace


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help="kontroller databasen og endringsloggen / check the database and change log")
    add_data_dir(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fieldapp.services.maintenance import check_integrity

    with workspace(args) as ws:
        report = check_integrity(ws)
    if report.ok:
        print(f"OK: {report.records} poster, {report.changes} endringer i loggen." if lang() == "nb"
              else f"OK: {report.records} records, {report.changes} changes in the log.")
        return EXIT_OK
    print("Feil funnet:" if lang() == "nb" else "Problems found:")
    for problem in report.problems:
        print(f"  {problem}")
    return EXIT_FAILED
