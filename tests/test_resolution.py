"""Source resolution: name folding, the gazetteer, aliases, people, variants, records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance import integrity
from provenance.builder import DocumentBuilder
from provenance.codec import load_gazetteer
from provenance.errors import InvalidValue
from provenance.model import Hop, Source
from provenance.resolution import (
    Entity,
    EntityKind,
    Gazetteer,
    Resolver,
    link_people,
    normalize_name,
    propose_variants,
    resolve_document,
)
from provenance.vocabulary import AttributionMode, SourceKind

K = SourceKind
WD = "http://www.wikidata.org/entity/"


@pytest.mark.parametrize(
    ("given", "folded"),
    [
        ("The U.S. State Department", "us state department"),
        ("Russia's Foreign Ministry", "russia foreign ministry"),
        ("Russia\u2019s foreign ministry", "russia foreign ministry"),
        ("Bruno Rodríguez Parrilla", "bruno rodriguez parrilla"),
        ("Díaz-Canel", "diaz canel"),
        ("the Kremlin", "kremlin"),
        ("  THE   Élysée ", "elysee"),
        ("the", "the"),
    ],
)
def test_names_fold_case_accents_apostrophes_possessives_and_the(given: str, folded: str) -> None:
    assert normalize_name(given) == folded


@pytest.mark.parametrize(
    "mention",
    [
        "Russia",
        "Moscow",
        "the Kremlin",
        "the Russian government",
        "Russia's foreign ministry",
        "the Russian Foreign Ministry",
        "Russian Federation",
    ],
)
def test_a_government_goes_by_its_capital_seat_demonym_and_ministries(mention: str) -> None:
    found = Resolver().resolve_mention(mention)
    assert found is not None and found.origin == "Russia"
    assert found.same_as == (WD + "Q159",)


def test_only_its_own_names_let_a_record_claim_the_same_wikidata_item() -> None:
    resolver = Resolver()
    russia, kremlin = resolver.resolve_mention("Russia"), resolver.resolve_mention("the Kremlin")
    assert russia is not None and russia.names_itself
    assert kremlin is not None and not kremlin.names_itself


def test_short_abbreviations_count_only_in_capitals() -> None:
    resolver = Resolver()
    us = resolver.resolve_mention("U.S.")
    assert us is not None and us.entity == "United States"
    assert resolver.resolve_mention("us", kind=K.NAMED_ORGANIZATION) is None
    assert Resolver().resolve_mention("a source told us", kind=K.UNNAMED_INDIVIDUAL) is None


def test_a_spokesperson_is_a_person_speaking_for_the_government_in_the_descriptor() -> None:
    resolver = Resolver()
    found = resolver.resolve_mention("Cuban Foreign Minister Bruno Rodriguez", kind=K.NAMED_PERSON)
    assert found is not None
    assert (found.person, found.affiliation) == ("Bruno Rodriguez", "Cuba")
    aside = resolver.resolve_mention("Cuba's ambassador to the US, Lianys Torres Rivera")
    assert aside is not None and (aside.person, aside.affiliation) == (
        "Lianys Torres Rivera",
        "Cuba",
    )
    role = resolver.resolve_mention("US Secretary of State Marco Rubio")
    assert role is not None and (role.person, role.affiliation) == ("Marco Rubio", "United States")


def test_a_name_followed_by_of_and_a_country_is_the_person_of_that_country() -> None:
    # Regression (North Korean missile set): "Prime Minister Fumio Kishida of Japan" was not
    # split, so he was a second person beside "Fumio Kishida".
    found = Resolver().resolve_mention("Prime Minister Fumio Kishida of Japan", kind=K.NAMED_PERSON)
    assert found is not None
    assert (found.person, found.affiliation) == ("Fumio Kishida", "Japan")
    # A place the gazetteer does not know leaves the mention as it was.
    other = Resolver().resolve_mention("Mayor Ann Lee of Smallville", kind=K.NAMED_PERSON)
    assert other is None or other.person != "Ann Lee"


@pytest.mark.parametrize("kind", [None, K.NAMED_PERSON])
def test_a_known_person_before_an_apposition_naming_another_is_the_speaker(
    kind: SourceKind | None,
) -> None:
    # Regression (the Kremlin on Iran's missiles): "Dmitry Peskov, spokesperson for President
    # Vladimir Putin" resolved to Putin, because a name the gazetteer knows was skipped as if
    # it were an organisation's.
    found = Resolver().resolve_mention(
        "Dmitry Peskov, spokesperson for President Vladimir Putin", kind=kind
    )
    assert found is not None
    assert (found.person, found.affiliation) == ("Dmitry Peskov", "Russia")
    # An organisation before the comma is still no speaker's name.
    outlet = Resolver().resolve_mention("Reuters, citing sources")
    assert outlet is None or outlet.person is None


@pytest.mark.parametrize(
    ("mention", "person"),
    [
        ("Mr Peskov", "Dmitry Peskov"),
        ("Mr. Peskov", "Dmitry Peskov"),
        ("Dr. Anthony Fauci", "Anthony Fauci"),
        ("Sir Keir Starmer", "Keir Starmer"),
    ],
)
def test_an_honorific_is_not_part_of_the_name(mention: str, person: str) -> None:
    # Regression: "Mr Peskov" was a person of its own, so one fact counted Peskov twice.
    found = Resolver().resolve_mention(mention, kind=K.NAMED_PERSON)
    assert found is not None and found.person == person
    # A title alone is left as it is, and a user's alias for the titled form still wins.
    alone = Resolver().resolve_mention("Mr", kind=K.NAMED_PERSON)
    assert alone is None or alone.person == "Mr"
    aliased = Resolver(aliases={"Mr Peskov": "Someone Else"}).resolve_mention("Mr Peskov")
    assert aliased is not None and aliased.origin == "Someone Else"


def test_a_ministry_named_by_the_demonym_speaks_for_the_government() -> None:
    # Regression: "the Russian Ministry of Emergency Situations" resolved to nothing, while
    # "Russia's Ministry of ..." and "the Russian Defence Ministry" resolved to Russia.
    found = Resolver().resolve_mention(
        "the Russian Ministry of Emergency Situations", kind=K.NAMED_ORGANIZATION
    )
    assert found is not None and found.origin == "Russia"


def test_an_unnamed_source_speaks_for_an_entity_but_never_is_one() -> None:
    found = Resolver().resolve_mention("a Pentagon spokeswoman", kind=K.UNNAMED_INDIVIDUAL)
    assert found is not None
    assert (found.entity, found.person, found.affiliation) == (None, None, "United States")


@pytest.mark.parametrize(
    "descriptor",
    [
        "a source close to the Kremlin",
        "people familiar with Pentagon planning",
        "a source who told Reuters",
    ],
)
def test_a_source_near_an_organisation_does_not_speak_for_it(descriptor: str) -> None:
    assert Resolver().resolve_mention(descriptor, kind=K.UNNAMED_INDIVIDUAL) is None


def test_document_aliases_win_over_global_ones_and_the_gazetteer() -> None:
    resolver = Resolver(
        aliases={"the ministry": "Serbia"},
        document_aliases={"d1": {"The Ministry": "Kosovo"}},
    )
    assert resolver.resolve_mention("the ministry", document="d1").entity == "Kosovo"  # type: ignore[union-attr]
    assert resolver.resolve_mention("the ministry", document="d2").entity == "Serbia"  # type: ignore[union-attr]
    assert resolver.resolve_mention("the ministry").entity == "Serbia"  # type: ignore[union-attr]


def test_a_users_gazetteer_extends_and_replaces_the_shipped_one(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    entities = [
        {"name": "Eastbay Port Authority", "kind": "organization", "aliases": ["EPA Eastbay"]},
        {"name": "Kosovo", "kind": "government", "demonyms": ["Kosovar"], "capital": "Prishtina"},
    ]
    lists = {"role_words": ["harbourmaster"], "honorifics": ["Capt."]}
    path.write_text(json.dumps({"entities": entities, **lists}), "utf-8")
    gazetteer = load_gazetteer(path)
    resolver = Resolver(gazetteer)
    assert resolver.resolve_mention("EPA Eastbay").entity == "Eastbay Port Authority"  # type: ignore[union-attr]
    assert resolver.resolve_mention("the Kosovar government").entity == "Kosovo"  # type: ignore[union-attr]
    # The replaced entry kept no Wikidata id, and the shipped entries are all still there.
    assert gazetteer.entity("Kosovo").same_as == ()  # type: ignore[union-attr]
    assert gazetteer.entity("Reuters") is not None
    person = resolver.resolve_mention("Eastbay harbourmaster Ana Ortiz", kind=K.NAMED_PERSON)
    assert person is not None and person.person == "Ana Ortiz"
    # The user's honorific is added to the shipped ones.
    titled = resolver.resolve_mention("Capt. Ana Ortiz", kind=K.NAMED_PERSON)
    assert titled is not None and titled.person == "Ana Ortiz"
    assert resolver.resolve_mention("Mr Peskov").person == "Dmitry Peskov"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[]", "'entities' list"),
        ('{"entities": [{"kind": "outlet"}]}', "needs a name"),
        ('{"entities": [{"name": "X", "kind": "planet"}]}', "unknown kind"),
        ('{"entities": [{"name": "X", "colour": "red"}]}', "unknown field colour"),
        ("{not json", "not JSON"),
        ('{"entities": [], "honorifics": "Mr"}', "honorifics must be a list of strings"),
    ],
)
def test_a_bad_gazetteer_is_a_located_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(InvalidValue) as caught:
        load_gazetteer(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


def test_a_name_two_entries_claim_resolves_to_neither() -> None:
    gazetteer = Gazetteer(
        [
            Entity("Alpha Agency", EntityKind.AGENCY, aliases=["AA"]),
            Entity("Anadolu", EntityKind.AGENCY, aliases=["AA"]),
        ]
    )
    assert gazetteer.lookup("AA") is None
    assert gazetteer.lookup("Anadolu") is not None


def test_short_forms_of_a_name_link_to_the_one_full_name() -> None:
    linked = link_people(["Bruno Rodríguez Parrilla", "Bruno Rodriguez", "Parrilla", "Rodríguez"])
    assert set(linked.values()) == {"bruno rodriguez parrilla"}
    assert set(linked) == {"bruno rodriguez", "parrilla", "rodriguez"}
    # A son is not his father's full name.
    assert link_people(["Donald Trump", "Donald Trump Jr."]) == {}
    # "Smith" fits two people who are not one: it stays alone.
    assert "smith" not in link_people(["Anna Smith", "John Smith", "Smith"])


def test_spelling_variants_are_proposed_not_applied() -> None:
    pytest.importorskip("rapidfuzz")
    proposals = propose_variants(["Volodymyr Zelenskiy", "Volodymyr Zelensky", "Jake Sullivan"])
    assert [(p.a, p.b) for p in proposals] == [("Volodymyr Zelenskiy", "Volodymyr Zelensky")]
    assert proposals[0].score >= 90


def test_a_resolved_record_carries_wikidata_ids_and_affiliations() -> None:
    builder = DocumentBuilder(id="d", publisher=Source("pub", K.PUBLICATION, name="Reuters"))
    builder.add_source(
        Source("s1", K.NAMED_PERSON, name="Dmitry Peskov", descriptor="Kremlin spokesman")
    )
    builder.add_source(Source("s2", K.NAMED_ORGANIZATION, name="the Kremlin"))
    builder.add_source(Source("s3", K.NAMED_ORGANIZATION, name="Russia"))
    for number, source in enumerate(("s1", "s2", "s3")):
        builder.claim(f"c{number}", "words", attribution=[Hop(source, AttributionMode.PARAPHRASE)])
    document = resolve_document(builder.build())
    integrity.ensure_consistent(document)
    by_id = {source.id: source for source in document.sources}
    assert by_id["pub"].same_as == (WD + "Q130879",)
    assert by_id["s3"].same_as == (WD + "Q159",)
    assert by_id["s2"].same_as == () and by_id["s2"].affiliation == "s3"
    assert by_id["s1"].affiliation == "s3"
    assert resolve_document(document) == document


def test_an_outlet_named_with_its_country_is_not_its_government() -> None:
    """Regression (held-out event): "Japan's NHK" was resolved as speaking for Japan."""
    nhk = Resolver().resolve_mention("Japan's NHK", kind=K.PUBLICATION)
    assert nhk is not None and (nhk.entity, nhk.affiliation) == ("NHK", None)
    assert Resolver().resolve_mention("Japan's Daily Zq", kind=K.PUBLICATION) is None
    yonhap = Resolver().resolve_mention("South Korea's Yonhap news agency", kind=K.PUBLICATION)
    assert yonhap is not None and (yonhap.entity, yonhap.affiliation) == ("Yonhap", None)
    found = Resolver().resolve_mention("Japan's NHK", kind=K.NAMED_ORGANIZATION)
    assert found is not None and found.affiliation == "Japan"
