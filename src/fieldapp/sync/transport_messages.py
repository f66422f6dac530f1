"""Messages for what only the transport can tell apart: not a Fieldapp server, no TLS, server full, no answer."""

from __future__ import annotations

from fieldapp.sync import errors


def not_fieldapp(url: str, status: int | None) -> errors.SyncError:
    answer = f" (HTTP {status})" if status is not None else ""
    return errors.sync_error(
        "setup", "not_fieldapp",
        f"Adressen {url} svarer{answer}, men det er ikke en Fieldapp-synkroniseringsserver. Sjekk adressen "
        "du fikk av administratoren.",
        f"The address {url} answers{answer}, but it is not a Fieldapp sync server. Check the address the "
        "administrator gave you.")


def tls_failed(url: str) -> errors.SyncError:
    return errors.sync_error(
        "setup", "tls_failed",
        f"Fikk ingen sikker forbindelse med {url}: serverens sertifikat er ikke godkjent på denne maskinen, eller "
        "adressen svarer ikke med https. Ingenting ble sendt. Sjekk adressen; bruker serveren et eget sertifikat, "
        "be administratoren om fingeravtrykket (fieldapp enroll --pin-sha256).",
        f"No secure connection to {url}: the server's certificate is not trusted on this computer, or the "
        "address does not answer with https. Nothing was sent. Check the address; if the server uses its own "
        "certificate, ask the administrator for its fingerprint (fieldapp enroll --pin-sha256).")


def server_full() -> errors.SyncError:
    return errors.sync_error(
        "outage", "server_full",
        "Synkroniseringsserveren har ikke mer lagringsplass. Ingenting er tapt: endringene blir liggende på denne "
        "enheten til administratoren har frigjort plass.",
        "The sync server has run out of storage space. Nothing is lost: the changes stay on this device until the "
        "administrator has made room.")


def no_answer(seconds: float) -> errors.SyncError:
    seconds = max(seconds, 1.0)
    return errors.sync_error(
        "outage", "no_answer",
        f"Synkroniseringsserveren svarte ikke innen {seconds:.0f} s. Prøv igjen senere; ingenting er tapt.",
        f"The sync server did not answer within {seconds:.0f} s. Try again later; nothing is lost.")


def answer_too_large(limit: int) -> errors.SyncError:
    return errors.sync_error(
        "protocol", "answer_too_large",
        f"Serveren sendte et svar større enn {limit // (1024 * 1024)} MiB, som Fieldapp ikke tar imot. Be "
        "administratoren sjekke serverens grenser (docs/server-deployment.md).",
        f"The server sent an answer larger than {limit // (1024 * 1024)} MiB, which Fieldapp does not accept. Ask "
        "the administrator to check the server's limits (docs/server-deployment.md).")


def pin_mismatch(url: str, pin: str, actual: str) -> errors.SyncError:
    return errors.sync_error(
        "setup", "pin_mismatch",
        f"Serveren {url} viser et annet sertifikat enn det som ble låst ved registreringen (forventet SHA-256 "
        f"{pin[:16]}…, fikk {actual[:16]}…). Ingenting ble sendt. Noen kan utgi seg for serveren; kontakt "
        "administratoren.",
        f"The server {url} shows a different certificate than the one pinned at enrollment (expected SHA-256 "
        f"{pin[:16]}…, got {actual[:16]}…). Nothing was sent. Someone may be posing as the server; contact the "
        "administrator.")
