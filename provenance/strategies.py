"""Hypothesis strategies that generate valid claim-provenance records, for your own tests.

Import it on its own (the package does not import it, so Hypothesis stays a
test-time dependency; install it with ``pip install 'claim-provenance[strategies]'``)::

    from hypothesis import given
    from provenance import strategies as pst

    @given(pst.documents(max_claims=3))
    def test_my_exporter_keeps_every_claim(document):
        assert len(my_export(document)["claims"]) == len(document.claims)

Every object drawn is valid: it builds without :class:`~provenance.errors.InvalidValue`,
it serializes to JSON the shipped schema accepts, and a drawn
:func:`documents` record passes every document-level rule of
:mod:`provenance.integrity` (ids unique and resolving, spans equal to the words
they point at, chains without repeats or cycles, statuses derived by the
decision table of :mod:`provenance.status` or overridden with a reason).
Texts mix ASCII with accented, combining, right-to-left, CJK and astral-plane
characters, so spans are exercised as code-point offsets.

The strategies follow Hypothesis' own conventions: plural nouns, keyword-only
bounds checked when the strategy is made (a wrong bound raises
:class:`hypothesis.errors.InvalidArgument`), and plain values as arguments.
For a vocabulary enum, use ``st.sampled_from(SourceKind)`` and the like.
"""

from __future__ import annotations

import copy
import enum
import functools
import hashlib
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import attrs

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError(
        "provenance.strategies needs Hypothesis; install it with "
        "pip install 'claim-provenance[strategies]'"
    ) from error

from provenance.model import (
    SCHEMA_ID,
    Claim,
    Document,
    Drafting,
    Evidence,
    Excerpt,
    Hedge,
    Hop,
    Perspective,
    Rating,
    Review,
    Source,
    Span,
)
from provenance.status import derive_status
from provenance.vocabulary import (
    QUOTE_MODES,
    AttributionMode,
    ConfidenceStatus,
    Credibility,
    Factuality,
    HedgeCategory,
    LinkStatus,
    Plurality,
    Reliability,
    SourceKind,
    Stance,
    Temporality,
    Verdict,
)

__all__ = [
    "claims",
    "dates",
    "documents",
    "from_type_strategies",
    "hedges",
    "hops",
    "ids",
    "languages",
    "phrases",
    "reviews",
    "sources",
    "spans",
]

