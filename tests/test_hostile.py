"""Hostile input is refused cleanly: one test per defect found by probing as a hostile user.

Every case here once raised something other than a ``ProvenanceError`` (or
wrote what no reader takes back); each is now refused with the JSON path or
file position of the fault, or handled.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance import codec, json_policy
from provenance.errors import (
    InvalidRecord,
    InvalidValue,
    MalformedAnnotation,
    MalformedJSON,
    ProvenanceError,
    UnreadableText,
)
from provenance.model import Document, Rating, Review, Verdict

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
RECORD = (EXAMPLES / "oan-2025-06-11-kosovo-deportees.json").read_text(encoding="utf-8")
ARTICLE = (EXAMPLES / "oan-2025-06-11-kosovo-deportees.txt").read_text(encoding="utf-8")


@pytest.fixture(params=codec.json_backend_names())
def backend(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each JSON backend this installation has (the policy must hold under both)."""
    with codec.use_json_backend(request.param):
        yield request.param


def _with_extension(value_text: str) -> str:
    """The example record with ``extensions: {"x:v": <value_text>}`` spliced in as raw JSON."""
    return '{"extensions": {"x:v": ' + value_text + "}," + RECORD.lstrip()[1:]


def _document() -> Document:
    return codec.loads(RECORD)


def _paths(error: InvalidRecord) -> list[str]:
    return [problem.path for problem in error.problems]


# -- lone surrogates and invalid UTF-8 ----------------------------------------------------


@pytest.mark.usefixtures("backend")
def test_a_lone_surrogate_escape_is_refused_with_its_path() -> None:
    text = RECORD.replace('"id": "oan', '"id": "\\ud800oan', 1)
    for given_text in (text, text.encode("utf-8")):
        with pytest.raises(InvalidRecord) as caught:
            codec.loads(given_text)
        assert _paths(caught.value) == ["$.id"]
        assert "\\ud800" in str(caught.value)  # quoted escaped, printable anywhere
        str(caught.value).encode("utf-8")  # the message itself is valid UTF-8


@pytest.mark.usefixtures("backend")
def test_the_issue_one_liner_is_refused_not_crashed() -> None:
    with pytest.raises(ProvenanceError):
        codec.loads(r'{"id":"\ud800"}')


@pytest.mark.usefixtures("backend")
def test_cesu8_surrogate_bytes_are_not_utf8() -> None:
    # U+1F600 written as two three-byte surrogate sequences (CESU-8), not as UTF-8.
    raw = RECORD.encode("utf-8").replace(b'"id": "oan', b'"id": "\xed\xa0\xbd\xed\xb8\x80oan', 1)
    with pytest.raises(MalformedJSON) as caught:
        codec.loads(raw)
    assert "not UTF-8" in str(caught.value)
    assert caught.value.line == 3


def test_a_record_holding_a_lone_surrogate_is_not_written() -> None:
    document = attrs.evolve(_document(), title="caf\udce9")
    with pytest.raises(InvalidRecord) as caught:
        codec.dumps(document)
    assert _paths(caught.value) == ["$.title"]


def test_text_digest_check_of_a_lone_surrogate_does_not_crash() -> None:
    from provenance import integrity

    document = attrs.evolve(_document(), text="x\ud800", text_sha256="0" * 64)
    assert integrity.check(document)  # a mismatch reported, not a UnicodeEncodeError


def test_extractor_refuses_a_lone_surrogate_in_article_text() -> None:
    from provenance.extraction import Extractor

    with pytest.raises(UnreadableText, match="lone surrogate"):
        Extractor().extract("The minister said taxes rose \udce9.")


def test_printable_escapes_what_a_terminal_cannot_show() -> None:
    assert json_policy.printable("a\ud800b\x1b[0m\u2028") == "a\\ud800b\\x1b[0m\\u2028"
    assert len(json_policy.printable("x" * 500)) == 80


# -- numbers ------------------------------------------------------------------------------


