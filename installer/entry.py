"""PyInstaller entry point: the same `fieldapp` command as the console script `fieldapp.cli.main:main`.

Without arguments it starts the desktop app; every subcommand (demo, agreement, sync, …) and
`--smoke-test` work in the bundle exactly as in a venv.
"""

import multiprocessing
import sys

from fieldapp.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless when unused; needed if a library ever starts a child process
    sys.exit(main())
