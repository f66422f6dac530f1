"""The IPS fidelity self-assessment form."""
