"""Claim alignment: which claims of different documents are the same claim.

Alignment proposes pairs of claims from different documents, scores each
proposal, decides it (automatically, or as a person decided it in a decisions
file) and puts the accepted ones into groups, each group a shared
``Claim.key``. It runs as plain steps over iterables of small picklable
records (the contract is in :mod:`provenance.pipeline` and
``docs/explanation/pipeline.md``):

1. :func:`claim_items` - one :class:`ClaimItem` per claim: its reference
   (document id, claim id), its words and where each stands.
2. :func:`bucket_entries` / :func:`pairs_from_buckets` - candidate pairs by
   MinHash and locality-sensitive hashing (datasketch): each claim's MinHash
   signature over its content words is cut into bands; claims sharing a band
   are candidates. :func:`candidate_pairs` does the same in one vectorised
   pass. Nothing compares all claims with each other.
3. :func:`verify` - each candidate scored with rapidfuzz
   (:func:`score_pair`); a :class:`Proposal` with the score, the method and
   the evidence (the matched words and their spans).
4. :func:`group_claims` - accepted proposals joined into groups, best score
   first, and a group grows only when *every* pair across the two parts being
   joined is itself verified and accepted (pairs the candidates missed are
   verified then): a group never grows by chaining. Two different claims of one
   document are never in one group; a statement a document makes twice (the two
   claims score at least :attr:`AlignConfig.repeat` with each other) joins it
   with both.
5. :func:`apply_keys` - the documents with the groups' keys written.

:func:`align` runs them all. Scores are in ``[0, 1]``; a proposal at or above
:attr:`AlignConfig.accept` is accepted unless a guard holds it back for a
person (the two claims give different numbers, one negates what the other
does not, both go on differently past the last word they share, or they share
content words in another order); proposals between :attr:`AlignConfig.propose` and the accept
threshold are written for review only. The same fact in other words scores
below the accept threshold, so it is only ever proposed.

Needs the ``align`` extra (``pip install 'claim-provenance[align]'``).
"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from provenance.errors import MissingDependency, ProvenanceError
from provenance.model import Document

__all__ = [
    "AlignConfig",
    "AlignWords",
    "Alignment",
    "Assignment",
    "BucketEntry",
    "ClaimItem",
    "ClaimRef",
    "Decision",
    "Match",
    "Pair",
    "Proposal",
    "align",
    "apply_keys",
    "bucket_entries",
    "candidate_pairs",
    "claim_items",
    "dump_proposals",
    "group_claims",
    "load_decisions",
    "pairs_from_buckets",
    "proposal_from_json",
    "proposal_to_json",
    "score_pair",
    "verify",
]

# A dotted abbreviation ("U.S.") is one word, the same as its undotted form ("US").
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:['\u2019]\w+)*")
_DIGITS = re.compile(r"^\d+$")
# Punctuation behind which another clause begins: the guards do not read a negation there.
_CLAUSE_BREAK = re.compile(r"[,;:(\u2013\u2014]")
_EXTRA = "align"


def _require() -> None:
    """Raise a clear error when the ``align`` extra is not installed."""
    try:
        import datasketch  # noqa: F401
        import rapidfuzz  # noqa: F401
    except ImportError as error:
        raise MissingDependency(
            f"claim alignment needs the '{_EXTRA}' extra ({error.name} is missing): "
            f"pip install 'claim-provenance[{_EXTRA}]'",
            expected="datasketch and rapidfuzz",
            found=f"no {error.name}",
        ) from None


class Decision(enum.Enum):
    """What is decided about a proposal; the values are what the proposals file holds."""

    ACCEPT = "accept"
    """The two claims are the same claim."""
    REJECT = "reject"
    """They are not."""
    REVIEW = "review"
    """Undecided: proposed for a person to decide; not used for grouping."""


@attrs.frozen
class ClaimRef:
    """A claim by its document's id and its own id (ordered, hashable, picklable)."""

    document: str
    """The document's ``id``."""
    claim: str
    """The claim's ``id`` in that document."""

    # Ordering by hand: attrs' generated comparisons build tuples through generic code,
    # which made sorting a million references the slowest part of the alignment.
    def __lt__(self, other: ClaimRef) -> bool:
        return (self.document, self.claim) < (other.document, other.claim)

    def __le__(self, other: ClaimRef) -> bool:
        return (self.document, self.claim) <= (other.document, other.claim)

    def __gt__(self, other: ClaimRef) -> bool:
        return (self.document, self.claim) > (other.document, other.claim)

    def __ge__(self, other: ClaimRef) -> bool:
        return (self.document, self.claim) >= (other.document, other.claim)

    def __str__(self) -> str:
        return f"{self.document}#{self.claim}"


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _offsets(value: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in value)


@attrs.frozen
class ClaimItem:
    """One claim as alignment sees it: its reference, text, words and their offsets."""

    ref: ClaimRef
    """Which claim."""
    text: str
    """The claim's text."""
    words: tuple[str, ...] = attrs.field(converter=_strings)
    """Its words, normalised (case folded, accents and apostrophe forms unified)."""
    offsets: tuple[tuple[int, int], ...] = attrs.field(converter=_offsets)
    """Where each word stands in :attr:`text`, ``(start, end)``."""
    key: str | None = None
    """The key the record already carries (a person's alignment, kept)."""
    offset: int | None = None
    """Where the claim text starts in its document's text, when the record says."""


