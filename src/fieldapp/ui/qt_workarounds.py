"""Work-arounds for bugs in the Qt bindings, applied once when the UI package is imported.

PySide6 6.12.0 (shiboken6 6.12.0) on CPython 3.11 and older releases one reference to None too many
on every call of a void Qt method from Python (`label.setText`, `widget.update`, ...) and every None
a Python override returns to C++. After a few thousand calls None's reference count reaches zero and
the interpreter aborts with "none_dealloc: deallocating None". CPython 3.12 made None immortal, so the
bug is harmless there. The same happens to True and False (returned by overrides such as event
handlers and slots; "bool_dealloc" at exit). On older CPython we give these three singletons the
same protection: a reference count so large that no run of the app can use it up. This must happen before any other thread exists (it is a plain
read-modify-write of the count), which is why it runs at import of `fieldapp.ui`.
"""

from __future__ import annotations

import ctypes
import sys

PROTECTION = 1 << 48


def protect_singletons() -> bool:
    """Make None, True and False effectively immortal on CPython < 3.12; returns whether anything changed."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    changed = False
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < PROTECTION:
            refcount.value += PROTECTION
            changed = True
    return changed
