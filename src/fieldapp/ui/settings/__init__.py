"""Parts of the Settings dialog that hold the office's settings, kept with the data folder."""
