"""Qt item models over the rows services return; testable without any view."""
