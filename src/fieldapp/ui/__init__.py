"""The desktop app (PySide6). Talks to storage and sync only through `fieldapp.services`."""

from fieldapp.ui.qt_workarounds import protect_singletons

protect_singletons()
