"""The device's seal key: an EC P-256 key and a self-signed certificate, made on first use and kept only
in the OS keyring (through storage.keystore, which refuses plaintext and null keyring backends).

On an enrolled device the certificate carries an endorsement: the device's sync identity (Ed25519) signs
the device id and the seal public key, so anyone holding the team's roster can tell which member device
made a seal, and a certificate nobody in the team endorsed is refused."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID, ObjectIdentifier

from fieldapp.storage import keystore

SERVICE = "no.fieldapp.seal"
CERT_YEARS = 30  # a sealed agreement must stay checkable for as long as the records are kept
# A private-use OID for the endorsement extension (device id and an Ed25519 signature); non-critical, so
# other PDF readers ignore it.
ENDORSEMENT_OID = ObjectIdentifier("1.3.6.1.4.1.99999.7.1")
# Signs a message with the device's identity key (supplied by the caller: documents do not know sync).
Endorse = Callable[[bytes], bytes]


def endorsement_message(device_id: str, public_key_der: bytes) -> bytes:
    return b"fieldapp-seal-endorsement-v1\0" + device_id.encode() + b"\0" + public_key_der


def _spki(key: ec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


@dataclass(frozen=True)
class Endorsement:
    """Who endorsed a seal certificate: the device id, the signed message and the Ed25519 signature."""

    device_id: str
    message: bytes
    signature: bytes


def read_endorsement(certificate: x509.Certificate) -> Endorsement | None:
    try:
        found = certificate.extensions.get_extension_for_oid(ENDORSEMENT_OID).value
    except x509.ExtensionNotFound:
        return None
    if not isinstance(found, x509.UnrecognizedExtension):
        return None
    raw = found.value
    # DER OCTET STRING (short form) holding 36 characters of device id and a 64-byte signature.
    if len(raw) != 102 or raw[:2] != b"\x04\x64":
        return None
    device_id = raw[2:38].decode("ascii", "replace")
    public = certificate.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey):
        return None
    return Endorsement(device_id, endorsement_message(device_id, _spki(public)), raw[38:])


def read_endorsement_der(cert_der: bytes) -> Endorsement | None:
    try:
        return read_endorsement(x509.load_der_x509_certificate(cert_der))
    except ValueError:
        return None


@dataclass(frozen=True)
class SealKey:
    device_id: str
    private_key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    _signer: list[Any] = field(default_factory=list, repr=False, compare=False)

    @property
    def subject(self) -> str:
        # A common name is a string; only a few attribute kinds (not this one) hold bytes.
        return cast(str, self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value)

    def cert_der(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.DER)

    def signer(self) -> Any:
        """pyHanko's SimpleSigner for this key, built once (building it is most of a signature's cost)."""
        if not self._signer:
            from asn1crypto import keys as asn1_keys
            from asn1crypto import x509 as asn1_x509
            from pyhanko.sign import signers
            from pyhanko_certvalidator.registry import SimpleCertificateStore

            cert = asn1_x509.Certificate.load(self.cert_der())
            key = asn1_keys.PrivateKeyInfo.load(self.private_key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
            self._signer.append(signers.SimpleSigner(
                signing_cert=cert, signing_key=key, cert_registry=SimpleCertificateStore.from_certs([cert])))
        return self._signer[0]


def _entry(device_id: str) -> str:
    if not re.fullmatch(r"[0-9a-f-]{36}", device_id):
        raise ValueError(f"bad device id {device_id!r}")
    return f"device:{device_id}"


def generate(device_id: str, *, now: datetime | None = None, endorse: Endorse | None = None) -> SealKey:
    now = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"Fieldapp device {device_id}"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Fieldapp")])
    builder = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365 * CERT_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if endorse is not None:
        signature = endorse(endorsement_message(device_id, _spki(key.public_key())))
        value = b"\x04\x64" + device_id.encode("ascii") + signature
        builder = builder.add_extension(x509.UnrecognizedExtension(ENDORSEMENT_OID, value), critical=False)
    return SealKey(device_id, key, builder.sign(key, hashes.SHA256()))


def _dump(seal_key: SealKey) -> str:
    pem_key = seal_key.private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()).decode("ascii")
    pem_cert = seal_key.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")
    return json.dumps({"key": pem_key, "cert": pem_cert})


def _load(device_id: str, stored: str) -> SealKey:
    data = json.loads(stored)
    key = serialization.load_pem_private_key(data["key"].encode("ascii"), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError("the stored seal key is not an EC key")
    return SealKey(device_id, key, x509.load_pem_x509_certificate(data["cert"].encode("ascii")))


_cache: dict[str, tuple[str, SealKey]] = {}
_lock = threading.Lock()


def device_seal_key(device_id: str, *, endorse: Endorse | None = None,
                    endorsed: Callable[[SealKey], bool] | None = None) -> SealKey:
    """This device's seal key from the keyring, created there on first use. Raises KeyringUnavailable.

    With `endorse` (an enrolled device), a stored key whose certificate `endorsed` does not accept (made
    before enrollment, or under an older identity) is replaced by a new, endorsed one; copies sealed with
    the old key stay verifiable by their stored digest on this device."""
    with _lock:
        # The keyring stays the source of truth; the cache only saves parsing the key again.
        stored = keystore.read_secret(SERVICE, _entry(device_id))
        cached = _cache.get(device_id)
        if cached is not None and stored == cached[0] and (endorsed is None or endorsed(cached[1])):
            return cached[1]
        seal_key = _load(device_id, stored) if stored is not None else None
        if seal_key is None or (endorse is not None and endorsed is not None and not endorsed(seal_key)):
            seal_key = generate(device_id, endorse=endorse)
            stored = _dump(seal_key)
            keystore.write_secret(SERVICE, _entry(device_id), stored)
        assert stored is not None
        _cache[device_id] = (stored, seal_key)
        return seal_key


def forget_cached_keys() -> None:
    with _lock:
        _cache.clear()
