"""Start the desktop app (Qt is imported only here)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from fieldapp.ui.app import run_app

    return run_app(data_dir=args.data_dir, smoke_test=args.smoke_test, create=bool(getattr(args, "create", False)))
