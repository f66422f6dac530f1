"""Tests for the bilingual Message type and the exceptions that carry messages."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from fieldapp.domain.messages import DomainError, FieldError, Message, ValidationFailed

SIGNED = Message("version.signed", "En signert versjon kan ikke endres.", "A signed version cannot be changed.")
MISSING = Message("required", "Dette feltet må fylles ut.", "This field is required.")
TOO_LONG = Message("text.length", "Teksten er for lang.", "The text is too long.")


def test_message_text_picks_language_with_bokmal_as_default() -> None:
    assert SIGNED.text() == "En signert versjon kan ikke endres."
    assert SIGNED.text("nb") == SIGNED.nb
    assert SIGNED.text("en") == "A signed version cannot be changed."
    # Nynorsk or an unknown code falls back to bokmål rather than failing.
    assert SIGNED.text("nn") == SIGNED.nb


def test_message_is_frozen_and_hashable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        SIGNED.code = "other"
    assert {SIGNED, Message(SIGNED.code, SIGNED.nb, SIGNED.en)} == {SIGNED}


def test_field_error_text_delegates_to_message() -> None:
    err = FieldError("first_name", MISSING)
    assert err.text() == MISSING.nb
    assert err.text("en") == MISSING.en
    assert err.field == "first_name"


def test_validation_failed_lists_every_field_in_bokmal() -> None:
    exc = ValidationFailed([FieldError("first_name", MISSING), FieldError("notes", TOO_LONG)])
    assert isinstance(exc, ValueError)
    assert exc.errors == (FieldError("first_name", MISSING), FieldError("notes", TOO_LONG))
    assert exc.fields == ("first_name", "notes")
    assert str(exc) == "first_name: Dette feltet må fylles ut.; notes: Teksten er for lang."
    assert exc.text("en") == "first_name: This field is required.; notes: The text is too long."


def test_validation_failed_accepts_any_iterable_and_survives_pickling() -> None:
    exc = ValidationFailed(e for e in [FieldError("phone", MISSING)])
    assert exc.errors == (FieldError("phone", MISSING),)
    copy = pickle.loads(pickle.dumps(exc))
    assert copy.errors == exc.errors
    assert str(copy) == str(exc)


def test_domain_error_carries_one_message() -> None:
    exc = DomainError(SIGNED)
    assert exc.message is SIGNED
    assert exc.code == "version.signed"
    assert str(exc) == SIGNED.nb
    assert exc.text("en") == SIGNED.en
    with pytest.raises(DomainError) as info:
        raise exc
    assert info.value.text() == SIGNED.nb


def test_domain_error_survives_pickling() -> None:
    copy = pickle.loads(pickle.dumps(DomainError(SIGNED)))
    assert copy.message == SIGNED
    assert str(copy) == SIGNED.nb
