"""Fieldapp: offline-first desktop app for job specialists."""

import time
from importlib.metadata import PackageNotFoundError, version

# When the process started running Fieldapp code: the smoke test reports start-up time from here.
STARTED_AT = time.perf_counter()

try:
    __version__ = version("fieldapp")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
