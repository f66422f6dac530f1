"""About Fieldapp: version, data folder, licence."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from fieldapp import __version__
from fieldapp.ui.i18n import translate


def about_text(data_dir: Path) -> str:
    purpose = translate("About", "Follow-up of participants in ordinary work (IPS and Supported Employment): "
                                 "mapping, visits and follow-up agreements, offline.")
    folder = translate("About", "Data folder:")
    key = translate("About", "The database is encrypted; its key is kept in the system keyring.")
    return (f"<h2>Fieldapp {escape(__version__)}</h2><p>{purpose}</p>"
            f"<p>{folder} <code>{escape(str(data_dir))}</code><br>{key}</p>")


def show_about(parent: QWidget, data_dir: Path) -> None:
    QMessageBox.about(parent, translate("About", "About Fieldapp"), about_text(data_dir))
