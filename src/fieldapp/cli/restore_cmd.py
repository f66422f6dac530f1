"""`fieldapp restore --from BACKUP | --latest`: put a checked backup in place, keeping the damaged file aside."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp import paths
from fieldapp.cli.common import EXIT_FAILED, EXIT_OK, add_data_dir, lang


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("restore", help="hent tilbake en sikkerhetskopi fra backups/ / restore a backup from backups/")
    add_data_dir(p, create=False)  # restoring into a folder that is not there makes no sense
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--from", dest="backup", type=Path, metavar="BACKUP",
                       help="sikkerhetskopien som skal hentes tilbake / the backup file to restore")
    which.add_argument("--latest", action="store_true",
                       help="den nyeste sikkerhetskopien som er i orden / the newest sound backup")
    p.add_argument("--yes", action="store_true",
                   help="ikke spør når databasen er i orden / do not ask when the database is sound")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fieldapp.services.recovery import chosen_backup, current_database_sound, refuse_if_open, restore

    data_dir = Path(args.data_dir or paths.default_data_dir())
    # Before asking: no question when it cannot be done anyway (folder open, backup missing or damaged).
    refuse_if_open(data_dir)
    backup = chosen_backup(data_dir, None if args.latest else args.backup)
    if not args.yes and current_database_sound(data_dir) and not _confirmed():
        return EXIT_FAILED
    done = restore(data_dir, backup=backup)
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


def _confirmed() -> bool:
    """A restore over a database that is in order throws away what was saved after the backup: ask first."""
    nb = lang() == "nb"
    print("Databasen er i orden. Henter du tilbake sikkerhetskopien, forsvinner det som er lagret etter at den ble "
          "tatt (den nåværende databasen tas vare på ved siden av)." if nb else
          "The database is sound. Restoring the backup drops what was saved after it was taken (the present "
          "database is kept aside).")
    try:
        answer = input("Hente tilbake likevel? [j/N] " if nb else "Restore anyway? [y/N] ")
    except (EOFError, OSError):  # no terminal to ask on: not confirmed
        answer = ""
    if answer.strip().lower() in ("j", "ja", "y", "yes"):
        return True
    print("Avbrutt; ingenting er endret." if nb else "Cancelled; nothing was changed.")
    return False
