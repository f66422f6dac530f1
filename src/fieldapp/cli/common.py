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


def add_data_dir(parser: argparse.ArgumentParser, *, subcommand: bool = True, create: bool = True) -> None:
    """Accept --data-dir both before and after the subcommand name."""
    parser.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS if subcommand else None,
        help=f"data folder (default: {paths.default_data_dir()})",
    )
    if create:
        parser.add_argument("--create", action="store_true", default=argparse.SUPPRESS if subcommand else False,
                            help="lag datamappen hvis den ikke finnes / make the data folder if there is none")


def workspace(args: argparse.Namespace, *, create: bool | None = None) -> Workspace:
    """Open the data folder of --data-dir. It is made only when `create` (or --create) says so: a typo in
    --data-dir must not give an empty folder that looks like a lost caseload."""
    from fieldapp.services.workspace import open_workspace  # loads the storage layer: not for `fieldapp` alone
    from fieldapp.storage.engine import on_busy

    if not _busy_listener_installed:
        on_busy(_say_waiting)
        _set_busy_listener_installed()
    return open_workspace(getattr(args, "data_dir", None),
                          create=create if create is not None else bool(getattr(args, "create", False)))


_busy_listener_installed = False


def _set_busy_listener_installed() -> None:
    global _busy_listener_installed
    _busy_listener_installed = True


def _say_waiting(waiting: bool) -> None:
    from fieldapp.storage.faults import WAITING_EN, WAITING_NB

    if waiting:
        print(f"fieldapp: {WAITING_EN if lang() == 'en' else WAITING_NB}", file=sys.stderr, flush=True)


def error(text: str) -> int:
    print(f"fieldapp: {text}", file=sys.stderr)
    return EXIT_ERROR


def run_guarded(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Known errors become one clear message on stderr and exit 2; anything else is a bug and shows its traceback."""
    try:
        return func(args)
    except ValidationFailed as exc:
        return error(exc.text(lang()))
    except DomainError as exc:
        return error(exc.text(lang()))
    except OSError as exc:
        from fieldapp.storage.faults import from_os_error

        fault = from_os_error(exc)
        if fault is not None:
            return error(fault.text(lang()))
        return error(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
    except Exception as exc:
        known = _known_database_fault(exc, args)
        if known is None:
            raise
        return error(known.text(lang()))


def _known_database_fault(exc: Exception, args: argparse.Namespace) -> DomainError | None:
    """An SQLite error that reached the command unmapped (a locked, full or damaged database) as the user's message."""
    from fieldapp.storage.datafolder import known_database_fault

    data_dir = getattr(args, "data_dir", None) or paths.default_data_dir()
    return known_database_fault(exc, paths.database_file(Path(data_dir)))
