"""Icons: SVG files in resources/icons, drawn sharp at any scale."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from fieldapp import paths


def icons_dir():
    return paths.resources_dir() / "icons"


@cache
def icon(name: str) -> QIcon:
    path = icons_dir() / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def app_icon() -> QIcon:
    return icon("fieldapp")
