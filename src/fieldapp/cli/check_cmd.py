"""`fieldapp check`: integrity of the database and of its record clocks (change tracking); damage is a finding
(exit 1)."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp import paths
from fieldapp.cli.common import EXIT_FAILED, EXIT_OK, add_data_dir, lang


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="kontroller databasen og endringsklokkene / check the database and its record clocks")
    add_data_dir(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fieldapp.services.recovery import diagnose

    nb = lang() != "en"
    found = diagnose(Path(args.data_dir or paths.default_data_dir()), create=bool(getattr(args, "create", False)))
    if found.ok:
        # Every record carries clocks that say when each field last changed (storage/integrity.py checks them).
        print(f"OK: {found.records} poster, {found.changes} med endringsklokker som stemmer." if nb
              else f"OK: {found.records} records, {found.changes} with matching change clocks.")
        return EXIT_OK
    print("Feil funnet:" if nb else "Problems found:")
    for problem in found.problems(lang()):
        print(f"  {problem}")
    if found.damaged or found.backups:
        sound = found.newest_sound
        if sound is not None:
            print(f"Nyeste sikkerhetskopi som er i orden: {sound.path}" if nb
                  else f"Newest sound backup: {sound.path}")
            print("Hent den tilbake med: fieldapp restore --latest" if nb
                  else "Bring it back with: fieldapp restore --latest")
        else:
            print("Ingen sikkerhetskopi i orden ble funnet." if nb else "No sound backup was found.")
    return EXIT_FAILED
