"""The row checksum stays the same function of the values: stored checksums are compared with new ones."""

from __future__ import annotations

from typing import Any

import pytest

from fieldapp.storage.digest import digest

# Taken from the first implementation (one isinstance chain per value); a changed value here would make
# `fieldapp check` report every stored row as changed behind change capture's back.
KNOWN: list[tuple[tuple[Any, ...], int]] = [
    ((), -1970711489451281740),
    ((None,), -7712737833812065720),
    (('æøå', None, 12, -3, True, 1.5, b'\x00\xff', ''), -5355958981210809662),
    (('Oppfølging', 9223372036854775807, -9223372036854775808, 0.0, float("inf")), -5676322010320585419),
]


@pytest.mark.parametrize(("values", "expected"), KNOWN)
def test_the_checksum_of_known_values_is_unchanged(values: tuple[Any, ...], expected: int) -> None:
    assert digest(*values) == expected


def test_a_str_subclass_and_a_bool_hash_as_their_plain_values() -> None:
    class Code(str):
        pass

    assert digest(Code("ips"), True) == digest("ips", 1)
