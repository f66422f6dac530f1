"""The agreements view (a placeholder until the agreement screens are built)."""
