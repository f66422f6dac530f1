"""Fieldapp: offline-first desktop app for job specialists."""

import time

# When the process started running Fieldapp code: the smoke test reports start-up time from here.
STARTED_AT = time.perf_counter()


def __getattr__(name: str) -> str:
    # The version comes from the installed package's metadata, read when first asked for: importing
    # importlib.metadata and finding the distribution costs tens of milliseconds the app's start need not wait on.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("fieldapp")
        except PackageNotFoundError:  # running from a source tree that is not installed
            found = "0.0.0+source"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module 'fieldapp' has no attribute {name!r}")
