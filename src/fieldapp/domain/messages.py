"""Bilingual (bokmål/English) user-facing messages and the exceptions that carry them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["DomainError", "FieldError", "Message", "ValidationFailed"]


@dataclass(frozen=True)
class Message:
    """A user-facing text in bokmål and English, identified by a stable code.

    The code is what tests and calling code match on; the texts may already
    contain formatted values (lengths, dates) and are meant only for people.
    """

    code: str
    nb: str
    en: str

    def text(self, lang: str = "nb") -> str:
        # Bokmål is the working language of the app, so anything but "en" gets it.
        return self.en if lang == "en" else self.nb


@dataclass(frozen=True)
class FieldError:
    """A message tied to the name of the input field it concerns."""

    field: str
    message: Message

    def text(self, lang: str = "nb") -> str:
        return self.message.text(lang)


class ValidationFailed(ValueError):
    """Raised when one or more fields hold invalid values; carries every problem at once."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        # A tuple keeps the exception immutable and lets pickling rebuild it from args.
        self.errors: tuple[FieldError, ...] = tuple(errors)
        super().__init__(self.errors)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(e.field for e in self.errors)

    def text(self, lang: str = "nb") -> str:
        return "; ".join(f"{e.field}: {e.text(lang)}" for e in self.errors)

    def __str__(self) -> str:
        return self.text("nb")


class DomainError(Exception):
    """Raised when a rule is broken that is not about a single field (e.g. editing a signed version)."""

    def __init__(self, message: Message) -> None:
        self.message: Message = message
        super().__init__(message)

    @property
    def code(self) -> str:
        return self.message.code

    def text(self, lang: str = "nb") -> str:
        return self.message.text(lang)

    def __str__(self) -> str:
        return self.message.nb
