"""Local invariants of the model: a bad value raises InvalidValue when the object is built."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import provenance as pv
from provenance import strategies as pst

# For each enum-valued field: how to build an object with that field set to ``value``.
ENUM_FIELD_BUILDERS: dict[str, tuple[type[enum.Enum], Callable[[Any], object]]] = {
    "Source.kind": (pv.SourceKind, lambda value: pv.Source("s", value, name="S")),
    "Source.plurality": (
        pv.Plurality,
        lambda value: pv.Source("s", pv.SourceKind.GENERIC, plurality=value),
    ),
    "Source.reliability": (
        pv.Reliability,
        lambda value: pv.Source("s", pv.SourceKind.GENERIC, reliability=value),
    ),
    "Hop.mode": (pv.AttributionMode, lambda value: pv.Hop("s", value, quote="q")),
    "Hop.link_status": (
        pv.LinkStatus,
        lambda value: pv.Hop("s", pv.AttributionMode.TOLD, link_status=value),
    ),
    "Hedge.category": (pv.HedgeCategory, lambda value: pv.Hedge("may", value)),
    "Hedge.factuality": (
        pv.Factuality,
        lambda value: pv.Hedge("may", pv.HedgeCategory.EPISTEMIC, factuality=value),
    ),
    "Perspective.value": (pv.Factuality, lambda value: pv.Perspective("s", value)),
    "Perspective.temporality": (
        pv.Temporality,
        lambda value: pv.Perspective("s", pv.Factuality.UNDERSPECIFIED, temporality=value),
    ),
    "Review.verdict": (pv.Verdict, lambda value: pv.Review("s", value)),
    "Evidence.stance": (pv.Stance, lambda value: pv.Evidence(note="n", stance=value)),
    "Claim.status": (pv.ConfidenceStatus, lambda value: pv.Claim(id="c", text="t", status=value)),
    "Claim.credibility": (
        pv.Credibility,
        lambda value: pv.Claim(
            id="c", text="t", status=pv.ConfidenceStatus.ASSERTED, credibility=value
        ),
    ),
}


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_a_span_ending_before_it_starts_is_refused(start: int, back: int) -> None:
    with pytest.raises(pv.InvalidValue) as caught:
        pv.Span(start + back, start)
    assert caught.value.found == repr(start)


@given(st.integers(max_value=-1), st.integers(min_value=0))
def test_a_span_starting_below_zero_is_refused(start: int, end: int) -> None:
    with pytest.raises(pv.InvalidValue):
        pv.Span(start, end)


@given(pst.spans(max_end=50))
def test_spans_with_start_not_after_end_are_accepted(span: pv.Span) -> None:
    assert pv.Span(span.start, span.end) == span


@pytest.mark.parametrize("mode", [m for m in pv.AttributionMode if m.is_quote])
def test_a_quote_mode_without_its_quote_is_refused(mode: pv.AttributionMode) -> None:
    with pytest.raises(pv.InvalidValue) as caught:
        pv.Hop("reuters", mode)
    assert "quote" in caught.value.message
    assert pv.Hop("reuters", mode, quote="We welcome cooperation").quote is not None


@pytest.mark.parametrize("mode", [m for m in pv.AttributionMode if not m.is_quote])
def test_other_modes_need_no_quote(mode: pv.AttributionMode) -> None:
    assert pv.Hop("reuters", mode).quote is None


@pytest.mark.parametrize("field", sorted(ENUM_FIELD_BUILDERS))
@given(value=st.one_of(st.text(max_size=12), st.integers(), st.floats(allow_nan=False)))
def test_a_value_outside_the_enum_is_refused(field: str, value: object) -> None:
    kind, build = ENUM_FIELD_BUILDERS[field]
    assume(value not in {member.value for member in kind})
    with pytest.raises(pv.InvalidValue) as caught:
        build(value)
    assert caught.value.found == repr(value)


@pytest.mark.parametrize("field", sorted(ENUM_FIELD_BUILDERS))
def test_every_enum_value_is_accepted_and_converted(field: str) -> None:
    kind, build = ENUM_FIELD_BUILDERS[field]
    attribute = field.split(".")[1]
    for member in kind:
        built = build(member.value)
        assert getattr(built, attribute) is member


@given(st.integers().filter(lambda n: not 1 <= n <= 6))
def test_credibility_outside_one_to_six_is_refused(value: int) -> None:
    with pytest.raises(pv.InvalidValue):
        pv.Claim(id="c", text="t", status=pv.ConfidenceStatus.ASSERTED, credibility=value)


@given(st.text(max_size=3).filter(lambda s: s not in {"A", "B", "C", "D", "E", "F"}))
def test_reliability_other_than_a_to_f_is_refused(value: str) -> None:
    with pytest.raises(pv.InvalidValue):
        pv.Source("s", pv.SourceKind.GENERIC, reliability=value)


@given(st.text(max_size=12).filter(lambda s: not s or not (s[0].isascii() and s[0].isalpha())))
def test_ids_outside_the_pattern_are_refused(value: str) -> None:
    assume(not value.startswith("_"))
    with pytest.raises(pv.InvalidValue):
        pv.Source(value, pv.SourceKind.GENERIC)


@given(pst.ids())
def test_generated_ids_are_accepted(value: str) -> None:
    assert pv.Source(value, pv.SourceKind.GENERIC).id == value


@pytest.mark.parametrize(
    "kind", [k for k in pv.SourceKind if k.is_named and k is not pv.SourceKind.AUTHOR]
)
def test_a_named_source_needs_a_name_or_a_descriptor(kind: pv.SourceKind) -> None:
    with pytest.raises(pv.InvalidValue):
        pv.Source("s", kind)
    assert pv.Source("s", kind, descriptor="the ministry").label == "the ministry"


def test_evidence_needs_a_url_or_a_note() -> None:
    with pytest.raises(pv.InvalidValue):
        pv.Evidence()


@pytest.mark.parametrize("value", ["", "   ", "\n\t"])
def test_blank_excerpts_and_hedges_are_refused(value: str) -> None:
    with pytest.raises(pv.InvalidValue):
        pv.Excerpt(value)
    with pytest.raises(pv.InvalidValue):
        pv.Hedge(value, pv.HedgeCategory.EPISTEMIC)


@pytest.mark.parametrize("value", ["11 June 2025", "2025-6-11", "20250611", "2025-06-11T9:30"])
def test_dates_not_in_iso_8601_are_refused(value: str) -> None:
    with pytest.raises(pv.InvalidValue):
        pv.Hop("s", pv.AttributionMode.TOLD, date=value)


@given(pst.dates())
def test_generated_dates_are_accepted(value: str) -> None:
    assert pv.Hop("s", pv.AttributionMode.TOLD, date=value).date == value


def test_invalid_value_is_a_provenance_error_and_a_value_error() -> None:
    with pytest.raises(pv.ProvenanceError):
        pv.Span(3, 1)
    with pytest.raises(ValueError):
        pv.Span(3, 1)


@pytest.mark.parametrize("value", ["oan\n", "oan\r\n"])
def test_an_id_with_a_trailing_newline_is_refused(value: str) -> None:
    # In JSON Schema (ECMA-262) "$" is the end of the string: "oan\n" is no id.
    with pytest.raises(pv.InvalidValue):
        pv.Source(value, pv.SourceKind.GENERIC)
    record = {"schema": pv.SCHEMA_ID, "id": value, "publisher": "oan"}
    with pytest.raises(pv.InvalidRecord) as caught:
        pv.structure(record)
    assert [problem.path for problem in caught.value.problems] == ["$.id"]


@pytest.mark.parametrize("value", ["2025\n", "2025-06-11\n"])
def test_a_date_with_a_trailing_newline_is_refused(value: str) -> None:
    with pytest.raises(pv.InvalidValue):
        pv.Hop("s", pv.AttributionMode.TOLD, date=value)


def test_a_digest_with_a_trailing_newline_is_refused() -> None:
    with pytest.raises(pv.InvalidValue):
        pv.Document(id="d", publisher="oan", text_sha256="0" * 64 + "\n")


@pytest.mark.parametrize(
    "build",
    [
        lambda: pv.Document(id="d", publisher="oan", url=""),
        lambda: pv.Document(id="d", publisher="oan", language="en_US"),
        lambda: pv.Document(id="d", publisher="oan", language=""),
        lambda: pv.Source("s", pv.SourceKind.GENERIC, same_as=[""]),
        lambda: pv.Evidence(note=""),
        lambda: pv.Evidence(url=""),
        lambda: pv.Review("s", pv.Verdict.FALSE, url=""),
        lambda: pv.Rating(value=True),
        lambda: pv.Rating(best=float("nan")),
        lambda: pv.Rating(worst=float("inf")),
        lambda: pv.Rating(value=[1]),
    ],
)
def test_values_the_schema_refuses_are_refused_when_built(build: Callable[[], object]) -> None:
    with pytest.raises(pv.InvalidValue):
        build()


@pytest.mark.parametrize("value", [0, -1, 4.5, "-1", "Pants on Fire", ""])
def test_ratings_keep_numbers_and_strings_as_published(value: object) -> None:
    assert pv.Rating(value=value).value == value


def test_a_model_error_inside_a_record_is_located_at_its_field() -> None:
    record = {
        "schema": pv.SCHEMA_ID,
        "id": "d",
        "publisher": "oan",
        "sources": [
            {"id": "oan", "kind": "publication", "name": "OAN"},
            {"id": "fox\n", "kind": "publication", "name": "Fox News"},
        ],
    }
    # The schema refuses it too; without the schema the model's error is located alike.
    with pytest.raises(pv.InvalidRecord) as caught:
        pv.structure(record, validate=False)
    (problem,) = caught.value.problems
    assert problem.path == "$.sources[1].id"
    assert problem.found == repr("fox\n")
    assert problem.message.startswith("Source.id: ")
