"""`fieldapp demo`: fill a data folder with invented demo data."""

from __future__ import annotations

import argparse
import sys
import time

from fieldapp.cli.common import EXIT_OK, add_data_dir, error, lang, workspace
from fieldapp.domain.messages import DomainError, Message


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="fyll datamappen med oppdiktede demodata / fill the folder with demo data")
    add_data_dir(p)
    p.add_argument("--participants", type=int, default=30, help="antall deltakere (standard 30)")
    p.add_argument("--visits-per-participant", type=int, default=10)
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fieldapp.demo.generate import generate

    if args.participants < 1:
        return error("--participants må være minst 1" if lang() == "nb" else "--participants must be at least 1")
    if args.visits_per_participant < 0:
        return error("--visits-per-participant kan ikke være negativt" if lang() == "nb"
                     else "--visits-per-participant cannot be negative")
    started = time.perf_counter()
    with workspace(args, create=True) as ws:  # demo is an explicit first start
        def progress(done: int, total: int) -> None:
            if total >= 1000:
                print(f"  {done}/{total}", file=sys.stderr, flush=True)

        try:
            s = generate(ws, participants=args.participants, seed=args.seed,
                         visits_per_participant=args.visits_per_participant, progress=progress)
        except DomainError as exc:
            # The demo is saved in several transactions: the fault undid only the one it stopped.
            raise DomainError(Message(
                exc.code,
                exc.text("nb") + " Demodataene ble bare delvis lagret: det som kom inn før feilen, er der fortsatt. "
                "Bruk en tom datamappe når du prøver igjen.",
                exc.text("en") + " The demo data was only partly saved: what went in before the fault is still "
                "there. Use an empty data folder when you try again.")) from exc
    secs = time.perf_counter() - started
    statuses = ", ".join(f"{k} {v}" for k, v in sorted((s.statuses or {}).items()))
    if lang() == "en":
        print(f"Demo data: {s.participants} participants, {s.employers} employers, {s.placements} placements, "
              f"{s.visits} visits, {s.agreements} agreements ({statuses}) in {secs:.1f} s.")
    else:
        print(f"Demodata: {s.participants} deltakere, {s.employers} arbeidsgivere, {s.placements} arbeidsforhold, "
              f"{s.visits} besøk, {s.agreements} avtaler ({statuses}) på {secs:.1f} s.")
    return EXIT_OK