@pytest.mark.usefixtures("backend")
@pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity", "1e400", "-1E400"])
def test_non_finite_numbers_are_refused_with_their_path(raw: str) -> None:
    with pytest.raises(InvalidRecord) as caught:
        codec.loads(_with_extension(raw))
    assert _paths(caught.value) == ["$.extensions['x:v']"]


@pytest.mark.usefixtures("backend")
def test_an_integer_past_the_stated_size_is_refused() -> None:
    with pytest.raises(InvalidRecord, match="5000 digits"):
        codec.loads(_with_extension("9" * 5000))
    with pytest.raises(InvalidRecord, match=f"at most {json_policy.MAX_INT_DIGITS}"):
        codec.loads(_with_extension("1" * (json_policy.MAX_INT_DIGITS + 1)))


@pytest.mark.usefixtures("backend")
def test_an_integer_within_the_size_is_kept_exact() -> None:
    big = int("7" * json_policy.MAX_INT_DIGITS)
    document = codec.loads(_with_extension(str(big)))
    assert document.extensions["x:v"] == big
    assert codec.loads(codec.dumps(document)) == document


def test_one_huge_integer_line_does_not_abort_a_json_lines_batch() -> None:
    good = json.dumps(json.loads(RECORD))
    lines = "\n".join([good, _with_extension("9" * 5000).replace("\n", " "), good]) + "\n"
    result = codec.read_jsonl(io.BytesIO(lines.encode("utf-8")))
    assert len(result.documents) == 2
    assert [skipped.line for skipped in result.skipped] == [2]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 10**400])
def test_a_rating_no_reader_takes_back_is_refused(value: Any) -> None:
    """NaN and infinity are refused by the model; 10**400 (once an OverflowError) by the writer."""
    document = _document()
    claim = document.claims[0]
    with pytest.raises(ProvenanceError) as caught:
        rating = Rating(value, 5, 1)
        reviewed = attrs.evolve(claim, reviews=(Review("pf", Verdict.FALSE, rating=rating),))
        codec.dumps(attrs.evolve(document, claims=(reviewed, *document.claims[1:])), check=False)
    if isinstance(caught.value, InvalidRecord):
        assert _paths(caught.value) == ["$.claims[0].reviews[0].rating.value"]


@pytest.mark.parametrize("value", [float("nan"), float("-inf"), 10**400])
def test_an_extension_no_reader_takes_back_is_not_written(value: Any) -> None:
    document = attrs.evolve(_document(), extensions={"x:v": {"n": [value]}})
    with pytest.raises(InvalidRecord) as caught:
        codec.dumps(document)
    assert _paths(caught.value) == ["$.extensions['x:v'].n[0]"]


# -- nesting ------------------------------------------------------------------------------


@pytest.mark.usefixtures("backend")
@pytest.mark.parametrize("depth", [json_policy.MAX_DEPTH + 1, 900, 3000])
def test_nesting_past_the_bound_is_refused_on_load(depth: int) -> None:
    with pytest.raises((InvalidRecord, MalformedJSON), match="nested"):
        codec.loads(_with_extension("[" * depth + "]" * depth))


@pytest.mark.usefixtures("backend")
def test_nesting_within_the_bound_loads_and_writes() -> None:
    depth = json_policy.MAX_DEPTH - 3  # the record and its extensions object take 2 levels
    document = codec.loads(_with_extension("[" * depth + "]" * depth))
    assert codec.loads(codec.dumps(document)) == document


@pytest.mark.usefixtures("backend")
@pytest.mark.parametrize("depth", [json_policy.MAX_DEPTH + 1, 900, 5000])
def test_nesting_past_the_bound_is_refused_on_write(depth: int) -> None:
    value: Any = []
    for _ in range(depth):
        value = [value]
    document = attrs.evolve(_document(), extensions={"x:v": value})
    with pytest.raises(InvalidRecord, match="nested more than"):
        codec.dumps(document)


@given(st.recursive(st.none() | st.integers() | st.text(), lambda inner: st.lists(inner)))
def test_whatever_loads_writes_and_loads_back(value: Any) -> None:
    """Round trip: a record the policy lets in is one it writes, and reads back equal."""
    try:
        document = codec.loads(_with_extension(json.dumps(value)))
    except ProvenanceError:
        return
    assert codec.loads(codec.dumps(document)) == document


