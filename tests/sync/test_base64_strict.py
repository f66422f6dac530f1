"""Blobs and sealed values are decoded with pybase64 (SIMD): it must accept and refuse exactly what the
standard library's strict decoder does, or a hostile server could get past a check the old decoder made."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.sync.change_sets import Malformed, dec_value
from fieldapp.sync.protocol import ProtocolError, b64d

_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="


def _stdlib(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return None


def _ours(text: str) -> bytes | None:
    try:
        return b64d(text, "blob")
    except ProtocolError:
        return None


def _excess_padding(text: str) -> bool:
    """Whole groups followed only by "=": CPython's strict decoder took this until 3.13 (gh-118314)."""
    core = text.rstrip("=")
    return core != text and len(core) % 4 == 0 and "=" not in core


@given(st.one_of(st.binary(max_size=300).map(lambda b: base64.b64encode(b).decode()),
                 st.text(alphabet=_ALPHABET + " \n-_!æ\x00", max_size=40)))
def test_blobs_decode_exactly_as_the_strict_standard_decoder(text: str) -> None:
    """Never more than the standard library accepts, and the same bytes; less only for excess padding."""
    ours, theirs = _ours(text), _stdlib(text)
    if ours is None and theirs is not None:
        assert _excess_padding(text), text
    else:
        assert ours == theirs


@pytest.mark.parametrize("text", ["0000=", "AAAA==", "AAAAAAAA===", "AA==", "AAA=", "AAAA"])
def test_padding_after_a_whole_group_is_refused_and_padding_that_belongs_is_not(text: str) -> None:
    assert (_ours(text) is None) == _excess_padding(text)
    if not _excess_padding(text):
        assert _ours(text) == _stdlib(text)


@given(st.binary(max_size=300), st.text(alphabet=_ALPHABET + " \n", max_size=12))
def test_sealed_values_decode_as_the_standard_decoder(data: bytes, noise: str) -> None:
    text = base64.b64encode(data).decode()
    assert dec_value({"$b": text}) == data
    try:
        expected: bytes | None = base64.b64decode(noise + text)
    except ValueError:
        expected = None
    try:
        got: bytes | None = dec_value({"$b": noise + text})
    except ValueError:
        got = None
    assert got == expected


@pytest.mark.parametrize("text", ["aGVsbG8", "aGVs bG8=", "aGVsbG8=\n", "aGVsbG8!", "æøå=", "YQ==YQ=="])
def test_a_blob_that_is_not_strict_base64_is_refused(text: str) -> None:
    with pytest.raises(ProtocolError, match="not valid base64"):
        b64d(text, "blob")


def test_a_sealed_value_that_is_no_base64_text_is_malformed() -> None:
    with pytest.raises(Malformed):
        dec_value({"$b": 12})


@pytest.mark.parametrize(("text", "expected"), [("AA==YQ==", b"\x00"), ("YQ==x", b"a"), ("YW Jj\n", b"abc"),
                                               ("YWJj", b"abc")])
def test_a_sealed_value_not_written_canonically_decodes_as_before(text: str, expected: bytes) -> None:
    """Only canonical base64 takes the fast decoder; anything else is decoded by the standard library, as it was."""
    assert base64.b64decode(text) == expected
    assert dec_value({"$b": text}) == expected


@pytest.mark.parametrize("text", ["YQ", "YQ=", "æøå", "Y"])
def test_a_sealed_value_that_is_not_base64_is_malformed_not_a_crash(text: str) -> None:
    """The batch holding it is refused (decode_payload turns Malformed into CryptoError), the pull goes on."""
    with pytest.raises(Malformed, match="not base64"):
        dec_value({"$b": text})
