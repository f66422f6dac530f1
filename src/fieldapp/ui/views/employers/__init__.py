"""The employers view."""
