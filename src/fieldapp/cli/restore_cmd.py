"""`fieldapp restore --from BACKUP | --latest`: put a checked backup in place, keeping the damaged file aside."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp import paths
from fieldapp.cli.common import EXIT_OK, add_data_dir, lang


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("restore", help="hent tilbake en sikkerhetskopi fra backups/ / restore a backup from backups/")
    add_data_dir(p, create=False)  # restoring into a folder that is not there makes no sense
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--from", dest="backup", type=Path, metavar="BACKUP",
                       help="sikkerhetskopien som skal hentes tilbake / the backup file to restore")
    which.add_argument("--latest", action="store_true",
                       help="den nyeste sikkerhetskopien som er i orden / the newest sound backup")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fieldapp.services.recovery import restore

    done = restore(Path(args.data_dir or paths.default_data_dir()), backup=None if args.latest else args.backup)
    if lang() == "en":
        print(f"Restored {done.backup}.")
        if done.kept:
            print(f"The previous database is kept as {done.kept}.")
        print("Changes made after the backup was taken are not in it.")
    else:
        print(f"Hentet tilbake {done.backup}.")
        if done.kept:
            print(f"Den forrige databasen er tatt vare på som {done.kept}.")
        print("Endringer gjort etter at sikkerhetskopien ble tatt, er ikke med.")
    return EXIT_OK
