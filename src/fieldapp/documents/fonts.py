"""The embedded fonts (DejaVu Sans, shipped in resources/fonts with its licence), registered once with reportlab."""

from __future__ import annotations

import threading
from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "FieldappSans"
BOLD = "FieldappSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def font_path(filename: str) -> str:
    return str(resources.files("fieldapp").joinpath("resources", "fonts", filename))


def register_fonts() -> None:
    """Idempotent and thread-safe: the PDF is rendered from a worker thread in the app."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, font_path(filename)))
        # <b> inside a Paragraph picks the bold face.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        _registered = True
