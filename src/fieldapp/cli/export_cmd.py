"""`fieldapp export`: everything, or one participant's data, as documented JSON."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp.cli.common import EXIT_OK, add_data_dir, lang, workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="eksporter data som JSON / export data as JSON")
    add_data_dir(p)
    p.add_argument("--out", type=Path, required=True, help="JSON-fil som skal skrives")
    p.add_argument("--participant", metavar="ID", help="bare denne deltakerens data (innsyn)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fieldapp.services.exporting import write_export

    with workspace(args) as ws:
        counts = write_export(ws, args.out, participant_id=args.participant)
    summary = ", ".join(f"{table} {n}" for table, n in counts.items())
    print(f"{'Skrev' if lang() == 'nb' else 'Wrote'} {args.out}: {summary}")
    return EXIT_OK
