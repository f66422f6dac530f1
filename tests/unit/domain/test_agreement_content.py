"""Tests for agreement content: JSON round trip, canonical bytes, hash and fingerprint."""

import dataclasses
import json
import re
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.agreement_content import (
    PRIVACY_TEXT_EN, PRIVACY_TEXT_NB, Accommodation, AgreementContent, Duration, FollowUp, Goal, JobTerms,
    Parties, PartySnapshot, Responsibility, canonical_json, content_hash, default_responsibilities,
    field_label, from_dict, short_fingerprint, to_dict, walk,
)
from fieldapp.domain.agreement_examples import EXAMPLE_ORGNR, complete_example_content, orgnr_check_digit

texts = st.text(alphabet=st.one_of(st.sampled_from("æøåÆØÅé -'\n"), st.characters()), max_size=30)
dates = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
small_ints = st.none() | st.integers(min_value=-5, max_value=200)
parties_st = st.builds(PartySnapshot, role=texts, name=texts, organisation=texts, orgnr=texts, phone=texts,
                       email=texts, title=texts)
contents = st.builds(
    AgreementContent,
    agreement_type=st.sampled_from(["toa", "jobbstotteplan"]),
    parties=st.builds(Parties, participant=parties_st, employer=parties_st, employer_contact=parties_st,
                      job_specialist=parties_st, nav_contact=st.none() | parties_st,
                      others=st.lists(parties_st, max_size=2).map(tuple)),
    job=st.builds(JobTerms, title=texts, tasks=texts, percentage=small_ints, days_per_week=small_ints,
                  hours_text=texts, employment_form=texts, start=dates),
    goals=st.lists(st.builds(Goal, texts, texts, texts), max_size=3).map(tuple),
    duration=st.builds(Duration, start=dates, end=dates, may_extend=st.booleans(),
                       extension_consideration=texts, extension_consider_by=dates, evaluation_date=dates),
    follow_ups=st.lists(st.builds(FollowUp, texts, texts, texts, texts, texts, texts, dates, dates),
                        max_size=3).map(tuple),
    accommodations=st.lists(st.builds(Accommodation, texts, texts, texts, dates, dates, texts, dates),
                            max_size=3).map(tuple),
    responsibilities=st.lists(st.builds(Responsibility, texts, texts), max_size=3).map(tuple),
    privacy_text=texts,
)


def replace_path(obj: Any, path: str, value: Any) -> Any:
    """Return a copy of obj with the leaf at a walk() path (e.g. "goals[1].description") replaced."""
    head, _, rest = path.partition(".")
    m = re.fullmatch(r"(\w+)(?:\[(\d+)\])?", head)
    assert m is not None
    name, index = m.group(1), m.group(2)
    child = getattr(obj, name)
    if index is None:
        new_child = replace_path(child, rest, value) if rest else value
    else:
        i = int(index)
        item = replace_path(child[i], rest, value) if rest else value
        new_child = child[:i] + (item,) + child[i + 1:]
    return dataclasses.replace(obj, **{name: new_child})


def changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, date):
        return value + timedelta(days=1)
    if isinstance(value, str):
        return value + "x"
    if value is None:
        return date(2026, 1, 1)
    raise AssertionError(f"unexpected leaf {value!r}")


@settings(max_examples=150)
@given(contents)
def test_round_trip_through_json_text(content: AgreementContent) -> None:
    text = json.dumps(to_dict(content), ensure_ascii=False)
    assert from_dict(json.loads(text)) == content


@given(contents)
def test_canonical_json_is_parsable_and_matches_to_dict(content: AgreementContent) -> None:
    assert json.loads(canonical_json(content).decode("utf-8")) == to_dict(content)


def test_round_trip_keeps_norwegian_letters_and_dates() -> None:
    content = complete_example_content()
    data = to_dict(content)
    assert data["parties"]["nav_contact"]["name"] == "Per Ødegård"
    assert data["duration"]["start"] == "2026-03-02"
    assert data["goals"][0]["description"] == "Mestre morgenrutinene på egen hånd"
    assert data["schema_version"] == 1
    assert from_dict(json.loads(json.dumps(data))) == content


def test_canonical_json_is_compact_sorted_utf8() -> None:
    raw = canonical_json(complete_example_content())
    text = raw.decode("utf-8")
    assert "Ødegård".encode() in raw and "\\u00f8" not in text
    assert text.startswith('{"accommodations":[')
    assert b'": ' not in raw and b'", "' not in raw and b"\n" not in raw
    assert json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False) == text


def test_canonical_json_stable_under_dict_ordering() -> None:
    content = complete_example_content()

    def reverse(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: reverse(value[k]) for k in reversed(list(value))}
        if isinstance(value, list):
            return [reverse(v) for v in value]
        return value

    shuffled = reverse(to_dict(content))
    assert list(shuffled) != list(to_dict(content))
    assert canonical_json(from_dict(shuffled)) == canonical_json(content)
    assert content_hash(from_dict(shuffled)) == content_hash(content)


def test_hash_is_sha256_hex_and_deterministic() -> None:
    a, b = complete_example_content(), complete_example_content()
    assert a is not b and content_hash(a) == content_hash(b)
    assert re.fullmatch(r"[0-9a-f]{64}", content_hash(a))


def test_hash_changes_when_any_field_changes() -> None:
    content = complete_example_content()
    base = content_hash(content)
    paths = [path for path, _ in walk(content)]
    assert "goals[1].description" in paths and "parties.nav_contact.phone" in paths
    seen = {base}
    for path, value in walk(content):
        other = replace_path(content, path, changed(value))
        assert other != content, path
        h = content_hash(other)
        assert h != base, path
        seen.add(h)
    assert len(seen) == len(paths) + 1


