"""Example tests of loading and dumping records (the property tests are in test_properties.py)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest

import provenance as pv
from provenance import codec, validation

TEXT = "Kosovo agreed to take in at least 50 deportees, according to multiple reports."


@pytest.fixture(autouse=True, params=validation.engine_names())
def engine(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run every test of this module with each installed schema engine (the default one first)."""
    with validation.use_engine(request.param):
        yield request.param


def small_document() -> pv.Document:
    builder = pv.builder.DocumentBuilder(
        id="d1",
        text=TEXT,
        publisher=pv.Source("oan", pv.SourceKind.PUBLICATION, name="One America News"),
    )
    builder.add_source(
        pv.Source(
            "reports",
            pv.SourceKind.VAGUE_REPORTS,
            descriptor="multiple reports",
            plurality=pv.Plurality.SEVERAL,
        )
    )
    builder.claim(
        "lead",
        "Kosovo agreed to take in at least 50 deportees",
        attribution=[
            pv.Hop(
                "reports",
                pv.AttributionMode.ACCORDING_TO,
                cue=pv.Excerpt("according to"),
                mention=pv.Excerpt("multiple reports"),
            )
        ],
    )
    return builder.build()


def test_round_trip_and_defaults_left_out() -> None:
    document = small_document()
    text = pv.dumps(document)
    data = json.loads(text)
    assert data["schema"] == pv.SCHEMA_ID
    assert "link_status" not in data["claims"][0]["attribution"][0]
    assert pv.loads(text) == document
    assert pv.loads(text.encode()) == document


def test_builder_places_spans_and_derives_status() -> None:
    claim = small_document().claims[0]
    assert claim.span == pv.Span(0, 46)
    cue = claim.attribution[0].cue
    assert cue is not None and cue.span == pv.Span(48, 60)
    assert claim.status is pv.ConfidenceStatus.REPORTED
    assert claim.status_reasons == ("origin multiple reports is vague_reports",)


def test_invalid_record_lists_every_problem_with_its_path() -> None:
    data = json.loads(pv.dumps(small_document()))
    data["claims"][0]["attribution"][0]["mode"] = "blog"
    data["claims"][0]["attribution"][0]["colour"] = "red"
    del data["claims"][0]["status"]
    with pytest.raises(pv.InvalidRecord) as caught:
        pv.loads(json.dumps(data), location="x.json")
    paths = [problem.path for problem in caught.value.problems]
    assert paths == [
        "$.claims[0].attribution[0].colour",
        "$.claims[0].attribution[0].mode",
        "$.claims[0].status",
    ]
    assert "'blog'" in str(caught.value) or '"blog"' in str(caught.value)
    assert str(caught.value).startswith("x.json: invalid record: 3 problems")


def test_document_rules_run_after_the_schema() -> None:
    data = json.loads(pv.dumps(small_document()))
    data["claims"][0]["attribution"][0]["source"] = "nobody"
    data["claims"][0]["span"] = {"start": 1, "end": 3}
    with pytest.raises(pv.InvalidRecord) as caught:
        pv.loads(json.dumps(data))
    paths = [problem.path for problem in caught.value.problems]
    assert "$.claims[0].span" in paths
    assert "$.claims[0].attribution[0].source" in paths


def test_span_with_start_after_end_is_located() -> None:
    data = json.loads(pv.dumps(small_document()))
    data["claims"][0]["span"] = {"start": 9, "end": 3}
    with pytest.raises(pv.InvalidRecord) as caught:
        pv.loads(json.dumps(data))
    assert caught.value.problems[0].path == "$.claims[0].span"


def test_not_json_is_malformed_with_line() -> None:
    with pytest.raises(pv.MalformedJSON) as caught:
        pv.loads('{\n  "id": ', location="bad.json")
    assert caught.value.line == 2
    assert "bad.json" in str(caught.value)


def test_jsonl_reader_goes_on_past_bad_lines() -> None:
    good = pv.dumps(small_document())
    stream = io.StringIO(good + "\n{oops\n\n" + good + "\n")
    result = pv.read_jsonl(stream)
    assert len(result.documents) == 2
    assert [skip.line for skip in result.skipped] == [2]
    assert isinstance(result.skipped[0].error, pv.MalformedJSON)


def test_jsonl_reader_raises_without_a_handler() -> None:
    stream = io.StringIO("{oops\n")
    with pytest.raises(pv.MalformedJSON) as caught:
        list(pv.iter_jsonl(stream))
    assert caught.value.location is not None and caught.value.location.endswith(":1")


def test_dump_writes_whole_or_not_at_all(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out.jsonl"
    target.write_text("previous\n")
    document = small_document()
    broken = pv.Document(id="broken", publisher="missing")

    with pytest.raises(pv.InvalidRecord):
        codec.write_jsonl([document, broken], target)
    assert target.read_text() == "previous\n"
    assert list(tmp_path.iterdir()) == [target]

    assert codec.write_jsonl([document, document], target) == 2
    assert len(pv.read_jsonl(target).documents) == 2


def test_iter_file_reads_either_kind_by_its_ending(tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = small_document()
    single = tmp_path / "one.json"
    pv.dump(document, single)
    lines = tmp_path / "many.jsonl"
    lines.write_text(pv.dumps(document) + "\n{oops\n" + pv.dumps(document) + "\n")

    assert list(codec.iter_file(single)) == [document]
    skipped: list[codec.LineError] = []
    assert list(codec.iter_file(lines, on_error=skipped.append)) == [document, document]
    assert [error.line for error in skipped] == [2]
