"""Test support code (keyring backends, data builders)."""
