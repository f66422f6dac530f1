"""Entry point of the `fieldapp` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import fieldapp
from fieldapp.cli.common import add_data_dir, run_guarded


class _VersionAction(argparse.Action):
    """--version, with the version looked up only when asked for (fieldapp.__version__ reads metadata)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest=dest, nargs=0, default=argparse.SUPPRESS,
                         help="vis versjon og avslutt / show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"fieldapp {fieldapp.__version__}")
        parser.exit()


def _app_parser() -> argparse.ArgumentParser:
    """The options of `fieldapp` itself (the desktop app), without the subcommands."""
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        description="Fieldapp – oppfølging av deltakere i arbeid (IPS / Supported Employment). "
        "Uten underkommando startes skrivebordsappen.",
    )
    parser.add_argument("--version", action=_VersionAction)
    add_data_dir(parser, subcommand=False)
    parser.add_argument("--smoke-test", action="store_true",
                        help="åpne hovedvinduet uten skjerm, skriv oppstartstid som JSON og avslutt / "
                             "open the main window offscreen, print start-up time as JSON and exit")
    return parser


def build_parser() -> argparse.ArgumentParser:
    # The subcommands load the storage layer when imported; the desktop app does not wait for that.
    from fieldapp.cli import (
        agreement_cmd, check_cmd, demo_cmd, erase_cmd, export_cmd, import_cmd, report_cmd, restore_cmd, sync_cmd,
    )

    parser = _app_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (demo_cmd, import_cmd, export_cmd, check_cmd, restore_cmd, agreement_cmd, sync_cmd, erase_cmd,
                   report_cmd):
        module.register(sub)
    return parser


def _only_app_options(argv: list[str]) -> bool:
    """True when `argv` holds nothing but `fieldapp`'s own options (no subcommand, help or unknown option)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--data-dir":
            i += 2
        elif arg.startswith("--data-dir=") or arg in ("--smoke-test", "--version", "--create"):
            i += 1
        else:
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `fieldapp` alone starts the desktop app without loading the subcommands (they load the storage layer).
    parser = _app_parser() if _only_app_options(argv) else build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "command", None) is None:
        from fieldapp.cli import app_cmd  # Qt is imported only when the app really starts

        return app_cmd.run(args)
    return run_guarded(args.func, args)
