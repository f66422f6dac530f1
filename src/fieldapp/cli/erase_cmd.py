"""`fieldapp erase --list-due`: participants whose retention period has run out (read-only: erases nothing)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from fieldapp.cli.common import EXIT_OK, add_data_dir, lang, workspace


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ugyldig dato / invalid date: {text} (YYYY-MM-DD)") from exc


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("erase", help="sletting og oppbevaringstid / erasure and retention")
    add_data_dir(p)
    # The erasure of one participant (--participant ID --reason TEXT) joins this group.
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--list-due", action="store_true",
                      help="vis deltakere der oppbevaringstiden er ute (sletter ingenting) / "
                           "list participants whose retention has run out (erases nothing)")
    p.add_argument("--years", type=int, help="oppbevaringstid i år (standard: kontorets innstilling) / "
                                             "retention period in years (default: the office's setting)")
    p.add_argument("--today", type=_day, help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true", help="skriv listen som JSON / print the list as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
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
