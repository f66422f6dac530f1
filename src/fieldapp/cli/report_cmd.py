"""`fieldapp report`: the period report (counts only) as PDF or .xlsx."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from fieldapp.cli.common import EXIT_OK, add_data_dir, error, lang, workspace


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ugyldig dato «{text}», bruk ÅÅÅÅ-MM-DD / invalid date '{text}', "
                                         "use YYYY-MM-DD") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="perioderapport som PDF eller .xlsx / period report as PDF or .xlsx")
    add_data_dir(p)
    p.add_argument("--from", dest="start", type=_day, required=True, help="første dag (ÅÅÅÅ-MM-DD)")
    p.add_argument("--to", dest="end", type=_day, required=True, help="siste dag (ÅÅÅÅ-MM-DD)")
    p.add_argument("--out", type=Path, required=True, help="fil som skal skrives: .pdf eller .xlsx")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fieldapp.domain.outcomes.inputs import Period
    from fieldapp.services.reports import write_report

    if args.end < args.start:
        return error("--to er før --from / --to is before --from")
    with workspace(args) as ws:
        write_report(ws, Period(args.start, args.end), args.out)
    print(f"{'Skrev' if lang() == 'nb' else 'Wrote'} {args.out}")
    return EXIT_OK
