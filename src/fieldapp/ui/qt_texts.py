"""Qt's own texts on standard buttons, translated with the app's translations.

Qt ships no bokmål translation of its own (qtbase_nb), so "Close", "Cancel", "&Yes" … on standard buttons
of dialogs and message boxes would stay English. Qt looks them up in the contexts below; listing them here
lets lupdate put them in fieldapp_nb.ts, where they are translated like the app's own texts. Nothing calls
this function: lupdate reads it.
"""

from __future__ import annotations

from fieldapp.ui.i18n import translate


def _for_lupdate() -> None:  # pragma: no cover - read by lupdate, never run
    # The generic theme (Windows, macOS dialogs, X11 without a desktop theme, offscreen).
    for _ in (translate("QPlatformTheme", "OK"), translate("QPlatformTheme", "Save"),
              translate("QPlatformTheme", "Save All"), translate("QPlatformTheme", "Open"),
              translate("QPlatformTheme", "&Yes"), translate("QPlatformTheme", "Yes to &All"),
              translate("QPlatformTheme", "&No"), translate("QPlatformTheme", "N&o to All"),
              translate("QPlatformTheme", "Abort"), translate("QPlatformTheme", "Retry"),
              translate("QPlatformTheme", "Ignore"), translate("QPlatformTheme", "Close"),
              translate("QPlatformTheme", "Cancel"), translate("QPlatformTheme", "Discard"),
              translate("QPlatformTheme", "Help"), translate("QPlatformTheme", "Apply"),
              translate("QPlatformTheme", "Reset"), translate("QPlatformTheme", "Restore Defaults"),
              # GNOME's theme (Qt on a GNOME desktop).
              translate("QGnomeTheme", "&OK"), translate("QGnomeTheme", "&Save"), translate("QGnomeTheme", "&Cancel"),
              translate("QGnomeTheme", "&Close"), translate("QGnomeTheme", "Close without Saving")):
        pass
