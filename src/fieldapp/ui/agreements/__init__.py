"""Follow-up agreements in the app: editor, lifecycle, signature pad, preview and printing, history, PDF check."""
