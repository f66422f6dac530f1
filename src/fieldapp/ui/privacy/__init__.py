"""Privacy in the UI: the access log, masked fødselsnummer, the lock, consent warnings."""
