"""The team: job specialists, who is responsible for each participant, and handovers."""
