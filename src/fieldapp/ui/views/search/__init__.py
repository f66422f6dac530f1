"""The search results view."""
