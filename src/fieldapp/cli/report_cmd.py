"""`fieldapp report`: the period report (counts only) as PDF or .xlsx."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from fieldapp.cli.common import EXIT_OK, add_data_dir, error, lang, workspace
from fieldapp.domain.pre_job_cadence import DEFAULT_INTERVAL_DAYS


def _day(text: str) -> date:
    from fieldapp.domain.outcomes.inputs import EARLIEST_DAY, LATEST_DAY

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ugyldig dato «{text}», bruk ÅÅÅÅ-MM-DD / invalid date '{text}', "
                                         "use YYYY-MM-DD") from None
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise argparse.ArgumentTypeError(
            f"datoen «{text}» er utenfor det rapporten kan regne med ({EARLIEST_DAY} til {LATEST_DAY}) / "
            f"the date '{text}' is outside what the report can count ({EARLIEST_DAY} to {LATEST_DAY})")
    return day


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report", help="perioderapport som PDF eller .xlsx / period report as PDF or .xlsx",
        description="Perioderapport som PDF eller .xlsx. Forfalt oppfølging før jobb regnes med standardintervallet "
                    f"({DEFAULT_INTERVAL_DAYS} dager), ikke innstillingen i appen; lag rapporten fra Oversikt i appen "
                    "for å bruke din innstilling. / Period report as PDF or .xlsx. Overdue follow-up before a job "
                    f"is counted by the default interval ({DEFAULT_INTERVAL_DAYS} days), not the app's setting; "
                    "save the report from the app's Overview to use your setting.")
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
