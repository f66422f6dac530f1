"""Demo data: invented participants, employers, visits and agreements for trying the app."""
