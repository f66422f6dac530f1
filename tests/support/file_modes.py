"""Reading a file's permission bits, and a umask that hides nothing, for the tests of owner-only files."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most permissive umask: whatever is written is as open as the code lets it be."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)
