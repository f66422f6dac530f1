"""Documents made from domain objects: the follow-up agreement PDF and its tamper-evident seal. No Qt, no SQL."""
