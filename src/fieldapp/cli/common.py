"""What every subcommand shares: --data-dir, opening the workspace, and reporting known errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from fieldapp import paths
from fieldapp.domain.messages import DomainError, ValidationFailed

if TYPE_CHECKING:
    from fieldapp.services.workspace import Workspace

EXIT_OK = 0
EXIT_FAILED = 1   # the command ran and found a problem (e.g. check found damage)
EXIT_ERROR = 2    # the command could not do what was asked (bad input, no keyring, ...)


def lang() -> str:
    """Messages in bokmål unless FIELDAPP_LANG=en."""
    return "en" if os.environ.get("FIELDAPP_LANG", "nb").lower().startswith("en") else "nb"


def add_data_dir(parser: argparse.ArgumentParser, *, subcommand: bool = True) -> None:
    """Accept --data-dir both before and after the subcommand name."""
    parser.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS if subcommand else None,
        help=f"data folder (default: {paths.default_data_dir()})",
    )


def workspace(args: argparse.Namespace) -> Workspace:
    from fieldapp.services.workspace import open_workspace  # loads the storage layer: not for `fieldapp` alone

    return open_workspace(args.data_dir)


def error(text: str) -> int:
    print(f"fieldapp: {text}", file=sys.stderr)
    return EXIT_ERROR


def run_guarded(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Known errors become one clear line on stderr and exit 2; anything else is a bug and shows its traceback."""
    try:
        return func(args)
    except ValidationFailed as exc:
        return error(exc.text(lang()))
    except DomainError as exc:
        return error(exc.text(lang()))
    except OSError as exc:
        return error(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
