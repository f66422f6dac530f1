"""The sync server (`fieldapp-server`): stores encrypted change batches and routes them between a team's devices.

It never sees plaintext and never imports the client's storage, services, UI or crypto modules.
"""