# Words the generated texts are made of: plain ASCII news words first (Hypothesis
# shrinks towards them), then the characters that break code-unit arithmetic.
_WORDS = (
    "Kosovo",
    "said",
    "according",
    "to",
    "reports",
    "the",
    "government",
    "Priština",
    "naïve",
    "cafe\u0301",  # e + combining acute accent: two code points, one glyph
    "ﬁnance",  # the "fi" ligature, which NFKC would change
    "Ελλάδα",
    "Україна",
    "שלום",
    "السلام",
    "東京都",
    "한국어",
    "😀",
    "\U0001d518\U0001d52b\U0001d526",  # mathematical fraktur letters
    "\U0001f469\u200d\U0001f469\u200d\U0001f467",  # one emoji of five code points (ZWJ)
    "\u00a0",
    "\u2028",
    "'quoted'",
    '"double"',
    "\\back\\slash",
)
# Characters of a generated word: anything but surrogates, controls and separators
# (so a word always holds a visible character and a phrase is never blank).
_WORD_CHARACTERS = st.characters(exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
# What stands between two pieces of a document text.
_GAPS = (" ", ". ", ", ", "\n", "\n\n", " \u2014 ", "\t", "\u00a0", "\u3000", "\r\n", "")
_ID_STEMS = (
    "s",
    "c",
    "oan",
    "Reuters",
    "_x",
    "src.",
    "org:kosovo-gov",
    "claim_",
    "Q",
    "a-b_c.d:e",
    "zZ9",
)
_LANGUAGES = (
    "en",
    "en-US",
    "sq",
    "sr-Latn",
    "zh-Hant-TW",
    "de-CH-1996",
    "ar",
    "he",
    "ja",
    "uk",
    "es-419",
    "tlh",
)
# Reviewers' own labels, kept verbatim (an empty label is allowed).
_LABELS = ("False", "Pants on Fire", "Mostly True", "Faux", "Falso", "Four Pinocchios", "", "3/5")
_QUOTE_MODES = tuple(mode for mode in AttributionMode if mode in QUOTE_MODES)  # in order
_NEEDS_NAME = frozenset(
    kind for kind in SourceKind if kind.is_named and kind is not SourceKind.AUTHOR
)
_UNNAMED = frozenset(
    {SourceKind.UNNAMED_INDIVIDUAL, SourceKind.UNNAMED_GROUP, SourceKind.VAGUE_REPORTS}
)

# Keyword bounds shared by claims() and documents(); each caps a list in a claim.
_MAX_HEDGES = 3
_MAX_REVIEWS = 2
_MAX_PERSPECTIVES = 2

_T = TypeVar("_T")
_E = TypeVar("_E", bound=enum.Enum)


# Drawing helpers. A strategy made inside a draw is validated on every draw, which
# dominates the cost of a document; these reuse cached strategies instead.
@functools.cache
def _indices(count: int) -> st.SearchStrategy[int]:
    return st.integers(min_value=0, max_value=count - 1)


def _pick(draw: st.DrawFn, options: Sequence[_T]) -> _T:
    """Draw one of ``options`` (shrinking towards the first)."""
    return options[draw(_indices(len(options)))]


@functools.cache
def _members(kind: type[_E]) -> tuple[_E, ...]:
    members: tuple[_E, ...] = tuple(kind)
    return members


def _pick_member(draw: st.DrawFn, kind: type[_E]) -> _E:
    members: tuple[_E, ...] = _members(kind)
    return _pick(draw, members)


def _maybe(draw: st.DrawFn, strategy: st.SearchStrategy[_T]) -> _T | None:
    """Draw ``None`` (shrinking towards it) or a value of ``strategy``."""
    return draw(strategy) if draw(st.booleans()) else None


def _maybe_pick(draw: st.DrawFn, options: Sequence[_T]) -> _T | None:
    return _pick(draw, options) if draw(st.booleans()) else None


def _maybe_member(draw: st.DrawFn, kind: type[_E]) -> _E | None:
    return _pick_member(draw, kind) if draw(st.booleans()) else None


@functools.cache
def _counts(most: int) -> st.SearchStrategy[int]:
    return st.integers(min_value=0, max_value=most)


@functools.cache
def _index_lists(count: int, most: int) -> st.SearchStrategy[list[int]]:
    """Distinct indices below ``count``, at most ``most`` of them."""
    return st.lists(_indices(count), unique=True, max_size=min(count, most))


@functools.cache
def _unique_ids(count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(ids(), min_size=count, max_size=count, unique=True)


def _check_bound(name: str, value: int, *, at_least: int = 0) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name}={value!r} must be a whole number")
    if value < at_least:
        raise InvalidArgument(f"{name}={value!r} must be at least {at_least}")


def _check_range(low_name: str, low: int, high_name: str, high: int) -> None:
    _check_bound(low_name, low)
    _check_bound(high_name, high)
    if low > high:
        raise InvalidArgument(f"{low_name}={low!r} is more than {high_name}={high!r}")


# --- small values -----------------------------------------------------------------------


def ids() -> st.SearchStrategy[str]:
    """Ids as the schema allows them: a letter or ``_``, then letters, digits, ``_.:-``.

    >>> ids().example()  # doctest: +SKIP
    'org:kosovo-gov12'
    """
    return _ids()


@functools.cache
def _ids() -> st.SearchStrategy[str]:
    # A stem that shows every character the pattern allows, and a number to tell ids
    # apart: two choices an id, where drawing it character by character took a dozen.
    return st.builds("{}{}".format, st.sampled_from(_ID_STEMS), st.integers(0, 999) | st.just(""))


def dates() -> st.SearchStrategy[str]:
    """ISO 8601 dates as records hold them: a year, a month, a day or an RFC 3339 date-time.

    Date-times come with or without seconds, fractions and a ``Z`` or ``±hh:mm`` offset.

    >>> dates().example()  # doctest: +SKIP
    '2025-06-11T09:30:00+02:00'
    """
    return _cached_dates()


@functools.cache
def _cached_dates() -> st.SearchStrategy[str]:
    return _dates()


_YEARS = st.integers(min_value=1900, max_value=2099)
_MONTHS = st.integers(min_value=1, max_value=12)
_DAYS = st.integers(min_value=1, max_value=28)
_HOURS = st.integers(min_value=0, max_value=23)
_MINUTES = st.integers(min_value=0, max_value=59)
_MICROSECONDS = st.integers(min_value=0, max_value=999_999)


@st.composite
def _dates(draw: st.DrawFn) -> str:
    # Whole-number draws, only those the precision needs: far cheaper than st.datetimes().
    # Days stop at 28 so that every month has them.
    precision = _pick(draw, ("day", "year", "month", "minute", "second", "fraction"))
    year = f"{draw(_YEARS):04d}"
    if precision == "year":
        return year
    month = f"{year}-{draw(_MONTHS):02d}"
    if precision == "month":
        return month
    day = f"{month}-{draw(_DAYS):02d}"
    if precision == "day":
        return day
    clock = f"{draw(_HOURS):02d}:{draw(_MINUTES):02d}"
    if precision in ("second", "fraction"):
        clock += f":{draw(_MINUTES):02d}"
    if precision == "fraction":
        clock += f".{draw(_MICROSECONDS)}"
    zone = _pick(draw, ("Z", "+00:00", "-05:00", "+05:30", "+14:00", ""))
    separator = _pick(draw, ("T", "t", " "))
    return f"{day}{separator}{clock}{zone}"


def languages() -> st.SearchStrategy[str]:
    """BCP 47 language tags ("en", "sr-Latn", "zh-Hant-TW", ...).

    >>> languages().example()  # doctest: +SKIP
    'sr-Latn'
    """
    return st.sampled_from(_LANGUAGES)


@functools.cache
def _urls() -> st.SearchStrategy[str]:
    return st.builds(
        "https://{}.example/{}{}".format,
        st.sampled_from(("news", "reuters", "factcheck", "wikidata", "xn--80ak6aa92e")),
        st.sampled_from(("", "2025/06/11/", "wiki/Q", "claims/", "a%20b/")),
        st.integers(min_value=0, max_value=10**6),
    )


def phrases(*, max_words: int = 6) -> st.SearchStrategy[str]:
    """Short texts that always hold a visible character, often non-ASCII.

    Most are one to three words from a list of news words in several scripts
    (with combining accents, ligatures, emoji and ZWJ sequences); a quarter
    hold a word made up of any printable characters. None has more than
    ``max_words`` words.

    >>> phrases(max_words=3).example()  # doctest: +SKIP
    'Priština 😀 said'
    """
    _check_bound("max_words", max_words, at_least=1)
    return _phrases(max_words)


@functools.cache
def _stock_phrases(max_words: int) -> tuple[str, ...]:
    """Phrases of one to three words of the list, plain ASCII first (Hypothesis shrinks there)."""
    count = len(_WORDS)
    stock = [word for word in _WORDS if word.strip()]
    for size in range(2, min(max_words, 3) + 1):
        stock.extend(
            " ".join(_WORDS[(start + step * (2 * size + 1)) % count] for step in range(size))
            for start in range(count)
        )
    return tuple(dict.fromkeys(phrase for phrase in stock if phrase.strip()))


@functools.cache
def _phrases(max_words: int) -> st.SearchStrategy[str]:
    return _drawn_phrases(max_words)


@st.composite
def _drawn_phrases(draw: st.DrawFn, max_words: int) -> str:
    # One choice picks a stock phrase; a quarter of the time a made-up word of any
    # characters comes with it. Drawing every word through st.one_of cost several times
    # as much, and phrases are much of what a document is made of.
    stock = _stock_phrases(max_words)
    at = draw(_indices(len(stock) + len(stock) // 3))
    if at < len(stock):
        return stock[at]
    words = [stock[at - len(stock)].split(" ")[0], draw(_made_up_words())]
    return _join_words(words[-max_words:])


@functools.cache
def _made_up_words() -> st.SearchStrategy[str]:
    return st.text(alphabet=_WORD_CHARACTERS, min_size=1, max_size=5)


def _join_words(words: list[str]) -> str:
    text = " ".join(words)
    # "\u00a0" and "\u2028" are words of the list, but a phrase must not be blank.
    return text if text.strip() else "said"


# Extensions as importers keep them: namespaced keys, nested JSON of every type.
_EXTENSION_SAMPLES: tuple[dict[str, Any], ...] = (
    {"x:note": "kept verbatim"},
    {"org.example:score": 0.25, "org.example:tags": ["a", "\u00fc", "\U0001f600"]},
    {"gdelt:event": {"id": 1234567890123, "nested": {"ok": True, "none": None, "list": []}}},
    {"x:big": 2**53, "x:small": -1e-300, "x:zero": 0, "x:empty": {}},
    {"claimreview:itemReviewed": {"@type": "Claim", "appearance": ["https://a.example/1"]}},
)


@functools.cache
def _extensions() -> st.SearchStrategy[dict[str, Any]]:
    # Half empty, half one of the samples (copied, so drawn records share nothing mutable).
    # A sample costs one choice; arbitrary JSON would cost dozens, on every object. The
    # tests round-trip arbitrary JSON extensions on their own.
    return st.one_of(st.just({}), st.sampled_from(_EXTENSION_SAMPLES).map(copy.deepcopy))


def spans(*, max_end: int = 10_000) -> st.SearchStrategy[Span]:
    """Spans ``[start, end)`` with ``0 <= start <= end <= max_end`` (empty spans included).

    These stand alone; the spans inside :func:`documents` point at their words.

    >>> spans(max_end=10).example()  # doctest: +SKIP
    Span(start=3, end=7)
    """
    _check_bound("max_end", max_end)
    return _spans(max_end)


@st.composite
def _spans(draw: st.DrawFn, max_end: int) -> Span:
    start = draw(st.integers(min_value=0, max_value=max_end))
    end = draw(st.integers(min_value=start, max_value=max_end))
    return Span(start, end)


# --- sources --------------------------------------------------------------------------------


def sources(*, kinds: Sequence[SourceKind] = tuple(SourceKind)) -> st.SearchStrategy[Source]:
    """Generate sources of the given ``kinds`` (default: every kind), with no affiliation.

    Named kinds carry a name or a descriptor as the model requires; unnamed
    kinds carry a descriptor and sometimes an anonymity reason.

    >>> sources(kinds=[SourceKind.VAGUE_REPORTS]).example()  # doctest: +SKIP
    Source(id='r', kind=<SourceKind.VAGUE_REPORTS: 'vague_reports'>, ...)
    """
    if not kinds:
        raise InvalidArgument("kinds must name at least one SourceKind")
    chosen = tuple(SourceKind(kind) for kind in kinds)
    return _standalone_sources(chosen)


@st.composite
def _standalone_sources(draw: st.DrawFn, kinds: tuple[SourceKind, ...]) -> Source:
    return _source(draw, draw(ids()), _pick(draw, kinds), ())


def _source(
    draw: st.DrawFn, source_id: str, kind: SourceKind, affiliations: Sequence[str]
) -> Source:
    name = descriptor = anonymity_reason = None
    if kind in _NEEDS_NAME:
        choice = _pick(draw, ("name", "both", "descriptor"))
        name = draw(phrases(max_words=3)) if choice != "descriptor" else None
        descriptor = draw(phrases()) if choice != "name" else None
    else:
        name = _maybe(draw, phrases(max_words=3)) if kind is SourceKind.AUTHOR else None
        descriptor = _maybe(draw, phrases())
        if kind in _UNNAMED:
            anonymity_reason = _maybe(draw, phrases())
    if kind in (SourceKind.UNNAMED_GROUP, SourceKind.VAGUE_REPORTS):
        plurality = _pick(draw, (Plurality.SEVERAL, Plurality.UNSPECIFIED))
    else:
        plurality = _pick_member(draw, Plurality)
    return Source(
        source_id,
        kind,
        name=name,
        descriptor=descriptor,
        affiliation=_maybe_pick(draw, affiliations) if affiliations else None,
        plurality=plurality,
        anonymity_reason=anonymity_reason,
        same_as=draw(st.lists(_urls(), max_size=2)),
        reliability=_maybe_member(draw, Reliability),
        extensions=draw(_extensions()),
    )


# --- the parts of a claim --------------------------------------------------------------------


def hops(*, quote_modes: bool | None = None) -> st.SearchStrategy[Hop]:
    """Single attribution hops naming made-up source ids, with cue and mention words unplaced.

    ``quote_modes=True`` draws only quote modes (which always carry a quote),
    ``False`` never draws them, ``None`` (the default) draws any mode.

    >>> hops(quote_modes=True).example()  # doctest: +SKIP
    Hop(source='x', mode=<AttributionMode.DIRECT_QUOTE: 'direct_quote'>, quote='...', ...)
    """
    if quote_modes is None:
        modes: tuple[AttributionMode, ...] = tuple(AttributionMode)
    elif quote_modes:
        modes = _QUOTE_MODES
    else:
        modes = tuple(mode for mode in AttributionMode if not mode.is_quote)
    return _standalone_hops(modes)


@st.composite
def _standalone_hops(draw: st.DrawFn, modes: tuple[AttributionMode, ...]) -> Hop:
    return _hop(draw, draw(ids()), _pick(draw, modes), ())


def _hop(
    draw: st.DrawFn,
    source_id: str,
    mode: AttributionMode,
    others: Sequence[str],
) -> Hop:
    """Draw a hop of ``source_id``; ``asserted_by`` is drawn from ``others``."""
    cue = Excerpt(draw(phrases(max_words=3))) if draw(st.booleans()) else None
    mention = Excerpt(draw(phrases(max_words=4))) if draw(st.booleans()) else None
    quote = draw(phrases()) if mode.is_quote else _maybe(draw, phrases())
    return Hop(
        source_id,
        mode,
        cue=cue,
        mention=mention,
        asserted_by=_maybe_pick(draw, others) if others else None,
        recipient=_maybe(draw, phrases(max_words=2)),
        medium=_maybe_pick(draw, ("statement", "tweet", "interview", "briefing")),
        date=_maybe(draw, dates()),
        quote=quote,
        link_status=_pick_member(draw, LinkStatus),
    )


def hedges() -> st.SearchStrategy[Hedge]:
    """Single hedge cues of any category, unplaced, qualifying the publisher.

    >>> hedges().example()  # doctest: +SKIP
    Hedge(text='remains unclear', category=<HedgeCategory.UNRESOLVED: 'unresolved'>, ...)
    """
    return _standalone_hedges()


@st.composite
def _standalone_hedges(draw: st.DrawFn) -> Hedge:
    return _hedge(draw, ())


def _hedge(draw: st.DrawFn, source_ids: Sequence[str]) -> Hedge:
    return Hedge(
        draw(phrases(max_words=3)),
        _pick_member(draw, HedgeCategory),
        source=_maybe_pick(draw, source_ids) if source_ids else None,
        factuality=_maybe_member(draw, Factuality),
    )


def reviews() -> st.SearchStrategy[Review]:
    """Fact-checkers' reviews with a made-up reviewer id, a verdict and a rating as published.

    Ratings hold numbers or strings (``"-1"``, ``"Pants on Fire"``), and a
    scale's best may be below its worst, as real ClaimReview records do.

    >>> reviews().example()  # doctest: +SKIP
    Review(reviewer='pf', verdict=<Verdict.FALSE: 'false'>, label='Pants on Fire', ...)
    """
    return _standalone_reviews()


@st.composite
def _standalone_reviews(draw: st.DrawFn) -> Review:
    return _review(draw, draw(ids()))


@functools.cache
def _rating_values() -> st.SearchStrategy[int | float | str]:
    return st.one_of(
        st.integers(min_value=-1, max_value=10),
        st.floats(min_value=-1, max_value=10, allow_nan=False),
        st.sampled_from(("-1", "3/5", "Pants on Fire", "Faux")),
    )


@functools.cache
def _ratings() -> st.SearchStrategy[Rating]:
    value = st.none() | _rating_values()
    return st.builds(Rating, value, value, value)


@functools.cache
def _evidences() -> st.SearchStrategy[Evidence]:
    stances = st.sampled_from(Stance)
    return st.one_of(
        st.builds(Evidence, note=phrases(), stance=stances),
        st.builds(Evidence, url=_urls(), note=st.none() | phrases(), stance=stances),
    )


@functools.cache
def _evidence_lists() -> st.SearchStrategy[list[Evidence]]:
    return st.lists(_evidences(), max_size=2)


def _review(draw: st.DrawFn, reviewer: str) -> Review:
    rating = _maybe(draw, _ratings())
    evidence = draw(_evidence_lists())
    return Review(
        reviewer,
        _pick_member(draw, Verdict),
        label=_maybe_pick(draw, _LABELS),
        rating=rating,
        url=_maybe(draw, _urls()),
        date=_maybe(draw, dates()),
        evidence=evidence,
        extensions=draw(_extensions()),
    )


# --- claims ----------------------------------------------------------------------------------


def claims(
    *,
    max_hops: int = 3,
    max_hedges: int = _MAX_HEDGES,
    max_reviews: int = _MAX_REVIEWS,
) -> st.SearchStrategy[Claim]:
    """Single claims with no span, their chains naming made-up source ids.

    A chain has at most ``max_hops`` hops, all of different sources; a claim
    has at most ``max_hedges`` hedges and ``max_reviews`` reviews. The status
    is what :func:`provenance.status.derive_status` gives with no sources
    known (so a chain's origin counts as of unknown kind), or a different one
    with a ``status_override`` reason. Draw :func:`documents` for claims whose
    ids resolve and whose spans point into a text.

    >>> claims(max_hops=1).example()  # doctest: +SKIP
    Claim(id='c', text='Kosovo said', attribution=(Hop(...),), status=..., ...)
    """
    _check_bound("max_hops", max_hops)
    _check_bound("max_hedges", max_hedges)
    _check_bound("max_reviews", max_reviews)
    return _standalone_claims(max_hops, max_hedges, max_reviews)


@st.composite
def _standalone_claims(draw: st.DrawFn, max_hops: int, max_hedges: int, max_reviews: int) -> Claim:
    claim_id = draw(ids())
    chain = draw(
        st.lists(ids().filter(lambda value: value != claim_id), unique=True, max_size=max_hops)
    )
    pool = [*chain, *draw(st.lists(ids(), max_size=2))]
    return _claim(
        draw,
        claim_id,
        chain=chain,
        inherited=None,
        pool=pool,
        sources={},
        publisher="",
        max_hedges=max_hedges,
        max_reviews=max_reviews,
    )


def _claim(
    draw: st.DrawFn,
    claim_id: str,
    *,
    chain: Sequence[str],
    inherited: Claim | None,
    pool: Sequence[str],
    sources: Mapping[str, Source],
    publisher: str,
    max_hedges: int,
    max_reviews: int,
) -> Claim:
    """Draw a claim whose hops follow ``chain`` (or ``inherited``'s); ``pool`` holds the ids."""
    if inherited is not None:
        attribution = tuple(
            attrs.evolve(hop, cue=None, mention=None) for hop in inherited.attribution
        )
    else:
        attribution = tuple(
            _hop(draw, source_id, _pick_member(draw, AttributionMode), pool) for source_id in chain
        )
    hedge_count = draw(_counts(max_hedges))
    review_count = draw(_counts(max_reviews)) if pool else 0
    perspective_count = draw(_counts(_MAX_PERSPECTIVES)) if pool else 0
    draft = Claim(
        id=claim_id,
        text=draw(phrases(max_words=8)),
        attribution=attribution,
        hedges=[_hedge(draw, pool) for _ in range(hedge_count)],
        factuality=[
            Perspective(
                _pick(draw, pool),
                _pick_member(draw, Factuality),
                _maybe_member(draw, Temporality),
            )
            for _ in range(perspective_count)
        ],
        reviews=[_review(draw, _pick(draw, pool)) for _ in range(review_count)],
        status=ConfidenceStatus.ASSERTED,
        inherits=inherited.id if inherited is not None else None,
        key=_maybe(draw, phrases(max_words=3)),
        credibility=_maybe_member(draw, Credibility),
        extensions=draw(_extensions()),
    )
    decision = derive_status(draft, sources, publisher=publisher)
    status = decision.status
    override = None
    if draw(st.integers(min_value=0, max_value=9)) == 9:  # now and then, an overridden status
        status = _pick(draw, [s for s in ConfidenceStatus if s is not decision.status])
        override = draw(phrases())
    return attrs.evolve(
        draft, status=status, status_reasons=decision.reasons, status_override=override
    )


# --- documents -------------------------------------------------------------------------------


def documents(
    *,
    min_claims: int = 0,
    max_claims: int = 5,
    max_sources: int = 6,
    max_hops: int = 3,
    with_text: bool | None = None,
) -> st.SearchStrategy[Document]:
    """Whole Document records that pass the schema and every document-level rule.

    A document has between ``min_claims`` and ``max_claims`` claims and at
    most ``max_sources`` sources (the publisher, always a publication, is one
    of them). Each chain has at most ``max_hops`` hops, never starts at the
    publisher, never repeats a source; some claims carry over an earlier
    claim's chain with ``inherits``. Affiliations point only at sources listed
    before, so they never loop.

    ``with_text=True`` gives every document its text, ``False`` none (the
    record then keeps only ``text_sha256`` of the text it was drawn with, and
    no spans), ``None`` (the default) draws both kinds. With a text, every
    claim, cue, mention and hedge has a span, and ``text[start:end]`` is the
    words recorded with it.

    >>> documents(max_claims=2, with_text=True).example()  # doctest: +SKIP
    Document(schema='https://claim-provenance.org/schemas/v1/document.json', id='d', ...)
    """
    _check_range("min_claims", min_claims, "max_claims", max_claims)
    _check_bound("max_sources", max_sources, at_least=1)
    _check_bound("max_hops", max_hops)
    if with_text is not None and not isinstance(with_text, bool):
        raise InvalidArgument(f"with_text={with_text!r} must be True, False or None")
    return _documents(min_claims, max_claims, max_sources, max_hops, with_text)


@st.composite
def _documents(
    draw: st.DrawFn,
    min_claims: int,
    max_claims: int,
    max_sources: int,
    max_hops: int,
    with_text: bool | None,
) -> Document:
    source_count = draw(st.integers(min_value=1, max_value=max_sources))
    claim_count = draw(st.integers(min_value=min_claims, max_value=max_claims))
    all_ids = draw(_unique_ids(source_count + claim_count + 1))
    document_id, source_ids, claim_ids = (
        all_ids[0],
        all_ids[1 : source_count + 1],
        all_ids[source_count + 1 :],
    )
    publisher = _source(draw, source_ids[0], SourceKind.PUBLICATION, ())
    source_list = [publisher]
    for index, source_id in enumerate(source_ids[1:], start=1):
        kind = _pick_member(draw, SourceKind)
        source_list.append(_source(draw, source_id, kind, source_ids[:index]))
    by_id = {source.id: source for source in source_list}
    cited = source_ids[1:]  # a chain never names the publisher

    claim_list: list[Claim] = []
    for claim_id in claim_ids:
        inherited = None
        if claim_list and draw(st.integers(min_value=0, max_value=4)) == 4:
            inherited = _pick(draw, claim_list)
        chain: list[str] = []
        if inherited is None and cited:
            chain = [cited[index] for index in draw(_index_lists(len(cited), max_hops))]
        claim_list.append(
            _claim(
                draw,
                claim_id,
                chain=chain,
                inherited=inherited,
                pool=source_ids,
                sources=by_id,
                publisher=publisher.id,
                max_hedges=_MAX_HEDGES,
                max_reviews=_MAX_REVIEWS,
            )
        )

    authors = [
        source.id
        for source in source_list[1:]
        if source.kind in (SourceKind.AUTHOR, SourceKind.NAMED_PERSON) and draw(st.booleans())
    ]
    text, placed = _lay_out(draw, claim_list)
    keep_text = draw(st.booleans()) if with_text is None else with_text
    return Document(
        schema=SCHEMA_ID,
        id=document_id,
        url=_maybe(draw, _urls()),
        title=_maybe(draw, phrases()),
        publisher=publisher.id,
        authors=authors,
        published=_maybe(draw, dates()),
        language=_maybe(draw, languages()),
        text=text if keep_text else None,
        text_sha256=(
            hashlib.sha256(text.encode("utf-8")).hexdigest()
            if not keep_text or draw(st.booleans())
            else None
        ),
        sources=source_list,
        claims=placed if keep_text else claim_list,
        drafted_by=draw(
            st.none()
            | st.builds(
                Drafting,
                tool=phrases(max_words=2),
                version=st.none() | st.sampled_from(("0.1.0", "2025.6")),
                created=st.none() | dates(),
                method=st.none() | st.sampled_from(("rules", "gold annotation import")),
            )
        ),
        extensions=draw(_extensions()),
    )


def _lay_out(draw: st.DrawFn, claim_list: Sequence[Claim]) -> tuple[str, list[Claim]]:
    """Write a text out of the claims' words and return it with the claims, spans set.

    The text is the pieces (each claim's words, then its cues, mentions and
    hedges) joined by drawn gaps, so every span is known by construction.
    """
    parts: list[str] = [_pick(draw, ("", "BREAKING: ", "Ελλάδα 😀 "))]
    length = len(parts[0])

    def place(words: str) -> Span:
        nonlocal length
        gap = _pick(draw, _GAPS) if len(parts) > 1 else ""
        start = length + len(gap)
        parts.extend((gap, words))
        length = start + len(words)
        return Span(start, length)

    def place_excerpt(excerpt: Excerpt | None) -> Excerpt | None:
        return None if excerpt is None else Excerpt(excerpt.text, place(excerpt.text))

    placed: list[Claim] = []
    for claim in claim_list:
        span = place(claim.text)
        hop_list = [
            attrs.evolve(hop, cue=place_excerpt(hop.cue), mention=place_excerpt(hop.mention))
            for hop in claim.attribution
        ]
        hedge_list = [attrs.evolve(hedge, span=place(hedge.text)) for hedge in claim.hedges]
        placed.append(attrs.evolve(claim, span=span, attribution=hop_list, hedges=hedge_list))
    parts.append(_pick(draw, ("", "\n", " (Reuters)")))
    return "".join(parts), placed


# --- st.from_type and st.builds --------------------------------------------------------------


@functools.cache
def _excerpts() -> st.SearchStrategy[Excerpt]:
    return st.builds(Excerpt, phrases(max_words=4), st.none() | spans(max_end=200))


@functools.cache
def _perspectives() -> st.SearchStrategy[Perspective]:
    return st.builds(
        Perspective, ids(), st.sampled_from(Factuality), st.none() | st.sampled_from(Temporality)
    )


@functools.cache
def _draftings() -> st.SearchStrategy[Drafting]:
    return st.builds(
        Drafting,
        phrases(max_words=2),
        version=st.none() | st.sampled_from(("0.1.0", "2.3.1")),
        created=st.none() | dates(),
        method=st.none() | phrases(max_words=2),
    )


def from_type_strategies() -> dict[type, st.SearchStrategy[Any]]:
    """Return the strategy of every model class, as the Hypothesis plugin registers them.

    :mod:`provenance._hypothesis` registers these through Hypothesis' entry point, so that
    ``st.from_type(Document)`` (and every other model class) draws valid records.
    """
    return {
        Document: documents(),
        Claim: claims(),
        Source: sources(),
        Hop: hops(),
        Hedge: hedges(),
        Review: reviews(),
        Span: spans(),
        Excerpt: _excerpts(),
        Perspective: _perspectives(),
        Rating: _ratings(),
        Evidence: _evidences(),
        Drafting: _draftings(),
    }
