"""SQLCipher's own log kept off the user's terminal: our messages say what is wrong instead."""

from __future__ import annotations

_quietened = False


def quiet_sqlcipher_log() -> None:
    """SQLCipher writes its log (hundreds of lines for one damaged page) to stderr. The level is process-wide,
    so setting it on one connection quietens them all."""
    global _quietened
    if _quietened:
        return
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()
    _quietened = True
