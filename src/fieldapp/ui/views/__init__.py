"""One package per screen of the main window."""
