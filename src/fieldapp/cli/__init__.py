"""Command line: `fieldapp` with subcommands for admins and scripts (no subcommand starts the app)."""