# -- ClaimReview ----------------------------------------------------------------------------


def _claimreview(**changes: Any) -> dict[str, Any]:
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://fact.example/check/1",
        "claimReviewed": "Taxes rose by half.",
        "author": {"@type": "Organization", "name": "Fact Example"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "False",
        },
    }
    review.update(changes)
    return review


def test_claimreview_url_that_does_not_parse_is_no_crash() -> None:
    from provenance.formats.claimreview import loads as loads_claimreview

    report = loads_claimreview(json.dumps(_claimreview(url="http://[")))
    for document in report.documents:
        codec.loads(codec.dumps(document))


def test_claimreview_lone_surrogate_url_is_refused_with_its_path() -> None:
    from provenance.formats.claimreview import loads as loads_claimreview

    with pytest.raises(MalformedJSON, match=r"\$\.url"):
        loads_claimreview(json.dumps(_claimreview(url="https://x.example/\ud800")))


def test_claimreview_huge_rating_is_refused_not_overflowed() -> None:
    from provenance.formats.claimreview import loads as loads_claimreview

    text = json.dumps(_claimreview()).replace('"ratingValue": 1', '"ratingValue": 1' + "0" * 400)
    with pytest.raises(MalformedJSON, match="digits"):
        loads_claimreview(text)


def test_two_jsonld_blocks_reviewing_one_url_give_one_document() -> None:
    from provenance.formats.claimreview import loads as loads_claimreview

    block = json.dumps(_claimreview())
    script = f'<script type="application/ld+json">{block}</script>'
    report = loads_claimreview(f"<html><head>{script}</head><body>{script}</body></html>")
    assert len(report.documents) == 1
    assert any("earlier JSON-LD block" in note.message for note in report.notes)


def test_claimreview_nested_near_the_limit_is_skipped_not_unwritable() -> None:
    """Found by fuzzing: kept verbatim, a value 60 deep went past the limit inside the record."""
    from provenance.formats.claimreview import loads as loads_claimreview

    deep: Any = 1
    for _ in range(60):
        deep = [deep]
    rating = dict(_claimreview()["reviewRating"], image={"x:y": deep})
    report = loads_claimreview(json.dumps(_claimreview(reviewRating=rating)))
    for document in report.documents:
        codec.loads(codec.dumps(document))


# -- brat -----------------------------------------------------------------------------------


def test_brat_duplicate_event_ids_are_refused() -> None:
    from provenance.formats.brat import loads as parse_ann

    content = (
        "T1\tSource 0 3\tThe\nT2\tCue 4 8\tsaid\nT3\tContent 9 12\tfoo\n"
        "E1\tAttribution:T2 Source:T1 Content:T3\nE1\tAttribution:T2 Source:T1 Content:T3\n"
    )
    with pytest.raises(MalformedAnnotation, match="E1 is used twice") as caught:
        parse_ann(content, location="x.ann")
    assert caught.value.location == "x.ann:5"


def test_brat_offsets_past_any_text_are_refused() -> None:
    from provenance.formats.brat import loads as parse_ann

    with pytest.raises(MalformedAnnotation, match="bad offsets"):
        parse_ann("T1\tSource 0 " + "9" * 5000 + "\tx\n", location="x.ann")


def test_brat_gold_file_that_is_a_folder_is_reported(tmp_path: Path) -> None:
    from provenance.formats.brat import load as read_ann

    (tmp_path / "x.ann").mkdir()
    with pytest.raises(MalformedAnnotation, match="cannot read"):
        read_ann(tmp_path / "x.ann")


# -- corpus and extraction --------------------------------------------------------------------


def test_audit_of_an_unreadable_folder_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from provenance.codec import load_corpus

    folder = tmp_path / "locked"
    folder.mkdir()
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(folder))
        return real(path)

    # Root reads every folder whatever its mode: stand in for the system's refusal.
    monkeypatch.setattr(os, "scandir", scandir)
    corpus = load_corpus([folder])
    assert not corpus.documents
    assert [error.message for error in corpus.errors] == [
        "cannot read the folder: Permission denied"
    ]