def test_hash_changes_when_items_are_added_removed_or_reordered() -> None:
    content = complete_example_content()
    base = content_hash(content)
    assert content_hash(dataclasses.replace(content, goals=content.goals[::-1])) != base
    assert content_hash(dataclasses.replace(content, goals=content.goals[:1])) != base
    assert content_hash(dataclasses.replace(content, goals=content.goals + (Goal(),))) != base
    no_nav = dataclasses.replace(content, parties=dataclasses.replace(content.parties, nav_contact=None))
    assert content_hash(no_nav) != base


def test_short_fingerprint() -> None:
    assert short_fingerprint("AB12cd34EF56" + "0" * 52) == "ab12-cd34-ef56"
    fp = short_fingerprint(content_hash(complete_example_content()))
    assert re.fullmatch(r"[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}", fp)
    with pytest.raises(ValueError):
        short_fingerprint("abc")
    with pytest.raises(ValueError):
        short_fingerprint("zz12cd34ef56")


def test_from_dict_tolerates_unknown_and_missing_keys() -> None:
    assert from_dict({}) == AgreementContent()
    loaded = from_dict({
        "agreement_type": "jobbstotteplan", "future_field": {"x": 1}, "schema_version": 99,
        "goals": [{"description": "Møte presis", "added_later": True}],
        "duration": {"end": "2026-12-31", "evaluation_date": None},
        "parties": {"participant": {"name": "Kari"}, "nav_contact": None},
    })
    assert loaded.agreement_type == "jobbstotteplan"
    assert loaded.goals == (Goal(description="Møte presis"),)
    assert loaded.duration == Duration(end=date(2026, 12, 31))
    assert loaded.parties.participant == PartySnapshot(role="participant", name="Kari")
    assert loaded.parties.employer == PartySnapshot(role="employer")
    assert loaded.privacy_text == PRIVACY_TEXT_NB
    nav = from_dict({"parties": {"nav_contact": {"name": "Per", "role": "nav"}}}).parties.nav_contact
    assert nav == PartySnapshot(role="nav", name="Per")


def test_canonical_json_escapes_lone_surrogates_as_valid_utf8() -> None:
    content = AgreementContent(privacy_text="a\ud800ø")
    raw = canonical_json(content)
    assert b"\\ud800" in raw and "ø".encode() in raw
    assert json.loads(raw.decode("utf-8"))["privacy_text"] == "a\ud800ø"


@pytest.mark.parametrize("data", [
    {"duration": {"start": "02.03.2026"}},
    {"goals": "not a list"},
    {"job": {"percentage": "60"}},
    {"duration": {"may_extend": "yes"}},
    {"parties": ["x"]},
])
def test_from_dict_rejects_wrong_types(data: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        from_dict(data)


def test_lists_are_stored_as_tuples() -> None:
    content = AgreementContent(goals=[Goal(description="a")])
    assert content.goals == (Goal(description="a"),)
    assert hash(content) == hash(AgreementContent(goals=(Goal(description="a"),)))


def test_default_responsibilities_cover_all_parties() -> None:
    nb, en = default_responsibilities(), default_responsibilities("en")
    assert {r.party_role for r in nb} == {"employee", "employer", "job_specialist", "nav"}
    assert [r.party_role for r in nb] == [r.party_role for r in en]
    employee_nb = " ".join(r.text for r in nb if r.party_role == "employee")
    assert "fravær" in employee_nb and "oppfølging" in employee_nb
    assert "tilrettelegging" in " ".join(r.text for r in nb if r.party_role == "employer").lower()
    assert "absence" in " ".join(r.text for r in en if r.party_role == "employee")
    assert all(0 < len(r.text) <= 1000 for r in nb + en)


def test_privacy_texts_cover_the_essentials() -> None:
    for word in ("taushetsplikt", "personopplysning", "helse", "samtykke", "innsyn", "arbeidsgiveren", "sletting"):
        assert word in PRIVACY_TEXT_NB.lower()
    for word in ("confidentiality", "personal data", "health", "consent", "right of access", "employer", "erased"):
        assert word in PRIVACY_TEXT_EN
    assert PRIVACY_TEXT_NB != PRIVACY_TEXT_EN
    # The text sits under its own heading on the PDF: it must not repeat the heading as its first words.
    assert not PRIVACY_TEXT_NB.lower().startswith(field_label("privacy_text", "nb").lower())
    assert not PRIVACY_TEXT_EN.lower().startswith(field_label("privacy_text", "en").lower())


def test_field_labels_are_readable() -> None:
    assert field_label("goals[1].description") == "Mål 2 – beskrivelse"
    assert field_label("goals[1].description", "en") == "Goal 2 – description"
    assert field_label("job.title") == "Stillingstittel"
    assert field_label("parties.employer.orgnr") == "Arbeidsgiver – organisasjonsnummer"
    assert field_label("follow_ups[0].purpose", "en") == "Follow-up 1 – purpose"


def test_example_orgnr_is_valid_and_invented() -> None:
    from stdnum.no import orgnr

    assert orgnr.is_valid(EXAMPLE_ORGNR)
    assert EXAMPLE_ORGNR != "974760673"
    assert EXAMPLE_ORGNR[8] == str(orgnr_check_digit(EXAMPLE_ORGNR[:8]))
    for prefix in ("91000000", "92345678", "80000001", "99999999"):
        digit = orgnr_check_digit(prefix)
        valid = [d for d in "0123456789" if orgnr.is_valid(prefix + d)]
        assert valid == ([] if digit is None else [str(digit)])
    assert orgnr_check_digit("91234567") is None  # remainder 1: no valid number with this prefix
    assert not any(orgnr.is_valid("91234567" + d) for d in "0123456789")
    with pytest.raises(ValueError):
        orgnr_check_digit("1234")
