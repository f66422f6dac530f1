"""Sync errors carry a kind, so an auth failure, a conflict and an outage are handled differently."""

from __future__ import annotations

from fieldapp.domain.messages import DomainError, Message

# kinds: auth (stop, re-enroll) | pending (wait for approval) | too_old (update the app) |
# history (server's history differs; nothing is changed locally) | conflict (server refused a batch) |
# outage (network or server down; retry later) | paused (server asked to come back later) |
# keys (no usable team key) | protocol (the server answered something malformed) | setup (not enrolled, bad input) |
# trust (a key bundle that does not follow from the trusted one: needs attention) | gap (a batch of another
# device is missing; retried on the next run)


class SyncError(DomainError):
    def __init__(self, kind: str, message: Message, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.retry_after = retry_after


def sync_error(kind: str, code: str, nb: str, en: str, *, retry_after: float | None = None) -> SyncError:
    return SyncError(kind, Message(f"sync.{code}", nb, en), retry_after=retry_after)


def not_enrolled() -> SyncError:
    return sync_error("setup", "not_enrolled",
                      "Denne datamappen er ikke koblet til en synkroniseringsserver. Kjør «fieldapp enroll --server URL --code KODE».",
                      "This data folder is not enrolled with a sync server. Run 'fieldapp enroll --server URL --code CODE'.")


def auth_failed() -> SyncError:
    return sync_error("auth", "auth",
                      "Serveren godtar ikke denne enheten (ukjent eller tilbakekalt). Synkronisering er stoppet; "
                      "be administratoren om en ny registreringskode.",
                      "The server does not accept this device (unknown or revoked). Sync has stopped; "
                      "ask the administrator for a new enrollment code.")


def too_old(detail: str) -> SyncError:
    return sync_error("too_old", "too_old", f"Denne versjonen av Fieldapp er for gammel for serveren: oppdater Fieldapp. ({detail})",
                      f"This version of Fieldapp is too old for the server: update Fieldapp. ({detail})")


def outage(detail: str) -> SyncError:
    return sync_error("outage", "outage", f"Får ikke kontakt med synkroniseringsserveren ({detail}). Prøv igjen senere; "
                      "ingenting er tapt.",
                      f"Cannot reach the sync server ({detail}). Try again later; nothing is lost.")


def paused(seconds: float) -> SyncError:
    return sync_error("paused", "paused", f"Serveren er opptatt og ber om et nytt forsøk om {seconds:.0f} s.",
                      f"The server is busy and asks to retry in {seconds:.0f} s.", retry_after=seconds)


def protocol(detail: str) -> SyncError:
    return sync_error("protocol", "protocol", f"Serveren svarte noe uventet: {detail}",
                      f"The server sent an unexpected answer: {detail}")


def history(detail_nb: str, detail_en: str) -> SyncError:
    return sync_error("history", "history",
                      f"Serverens historikk stemmer ikke med denne enheten ({detail_nb}): feil adresse eller en server "
                      "gjenopprettet fra sikkerhetskopi? Ingen lokale data er endret eller slettet; kontakt administratoren.",
                      f"The server's history does not match this device ({detail_en}): a wrong address, or a server "
                      "restored from a backup? No local data was changed or deleted; contact the administrator.")


def pending(fingerprint: str) -> SyncError:
    return sync_error("pending", "pending",
                      f"Enheten venter på godkjenning. Be en annen enhet i teamet kjøre «fieldapp devices approve» "
                      f"og sjekke at fingeravtrykket er {fingerprint}.",
                      f"This device waits for approval. Ask another device of the team to run 'fieldapp devices approve' "
                      f"and check that the fingerprint is {fingerprint}.")


def untrusted_bundle(detail: str) -> SyncError:
    return sync_error("trust", "untrusted_bundle",
                      f"Serveren leverte teamnøkler som ikke kommer fra et medlem av teamet ({detail}). Nøklene er "
                      "IKKE tatt i bruk og ingenting er sendt med dem. Kontakt administratoren: serveren kan være "
                      "kompromittert.",
                      f"The server delivered team keys that do not come from a member of the team ({detail}). The "
                      "keys were NOT used and nothing was sent with them. Contact the administrator: the server may "
                      "be compromised.")


def batch_gap(device_id: str, seq: int) -> SyncError:
    return sync_error("gap", "batch_gap",
                      f"Endringspakke {seq} fra enhet {device_id} mangler hos serveren, men senere pakker fra samme "
                      "enhet finnes. Ingenting etter den er tatt inn; det prøves igjen ved neste synkronisering. "
                      "Vedvarer det, kontakt administratoren.",
                      f"Batch {seq} of device {device_id} is missing on the server although later batches of that "
                      "device are there. Nothing after it was taken in; it is tried again at the next sync. If this "
                      "persists, contact the administrator.")