def test_a_boilerplate_marker_drops_its_sentence_not_the_article() -> None:
    from provenance.extraction import Extractor

    one_line = ARTICLE.replace("\n", " ")  # an article without line breaks
    drafted = Extractor().extract(one_line)
    with_breaks = Extractor().extract(ARTICLE)
    # Once it drafted nothing. Now the same claims, but for the byline the first one takes in.
    assert len(drafted.claims) == len(with_breaks.claims)
    assert [c.text for c in drafted.claims[1:]] == [c.text for c in with_breaks.claims[1:]]
    assert not any("Subscribe" in claim.text for claim in drafted.claims)


# -- scale --------------------------------------------------------------------------------------


@pytest.mark.parametrize("writer", ["dumps_provn", "dumps"])
def test_prov_exports_grow_linearly_in_the_number_of_records(writer: str) -> None:
    """Each bundle once declared every prefix of the batch: 3x the records gave 7.5x the text."""
    from provenance.formats import prov

    document = _document()

    def size(count: int) -> int:
        batch = [attrs.evolve(document, id=f"r{number}") for number in range(count)]
        return len(getattr(prov, writer)(batch))

    ratio = size(40) / size(4)
    assert 9.5 < ratio < 10.5


def test_structure_of_python_data_applies_the_policy() -> None:
    """Data that never was JSON text (built in Python) meets the same policy as parsed text."""
    data = json.loads(RECORD)
    deep: Any = []
    for _ in range(900):  # once a RecursionError inside schema validation
        deep = [deep]
    for bad, path in (
        (dict(data, claims=deep), "$.claims"),
        (dict(data, extensions={"x:v": float("nan")}), "$.extensions['x:v']"),
        (dict(data, title="\ud800"), "$.title"),
    ):
        with pytest.raises(InvalidRecord) as caught:
            codec.structure(bad)
        assert caught.value.problems[0].path.startswith(path)


# A user's table files (lexicon, verdicts, claimants, gazetteer) are JSON the user
# writes by hand or generates; they go through the records' hostile-value policy.
def _table_loaders() -> list[Any]:
    from provenance.codec import load_gazetteer
    from provenance.extraction import load_lexicon
    from provenance.formats.claimants import load_claimants
    from provenance.formats.verdicts import load_verdicts

    return [load_lexicon, load_verdicts, load_claimants, load_gazetteer]


_HOSTILE_TABLES = [
    (b'{"x": "\\ud800"}', "$.x"),  # a lone surrogate escape
    (b'{"x": "\xed\xa0\x80\xed\xb0\x80"}', None),  # CESU-8 surrogate bytes
    (b'{"x": NaN}', "$.x"),
    (b'{"x": 1e400}', "$.x"),
    (b'{"x": ' + b"9" * 5000 + b"}", "$.x"),
    (b'{"x": ' + b"[" * 100 + b"]" * 100 + b"}", None),
]


@pytest.mark.parametrize(("raw", "where"), _HOSTILE_TABLES)
@pytest.mark.parametrize("loader", range(4))
def test_a_hostile_table_file_is_refused_with_its_file(
    tmp_path: Path, raw: bytes, where: str | None, loader: int
) -> None:
    path = tmp_path / "table.json"
    path.write_bytes(raw)
    with pytest.raises(InvalidValue) as caught:
        _table_loaders()[loader](path)
    error = caught.value
    assert error.location == str(path)
    assert str(path) in str(error)
    if where is not None:
        assert error.path == where or where in str(error)


@pytest.mark.parametrize("loader", range(4))
def test_a_table_file_that_is_not_utf8_names_the_file_and_line(tmp_path: Path, loader: int) -> None:
    path = tmp_path / "table.json"
    path.write_bytes(b'{\n  "x": "caf\xe9"\n}')
    with pytest.raises(InvalidValue) as caught:
        _table_loaders()[loader](path)
    assert "not JSON" in str(caught.value) and str(path) in str(caught.value)
