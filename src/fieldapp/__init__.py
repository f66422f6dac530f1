"""Fieldapp: offline-first desktop app for job specialists."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("fieldapp")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
