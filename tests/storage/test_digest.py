"""The row checksum stays the same function of the values: stored checksums are compared with new ones."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.storage.digest import digest
from fieldapp.storage.digest_v1 import digest_v1

# Format 2 (migration 0021), as first written; a changed value here (a new orjson escaping text otherwise, say)
# would make `fieldapp check` report every stored row as changed behind change capture's back.
KNOWN: list[tuple[tuple[Any, ...], int]] = [
    ((), 8180073448483349959),
    ((None,), -5911409660898565425),
    (('æøå', None, 12, -3, True, 1.5, b'\x00\xff', ''), -3820386940314054967),
    (('Oppfølging', 9223372036854775807, -9223372036854775808, 0.0, float("inf")), 2627088550628141166),
    (('Oppfølging', 'a"b\\c\n\x01', 18446744073709551615, -1), 1925275510513286376),
    (('tab\there\x7f', '\u2028\u2029', '/<>&', '\x1f'), -2545160704044219095),  # characters JSON writers escape differently
]

# The first format (digest_v1.py, for the migrations written before format 2), from its first implementation.
KNOWN_V1: list[tuple[tuple[Any, ...], int]] = [
    ((), -1970711489451281740),
    ((None,), -7712737833812065720),
    (('æøå', None, 12, -3, True, 1.5, b'\x00\xff', ''), -5355958981210809662),
    (('Oppfølging', 9223372036854775807, -9223372036854775808, 0.0, float("inf")), -5676322010320585419),
]


@pytest.mark.parametrize(("values", "expected"), KNOWN)
def test_the_checksum_of_known_values_is_unchanged(values: tuple[Any, ...], expected: int) -> None:
    assert digest(*values) == expected


@pytest.mark.parametrize(("values", "expected"), KNOWN_V1)
def test_the_first_formats_checksum_of_known_values_is_unchanged(values: tuple[Any, ...], expected: int) -> None:
    assert digest_v1(*values) == expected


def test_a_str_subclass_and_a_bool_hash_as_their_plain_values() -> None:
    class Code(str):
        pass

    assert digest(Code("ips"), True) == digest("ips", 1)
    assert digest_v1(Code("ips"), True) == digest_v1("ips", 1)


def test_text_is_summed_only_up_to_a_nul_as_sql_functions_get_it() -> None:
    assert digest("før\x00etter", 1) == digest("før", 1)
    assert digest("a\\u0000b") != digest("a")  # a backslash and "u0000" in text is text, not a NUL


def test_values_json_has_no_number_or_text_for_do_not_collide_with_others() -> None:
    assert digest(None) != digest(float("inf")) != digest(float("nan"))
    assert digest(1.5) != digest("1.5") and digest(b"ab") != digest("6162")
    assert digest(2**64) != digest(str(2**64)) and digest(2**64) != digest(float(2**64))
    assert digest(-0.0) != digest(0.0)
    assert digest(bytearray(b"x")) == digest(memoryview(b"x")) == digest(b"x")


def test_text_sqlite_cannot_store_still_gets_a_checksum() -> None:
    assert isinstance(digest("\ud800", 1), int) and digest("\ud800") != digest("\ud801")


_PLAINS = st.one_of(st.none(), st.integers(min_value=-(2**63), max_value=2**64 - 1), st.text())


@given(st.lists(_PLAINS, max_size=8))
def test_the_fast_and_the_careful_path_sum_alike(values: list[Any]) -> None:
    """Rows of plain values are summed without looking at each value; a row with a NUL or a value of another
    type is normalised first. Both must give the same checksum for the same stored values."""
    class Text(str):
        pass

    careful = [*(Text(v) if type(v) is str else v for v in values), Text("")]  # a str subclass: the careful path
    assert digest(*values, "") == digest(*careful)
    assert digest(*[v.partition("\x00")[0] if type(v) is str else v for v in values]) == digest(*values)
