"""Property tests of the codec, the schema and the document rules over generated records."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from record_places import enum_places, records, reference_places, required_places, span_owners

import provenance as pv
from provenance import integrity, validation
from provenance import strategies as pst

# Corruption tests break one place of a record; smaller records keep them quick.
SMALL = {"max_claims": 3, "max_sources": 4, "max_hops": 2}


def problem_paths(data: dict[str, Any]) -> list[str]:
    with pytest.raises(pv.InvalidRecord) as caught:
        pv.loads(json.dumps(data, ensure_ascii=False))
    return [problem.path for problem in caught.value.problems]


# --- round trips --------------------------------------------------------------------------


@given(pst.documents())
def test_dumps_then_loads_gives_an_equal_document(document: pv.Document) -> None:
    assert pv.loads(pv.dumps(document)) == document
    assert pv.loads(pv.dumps(document, indent=2).encode("utf-8")) == document


@given(st.lists(pst.documents(max_claims=2, max_sources=3), max_size=3))
def test_json_lines_write_then_read_gives_equal_documents(
    documents: list[pv.Document],
) -> None:
    stream = io.StringIO()
    assert pv.write_jsonl(documents, stream) == len(documents)
    assert list(pv.iter_jsonl(io.StringIO(stream.getvalue()))) == documents
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.jsonl"
        assert pv.write_jsonl(documents, path) == len(documents)
        result = pv.read_jsonl(path)
        # A text-mode handle splits on universal newlines; U+2028 in a text must not split.
        with path.open(encoding="utf-8") as handle:
            assert list(pv.iter_jsonl(handle)) == documents
    assert result.skipped == ()
    assert list(result.documents) == documents


@given(pst.documents(max_claims=2))
def test_dump_to_a_file_then_load_gives_an_equal_document(document: pv.Document) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "record.json"
        pv.dump(document, path)
        assert pv.load(path) == document


# --- generated records are valid ----------------------------------------------------------


@given(pst.documents())
def test_every_generated_document_passes_schema_and_rules(document: pv.Document) -> None:
    data = pv.unstructure(document)
    assert validation.schema_problems(data) == ()
    assert integrity.check(document) == ()


# --- corrupted records are rejected at the exact place ------------------------------------


@given(pst.documents(min_claims=1, **SMALL), st.data())
def test_an_unknown_enum_value_is_reported_at_its_path(
    document: pv.Document, data: st.DataObject
) -> None:
    record = json.loads(pv.dumps(document))
    places = enum_places(record)
    path, owner, field = data.draw(st.sampled_from(places), label="place")
    owner[field] = 7 if field == "credibility" else "no-such-value"
    assert problem_paths(record) == [path]


@given(pst.documents(min_claims=1, **SMALL), st.data())
def test_a_missing_required_field_is_reported_at_its_path(
    document: pv.Document, data: st.DataObject
) -> None:
    record = json.loads(pv.dumps(document))
    path, owner, field = data.draw(st.sampled_from(required_places(record)), label="place")
    del owner[field]
    assert problem_paths(record) == [path]


@given(pst.documents(**SMALL), st.data())
def test_a_dangling_id_is_reported_at_its_path(document: pv.Document, data: st.DataObject) -> None:
    record = json.loads(pv.dumps(document))
    places = reference_places(record)
    path, container, key = data.draw(st.sampled_from(places), label="place")
    used = {source["id"] for source in record.get("sources", [])}
    used |= {claim["id"] for claim in record.get("claims", [])}
    missing = data.draw(pst.ids().filter(lambda value: value not in used), label="missing id")
    container[key] = missing
    # A dangling id may also change a derived status or an inherited chain, so other
    # problems can come with it; the one at the corrupted place must be there.
    assert path in problem_paths(record)


@given(pst.documents(min_claims=1, with_text=True, **SMALL), st.data())
def test_a_span_moved_off_its_words_is_reported_at_its_path(
    document: pv.Document, data: st.DataObject
) -> None:
    record = json.loads(pv.dumps(document))
    text = record["text"]
    path, owner, words = data.draw(st.sampled_from(span_owners(record)), label="place")
    span = owner["span"]
    moves = [
        shift
        for shift in range(-span["start"], len(text) - span["end"] + 1)
        if shift and text[span["start"] + shift : span["end"] + shift] != words
    ]
    if moves:
        shift = data.draw(st.sampled_from(moves), label="shift")
        owner["span"] = {"start": span["start"] + shift, "end": span["end"] + shift}
    else:  # the words fill the text, or every shift finds the same words: move past the end
        owner["span"] = {"start": span["start"] + 1, "end": len(text) + 1}
    assert problem_paths(record) == [f"{path}.span"]


@given(pst.documents(**SMALL), st.data())
def test_an_unknown_field_is_reported_at_its_path(
    document: pv.Document, data: st.DataObject
) -> None:
    record = json.loads(pv.dumps(document))
    places = list(records(record))
    path, _kind, owner = data.draw(st.sampled_from(places), label="place")
    name = data.draw(st.sampled_from(["colour", "x_note", "Mode"]), label="field")
    assume(name not in owner)
    owner[name] = data.draw(st.sampled_from([None, 1, "red", []]), label="value")
    assert problem_paths(record) == [f"{path}.{name}"]


@given(pst.documents(min_claims=1, **SMALL), st.data())
def test_a_wrong_type_is_reported_at_its_path(document: pv.Document, data: st.DataObject) -> None:
    record = json.loads(pv.dumps(document))
    path, owner, field = data.draw(st.sampled_from(required_places(record)), label="place")
    owner[field] = [owner[field]]  # no required field of the schema is an array
    assert path in problem_paths(record)


# --- corrupted document rules are reported at the exact place -----------------------------


@given(pst.documents(min_claims=1, **SMALL), st.data())
def test_a_broken_chain_is_reported_at_the_hop(document: pv.Document, data: st.DataObject) -> None:
    chained = [i for i, claim in enumerate(document.claims) if claim.attribution]
    assume(chained)
    index = data.draw(st.sampled_from(chained), label="claim")
    record = json.loads(pv.dumps(document))
    hops = record["claims"][index]["attribution"]
    at = data.draw(st.integers(min_value=0, max_value=len(hops) - 1), label="hop")
    # The publisher at hop 0, the source of the level before, or one passed earlier.
    earlier = [record["publisher"]] + [hop["source"] for hop in hops[:at]]
    hops[at]["source"] = data.draw(st.sampled_from(earlier), label="source")
    record["claims"][index].pop("inherits", None)  # keep the fault to the chain itself
    assert f"$.claims[{index}].attribution[{at}].source" in problem_paths(record)


@given(pst.documents(min_claims=1, **SMALL), st.data())
def test_a_status_the_table_does_not_give_is_reported(
    document: pv.Document, data: st.DataObject
) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(document.claims) - 1))
    record = json.loads(pv.dumps(document))
    claim = record["claims"][index]
    derived = pv.status.derive_status(document.claims[index], document).status.value
    claim.pop("status_override", None)
    claim["status"] = data.draw(
        st.sampled_from([s.value for s in pv.ConfidenceStatus if s.value != derived])
    )
    assert problem_paths(record) == [f"$.claims[{index}].status"]


@given(pst.documents(with_text=True, **SMALL), pst.phrases(max_words=2))
def test_a_text_that_no_longer_matches_its_digest_is_reported(
    document: pv.Document, extra: str
) -> None:
    record = json.loads(pv.dumps(document))
    record["text"] += extra  # appended: every span still points at its words
    record["text_sha256"] = record.get("text_sha256") or "0" * 64
    assert problem_paths(record) == ["$.text_sha256"]


@given(pst.documents(**SMALL), st.data())
def test_a_loop_of_affiliations_is_reported(document: pv.Document, data: st.DataObject) -> None:
    record = json.loads(pv.dumps(document))
    sources = record["sources"]
    index = data.draw(st.integers(min_value=0, max_value=len(sources) - 1), label="source")
    sources[index]["affiliation"] = sources[index]["id"]  # the shortest loop there is
    assert f"$.sources[{index}].affiliation" in problem_paths(record)


# --- extensions of any JSON ---------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
extensions = st.dictionaries(st.text(max_size=8), json_values, max_size=3)


@given(extensions)
def test_extensions_of_any_json_survive_a_round_trip(extra: dict[str, Any]) -> None:
    source = pv.Source("oan", pv.SourceKind.PUBLICATION, name="OAN", extensions=extra)
    review = pv.Review("oan", pv.Verdict.SATIRE, extensions=extra)
    claim = pv.Claim(
        id="c", text="t", status=pv.ConfidenceStatus.ASSERTED, reviews=[review], extensions=extra
    )
    document = pv.Document(
        id="d", publisher="oan", sources=[source], claims=[claim], extensions=extra
    )
    assert pv.loads(pv.dumps(document)) == document
