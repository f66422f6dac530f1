"""The Today view: the day's visits, the rest of the week and overdue follow-ups."""
