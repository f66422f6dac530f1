"""End-to-end encrypted sync: wire protocol, crypto, device and team keys, transport and the engine. No Qt."""
