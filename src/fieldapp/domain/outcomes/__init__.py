"""Caseload, outcome and IPS fidelity figures: pure functions over plain inputs (no Qt, no SQL)."""