@attrs.frozen
class BucketEntry:
    """One band of one claim's MinHash signature: claims sharing ``(band, bucket)`` are paired."""

    band: int
    """Which band of the signature."""
    bucket: int
    """The band's hash."""
    ref: ClaimRef
    """Whose band it is."""


@attrs.frozen(order=True)
class Pair:
    """Two claims of different documents to compare; ``a < b`` always."""

    a: ClaimRef
    """The smaller reference."""
    b: ClaimRef
    """The larger reference."""
    method: str = attrs.field(default="minhash-lsh", order=False)
    """How the pair was found."""

    @classmethod
    def of(cls, x: ClaimRef, y: ClaimRef, method: str = "minhash-lsh") -> Pair:
        """Return the pair of ``x`` and ``y`` in order."""
        return cls(x, y, method) if x < y else cls(y, x, method)


@attrs.frozen
class Match:
    """A run of words the two claims share, with where it stands in each claim's text."""

    words: str
    """The words as they stand in the first claim."""
    a: tuple[int, int]
    """``(start, end)`` in the first claim's text."""
    b: tuple[int, int]
    """``(start, end)`` in the second claim's text."""


def _matches(value: Iterable[Match]) -> tuple[Match, ...]:
    return tuple(value)


@attrs.frozen
class Proposal:
    """A proposal that two claims are the same claim, with its score, method and evidence."""

    a: ClaimRef
    """The first claim (the smaller reference)."""
    b: ClaimRef
    """The second claim."""
    score: float
    """Similarity in ``[0, 1]`` (see :func:`score_pair`)."""
    method: str
    """How the pair was found and which measure gave the score (``minhash-lsh/similarity``)."""
    decision: Decision
    """What is decided: automatically from the score, or by a person."""
    matches: tuple[Match, ...] = attrs.field(default=(), converter=_matches)
    """The evidence: the runs of words both claims hold."""
    notes: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """Why an automatic decision is what it is ("numbers differ: 50 / 500")."""
    a_text: str = ""
    """The first claim's text (so that a person can decide without the records)."""
    b_text: str = ""
    """The second claim's text."""
    decided_by: str = "score"
    """``score`` when decided automatically, ``person`` when taken from a decisions file."""


@attrs.frozen
class Assignment:
    """The key a claim gets: the group it was aligned into."""

    ref: ClaimRef
    """Which claim."""
    key: str
    """The group's key."""


