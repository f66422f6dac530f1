"""Cooperation meetings: the meeting editor, its agreed items and the minutes."""
