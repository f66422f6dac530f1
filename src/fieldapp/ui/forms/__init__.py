"""Dialogs that add and edit records; each marks invalid input at its field with the domain's message."""
