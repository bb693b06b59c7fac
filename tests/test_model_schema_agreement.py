"""Whatever the model accepts, the schema accepts: so ``dumps`` never writes what ``loads`` refuses.

Each record class is built from deliberately loose values (empty strings,
trailing newlines, booleans, non-finite numbers ...). Objects the model refuses
raise InvalidValue and are skipped; every object it accepts must serialize to
JSON its schema accepts, and load back equal inside a Document.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

import provenance as pv
from provenance import codec, validation
from provenance import strategies as pst

# Strings around the edges of what the schema patterns and lengths allow.
loose_strings = st.one_of(
    st.sampled_from(["", " ", "a", "a\n", "\nb", "2025", "2025\n", "en", "en\n", "x-y"]),
    st.text(max_size=4),
)
# Mostly valid values, with the loose ones mixed in (too many would only be refused).
loose_ids = st.one_of(pst.ids(), st.sampled_from(["a\n", "", "1a", "a b"]))
loose_dates = st.one_of(pst.dates(), st.sampled_from(["2025\n", "", "June 2025", "2025-6"]))
loose_texts = st.one_of(pst.phrases(max_words=2), loose_strings)
loose_numbers = st.one_of(
    st.booleans(),
    st.integers(),
    st.floats(),
    loose_strings,
)


CONVERTER = codec.make_converter(accelerated=False)  # plain cattrs, not the hooks under test


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


LOOSE: dict[str, st.SearchStrategy[Any]] = {
    "span": st.builds(pv.Span, st.integers(-1, 5), st.integers(-1, 5)),
    "excerpt": st.builds(pv.Excerpt, loose_texts),
    "source": st.builds(
        pv.Source,
        loose_ids,
        st.sampled_from(pv.SourceKind),
        name=optional(loose_texts),
        descriptor=optional(loose_texts),
        affiliation=optional(loose_ids),
        anonymity_reason=optional(loose_texts),
        same_as=st.lists(loose_strings, max_size=2),
    ),
    "hop": st.builds(
        pv.Hop,
        loose_ids,
        st.sampled_from(pv.AttributionMode),
        asserted_by=optional(loose_ids),
        recipient=optional(loose_texts),
        medium=optional(loose_texts),
        date=optional(loose_dates),
        quote=optional(loose_texts),
    ),
    "hedge": st.builds(
        pv.Hedge, loose_strings, st.sampled_from(pv.HedgeCategory), source=optional(loose_ids)
    ),
    "rating": st.builds(
        pv.Rating, optional(loose_numbers), optional(loose_numbers), optional(loose_numbers)
    ),
    "evidence": st.builds(pv.Evidence, url=optional(loose_strings), note=optional(loose_strings)),
    "review": st.builds(
        pv.Review,
        loose_ids,
        st.sampled_from(pv.Verdict),
        label=optional(loose_strings),
        url=optional(loose_strings),
        date=optional(loose_dates),
    ),
    "drafting": st.builds(
        pv.Drafting, loose_texts, version=optional(loose_strings), created=optional(loose_dates)
    ),
    "document": st.builds(
        pv.Document,
        id=loose_ids,
        publisher=loose_ids,
        url=optional(loose_strings),
        title=optional(loose_strings),
        published=optional(loose_dates),
        language=optional(st.one_of(pst.languages(), loose_strings)),
        text_sha256=optional(st.sampled_from(["0" * 64, "0" * 64 + "\n", "A" * 64])),
    ),
}


def build_or_reject(strategy: st.SearchStrategy[Any], data: st.DataObject) -> Any:
    try:
        return data.draw(strategy)
    except pv.InvalidValue:
        reject()


# Refusing loose values is the point, so much of the input is filtered out.
@pytest.mark.parametrize("name", sorted(LOOSE))
@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data())
def test_what_the_model_accepts_the_schema_accepts(name: str, data: st.DataObject) -> None:
    value = build_or_reject(LOOSE[name], data)
    unstructured = CONVERTER.unstructure(value)
    json.dumps(unstructured, allow_nan=False)  # strict JSON: no NaN or Infinity
    assert validation.schema_problems(unstructured, name) == ()


# Loose values again: most drawn records are refused by the model, and that is the point.
@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data())
def test_what_the_model_accepts_loads_back_equal(data: st.DataObject) -> None:
    rating = build_or_reject(LOOSE["rating"], data)
    url = data.draw(optional(loose_strings), label="url")
    same_as = data.draw(st.lists(loose_strings, max_size=2), label="same_as")
    language = data.draw(optional(loose_strings), label="language")
    try:
        publisher = pv.Source("oan", pv.SourceKind.PUBLICATION, name="OAN", same_as=same_as)
        review = pv.Review("oan", pv.Verdict.SATIRE, rating=rating, url=url)
        claim = pv.Claim(id="c", text="t", status=pv.ConfidenceStatus.ASSERTED, reviews=[review])
        document = pv.Document(
            id="d", publisher="oan", language=language, sources=[publisher], claims=[claim]
        )
    except pv.InvalidValue:
        reject()
    assert pv.loads(pv.dumps(document)) == document
