"""The small API the UI and the command line call: open a workspace, read and write records.

Nothing here runs SQL; it validates with the domain rules and delegates to storage.
"""
