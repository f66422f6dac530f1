"""A sync server's address as stored: the URL with its transport options (pin, plain HTTP), and the rule for plain HTTP."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from fieldapp.sync import errors

INSECURE_OPTION = "allow-insecure-http"
PIN_OPTION = "pin-sha256"


@dataclass(frozen=True)
class ServerAddress:
    """A server URL as the user gave it, with the options kept in its fragment (#pin-sha256=…&allow-insecure-http):
    the options travel with the stored address, so every later sync applies the choice made at enrollment."""

    base_url: str
    pin_sha256: str | None = None
    allow_insecure_http: bool = False


def parse_address(url: str) -> ServerAddress:
    try:
        parts = urlsplit(url.strip())
        hostname = parts.hostname
        _ = parts.port  # checked here: a port that is no number, or past 65535, is refused with the address
    except ValueError as exc:  # an unclosed [IPv6 address], one that is not an address, or a bad port
        raise _bad_address(url) from exc
    if parts.scheme not in ("http", "https") or not hostname:
        raise _bad_address(url)
    pin: str | None = None
    insecure = False
    for item in filter(None, parts.fragment.split("&")):
        name, _, value = item.partition("=")
        if name == PIN_OPTION:
            pin = normalise_pin(value)
        elif name == INSECURE_OPTION:
            insecure = True
        else:
            raise _bad_address(url)
    base = urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")).rstrip("/")
    return ServerAddress(base, pin, insecure)


def with_options(url: str, *, pin_sha256: str | None = None, allow_insecure_http: bool = False) -> str:
    """The address to store: the URL with the chosen transport options in its fragment."""
    address = parse_address(url)
    pin = normalise_pin(pin_sha256) if pin_sha256 else address.pin_sha256
    options = []
    if pin:
        options.append(f"{PIN_OPTION}={pin}")
    if allow_insecure_http or address.allow_insecure_http:
        options.append(INSECURE_OPTION)
    return address.base_url + ("#" + "&".join(options) if options else "")


def normalise_pin(value: str) -> str:
    digits = value.replace(":", "").replace(" ", "").lower()
    if len(digits) != 64 or any(c not in "0123456789abcdef" for c in digits):
        raise errors.sync_error(
            "setup", "bad_pin",
            "Sertifikatets fingeravtrykk må være SHA-256 i heksadesimal (64 tegn, kolon er lov).",
            "The certificate fingerprint must be SHA-256 in hexadecimal (64 digits, colons allowed).")
    return digits


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_address(address: ServerAddress) -> None:
    """Plain http:// is refused except to this computer (development) or when explicitly allowed."""
    parts = urlsplit(address.base_url)
    if parts.scheme == "https" or address.allow_insecure_http or is_loopback(parts.hostname or ""):
        return
    raise errors.sync_error(
        "setup", "insecure_url",
        f"Adressen {address.base_url} bruker ukryptert http://. Registreringskoden og enhetens nøkkel ville gått i "
        "klartekst over nettet, så Fieldapp kobler ikke til. Bruk https:// (spør administratoren). Bare på et "
        "lukket nett man stoler på: «fieldapp enroll --allow-insecure-http», eller FIELDAPP_ALLOW_INSECURE_HTTP=1 "
        "for en enhet som alt er registrert (se docs/server-deployment.md).",
        f"The address {address.base_url} uses unencrypted http://. The enrollment code and this device's token "
        "would cross the network in cleartext, so Fieldapp does not connect. Use https:// (ask the administrator). "
        "Only on a closed, trusted network: 'fieldapp enroll --allow-insecure-http', or "
        "FIELDAPP_ALLOW_INSECURE_HTTP=1 for a device already enrolled (see docs/server-deployment.md).")


def _bad_address(url: str) -> errors.SyncError:
    shown = url if len(url) <= 200 else url[:200] + "…"
    return errors.sync_error("setup", "bad_url", f"«{shown}» er ikke en gyldig serveradresse (https://…).",
                             f"'{shown}' is not a valid server address (https://…).")
