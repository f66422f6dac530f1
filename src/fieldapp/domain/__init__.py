"""Domain rules and value types: validation, agreement content and status, clocks. No Qt, no SQL."""
