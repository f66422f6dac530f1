"""Entry point of the `fieldapp` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from fieldapp import __version__
from fieldapp.cli import agreement_cmd, check_cmd, demo_cmd, export_cmd, import_cmd, sync_cmd
from fieldapp.cli.common import add_data_dir, run_guarded

COMMANDS = (demo_cmd, import_cmd, export_cmd, check_cmd, agreement_cmd, sync_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        description="Fieldapp – oppfølging av deltakere i arbeid (IPS / Supported Employment). "
        "Uten underkommando startes skrivebordsappen.",
    )
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    add_data_dir(parser, subcommand=False)
    parser.add_argument("--smoke-test", action="store_true",
                        help="åpne hovedvinduet uten skjerm, skriv oppstartstid som JSON og avslutt / "
                             "open the main window offscreen, print start-up time as JSON and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from fieldapp.cli import app_cmd  # Qt is imported only when the app really starts

        return app_cmd.run(args)
    return run_guarded(args.func, args)


if __name__ == "__main__":
    sys.exit(main())
