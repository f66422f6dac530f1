"""Sync in the app: background worker, status, set-up, conflicts and devices."""
