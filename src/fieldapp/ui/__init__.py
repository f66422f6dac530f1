"""The desktop app (PySide6): main window, views per feature, table models, widgets and background tasks."""