def _words_file() -> dict[str, Any]:
    text = resources.files("provenance").joinpath("alignment_words.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@attrs.frozen
class AlignWords:
    """The word lists alignment uses; data the user can extend (see ``alignment_words.json``)."""

    ignored: frozenset[str]
    """Words that carry no weight when finding candidates (``the``, ``said``)."""
    negations: frozenset[str]
    """Words whose presence in one claim only holds an automatic accept back."""

    @classmethod
    def default(cls) -> AlignWords:
        """Return the shipped lists."""
        data = _words_file()
        return cls(frozenset(data["ignored"]), frozenset(data["negations"]))

    def extended(self, path: str | Path) -> AlignWords:
        """Return these lists with those of a JSON file (same shape as the shipped one) added."""
        location = str(path)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ProvenanceError(
                f"cannot read the word lists: {error}", location=location
            ) from None
        if not isinstance(data, dict):
            raise ProvenanceError(
                "the word lists must be a JSON object",
                location=location,
                expected='{"ignored": [...], "negations": [...]}',
                found=type(data).__name__,
            )
        added: dict[str, frozenset[str]] = {}
        for name in ("ignored", "negations"):
            words = data.get(name, [])
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise ProvenanceError(
                    f"{name} must be a list of strings",
                    location=location,
                    path=f"$.{name}",
                    expected="a list of strings",
                    found=repr(words)[:60],
                )
            added[name] = frozenset(_normal_word(w) for w in words)
        return AlignWords(self.ignored | added["ignored"], self.negations | added["negations"])


def _check_unit(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ProvenanceError(
            f"AlignConfig.{attribute.name} must be between 0 and 1",
            expected="0 <= value <= 1",
            found=repr(value),
        )


@attrs.frozen
class AlignConfig:
    """Thresholds and sizes of the alignment; the defaults were tuned on the development events."""

    accept: float = attrs.field(default=0.65, validator=_check_unit)
    """A proposal at or above this score is accepted (unless a guard holds it back)."""
    propose: float = attrs.field(default=0.45, validator=_check_unit)
    """Proposals below this score are dropped; between it and ``accept`` they are for review."""
    lsh_threshold: float = attrs.field(default=0.3, validator=_check_unit)
    """Jaccard similarity of content words at which MinHash/LSH makes two claims candidates
    about half the time (it sets the bands and rows)."""
    num_perm: int = 64
    """MinHash permutations."""
    max_bucket: int = 64
    """Claims sharing one band bucket beyond which only neighbours (in reference order) are
    paired, so that a bucket of very common words stays linear."""
    containment_words: int = 6
    """A claim with at least this many words wholly inside another scores by containment."""
    lead_words: int = 2
    """Words before the first word two claims share that the number and negation guards
    still read ("did not appear to have fallen" / "appears to have landed")."""
    tail_words: int = 3
    """Two claims that both go on past the last word they share, with at least this many
    words after it in all, are held back for a person: they end as different statements."""
    moved_words: int = 2
    """Two claims sharing at least this many content words in another order are held back."""
    cut_words: int = 6
    """A claim that ends one word past the last word it shares with another, which goes on
    for at least this many words, is a quote cut short with its last word translated
    otherwise ("the most sensitive ones" / "the most sensitive areas, and we will continue
    to do this ..."): the two do not end differently."""
    repeat: float = attrs.field(default=0.92, validator=_check_unit)
    """Two claims of one document join one group only when they score at least this with
    each other (and are accepted): the document states one statement twice, word for word
    or one inside the other. Any two different claims of a document stay in different
    groups, even one word apart ("resume in Geneva" / "resume in Vienna")."""
    words: AlignWords = attrs.field(factory=AlignWords.default)
    """The word lists."""
    seed: int = 1
    """MinHash seed; the same seed gives the same candidates."""

    def __attrs_post_init__(self) -> None:
        if self.propose > self.accept:
            raise ProvenanceError(
                "the propose threshold must not be above the accept threshold",
                expected=f"propose <= {self.accept}",
                found=repr(self.propose),
            )
        if self.num_perm < 2 or self.max_bucket < 2 or self.containment_words < 1:
            raise ProvenanceError(
                "num_perm and max_bucket must be at least 2, containment_words at least 1",
                expected=">= 2",
                found=f"{self.num_perm}, {self.max_bucket}, {self.containment_words}",
            )
        if self.lead_words < 0 or self.tail_words < 2 or self.moved_words < 1:
            raise ProvenanceError(
                "lead_words must be at least 0, tail_words at least 2, moved_words at least 1",
                expected="lead_words >= 0, tail_words >= 2, moved_words >= 1",
                found=f"{self.lead_words}, {self.tail_words}, {self.moved_words}",
            )
        if self.cut_words < 2:
            raise ProvenanceError(
                "cut_words must be at least 2",
                expected="cut_words >= 2",
                found=repr(self.cut_words),
            )

    def bands(self) -> tuple[int, int]:
        """Return (bands, rows per band) for :attr:`lsh_threshold` and :attr:`num_perm`."""
        return _bands(self.lsh_threshold, self.num_perm)


@functools.lru_cache(maxsize=16)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    # datasketch picks the bands and rows that minimise false positives and negatives.
    _require()
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


@functools.lru_cache(maxsize=1 << 16)
def _normal_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.replace("\u2019", "'").replace(".", ""))
    word = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    # The possessive is the same word ("Putin's conditions", "Putin conditions").
    return word[:-2] if word.endswith("'s") and len(word) > 2 else word


def claim_items(documents: Iterable[Document]) -> Iterator[ClaimItem]:
    """Step 1: yield one :class:`ClaimItem` per claim of ``documents``, in their order."""
    for document in documents:
        for claim in document.claims:
            text = claim.text
            words: list[str] = []
            offsets: list[tuple[int, int]] = []
            for found in _WORD.finditer(text):
                words.append(_normal_word(found.group()))
                offsets.append(found.span())
            yield ClaimItem(
                ClaimRef(document.id, claim.id),
                text,
                words,
                offsets,
                key=claim.key,
                offset=claim.span.start if claim.span is not None else None,
            )


def _shingles(item: ClaimItem, words: AlignWords) -> list[bytes]:
    content = sorted({w for w in item.words if w not in words.ignored})
    if not content:
        content = sorted(set(item.words))
    return [w.encode("utf-8") for w in content]


def _signatures(items: Sequence[ClaimItem], config: AlignConfig) -> Any:
    """Return the MinHash signatures of ``items`` as an ``(n, num_perm)`` uint64 array."""
    import numpy as np
    from datasketch import MinHash

    rows = []
    chunk = 10_000
    for start in range(0, len(items), chunk):
        part = items[start : start + chunk]
        sets = [_shingles(item, config.words) for item in part]
        hashes = MinHash.bulk(sets, num_perm=config.num_perm, seed=config.seed)
        block = np.empty((len(part), config.num_perm), dtype=np.uint64)
        for row, (minhash, shingles) in enumerate(zip(hashes, sets, strict=True)):
            # A claim with no words has no signature: give it one of its own so it pairs with none.
            block[row] = minhash.hashvalues if shingles else np.uint64(2**63 + start + row)
        rows.append(block)
    if not rows:
        return np.empty((0, config.num_perm), dtype=np.uint64)
    return np.concatenate(rows)


def _band_keys(signatures: Any, bands: int, rows: int) -> Any:
    """Hash each band of each signature to one uint64; returns an ``(n, bands)`` array."""
    import numpy as np

    n = signatures.shape[0]
    keys = np.zeros((n, bands), dtype=np.uint64)
    # Fixed odd multipliers mix the rows of a band into one 64-bit key (wrapping).
    multipliers = np.array(
        [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5],
        dtype=np.uint64,
    )
    with np.errstate(over="ignore"):
        for band in range(bands):
            block = signatures[:, band * rows : (band + 1) * rows]
            key = np.full(n, np.uint64(band + 1), dtype=np.uint64)
            for column in range(block.shape[1]):
                key = (key ^ block[:, column]) * multipliers[column % len(multipliers)]
                key ^= key >> np.uint64(29)
            keys[:, band] = key
    return keys


def _ordered(items: Iterable[ClaimItem]) -> list[ClaimItem]:
    """Return the items in reference order, so that nothing depends on the order of the files."""
    return sorted(items, key=lambda item: item.ref)


def bucket_entries(items: Iterable[ClaimItem], config: AlignConfig) -> Iterator[BucketEntry]:
    """Step 2a (map): yield one :class:`BucketEntry` per band of each claim's signature."""
    _require()
    ordered = _ordered(items)
    bands, rows = config.bands()
    keys = _band_keys(_signatures(ordered, config), bands, rows)
    for i, item in enumerate(ordered):
        for band in range(bands):
            yield BucketEntry(band, int(keys[i, band]), item.ref)


def _bucket_pairs(members: Sequence[ClaimRef], max_bucket: int) -> Iterator[tuple[int, int]]:
    """Index pairs of one bucket's members (in reference order), of different documents."""
    size = len(members)
    if size <= max_bucket:
        for i in range(size):
            for j in range(i + 1, size):
                if members[i].document != members[j].document:
                    yield i, j
        return
    # A crowded bucket: pair each member with its next neighbours only (linear); grouping
    # verifies whatever pairs a group still needs.
    window = max_bucket // 2
    for i in range(size):
        for j in range(i + 1, min(size, i + 1 + window)):
            if members[i].document != members[j].document:
                yield i, j


def pairs_from_buckets(entries: Iterable[BucketEntry], config: AlignConfig) -> Iterator[Pair]:
    """Step 2b (group by bucket, then map): yield each candidate pair once, in order."""
    buckets: dict[tuple[int, int], list[ClaimRef]] = defaultdict(list)
    for entry in entries:
        buckets[(entry.band, entry.bucket)].append(entry.ref)
    seen: set[tuple[ClaimRef, ClaimRef]] = set()
    for members in buckets.values():
        members.sort()
        for i, j in _bucket_pairs(members, config.max_bucket):
            seen.add((members[i], members[j]))
    for a, b in sorted(seen):
        yield Pair(a, b)


def _candidate_codes(ordered: Sequence[ClaimItem], config: AlignConfig) -> Any:
    """Return the candidate pairs of ``ordered`` as sorted unique codes ``i * n + j``."""
    import numpy as np

    n = len(ordered)
    if n < 2:
        return np.empty(0, dtype=np.uint64)
    bands, rows = config.bands()
    keys = _band_keys(_signatures(ordered, config), bands, rows)
    # Codes are gathered band by band in compact arrays (not a set of Python ints), so that
    # a million claims' candidates take tens of megabytes.
    parts = []
    for band in range(bands):
        column = keys[:, band]
        order = np.argsort(column, kind="stable")
        sorted_keys = column[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        ends = np.r_[starts[1:], n]
        crowded = np.flatnonzero(ends - starts > 1)
        codes: list[int] = []
        for s, e in zip(starts[crowded].tolist(), ends[crowded].tolist(), strict=True):
            members = sorted(order[s:e].tolist())  # indices in reference order
            refs = [ordered[m].ref for m in members]
            codes.extend(
                members[i] * n + members[j] for i, j in _bucket_pairs(refs, config.max_bucket)
            )
        parts.append(np.array(codes, dtype=np.uint64))
    return np.unique(np.concatenate(parts))


def _pairs_of(ordered: Sequence[ClaimItem], codes: Any) -> Iterator[Pair]:
    n = len(ordered)
    for code in codes.tolist() if len(codes) < 1 << 16 else codes:
        i, j = divmod(int(code), n)
        yield Pair(ordered[i].ref, ordered[j].ref)


def candidate_pairs(items: Iterable[ClaimItem], config: AlignConfig) -> list[Pair]:
    """Run steps 2a and 2b in one vectorised pass: the same pairs as the plain steps, sorted."""
    _require()
    ordered = _ordered(items)
    return list(_pairs_of(ordered, _candidate_codes(ordered, config)))


def _numbers(words: Sequence[str]) -> list[str]:
    return sorted(w for w in words if _DIGITS.match(w))


def _negated(words: Sequence[str], negations: frozenset[str]) -> bool:
    return any(w in negations or w.endswith("n't") for w in words)


def score_pair(
    a: ClaimItem, b: ClaimItem, config: AlignConfig
) -> tuple[float, str, tuple[Match, ...], tuple[str, ...]]:
    """Score two claims: ``(score, measure, matches, notes)``.

    The score is the better of two rapidfuzz measures: ``similarity``, the mean
    of the share of both claims' words in their longest common word sequence
    (2 x LCS / (m + n)) and the normalised Indel similarity of the two
    normalised texts (which forgives spelling and inflection); ``containment``,
    0.95 x (the partial-ratio similarity of the shorter claim's text to the
    stretch of the longer one it matches best) squared, when the shorter claim
    has at least :attr:`AlignConfig.containment_words` words (one outlet quoting
    part of what another quotes whole, the odd word changed; the square keeps a
    partly reworded short claim from passing). ``notes`` name the guards that
    hold an automatic accept back: different numbers, a negation in one claim
    only (both read over the stretch the claims share and the
    :attr:`AlignConfig.lead_words` before it), both claims going on differently
    past the last word they share (:attr:`AlignConfig.tail_words`), content
    words both hold in another order (:attr:`AlignConfig.moved_words`). The
    measures, guards and thresholds were chosen
    on the development event sets (``docs/how-to/align.md``).
    """
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Indel, LCSseq

    wa, wb = list(a.words), list(b.words)
    if not wa or not wb:
        return 0.0, "similarity", (), ()
    common = LCSseq.similarity(wa, wb)
    words = 2 * common / (len(wa) + len(wb))
    characters = Indel.normalized_similarity(" ".join(wa), " ".join(wb))
    measures = {"similarity": (words + characters) / 2}
    shorter = min(len(wa), len(wb))
    if shorter >= config.containment_words:
        joined_a, joined_b = " ".join(wa), " ".join(wb)
        short, long = (joined_a, joined_b) if len(wa) <= len(wb) else (joined_b, joined_a)
        # The shorter claim against the stretch of the longer one it matches best: a quote
        # cut short, with the odd word changed ("when they feel" / "when feeling").
        inside = fuzz.partial_ratio(short, long) / 100
        measures["containment"] = 0.95 * inside**2
    measure = max(measures, key=lambda name: (measures[name], name))
    score = round(measures[measure], 4)
    matches = []
    window_a: list[int] = []
    window_b: list[int] = []
    matched_a: set[int] = set()
    matched_b: set[int] = set()
    for op in Indel.opcodes(wa, wb):
        if op.tag != "equal":
            continue
        sa = (a.offsets[op.src_start][0], a.offsets[op.src_end - 1][1])
        sb = (b.offsets[op.dest_start][0], b.offsets[op.dest_end - 1][1])
        matches.append(Match(a.text[sa[0] : sa[1]], sa, sb))
        window_a += [op.src_start, op.src_end]
        window_b += [op.dest_start, op.dest_end]
        matched_a.update(range(op.src_start, op.src_end))
        matched_b.update(range(op.dest_start, op.dest_end))
    notes = []
    if window_a:
        # Both claims go on past the last word they share, differently ("was an unexpected
        # and isolated event" / "was only an unexpected incident"): they end as different
        # statements. A claim that stops where the other goes on is a cut quote, not this.
        tail_a, tail_b = len(wa) - max(window_a), len(wb) - max(window_b)
        # One word past a long shared stretch, where the other goes on: the quote was cut
        # there and its last word translated otherwise.
        cut = min(tail_a, tail_b) == 1 and max(tail_a, tail_b) >= config.cut_words
        if tail_a and tail_b and tail_a + tail_b >= config.tail_words and not cut:
            notes.append(
                f"the claims end differently: {' '.join(wa[max(window_a) :])!r} / "
                f"{' '.join(wb[max(window_b) :])!r}"
            )
        # Content words both claims hold but in another order ("took steps ... by taking
        # preventive measures" / "has taken preventive measures to ..."): restructured.
        ignored = config.words.ignored
        out_a = {w for i, w in enumerate(wa) if i not in matched_a and w not in ignored}
        out_b = {w for i, w in enumerate(wb) if i not in matched_b and w not in ignored}
        moved = sorted(out_a & out_b)
        if len(moved) >= config.moved_words:
            notes.append(f"shared words in another order: {' '.join(moved)}")
    # The guards read the stretch both claims share (first to last matched word, and the
    # few words before it: "did not appear to have fallen"), so that words an outlet cut
    # off a quote ("..., but Russia has not ...") hold nothing back.
    if window_a:
        start_a = _lead_start(a, min(window_a), config.lead_words)
        start_b = _lead_start(b, min(window_b), config.lead_words)
        wa = wa[start_a : max(window_a)]
        wb = wb[start_b : max(window_b)]
    na, nb = _numbers(wa), _numbers(wb)
    if na != nb and (na or nb):
        notes.append(f"numbers differ: {' '.join(na) or '-'} / {' '.join(nb) or '-'}")
    if _negated(wa, config.words.negations) != _negated(wb, config.words.negations):
        notes.append("one claim is negated, the other not")
    return score, measure, tuple(matches), tuple(notes)


def _lead_start(item: ClaimItem, first: int, lead: int) -> int:
    """Return where the guards start reading: ``lead`` words before word ``first``.

    Never past a comma, semicolon, colon, dash or bracket, behind which another clause
    begins ("In conditions where there is no information, we consider it ...": the "no" is
    not the shared statement's).
    """
    start = first
    while start > 0 and first - start < lead:
        between = item.text[item.offsets[start - 1][1] : item.offsets[start][0]]
        if _CLAUSE_BREAK.search(between):
            break
        start -= 1
    return start


def _decide(score: float, notes: Sequence[str], config: AlignConfig) -> Decision:
    return Decision.ACCEPT if score >= config.accept and not notes else Decision.REVIEW


def _propose(a: ClaimItem, b: ClaimItem, found: str, config: AlignConfig) -> Proposal:
    score, measure, matches, notes = score_pair(a, b, config)
    return Proposal(
        a.ref,
        b.ref,
        score,
        f"{found}/{measure}",
        _decide(score, notes, config),
        matches,
        notes,
        a.text,
        b.text,
    )


def verify(
    pairs: Iterable[Pair], items: Mapping[ClaimRef, ClaimItem], config: AlignConfig
) -> Iterator[Proposal]:
    """Step 3 (map): score each candidate pair; yield those at or above ``config.propose``."""
    _require()
    for pair in pairs:
        proposal = _propose(items[pair.a], items[pair.b], pair.method, config)
        if proposal.score >= config.propose:
            yield proposal


def _group_key(members: Iterable[ClaimRef]) -> str:
    digest = hashlib.sha256("\n".join(str(m) for m in sorted(members)).encode("utf-8"))
    return "aligned-" + digest.hexdigest()[:16]


@attrs.frozen
class _Outcome:
    assignments: tuple[Assignment, ...]
    checked: tuple[Proposal, ...]


def _group(
    items: Mapping[ClaimRef, ClaimItem],
    proposals: Iterable[Proposal],
    config: AlignConfig,
    decisions: Mapping[tuple[ClaimRef, ClaimRef], Decision],
) -> _Outcome:
    _require()
    import numpy as np

    refs = sorted(items)
    index = {ref: i for i, ref in enumerate(refs)}
    n = len(refs)

    def code(x: ClaimRef, y: ClaimRef) -> int:
        i, j = index[x], index[y]
        return i * n + j if i < j else j * n + i

    # What grouping needs of each proposal, in compact arrays (not the proposals, which a
    # caller may be streaming to a file): its pair as a code, score, decision, guards.
    codes, scores, accepted_flags, clean_flags = array("Q"), array("d"), array("b"), array("b")
    for proposal in proposals:
        if proposal.a not in index or proposal.b not in index:
            continue
        codes.append(code(proposal.a, proposal.b))
        scores.append(proposal.score)
        accepted_flags.append(proposal.decision is Decision.ACCEPT)
        clean_flags.append(not proposal.notes)
    all_codes = np.frombuffer(codes, dtype=np.uint64) if codes else np.empty(0, np.uint64)
    # Sorted by pair; of a pair given twice the last one counts.
    order = np.lexsort((-np.arange(len(all_codes)), all_codes))
    keep = np.r_[True, all_codes[order][1:] != all_codes[order][:-1]] if len(order) else order
    order = order[keep.astype(bool)] if len(order) else order
    seen_codes = all_codes[order]
    seen_scores = np.asarray(scores, dtype=np.float64)[order] if len(order) else np.empty(0)
    seen_accepted = np.asarray(accepted_flags, dtype=bool)[order] if len(order) else order
    seen_clean = np.asarray(clean_flags, dtype=bool)[order] if len(order) else order
    del codes, scores, accepted_flags, clean_flags, all_codes
    checked: dict[int, Proposal] = {}

    def verdict(x: ClaimRef, y: ClaimRef) -> tuple[bool, float, bool]:
        """Return (accepted, score, no guard) of a pair, verifying it now if nothing did."""
        c = code(x, y)
        k = int(seen_codes.searchsorted(np.uint64(c)))
        if k < len(seen_codes) and int(seen_codes[k]) == c:
            return bool(seen_accepted[k]), float(seen_scores[k]), bool(seen_clean[k])
        proposal = checked.get(c)
        if proposal is None:
            # Not a candidate: verify it now rather than assume it from a chain.
            a, b = (x, y) if x < y else (y, x)
            proposal = _propose(items[a], items[b], "group-check", config)
            checked[c] = proposal
        return proposal.decision is Decision.ACCEPT, proposal.score, not proposal.notes

    def accepted(x: ClaimRef, y: ClaimRef) -> bool:
        person = decisions.get((x, y) if x < y else (y, x))
        if person is not None:
            return person is Decision.ACCEPT
        return verdict(x, y)[0]

    def repeated(x: ClaimRef, y: ClaimRef) -> bool:
        _, score, clean = verdict(x, y)
        return score >= config.repeat and clean

    # Every claim starts in its own group; claims already sharing a key start together.
    members: dict[ClaimRef, list[ClaimRef]] = {}
    group_of: dict[ClaimRef, ClaimRef] = {}
    fixed: dict[ClaimRef, str] = {}
    by_key: dict[str, ClaimRef] = {}
    for ref in sorted(items):
        key = items[ref].key
        head = by_key.setdefault(key, ref) if key is not None else ref
        group_of[ref] = head
        members.setdefault(head, []).append(ref)
        if key is not None:
            fixed[head] = key

    person_codes = [
        code(x, y)
        for (x, y), decision in decisions.items()
        if decision is Decision.ACCEPT and x in index and y in index
    ]
    edge_codes = np.concatenate(
        [seen_codes[seen_accepted], np.array(person_codes, dtype=np.uint64)]
    )
    edge_scores = np.concatenate([seen_scores[seen_accepted], np.ones(len(person_codes))])
    if person_codes:
        # A person's accept keeps the proposal's score where there is one.
        given = edge_codes[len(edge_codes) - len(person_codes) :]
        at = np.searchsorted(seen_codes, given).clip(0, max(len(seen_codes) - 1, 0))
        if len(seen_codes):
            hit = seen_codes[at] == given
            edge_scores[len(edge_codes) - len(person_codes) :][hit] = seen_scores[at][hit]
    edge_codes, first = np.unique(edge_codes, return_index=True)
    edge_scores = edge_scores[first]
    # Best score first, then in reference order.
    for c in edge_codes[np.lexsort((edge_codes, -edge_scores))].tolist():
        i, j = divmod(int(c), n)
        x, y = refs[i], refs[j]
        if x not in group_of or y not in group_of:
            continue  # a decision about a claim that is not in these documents
        gx, gy = group_of[x], group_of[y]
        if gx == gy or (gx in fixed and gy in fixed):
            continue  # one group already, or two keys a person wrote apart
        left, right = members[gx], members[gy]
        if not all(accepted(p, q) for p in left for q in right):
            continue
        if not all(repeated(p, q) for p in left for q in right if p.document == q.document):
            continue  # two different claims of one document: never in one group
        head, tail = (gx, gy) if gx in fixed or (gy not in fixed and gx < gy) else (gy, gx)
        for ref in members[tail]:
            group_of[ref] = head
        members[head].extend(members.pop(tail))
        if tail in fixed:
            fixed[head] = fixed.pop(tail)

    assignments: list[Assignment] = []
    for head, refs in members.items():
        if head in fixed:
            key = fixed[head]
        elif len(refs) > 1:
            key = _group_key(refs)
        else:
            continue
        assignments.extend(Assignment(ref, key) for ref in refs)
    assignments.sort(key=lambda a: a.ref)
    return _Outcome(tuple(assignments), tuple(sorted(checked.values(), key=lambda p: (p.a, p.b))))


def group_claims(
    items: Mapping[ClaimRef, ClaimItem],
    proposals: Iterable[Proposal],
    config: AlignConfig | None = None,
    decisions: Mapping[tuple[ClaimRef, ClaimRef], Decision] | None = None,
) -> Iterator[Assignment]:
    """Step 4 (reduce): yield the key of every claim that is in a group (or kept its own key).

    ``decisions`` (pairs in order, ``a < b``) override the proposals' own
    decisions. Groups are joined best score first; a join happens only when
    every pair across the two parts is accepted (verifying pairs no proposal
    covers) and two claims of one document in the group would be one statement
    made twice (scoring at least ``config.repeat`` with each other). Claims that
    carry a key keep it; two different keys are never joined.
    """
    outcome = _group(items, proposals, config or AlignConfig(), decisions or {})
    yield from outcome.assignments


def apply_keys(
    documents: Iterable[Document], assignments: Iterable[Assignment]
) -> Iterator[Document]:
    """Step 5 (map): yield the documents with each assigned claim's ``key`` set."""
    keys = {a.ref: a.key for a in assignments}
    for document in documents:
        changed = False
        claims = []
        for claim in document.claims:
            key = keys.get(ClaimRef(document.id, claim.id), claim.key)
            if key != claim.key:
                changed = True
                claim = attrs.evolve(claim, key=key)
            claims.append(claim)
        yield attrs.evolve(document, claims=claims) if changed else document


def _proposals(value: Iterable[Proposal]) -> tuple[Proposal, ...]:
    return tuple(value)


def _documents(value: Iterable[Document]) -> tuple[Document, ...]:
    return tuple(value)


def _assignments(value: Iterable[Assignment]) -> tuple[Assignment, ...]:
    return tuple(value)


@attrs.frozen
class Alignment:
    """What :func:`align` found: the keyed documents, the proposals and the groups."""

    documents: tuple[Document, ...] = attrs.field(converter=_documents)
    """The documents, in the order given, with keys written."""
    proposals: tuple[Proposal, ...] = attrs.field(converter=_proposals)
    """Every proposal at or above the propose threshold, and every pair a decision names,
    in reference order."""
    assignments: tuple[Assignment, ...] = attrs.field(converter=_assignments)
    """The key of every claim in a group, in reference order."""
    skipped: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """What was left out and why (a document id used twice, a stale decision)."""

    def groups(self) -> dict[str, tuple[ClaimRef, ...]]:
        """Return each key's claims, in reference order."""
        found: dict[str, list[ClaimRef]] = defaultdict(list)
        for assignment in self.assignments:
            found[assignment.key].append(assignment.ref)
        return {key: tuple(refs) for key, refs in sorted(found.items())}


def align(
    documents: Iterable[Document],
    config: AlignConfig | None = None,
    *,
    decisions: Iterable[Proposal] = (),
    proposals_to: Callable[[Proposal], object] | None = None,
) -> Alignment:
    """Align the claims of ``documents``: every step, in memory.

    ``decisions`` are proposals as read back from a reviewed proposals file
    (:func:`load_decisions`): a decision whose claim texts no longer match the
    records is stale and is ignored (and named in ``Alignment.skipped``).
    A document whose id was already used is not aligned (also named there).

    ``proposals_to``, when given, is called with each proposal as it is made
    (for instance a function writing its line to the proposals file), and
    ``Alignment.proposals`` stays empty: the proposals are never all held in
    memory. They come in reference order, then those that grouping verified or a
    decision named, in reference order too. Without it they are collected, and
    ``Alignment.proposals`` holds them all in reference order.
    """
    _require()
    config = config or AlignConfig()
    given = tuple(documents)
    skipped: list[str] = []
    seen: set[str] = set()
    unique = []
    first_uses: set[int] = set()
    for position, document in enumerate(given):
        if document.id in seen:
            skipped.append(
                f"document id {document.id!r} is used twice; its second use is not aligned"
            )
            continue
        seen.add(document.id)
        unique.append(document)
        first_uses.add(position)
    items = {item.ref: item for item in claim_items(unique)}
    person: dict[tuple[ClaimRef, ClaimRef], Decision] = {}
    for proposal in decisions:
        pair = (proposal.a, proposal.b) if proposal.a < proposal.b else (proposal.b, proposal.a)
        x, y = items.get(proposal.a), items.get(proposal.b)
        if x is None or y is None:
            skipped.append(f"decision {proposal.a} / {proposal.b}: no such claim in these records")
            continue
        if x.text != proposal.a_text or y.text != proposal.b_text:
            skipped.append(f"decision {proposal.a} / {proposal.b}: the claim text changed; ignored")
            continue
        if proposal.decision is not Decision.REVIEW and x.ref.document != y.ref.document:
            person[pair] = proposal.decision
    collected: list[Proposal] = []
    emit: Callable[[Proposal], object] = proposals_to or collected.append
    written: set[tuple[ClaimRef, ClaimRef]] = set()

    def decided(proposal: Proposal) -> Proposal:
        decision = person.get((proposal.a, proposal.b))
        if decision is None:
            return proposal
        written.add((proposal.a, proposal.b))
        return attrs.evolve(proposal, decision=decision, decided_by="person")

    def passing(proposals: Iterable[Proposal]) -> Iterator[Proposal]:
        for proposal in proposals:
            emit(decided(proposal))
            yield proposal

    ordered = _ordered(items.values())
    candidates = _pairs_of(ordered, _candidate_codes(ordered, config))
    outcome = _group(items, passing(verify(candidates, items, config)), config, person)
    extra = [
        decided(proposal)
        for proposal in outcome.checked
        if proposal.score >= config.propose or (proposal.a, proposal.b) in person
    ]
    for pair, decision in person.items():
        if pair not in written:
            proposal = _propose(items[pair[0]], items[pair[1]], "decision", config)
            extra.append(attrs.evolve(proposal, decision=decision, decided_by="person"))
    for proposal in sorted(extra, key=lambda p: (p.a, p.b)):
        emit(proposal)
    collected.sort(key=lambda p: (p.a, p.b))
    aligned = iter(apply_keys(unique, outcome.assignments))
    keyed = tuple(
        next(aligned) if position in first_uses else document
        for position, document in enumerate(given)
    )
    return Alignment(keyed, collected, outcome.assignments, skipped)


def proposal_to_json(proposal: Proposal) -> dict[str, Any]:
    """Return a proposal as the JSON object of one proposals-file line."""
    return {
        "a": {"document": proposal.a.document, "claim": proposal.a.claim, "text": proposal.a_text},
        "b": {"document": proposal.b.document, "claim": proposal.b.claim, "text": proposal.b_text},
        "score": proposal.score,
        "method": proposal.method,
        "decision": proposal.decision.value,
        "decided_by": proposal.decided_by,
        "notes": list(proposal.notes),
        "matches": [{"words": m.words, "a": list(m.a), "b": list(m.b)} for m in proposal.matches],
    }


def _side(data: Any, name: str, where: str) -> tuple[ClaimRef, str]:
    side = data.get(name) if isinstance(data, dict) else None
    if not isinstance(side, dict) or not all(
        isinstance(side.get(field), str) for field in ("document", "claim", "text")
    ):
        raise ProvenanceError(
            f"{name} must name a claim",
            location=where,
            path=f"$.{name}",
            expected='{"document": "...", "claim": "...", "text": "..."}',
            found=repr(side)[:80],
        )
    return ClaimRef(side["document"], side["claim"]), side["text"]


def proposal_from_json(data: Any, *, location: str = "<proposal>") -> Proposal:
    """Read one proposals-file line back; raise a ``ProvenanceError`` saying what is wrong."""
    a, a_text = _side(data, "a", location)
    b, b_text = _side(data, "b", location)
    value = data.get("decision")
    try:
        decision = Decision(value)
    except ValueError:
        raise ProvenanceError(
            f"decision {value!r} is not one of accept, reject, review",
            location=location,
            path="$.decision",
            expected="accept, reject or review",
            found=repr(value),
        ) from None
    score = data.get("score", 0.0)
    if isinstance(score, bool) or not isinstance(score, int | float):
        raise ProvenanceError(
            "score must be a number",
            location=location,
            path="$.score",
            expected="a number",
            found=repr(score),
        )
    if b < a:
        a, b, a_text, b_text = b, a, b_text, a_text
    return Proposal(
        a,
        b,
        float(score),
        str(data.get("method", "decision")),
        decision,
        (),
        tuple(str(n) for n in data.get("notes", []) if isinstance(n, str)),
        a_text,
        b_text,
        "person",
    )


def dump_proposals(proposals: Iterable[Proposal]) -> Iterator[str]:
    """Yield the proposals file's lines (JSON Lines, one proposal each)."""
    for proposal in proposals:
        yield json.dumps(proposal_to_json(proposal), ensure_ascii=False, sort_keys=True) + "\n"


def load_decisions(path: str | Path) -> tuple[tuple[Proposal, ...], tuple[ProvenanceError, ...]]:
    """Read a (reviewed) proposals file; return the proposals and the errors of bad lines.

    A bad line is reported (as ``file:line``) and skipped; the rest is read.
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProvenanceError(f"cannot read the decisions file: {error}", location=name) from None
    proposals = []
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            errors.append(ProvenanceError(f"not valid JSON: {error.msg}", location=where))
            continue
        try:
            proposals.append(proposal_from_json(data, location=where))
        except ProvenanceError as error:
            errors.append(error)
    return tuple(proposals), tuple(errors)
