"""The erase confirmation names every kind of record the erasure deletes: its list comes from the tables the
erasure deletes from (storage/erasure.owned_tables), so a new table cannot be left out."""

from __future__ import annotations

import fieldapp.storage.models  # noqa: F401  # maps every table, as an open workspace does
from fieldapp.services.erasure import ErasurePreview, parts
from fieldapp.storage.erasure import owned_tables


def test_every_table_the_erasure_deletes_from_has_a_label_in_both_languages() -> None:
    owned = [t for t in owned_tables() if t != "participant"]  # the person is named in the heading
    labels = parts()
    assert set(labels) == set(owned)
    for table, (nb, en) in labels.items():
        assert nb and en and table not in (nb, en), table


def test_the_confirmation_lists_every_kind_of_record_that_goes() -> None:
    owned = [t for t in owned_tables() if t != "participant"]
    preview = ErasurePreview("p", "Ola Nordmann", {t: 2 for t in owned}, 0)
    for lang in ("nb", "en"):
        lines = preview.lines(lang)
        assert len(lines) == len(owned), lang
        assert all(line.endswith(": 2") for line in lines)
    assert "visits: 2" in preview.lines("en") and "besøk: 2" in preview.lines("nb")
