"""`fieldapp erase`: erase one participant (--participant ID --reason TEXT), or list those due (--list-due)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from fieldapp.cli.common import EXIT_FAILED, EXIT_OK, add_data_dir, lang, workspace


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ugyldig dato / invalid date: {text} (YYYY-MM-DD)") from exc


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("erase", help="sletting og oppbevaringstid / erasure and retention")
    add_data_dir(p)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--participant", metavar="ID",
                      help="slett denne deltakeren og alt som hører til / erase this participant and all that is theirs")
    what.add_argument("--log", action="store_true",
                      help="vis sletteloggen (uten personopplysninger) / show the erasure log (no personal data)")
    p.add_argument("--reason", help="grunn / reason: retention_expired, participant_request, registered_in_error, other")
    p.add_argument("--yes", action="store_true", help="ikke spør før sletting / do not ask before erasing")
    what.add_argument("--list-due", action="store_true",
                      help="vis deltakere der oppbevaringstiden er ute (sletter ingenting) / "
                           "list participants whose retention has run out (erases nothing)")
    p.add_argument("--years", type=int, help="oppbevaringstid i år (standard: kontorets innstilling) / "
                                             "retention period in years (default: the office's setting)")
    p.add_argument("--today", type=_day, help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true", help="skriv listen som JSON / print the list as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.participant:
        return _erase(args)
    if args.log:
        return _log(args)
    from fieldapp.domain.retention import check_years
    from fieldapp.services.retention import due_for_erasure, retention_years

    if args.years is not None:
        check_years(args.years)
    with workspace(args) as ws:
        years = args.years or retention_years(ws)
        due = due_for_erasure(ws, today=args.today, years=years)
    if args.json:
        print(json.dumps([{"participant_id": d.participant_id, "name": d.full_name,
                           "follow_up_end": d.follow_up_end.isoformat(),
                           "retention_ended": d.retention_ended.isoformat()} for d in due], ensure_ascii=False))
        return EXIT_OK
    nb = lang() == "nb"
    if not due:
        print(f"Ingen deltakere har oppbevaringstid som er ute ({years} år)." if nb
              else f"No participant's retention period has run out ({years} years).")
        return EXIT_OK
    print(f"{len(due)} deltaker(e) der oppbevaringstiden ({years} år) er ute:" if nb
          else f"{len(due)} participant(s) whose retention period ({years} years) has run out:")
    for d in due:
        print(f"  {d.participant_id}  {d.full_name}  "
              + (f"avsluttet {d.follow_up_end:%d.%m.%Y}, ute {d.retention_ended:%d.%m.%Y}" if nb
                 else f"ended {d.follow_up_end:%d.%m.%Y}, ran out {d.retention_ended:%d.%m.%Y}"))
    return EXIT_OK


def _erase(args: argparse.Namespace) -> int:
    from fieldapp.domain.erasure import reason_code
    from fieldapp.domain.messages import DomainError, Message
    from fieldapp.services import erasure

    nb = lang() == "nb"
    if not args.reason:
        raise DomainError(Message("erasure.reason_missing", "Oppgi en grunn med --reason.",
                                  "Give a reason with --reason."))
    code = reason_code(args.reason)
    with workspace(args, create=False) as ws:
        what = erasure.preview(ws, args.participant)
        if not args.yes:
            parts = ", ".join(what.lines(lang())) or ("ingen andre opplysninger" if nb else "nothing else")
            print(f"Dette sletter {what.full_name} ({what.participant_id}) for godt: {parts}. Også fra "
                  f"sikkerhetskopiene ({what.backups} filer slettes, en ny tas) og fra de andre enhetene og serveren "
                  "ved neste synkronisering. Bare en merknad uten personopplysninger blir igjen." if nb else
                  f"This erases {what.full_name} ({what.participant_id}) for good: {parts}. Also from the backups "
                  f"({what.backups} files are deleted, a new one is taken) and from the other devices and the server "
                  "at their next sync. Only a note without personal data remains.")
            try:
                answer = input("Slette? [j/N] " if nb else "Erase? [y/N] ")
            except EOFError:
                answer = ""
            if answer.strip().lower() not in ("j", "ja", "y", "yes"):
                print("Avbrutt; ingenting er slettet." if nb else "Cancelled; nothing was erased.")
                return EXIT_FAILED
        done = erasure.erase(ws, participant_id=args.participant, reason_code=code)
    print(f"Slettet: {done.rows} poster, {done.backups_deleted} sikkerhetskopier fornyet, {done.exports_deleted} "
          "eksportfiler. Resten av teamet får slettingen ved neste synkronisering." if nb else
          f"Erased: {done.rows} records, {done.backups_deleted} backups renewed, {done.exports_deleted} export "
          "files. The rest of the team gets the erasure at its next sync.")
    return EXIT_OK


def _log(args: argparse.Namespace) -> int:
    from fieldapp.domain.erasure import event_label, reason_label
    from fieldapp.services import erasure

    nb = lang() == "nb"
    with workspace(args, create=False) as ws:
        rows = erasure.log(ws)
    if args.json:
        print(json.dumps([r.__dict__ for r in rows], ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("Ingen slettinger." if nb else "No erasures.")
    language = "nb" if nb else "en"
    for r in rows:
        # The same labels as the app's erasure log (domain/erasure.py); --json keeps the codes.
        # Tab-separated, an empty field kept as "-" so every column stays in its place; the time is UTC.
        parts = (r.at, event_label(r.event, language), r.handle, r.device_id[:8],
                 reason_label(r.reason_code, language), str(r.count))
        print("\t".join(p or "-" for p in parts))
    return EXIT_OK
