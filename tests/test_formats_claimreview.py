"""ClaimReview import and export, on the real records of the shared corpus and on made-up ones."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import provenance as pv
from provenance import codec
from provenance.formats import claimreview
from provenance.formats.claimants import ClaimantRule, ClaimantTable
from provenance.formats.claimreview import (
    EXTENSION_PROPERTY,
    MEDIAREVIEW,
    NAMESPACE,
    appearances,
    profile_problems,
)
from provenance.formats.notes import NoteAction
from provenance.formats.verdicts import VerdictRule, VerdictTable

K = pv.SourceKind
V = pv.Verdict
S = pv.ConfidenceStatus
P = pv.Plurality


def _one(path: Path) -> tuple[pv.Document, Any]:
    report = claimreview.load(path)
    assert len(report.documents) == 1, [str(n) for n in report.notes]
    return report.documents[0], report


def _claim(document: pv.Document) -> tuple[pv.Claim, pv.Review, pv.Source]:
    (claim,) = document.claims
    (review,) = claim.reviews
    (hop,) = claim.attribution
    return claim, review, document.source(hop.source)


def _reimport(documents: tuple[pv.Document, ...]) -> tuple[pv.Document, ...]:
    exported = claimreview.write(documents)
    return claimreview.read(json.loads(json.dumps(list(exported.items)))).documents


# -- the shared corpus: each record as a reader of it would expect ------------------

# file stem prefix: verdict, label, (value, best, worst), claimant kind, claimant words,
# plurality, status
CORPUS_EXPECTATIONS: dict[str, tuple[Any, ...]] = {
    "cr01": (
        V.FALSE,
        "Pants on Fire",
        None,
        K.VAGUE_REPORTS,
        "Facebook posts",
        P.SEVERAL,
        S.REFUTED,
    ),
    "cr02": (V.MIXED, "Half True", None, K.NAMED_ORGANIZATION, "Ted Cruz", P.ONE, S.DISPUTED),
    "cr03": (
        V.OTHER,
        "Will military drills end?",
        None,
        K.NAMED_ORGANIZATION,
        "Donald Trump",
        P.ONE,
        S.ATTRIBUTED,
    ),
    "cr04": (V.FALSE, "FALSE", None, K.VAGUE_REPORTS, "Internet", P.SEVERAL, S.REFUTED),
    "cr05": (
        V.FALSE,
        "FALSE",
        None,
        K.NAMED_ORGANIZATION,
        "Freedom Politics Today",
        P.ONE,
        S.REFUTED,
    ),
    "cr06": (
        V.FALSE,
        "Falso",
        ("5", "1", "5"),
        K.VAGUE_REPORTS,
        "Fuentes Varias",
        P.SEVERAL,
        S.REFUTED,
    ),
    "cr07": (
        V.MIXED,
        "Mixto",
        ("3", "5", "1"),
        K.VAGUE_REPORTS,
        "Fuentes múltiples",
        P.SEVERAL,
        S.DISPUTED,
    ),
    "cr08": (
        V.OTHER,
        "Not really, charts say",
        ("-1", "-1", "-1"),
        K.NAMED_PERSON,
        "Donald Trump",
        P.ONE,
        S.ATTRIBUTED,
    ),
    "cr09": (
        V.MIXED,
        "C\u2019est plus compliqué",
        ("1", "2", "0"),
        K.VAGUE_REPORTS,
        "Plusieurs sites internet",
        P.SEVERAL,
        S.DISPUTED,
    ),
    "cr10": (
        V.FALSE,
        "False",
        ("4", "9", None),
        K.VAGUE_REPORTS,
        "Facebook posts",
        P.SEVERAL,
        S.REFUTED,
    ),
    "cr11": (V.FALSE, "False", (4, 0, 5), K.VAGUE_REPORTS, "Viral image", P.UNSPECIFIED, S.REFUTED),
    "cr12": (V.FALSE, "FAUX", (0, 2, 0), K.UNKNOWN, None, P.ONE, S.REFUTED),
    "cr13": (V.FALSE, "Falsk", ("1", "1", "1"), K.PUBLICATION, "Detdette.dk", P.ONE, S.REFUTED),
    "cr14": (V.TRUE, "True", (1, 6, None), K.NAMED_PERSON, "Rich Perry", P.ONE, S.CONFIRMED),
    "cr15": (V.OTHER, None, None, K.NAMED_PERSON, "Barack Obama", P.ONE, S.ATTRIBUTED),
}


@pytest.fixture
def claimreview_dir(corpus_dir: Path) -> Path:
    folder = corpus_dir / "claimreview"
    if not folder.is_dir():
        pytest.skip("the shared ClaimReview corpus is absent")
    return folder


def _file(folder: Path, prefix: str) -> Path:
    (path,) = folder.glob(f"{prefix}_*.json")
    return path


@pytest.mark.parametrize("prefix", sorted(CORPUS_EXPECTATIONS))
def test_every_corpus_record_imports_as_a_reader_expects(
    claimreview_dir: Path, prefix: str
) -> None:
    verdict, label, scale, kind, words, plurality, status = CORPUS_EXPECTATIONS[prefix]
    path = _file(claimreview_dir, prefix)
    document, report = _one(path)
    # Valid: the record passes the schema and the document rules as written.
    again = codec.loads(codec.dumps(document))
    assert again == document
    assert not report.skipped
    claim, review, claimant = _claim(document)
    raw = json.loads(path.read_text("utf-8"))
    raw = raw.get("associatedClaimReview", raw)
    assert claim.text == raw["claimReviewed"]
    assert document.publisher == review.reviewer
    assert document.url == review.url == raw["url"]
    assert review.verdict is verdict
    assert review.label == label
    if scale is None:
        assert review.rating is None
    else:
        assert review.rating == pv.Rating(*scale)
    assert claimant.kind is kind
    assert claimant.label == (words or claimant.id)
    assert claimant.plurality is plurality
    assert claim.attribution[0].mode is pv.AttributionMode.CLAIMED
    assert claim.status is status


def test_corpus_files_are_all_covered(claimreview_dir: Path) -> None:
    stems = sorted(path.name[:4] for path in claimreview_dir.glob("*.json"))
    assert stems == sorted(CORPUS_EXPECTATIONS)


def test_dates_in_the_forms_real_records_use(claimreview_dir: Path) -> None:
    afp, _ = _one(_file(claimreview_dir, "cr06"))
    _, review, _ = _claim(afp)
    assert review.date == "2020-10-07T20:05:00"
    # The original form is kept beside it, and written back on export.
    assert review.extensions[NAMESPACE]["datePublished"] == "2020-10-07 20:05"
    assert claimreview.write(afp).items[0]["datePublished"] == "2020-10-07 20:05"
    factstream, _ = _one(_file(claimreview_dir, "cr10"))
    assert _claim(factstream)[1].date == "2020-03-11T01:05:52Z"
    politifact, _ = _one(_file(claimreview_dir, "cr08"))
    assert _claim(politifact)[1].date == "2017-03-01T20:30:17Z"
    lemonde, _ = _one(_file(claimreview_dir, "cr09"))
    assert lemonde.published == "2020-03-10T12:31:20+01:00"
    assert lemonde.claims[0].attribution[0].date == "2020-02-03T00:00:00Z"


def test_inverted_afp_scale_keeps_its_numbers_and_reads_false(claimreview_dir: Path) -> None:
    document, _ = _one(_file(claimreview_dir, "cr06"))
    _, review, claimant = _claim(document)
    # bestRating "1" is below worstRating "5": value "5" is the worst, so false.
    assert review.rating == pv.Rating(value="5", best="1", worst="5")
    assert review.verdict is V.FALSE
    # "Fuentes Varias" is typed Person in the markup but is no person.
    assert claimant.kind is K.VAGUE_REPORTS
    assert claimant.descriptor == "Fuentes Varias" and claimant.name is None
    assert claimant.extensions[NAMESPACE]["@type"] == "Person"


def test_minus_one_politifact_record_invents_no_verdict(claimreview_dir: Path) -> None:
    document, report = _one(_file(claimreview_dir, "cr08"))
    _, review, _ = _claim(document)
    assert review.rating == pv.Rating("-1", "-1", "-1")
    assert review.verdict is V.OTHER
    assert review.label == "Not really, charts say"
    # The reviewer has no name, only a url: its kind is unknown, the url kept.
    reviewer = document.source(review.reviewer)
    assert reviewer.kind is K.UNKNOWN
    assert reviewer.extensions[NAMESPACE]["url"] == "https://www.politifact.com"
    assert any("not in the table" in note.message for note in report.warnings)


def test_mediareview_is_read_through_and_its_own_parts_kept(claimreview_dir: Path) -> None:
    path = _file(claimreview_dir, "cr11")
    document, report = _one(path)
    _, review, _ = _claim(document)
    wrapper = review.extensions[MEDIAREVIEW]
    assert wrapper["@type"] == "MediaReview"
    assert wrapper["mediaAuthenticityCategory"] == "Transformed"
    assert wrapper["itemReviewed"]["interpretedAsClaim"]["@type"] == "Claim"
    kept_paths = {note.path for note in report.kept}
    assert "$.mediaAuthenticityCategory" in kept_paths
    assert "$.associatedClaimReview.reviewRating.image" in kept_paths
    # Written back as the MediaReview it came in.
    (item,) = claimreview.write(document).items
    assert item["@type"] == "MediaReview"
    assert item["associatedClaimReview"]["claimReviewed"] == document.claims[0].text
    assert not profile_problems(item).required


def test_record_without_rating_is_imported_with_verdict_other(claimreview_dir: Path) -> None:
    document, report = _one(_file(claimreview_dir, "cr15"))
    claim, review, claimant = _claim(document)
    assert review.verdict is V.OTHER and review.label is None and review.rating is None
    # Status comes from the chain then: Barack Obama is a named origin.
    assert claim.status is S.ATTRIBUTED
    assert review.extensions[NAMESPACE]["reviewBody"].startswith("This claim is true")
    assert claimant.same_as == (
        "https://twitter.com/barackobama",
        "https://www.wikidata.org/wiki/Q76",
    )
    assert any("no reviewRating" in note.message for note in report.warnings)
    (item,) = claimreview.write(document).items
    assert "reviewRating" not in item
    assert [p.path for p in profile_problems(item).required] == ["$.reviewRating"]


def test_record_with_empty_claim_reviewed(claimreview_dir: Path) -> None:
    document, report = _one(_file(claimreview_dir, "cr12"))
    claim, review, claimant = _claim(document)
    assert claim.text == ""
    assert review.verdict is V.FALSE
    # No claimant: an unknown source, never the fact-checker asserting the claim.
    assert claimant.kind is K.UNKNOWN and claim.attribution
    assert len(appearances(claim)) == 7
    assert any(note.path == "$.claimReviewed" for note in report.warnings)
    (item,) = claimreview.write(document).items
    assert [p.path for p in profile_problems(item).required] == ["$.claimReviewed"]


def test_bare_string_appearances_are_kept_and_flagged(claimreview_dir: Path) -> None:
    document, report = _one(_file(claimreview_dir, "cr13"))
    claim, _, claimant = _claim(document)
    assert appearances(claim) == (
        "https://deldette.dk/post/5967",
        "1",
        "glem-smertestillende-piller-forskere-anbefaler-at-drikke-en-l.html",
    )
    assert {note.path for note in report.warnings} == {
        "$.itemReviewed.appearance[1]",
        "$.itemReviewed.appearance[2]",
    }
    assert claimant.kind is K.PUBLICATION  # "Detdette.dk" is a site, whatever its @type


def test_label_contradicting_its_scale_is_reported(claimreview_dir: Path) -> None:
    _, report = _one(_file(claimreview_dir, "cr14"))
    assert any("the label is kept" in note.message for note in report.warnings)


def test_corpus_round_trips_and_exports_what_was_published(claimreview_dir: Path) -> None:
    for path in sorted(claimreview_dir.glob("*.json")):
        report = claimreview.load(path)
        assert _reimport(report.documents) == report.documents, path.name
        (item,) = claimreview.write(report.documents).items
        original = json.loads(path.read_text("utf-8"))
        # Export rebuilds the published record (JSON-LD @context aside).
        for data in (
            original,
            item,
            original.get("associatedClaimReview"),
            item.get("associatedClaimReview"),
        ):
            if isinstance(data, dict):
                data.pop("@context", None)
        assert item == original, path.name


def test_export_of_imported_records_passes_the_required_profile(claimreview_dir: Path) -> None:
    failing = {}
    for path in sorted(claimreview_dir.glob("*.json")):
        report = claimreview.load(path)
        for item in claimreview.write(report.documents).items:
            problems = profile_problems(item).required
            if problems:
                failing[path.name[:4]] = [p.path for p in problems]
    # Only the two records that lack a required field as published.
    assert failing == {"cr12": ["$.claimReviewed"], "cr15": ["$.reviewRating"]}


def test_whole_corpus_as_one_graph(claimreview_dir: Path) -> None:
    items = [json.loads(p.read_text("utf-8")) for p in sorted(claimreview_dir.glob("*.json"))]
    report = claimreview.read({"@context": "https://schema.org", "@graph": items})
    assert len(report.documents) == 15
    assert len({d.id for d in report.documents}) == 15
    assert not report.skipped


# -- containers and HTML ------------------------------------------------------------

BASE: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checker.example/checks/moon-cheese",
    "datePublished": "2024-02-01",
    "name": "No, the moon is not cheese",
    "author": {"@type": "Organization", "name": "Checker", "url": "https://checker.example"},
    "claimReviewed": "The moon is made of cheese",
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "False",
    },
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Wallace"},
        "datePublished": "2024-01-20",
        "appearance": [{"@type": "CreativeWork", "url": "https://social.example/p/1"}],
        "firstAppearance": {"@type": "CreativeWork", "url": "https://social.example/p/0"},
    },
}


def test_single_object_list_graph_and_html_give_the_same_document() -> None:
    single = claimreview.read(BASE).documents
    assert len(single) == 1
    assert claimreview.read([BASE]).documents == single
    assert claimreview.read({"@graph": [BASE]}).documents == single
    html = (
        "<!doctype html><html><head><title>x</title>\n"
        '<script type="application/ld+json">{"@type": "WebPage"}</script>\n'
        '<script type="application/ld+json">' + json.dumps(BASE) + "</script>\n"
        "</head><body><p>Fact check</p></body></html>"
    )
    report = claimreview.loads(html, location="page.html")
    assert report.documents == single
    (skipped,) = report.skipped
    assert skipped.location == "page.html:2" and "WebPage" in skipped.message


@pytest.mark.parametrize(
    "type_", ["schema:ClaimReview", "http://schema.org/ClaimReview", ["ClaimReview", "Review"]]
)
def test_other_spellings_of_the_type_are_read_and_kept(type_: Any) -> None:
    item = dict(BASE, **{"@type": type_})
    documents = claimreview.read(item).documents
    assert len(documents) == 1
    assert documents[0].claims[0].reviews[0].extensions[NAMESPACE]["@type"] == type_
    (exported,) = claimreview.write(documents).items
    assert exported["@type"] == type_
    assert _reimport(documents) == documents


def test_html_with_a_broken_script_reports_it_and_goes_on() -> None:
    html = (
        '<script type="application/ld+json">{"@type": </script>\n'
        '<script type="application/ld+json">' + json.dumps(BASE) + "</script>"
    )
    report = claimreview.loads(html, location="page.html")
    assert len(report.documents) == 1
    assert report.skipped[0].location == "page.html:1"
    assert "not valid JSON" in report.skipped[0].message


def test_html_without_json_ld_says_so() -> None:
    report = claimreview.loads("<html><body>nothing</body></html>", location="p.html")
    assert not report.documents
    assert "no <script" in report.skipped[0].message


def test_claimreviews_sharing_a_url_share_a_document() -> None:
    second = copy.deepcopy(BASE)
    second["claimReviewed"] = "The moon is made of green cheese"
    second["itemReviewed"]["author"] = "Gromit"
    second["name"] = "Another headline"
    documents = claimreview.read([BASE, second]).documents
    (document,) = documents
    assert [claim.text for claim in document.claims] == [
        "The moon is made of cheese",
        "The moon is made of green cheese",
    ]
    assert len({claim.reviews[0].reviewer for claim in document.claims}) == 1
    assert document.title == "No, the moon is not cheese"
    items = claimreview.write(document).items
    assert [item["name"] for item in items] == ["No, the moon is not cheese", "Another headline"]
    assert _reimport(documents) == documents


def test_claimant_typing_table_is_extendable() -> None:
    item = copy.deepcopy(BASE)
    item["itemReviewed"]["author"] = {"@type": "Organization", "name": "Chain letters"}
    assert claimreview.read(item).documents[0].sources[1].kind is K.NAMED_ORGANIZATION
    table = ClaimantTable.default().extended([ClaimantRule(r"chain letters", K.VAGUE_REPORTS)])
    source = claimreview.read(item, claimants=table).documents[0].sources[1]
    assert (source.kind, source.descriptor, source.plurality) == (
        K.VAGUE_REPORTS,
        "Chain letters",
        P.SEVERAL,
    )


def test_verdict_table_is_passed_through() -> None:
    item = copy.deepcopy(BASE)
    item["reviewRating"] = {"@type": "Rating", "alternateName": "Baloney"}
    assert claimreview.read(item).documents[0].claims[0].reviews[0].verdict is V.OTHER
    table = VerdictTable.default().extended([VerdictRule("baloney", V.FALSE)])
    document = claimreview.read(item, verdicts=table).documents[0]
    assert document.claims[0].reviews[0].verdict is V.FALSE
    assert document.claims[0].status is S.REFUTED


# -- malformed input: clear errors or reports, never a traceback --------------------


def test_not_json_is_a_clear_error() -> None:
    with pytest.raises(pv.MalformedJSON, match=r"not valid JSON \(line 1, column 1\)"):
        claimreview.loads("this is not JSON", location="x.json")
    with pytest.raises(pv.MalformedJSON, match="NaN"):
        claimreview.loads('{"ratingValue": NaN}')
    with pytest.raises(pv.MalformedJSON, match="UTF-8"):
        claimreview.loads(b"\xff\xfe{}")


@pytest.mark.parametrize(
    "data",
    [{}, [], {"@type": "Article"}, {"@graph": 5}, 5, "text", None, [{"@type": "Person"}, 3]],
)
def test_json_ld_without_claimreview_reports_what_was_skipped(data: Any) -> None:
    report = claimreview.read(data)
    assert report.documents == ()
    assert report.skipped
    assert report.skipped[-1].message == "no ClaimReview found"


def test_mediareview_without_claimreview_is_skipped() -> None:
    report = claimreview.read({"@type": "MediaReview", "mediaAuthenticityCategory": "Original"})
    assert report.documents == ()
    assert "without an associatedClaimReview" in report.skipped[0].message


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.append((*prefix, key))
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.append((*prefix, index))
            found.extend(_paths(value, (*prefix, index)))
    return found


WRONG_VALUES: list[Any] = [None, 7, True, 1.5, "", "x", [], {}, [1, "a"], {"a": {"b": 1}}]


@pytest.mark.parametrize("path", _paths(BASE), ids=lambda p: ".".join(map(str, p)))
def test_wrong_types_in_every_field_never_raise(path: tuple[Any, ...]) -> None:
    for wrong in WRONG_VALUES:
        data = copy.deepcopy(BASE)
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = wrong
        report = claimreview.read(data)
        for document in report.documents:
            assert codec.loads(codec.dumps(document)) == document
            assert _reimport((document,)) == (document,)
        if not report.documents:
            assert report.skipped


# -- export of documents that did not come from ClaimReview -----------------------


def _chain_document() -> pv.Document:
    builder = pv.builder.DocumentBuilder(
        id="wire-story",
        url="https://news.example/story",
        publisher=pv.Source("paper", K.PUBLICATION, name="The Paper"),
    )
    builder.add_source(pv.Source("agency", K.PUBLICATION, name="Wire Agency"))
    builder.add_source(pv.Source("ministry", K.NAMED_ORGANIZATION, name="Ministry of Things"))
    builder.add_source(pv.Source("checker", K.PUBLICATION, name="Checker"))
    builder.claim(
        "c1",
        "Things are fine",
        attribution=[
            pv.Hop("agency", pv.AttributionMode.ACCORDING_TO),
            pv.Hop("ministry", pv.AttributionMode.DIRECT_QUOTE, quote="Things are fine"),
        ],
        hedges=[pv.Hedge("reportedly", pv.HedgeCategory.EVIDENTIAL_HEARSAY)],
        reviews=[pv.Review("checker", V.MOSTLY_FALSE, url="https://checker.example/c1")],
    )
    builder.claim("c2", "Nobody reviewed this")
    return builder.build()


def test_export_leaves_out_the_chain_and_hedges_with_notes() -> None:
    document = _chain_document()
    report = claimreview.write(document)
    (item,) = report.items
    assert item["itemReviewed"]["author"] == {"@type": "Organization", "name": "Ministry of Things"}
    assert item["reviewRating"]["alternateName"] == "Mostly false"
    assert item["author"]["name"] == "Checker"
    assert not profile_problems(item).required
    actions = {(note.action, note.path) for note in report.notes}
    assert (NoteAction.LEFT_OUT, "$.claims[0].attribution") in actions
    assert (NoteAction.LEFT_OUT, "$.claims[0].hedges") in actions
    assert (NoteAction.SKIPPED, "$.claims[1]") in actions
    assert EXTENSION_PROPERTY not in item


def test_export_can_carry_what_claimreview_cannot_express() -> None:
    document = _chain_document()
    report = claimreview.write(document, extension=True)
    (item,) = report.items
    carried = item[EXTENSION_PROPERTY]
    assert [hop["source"] for hop in carried["attribution"]] == ["agency", "ministry"]
    assert carried["hedges"][0]["text"] == "reportedly"
    assert {source["id"] for source in carried["sources"]} == {"agency", "ministry"}
    assert not any(note.action is NoteAction.LEFT_OUT for note in report.notes)
    # Read back, the extension is kept verbatim and said so.
    back = claimreview.read(json.loads(json.dumps(item)))
    assert (
        back.documents[0].claims[0].reviews[0].extensions[NAMESPACE][EXTENSION_PROPERTY] == carried
    )
    assert any(note.path == f'$["{EXTENSION_PROPERTY}"]' for note in back.kept)


# -- property: import -> export -> import is the identity -------------------------

URLS = st.sampled_from(
    ["https://a.example/check/1", "https://a.example/check/2", "http://b.example/x?y=1"]
)
WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
NAMES = st.one_of(
    st.sampled_from(
        [
            "Facebook posts",
            "Fuentes Varias",
            "Plusieurs sites internet",
            "Internet",
            "Ted Cruz",
            "Detdette.dk",
            "Viral image",
            "Social media",
            "Multiple sources",
        ]
    ),
    WORDS,
)
DATES = st.one_of(
    st.sampled_from(
        [
            "2020-10-07 20:05",
            "Wed, 11 Mar 2020 01:05:52 UTC +00:00",
            "2019-01-23T14:22:00+0100",
            "2018-06-08",
            "Sun, 23 Feb 2020",
            "2017-03-01 20:30:17 UTC",
            "",
            "soon",
            "2020-13-01",
        ]
    ),
    WORDS,
)
RATING_PARTS = st.one_of(st.integers(-2, 10), st.sampled_from(["-1", "1", "5", "x", ""]), WORDS)
LABELS = st.one_of(
    st.sampled_from(
        [
            "Pants on Fire",
            "Half True",
            "FALSE",
            "Falso",
            "Mixto",
            "FAUX",
            "C\u2019est plus compliqué",
            "Falsk",
            "Will military drills end?",
        ]
    ),
    WORDS,
)
ANYTHING = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-5, 5), WORDS),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(WORDS, inner, max_size=3)),
    max_leaves=6,
)


def _optional(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields)


PEOPLE = _optional(
    **{
        "@type": st.sampled_from(["Person", "Organization", "NewsMediaOrganization"]),
        "name": NAMES,
        "url": URLS,
        "sameAs": st.one_of(URLS, st.lists(URLS, max_size=3), WORDS),
        "jobTitle": WORDS,
    }
)
AUTHORS = st.one_of(PEOPLE, NAMES, st.lists(PEOPLE, max_size=3), ANYTHING)
APPEARANCES = st.one_of(
    URLS,
    WORDS,
    st.lists(
        st.one_of(
            URLS, WORDS, st.fixed_dictionaries({"@type": st.just("CreativeWork"), "url": URLS})
        )
    ),
)
CLAIMREVIEWS = _optional(
    **{
        "@context": st.just("https://schema.org"),
        "@type": st.just("ClaimReview"),
        "url": st.one_of(URLS, ANYTHING),
        "datePublished": st.one_of(DATES, ANYTHING),
        "name": st.one_of(WORDS, ANYTHING),
        "inLanguage": st.one_of(st.sampled_from(["en", "es", "fr-FR", "not a tag"]), ANYTHING),
        "author": AUTHORS,
        "claimReviewed": st.one_of(WORDS, ANYTHING),
        "reviewRating": st.one_of(
            _optional(
                **{
                    "@type": st.sampled_from(["Rating", "AggregateRating"]),
                    "ratingValue": st.one_of(RATING_PARTS, ANYTHING),
                    "bestRating": RATING_PARTS,
                    "worstRating": RATING_PARTS,
                    "alternateName": st.one_of(LABELS, ANYTHING),
                    "image": URLS,
                }
            ),
            ANYTHING,
        ),
        "itemReviewed": st.one_of(
            _optional(
                **{
                    "@type": st.sampled_from(["Claim", "CreativeWork"]),
                    "author": AUTHORS,
                    "datePublished": st.one_of(DATES, ANYTHING),
                    "appearance": APPEARANCES,
                    "firstAppearance": APPEARANCES,
                    "name": WORDS,
                }
            ),
            ANYTHING,
        ),
        "sdLicense": URLS,
    }
).map(lambda item: {"@type": "ClaimReview", **item})
INPUTS = st.one_of(
    CLAIMREVIEWS,
    st.lists(CLAIMREVIEWS, min_size=1, max_size=4),
    st.lists(CLAIMREVIEWS, min_size=1, max_size=3).map(lambda items: {"@graph": items}),
    CLAIMREVIEWS.map(
        lambda item: {
            "@type": "MediaReview",
            "associatedClaimReview": item,
            "mediaAuthenticityCategory": "Original",
        }
    ),
)


@given(INPUTS)
def test_import_export_import_is_the_identity(data: Any) -> None:
    first = claimreview.read(data)
    for document in first.documents:
        assert codec.structure(codec.unstructure(document)) == document
    assert _reimport(first.documents) == first.documents
    assert len(first.documents) + len(first.skipped) >= 1
