"""The hand-read chain set: load and check its readings, and score the extractor on them.

Each file ``tests/data/chains/{tune,check}/NAME.json`` is one careful reader's reading of one
article: every attributed claim with its full attribution chain (nearest first, each hop's
source words, resolved name and kind), its hedges and its status. ``tests/data/chains/README.md``
describes the format, the reading guidelines and the scoring rules.

    python tests/chains_gold.py --part tune            # figures for the tune part
    python tests/chains_gold.py --part check --json    # as JSON
    python tests/chains_gold.py --part tune --show-errors

The articles live in ``../shared/corpus`` (relative to the project root); without it there is
nothing to score.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "chains"
CORPUS = ROOT.parent / "shared" / "corpus"
PARTS = ("tune", "check")

__all__ = [
    "CORPUS",
    "DATA",
    "PARTS",
    "GoldClaim",
    "GoldHop",
    "PredClaim",
    "PredHop",
    "Reading",
    "Scores",
    "align_hops",
    "article_text",
    "chain_right",
    "draft_and_score",
    "kind_right",
    "load_reading",
    "match_claims",
    "normalize",
    "predicted_claims",
    "reading_files",
    "readings",
    "score",
    "score_article",
    "source_right",
    "table_status",
    "validate",
]

_READING_KEYS = {"article", "corpus_path", "publisher", "claims", "notes"}
_CLAIM_KEYS = {"content", "at", "chain", "hedges", "status", "notes"}
_HOP_KEYS = {"source", "at", "name", "kind", "mode", "cue", "cue_at"}
_HEDGE_KEYS = {"text", "at", "category"}
# kinds whose sources the article names: a reading must give the name
_NAMED = {"named_person", "named_organization", "publication"}
# kinds the article does not name: a reading gives no name
_UNNAMED = {"unnamed_individual", "unnamed_group", "vague_reports", "generic", "unknown"}
# words that never identify a source by themselves; a gold hop's local words are accepted as
# its source only when they are not one of these (the resolved name must be matched instead)
_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "us",
        "his",
        "their",
        "its",
        "our",
        "who",
        "which",
        "this",
        "that",
    ]
)


# -- the readings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldHop:
    """One hop of a gold chain."""

    source: str
    at: int | None
    name: str | None
    kind: str
    mode: str
    cue: str | None


@dataclass(frozen=True)
class GoldClaim:
    """One claim of a reading."""

    content: str
    at: int
    chain: tuple[GoldHop, ...]
    hedges: tuple[tuple[str, str], ...]
    status: str

    @property
    def end(self) -> int:
        """One past the content's last character."""
        return self.at + len(self.content)


@dataclass(frozen=True)
class Reading:
    """One article's reading."""

    article: str
    corpus_path: str
    publisher: str
    claims: tuple[GoldClaim, ...]
    path: Path


def _vocabulary() -> dict[str, frozenset[str]]:
    from provenance.vocabulary import (
        AttributionMode,
        ConfidenceStatus,
        HedgeCategory,
        SourceKind,
    )

    return {
        "kind": frozenset(k.value for k in SourceKind),
        "mode": frozenset(m.value for m in AttributionMode),
        "category": frozenset(c.value for c in HedgeCategory),
        "status": frozenset(s.value for s in ConfidenceStatus),
    }


def article_text(corpus_path: str, corpus: Path = CORPUS) -> str:
    """The article's text, exactly as the offsets index it."""
    return (corpus / corpus_path).read_text(encoding="utf-8")


def _at_matches(text: str, words: object, at: object) -> bool:
    return (
        isinstance(words, str)
        and isinstance(at, int)
        and not isinstance(at, bool)
        and at >= 0
        and text[at : at + len(words)] == words
    )


def _near(text: str, words: str, at: object) -> str:
    """Where the words do occur, to make a wrong offset easy to fix."""
    found = [m.start() for m in re.finditer(re.escape(words), text)] if words else []
    return f" (found at {found[:6]})" if found else " (not found in the text)"


def validate(data: object, text: str, *, stem: str | None = None) -> list[str]:
    """Every problem of one reading as ``JSON-path: what``; empty when it is well-formed.

    Checks the keys and their types, the vocabulary values, and that every ``content``,
    ``source`` (when its ``at`` is given), ``cue`` (when its ``cue_at`` is given) and hedge
    ``text`` stands at its offset in ``text``, and that each status is the decision table's for
    the claim's chain and hedges (``disputed`` is always accepted: see :func:`table_status`).
    """
    vocabulary = _vocabulary()
    problems: list[str] = []
    if not isinstance(data, dict):
        return [f"$: expected an object, found {type(data).__name__}"]
    for key in sorted(set(data) - _READING_KEYS):
        problems.append(f"$.{key}: unknown key (expected one of {sorted(_READING_KEYS)})")
    for key in ("article", "corpus_path", "publisher"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(f"$.{key}: expected a non-empty string, found {data.get(key)!r}")
    if stem is not None and data.get("article") != stem:
        problems.append(
            f"$.article: expected the file's stem {stem!r}, found {data.get('article')!r}"
        )
    if "notes" in data and not isinstance(data["notes"], str):
        problems.append("$.notes: expected a string")
    publisher = normalize(data["publisher"]) if isinstance(data.get("publisher"), str) else None
    claims = data.get("claims")
    if not isinstance(claims, list) or not claims:
        problems.append("$.claims: expected a non-empty list")
        return problems
    seen: dict[tuple[int, str], int] = {}
    for i, claim in enumerate(claims):
        where = f"$.claims[{i}]"
        if not isinstance(claim, dict):
            problems.append(f"{where}: expected an object")
            continue
        for key in sorted(set(claim) - _CLAIM_KEYS):
            problems.append(f"{where}.{key}: unknown key")
        for key in sorted({"content", "at", "chain", "hedges", "status"} - set(claim)):
            problems.append(f"{where}.{key}: missing")
        content = claim.get("content")
        if not isinstance(content, str) or not content.strip():
            problems.append(f"{where}.content: expected non-empty words, found {content!r}")
        elif not _at_matches(text, content, claim.get("at")):
            problems.append(
                f"{where}.content: {content[:40]!r} is not at {claim.get('at')!r}"
                + _near(text, content, claim.get("at"))
            )
        else:
            key_ = (claim["at"], content)
            if key_ in seen:
                problems.append(f"{where}: the same content as $.claims[{seen[key_]}]")
            seen[key_] = i
        if claim.get("status") not in vocabulary["status"]:
            problems.append(f"{where}.status: {claim.get('status')!r} is no ConfidenceStatus")
        else:
            mismatch = _status_problem(where, claim)
            if mismatch is not None:
                problems.append(mismatch)
        chain = claim.get("chain")
        if not isinstance(chain, list):
            problems.append(f"{where}.chain: expected a list")
            chain = []
        for j, hop in enumerate(chain):
            problems.extend(_hop_problems(f"{where}.chain[{j}]", hop, text, vocabulary, publisher))
        hedges = claim.get("hedges")
        if not isinstance(hedges, list):
            problems.append(f"{where}.hedges: expected a list")
            hedges = []
        for j, hedge in enumerate(hedges):
            here = f"{where}.hedges[{j}]"
            if not isinstance(hedge, dict):
                problems.append(f"{here}: expected an object")
                continue
            for key in sorted(set(hedge) ^ _HEDGE_KEYS):
                problems.append(f"{here}.{key}: {'unknown' if key in hedge else 'missing'} key")
            if hedge.get("category") not in vocabulary["category"]:
                problems.append(f"{here}.category: {hedge.get('category')!r} is no HedgeCategory")
            words = hedge.get("text")
            if not isinstance(words, str) or not words.strip():
                problems.append(f"{here}.text: expected non-empty words")
            elif not _at_matches(text, words, hedge.get("at")):
                problems.append(
                    f"{here}.text: {words!r} is not at {hedge.get('at')!r}"
                    + _near(text, words, hedge.get("at"))
                )
    return problems


_NAMED_ORIGINS = frozenset(
    {"publication", "named_person", "named_organization", "document", "author"}
)


def table_status(
    kinds_and_modes: Sequence[tuple[str, str]], hedge_categories: Iterable[str]
) -> str:
    """The status the decision table (``docs/explanation/status.md``) gives a chain and hedges.

    ``kinds_and_modes`` is the chain, nearest first. Rows R1-R5 (reviews, checked links) and
    R8 (corroboration) cannot match in a reading, and R6 only through a ``denied`` hop: a
    reading may say ``disputed`` for two sources of the article on opposite sides, which the
    format does not spell out, so :func:`validate` accepts ``disputed`` anywhere.
    """
    categories = set(hedge_categories)
    if any(mode == "denied" for _, mode in kinds_and_modes):
        return "disputed"
    if "unresolved" in categories:
        return "unresolved"
    if categories & {"epistemic", "doxastic", "prospective", "condition"}:
        return "hedged"
    if not kinds_and_modes:
        return "reported" if categories & {"evidential_hearsay", "weasel"} else "asserted"
    return "attributed" if kinds_and_modes[-1][0] in _NAMED_ORIGINS else "reported"


def _status_problem(where: str, claim: Mapping[str, Any]) -> str | None:
    chain = claim.get("chain")
    hedges = claim.get("hedges")
    if not isinstance(chain, list) or not isinstance(hedges, list):
        return None
    if not all(isinstance(h, dict) for h in chain) or not all(isinstance(h, dict) for h in hedges):
        return None
    status = claim.get("status")
    expected = table_status(
        [(str(h.get("kind")), str(h.get("mode"))) for h in chain],
        [str(h.get("category")) for h in hedges],
    )
    if status in (expected, "disputed"):
        return None
    return (
        f"{where}.status: {status!r}, but the decision table gives {expected!r} for this chain"
        " and these hedges"
    )


def _hop_problems(
    where: str,
    hop: object,
    text: str,
    vocabulary: Mapping[str, frozenset[str]],
    publisher: str | None,
) -> list[str]:
    if not isinstance(hop, dict):
        return [f"{where}: expected an object"]
    problems = [
        f"{where}.{key}: {'unknown' if key in hop else 'missing'} key"
        for key in sorted(set(hop) ^ _HOP_KEYS)
    ]
    kind = hop.get("kind")
    if kind not in vocabulary["kind"]:
        problems.append(f"{where}.kind: {kind!r} is no SourceKind")
    if hop.get("mode") not in vocabulary["mode"]:
        problems.append(f"{where}.mode: {hop.get('mode')!r} is no AttributionMode")
    source = hop.get("source")
    if not isinstance(source, str) or not source.strip():
        problems.append(f"{where}.source: expected non-empty words, found {source!r}")
    elif hop.get("at") is None:
        if source not in text:
            problems.append(f"{where}.source: {source!r} (implicit) does not occur in the text")
    elif not _at_matches(text, source, hop.get("at")):
        problems.append(
            f"{where}.source: {source!r} is not at {hop.get('at')!r}"
            + _near(text, source, hop.get("at"))
        )
    name = hop.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        problems.append(f"{where}.name: expected a non-empty string or null, found {name!r}")
    if kind in _NAMED and name is None:
        problems.append(f"{where}.name: a {kind} source needs the name the article gives it")
    if kind in _UNNAMED and name is not None:
        problems.append(f"{where}.name: a {kind} source has no name (found {name!r})")
    if publisher is not None and isinstance(name, str) and normalize(name) == publisher:
        problems.append(f"{where}.name: the publisher is never a hop of its own article")
    cue = hop.get("cue")
    if cue is None:
        if hop.get("cue_at") is not None:
            problems.append(f"{where}.cue_at: given for a null cue")
    elif not isinstance(cue, str) or not cue.strip():
        problems.append(f"{where}.cue: expected non-empty words or null, found {cue!r}")
    elif not _at_matches(text, cue, hop.get("cue_at")):
        problems.append(
            f"{where}.cue: {cue!r} is not at {hop.get('cue_at')!r}"
            + _near(text, cue, hop.get("cue_at"))
        )
    return problems


def load_reading(path: Path) -> Reading:
    """Read one reading file (assumed valid: see :func:`validate`)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    claims = tuple(
        GoldClaim(
            content=c["content"],
            at=c["at"],
            chain=tuple(
                GoldHop(
                    source=h["source"],
                    at=h["at"],
                    name=h["name"],
                    kind=h["kind"],
                    mode=h["mode"],
                    cue=h["cue"],
                )
                for h in c["chain"]
            ),
            hedges=tuple((h["text"], h["category"]) for h in c["hedges"]),
            status=c["status"],
        )
        for c in data["claims"]
    )
    return Reading(
        article=data["article"],
        corpus_path=data["corpus_path"],
        publisher=data["publisher"],
        claims=claims,
        path=path,
    )


def reading_files(part: str, data: Path = DATA) -> list[Path]:
    """The reading files of one part, sorted by name."""
    return sorted((data / part).glob("*.json"))


def readings(part: str, data: Path = DATA) -> list[Reading]:
    """Every reading of one part."""
    return [load_reading(path) for path in reading_files(part, data)]


# -- normalisation and matching ---------------------------------------------------------------

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_POSSESSIVE = re.compile(r"['\u2019]s\b")


def normalize(words: str) -> str:
    """Words as the scorer compares them.

    Case folded; Unicode compatibility form; possessive ``'s`` dropped; every other
    character that is not a letter, digit or space dropped (so "U.S." is "us"); runs of
    space collapsed; a leading "the", "a" or "an" dropped.
    """
    folded = unicodedata.normalize("NFKC", words).casefold()
    folded = _POSSESSIVE.sub("", folded)
    folded = "".join(ch if ch.isalnum() or ch.isspace() else "" for ch in folded)
    folded = " ".join(folded.split())
    return _LEADING_ARTICLE.sub("", folded)


@dataclass(frozen=True)
class PredHop:
    """One hop of a drafted chain, with what the scorer needs of its Source."""

    kind: str
    name: str | None = None
    descriptor: str | None = None
    mention: str | None = None
    mode: str | None = None


@dataclass(frozen=True)
class PredClaim:
    """One drafted claim: its content span, chain, hedges and status."""

    start: int
    end: int
    chain: tuple[PredHop, ...] = ()
    hedges: tuple[tuple[str, str], ...] = ()
    status: str = "asserted"


def predicted_claims(document: Any) -> list[PredClaim]:
    """The claims of a drafted :class:`provenance.model.Document` that have a span."""
    sources = {s.id: s for s in document.sources}
    claims = []
    for claim in document.claims:
        if claim.span is None:
            continue
        hops = []
        for hop in claim.attribution:
            src = sources.get(hop.source)
            hops.append(
                PredHop(
                    kind=src.kind.value if src is not None else "unknown",
                    name=src.name if src is not None else None,
                    descriptor=src.descriptor if src is not None else None,
                    mention=hop.mention.text if hop.mention is not None else None,
                    mode=hop.mode.value,
                )
            )
        claims.append(
            PredClaim(
                start=claim.span.start,
                end=claim.span.end,
                chain=tuple(hops),
                hedges=tuple((h.text, h.category.value) for h in claim.hedges),
                status=claim.status.value,
            )
        )
    return claims


def _gold_targets(hop: GoldHop) -> set[str]:
    targets = set()
    if hop.name is not None:
        targets.add(normalize(hop.name))
    local = normalize(hop.source)
    if local and local not in _PRONOUNS:
        targets.add(local)
    targets.discard("")
    return targets


def source_right(pred: PredHop, gold: GoldHop) -> bool:
    """Whether a drafted hop names the gold hop's source.

    The drafted Source's name, its descriptor or the hop's mention words (each after
    :func:`normalize`) must equal the gold ``name`` or the gold ``source`` words (a pronoun's
    words alone never match: the resolved name must), or end with the gold name after words
    of their own ("Congressman Chris Collins" for Chris Collins), or, for a gold person, be the
    last words of the name ("Collins").
    """
    candidates = {normalize(w) for w in (pred.name, pred.descriptor, pred.mention) if w}
    candidates.discard("")
    if candidates & _gold_targets(gold):
        return True
    if gold.name is None:
        return False
    name = normalize(gold.name)
    return any(
        c.endswith(" " + name) or (gold.kind == "named_person" and name.endswith(" " + c))
        for c in candidates
    )


def kind_right(pred: PredHop, gold: GoldHop) -> bool:
    """Whether a drafted hop has the gold hop's kind."""
    return pred.kind == gold.kind


def chain_right(pred: Sequence[PredHop], gold: Sequence[GoldHop]) -> bool:
    """Same length, and every hop's source and kind right, in order."""
    return len(pred) == len(gold) and all(
        source_right(p, g) and kind_right(p, g) for p, g in zip(pred, gold, strict=True)
    )


def align_hops(pred: Sequence[PredHop], gold: Sequence[GoldHop]) -> dict[int, int]:
    """Pair gold hops with drafted hops in order, to count hops right one by one.

    Returns gold index -> drafted index: the order-keeping pairing with the most points, a
    pair scoring 2 for the source right and 1 for the kind right (so a dropped intermediary
    leaves the origin paired with the origin). Pairs that score nothing are left out.
    """
    n, m = len(gold), len(pred)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            pair = 2 * source_right(pred[j], gold[i]) + kind_right(pred[j], gold[i])
            best[i][j] = max(
                best[i + 1][j], best[i][j + 1], pair + best[i + 1][j + 1] if pair else 0
            )
    pairs: dict[int, int] = {}
    i = j = 0
    while i < n and j < m:
        pair = 2 * source_right(pred[j], gold[i]) + kind_right(pred[j], gold[i])
        if pair and best[i][j] == pair + best[i + 1][j + 1]:
            pairs[i] = j
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def match_claims(gold: Sequence[GoldClaim], pred: Sequence[PredClaim]) -> dict[int, int]:
    """Pair gold and drafted claims one-to-one by content-span overlap.

    Returns gold index -> drafted index. Pairs are taken greedily, the largest overlap (in
    characters) first; among equal overlaps the pair whose spans agree best (shared
    characters over the characters of either), then the earlier. A pair needs at least one
    shared character. (A quote nested in a longer gold claim shares all its characters with
    both; the agreement sends it to the nested claim.)
    """
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.at, p.start)
            if overlap > 0:
                union = max(g.end, p.end) - min(g.at, p.start)
                pairs.append((-overlap, -overlap / union, p.start, gi, pi))
    pairs.sort()
    taken_gold: dict[int, int] = {}
    taken_pred: set[int] = set()
    for _, _, _, gi, pi in pairs:
        if gi in taken_gold or pi in taken_pred:
            continue
        taken_gold[gi] = pi
        taken_pred.add(pi)
    return taken_gold


# -- scores -----------------------------------------------------------------------------------


def _ratio(right: int, total: int) -> float | None:
    return None if total == 0 else right / total


@dataclass
class Scores:
    """Counts over a set of articles; the figures are ratios of them."""

    articles: int = 0
    claims: int = 0
    attributed: int = 0
    attributed_right: int = 0
    deep: int = 0
    deep_right: int = 0
    hops: int = 0
    hop_source_right: int = 0
    hop_kind_right: int = 0
    hop_mode_right: int = 0
    missed: int = 0
    missed_attributed: int = 0
    spurious_attributed: int = 0
    status_right: int = 0
    hedge_gold: int = 0
    hedge_pred: int = 0
    hedge_tp: int = 0
    hedge_category_tp: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    by_article: dict[str, list[int]] = field(default_factory=dict)
    """Per article: [attributed gold claims, of them with the chain exactly right]."""

    def figures(self) -> dict[str, Any]:
        """The figures, as a JSON-ready mapping (ratios in 0..1, ``None`` when undefined)."""
        precision = _ratio(self.hedge_tp, self.hedge_pred)
        recall = _ratio(self.hedge_tp, self.hedge_gold)
        return {
            "articles": self.articles,
            "claims": self.claims,
            "attributed_claims": self.attributed,
            "chain_exact": _ratio(self.attributed_right, self.attributed),
            "two_hop_claims": self.deep,
            "two_hop_chain_exact": _ratio(self.deep_right, self.deep),
            "hops": self.hops,
            "hop_source": _ratio(self.hop_source_right, self.hops),
            "hop_kind": _ratio(self.hop_kind_right, self.hops),
            "hop_mode": _ratio(self.hop_mode_right, self.hops),
            "missed_claims": self.missed,
            "missed_attributed_claims": self.missed_attributed,
            "spurious_attributed_drafts": self.spurious_attributed,
            "status": _ratio(self.status_right, self.claims),
            "hedges_gold": self.hedge_gold,
            "hedges_drafted": self.hedge_pred,
            "hedge_precision": precision,
            "hedge_recall": recall,
            "hedge_category_recall": _ratio(self.hedge_category_tp, self.hedge_gold),
        }


def _describe(chain: Iterable[PredHop | GoldHop]) -> list[str]:
    out = []
    for hop in chain:
        if isinstance(hop, GoldHop):
            out.append(f"{hop.name or hop.source} ({hop.kind}, {hop.mode})")
        else:
            words = hop.name or hop.descriptor or hop.mention or "?"
            out.append(f"{words} ({hop.kind}, {hop.mode})")
    return out


def score_article(
    scores: Scores,
    article: str,
    gold: Sequence[GoldClaim],
    pred: Sequence[PredClaim],
    text: str | None = None,
) -> None:
    """Add one article's counts to ``scores`` (``text`` only words the error list)."""
    scores.articles += 1
    before = (scores.attributed, scores.attributed_right)
    matched = match_claims(gold, pred)
    for gi, g in enumerate(gold):
        scores.claims += 1
        p = pred[matched[gi]] if gi in matched else None
        gold_hedges = {normalize(t): c for t, c in g.hedges}
        scores.hedge_gold += len(gold_hedges)
        if p is None:
            scores.missed += 1
            if g.chain:
                scores.missed_attributed += 1
                scores.attributed += 1
                scores.hops += len(g.chain)
                if len(g.chain) > 1:
                    scores.deep += 1
            scores.errors.append(
                {
                    "article": article,
                    "at": g.at,
                    "content": g.content,
                    "error": "missed",
                    "gold": _describe(g.chain),
                }
            )
            continue
        if p.status == g.status:
            scores.status_right += 1
        pred_hedges = {normalize(t): c for t, c in p.hedges}
        scores.hedge_pred += len(pred_hedges)
        for words, category in pred_hedges.items():
            if words in gold_hedges:
                scores.hedge_tp += 1
                scores.hedge_category_tp += gold_hedges[words] == category
        if not g.chain:
            continue
        scores.attributed += 1
        scores.hops += len(g.chain)
        for gk, pk in align_hops(p.chain, g.chain).items():
            ph, gh = p.chain[pk], g.chain[gk]
            scores.hop_source_right += source_right(ph, gh)
            scores.hop_kind_right += kind_right(ph, gh)
            scores.hop_mode_right += ph.mode == gh.mode
        right = chain_right(p.chain, g.chain)
        scores.attributed_right += right
        if len(g.chain) > 1:
            scores.deep += 1
            scores.deep_right += right
        if not right:
            scores.errors.append(
                {
                    "article": article,
                    "at": g.at,
                    "content": g.content,
                    "error": "chain",
                    "gold": _describe(g.chain),
                    "drafted": _describe(p.chain),
                }
            )
    scores.by_article[article] = [
        scores.attributed - before[0],
        scores.attributed_right - before[1],
    ]
    # a draft with a chain that touches no gold claim attributes words the reader did not
    # (drafts left over because the reader kept a quote whole are not counted)
    for p in pred:
        if p.chain and not any(min(g.end, p.end) > max(g.at, p.start) for g in gold):
            scores.spurious_attributed += 1
            scores.errors.append(
                {
                    "article": article,
                    "at": p.start,
                    "content": text[p.start : p.end]
                    if text is not None
                    else f"[{p.start}:{p.end}]",
                    "error": "spurious",
                    "gold": [],
                    "drafted": _describe(p.chain),
                }
            )


def score(
    pairs: Iterable[tuple[str, Sequence[GoldClaim], Sequence[PredClaim]]],
    texts: Mapping[str, str] | None = None,
) -> Scores:
    """Score (article, gold claims, drafted claims) triples; ``texts`` by article, optional."""
    scores = Scores()
    for article, gold, pred in pairs:
        score_article(scores, article, gold, pred, (texts or {}).get(article))
    return scores


def draft_and_score(part: str, data: Path = DATA, corpus: Path = CORPUS) -> Scores:
    """Draft every article of a part with today's extractor and score the drafts."""
    from provenance.extraction import Extractor

    extractor = Extractor()
    triples = []
    texts = {}
    for reading in readings(part, data):
        text = article_text(reading.corpus_path, corpus)
        texts[reading.article] = text
        document = extractor.extract(text, publisher=reading.publisher, document_id="gold")
        triples.append((reading.article, reading.claims, predicted_claims(document)))
    return score(triples, texts)


def _percent(value: object) -> str:
    return "   n/a" if value is None else f"{100 * float(str(value)):5.1f}%"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures of one part."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=PARTS, default="tune")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show-errors", action="store_true", help="list every wrong claim")
    parser.add_argument(
        "--by-article", action="store_true", help="chains exactly right, article by article"
    )
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"the shared corpus is not at {CORPUS}", file=sys.stderr)
        return 2
    problems = []
    for path in reading_files(args.part):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = article_text(data["corpus_path"])
        problems += [f"{path.name}: {p}" for p in validate(data, text, stem=path.stem)]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    scores = draft_and_score(args.part)
    figures = scores.figures()
    if args.json:
        out = dict(figures, part=args.part)
        if args.show_errors:
            out["errors"] = scores.errors
        if args.by_article:
            out["by_article"] = {
                name: {"attributed_claims": n, "chain_exact": right}
                for name, (n, right) in scores.by_article.items()
            }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    f = figures
    print(
        f"part {args.part}: {f['articles']} articles, {f['claims']} claims, "
        f"{f['attributed_claims']} attributed, {f['two_hop_claims']} with two hops or more"
    )
    print(f"chain exactly right      {_percent(f['chain_exact'])}")
    print(f"two-hop chain right      {_percent(f['two_hop_chain_exact'])}")
    print(f"hop source right         {_percent(f['hop_source'])}  of {f['hops']} gold hops")
    print(f"hop kind right           {_percent(f['hop_kind'])}")
    print(f"hop mode right           {_percent(f['hop_mode'])}")
    print(f"status right             {_percent(f['status'])}")
    print(
        f"hedge precision / recall {_percent(f['hedge_precision'])} / "
        f"{_percent(f['hedge_recall'])}  ({f['hedges_drafted']} drafted, "
        f"{f['hedges_gold']} gold; category right {_percent(f['hedge_category_recall'])})"
    )
    print(
        f"missed claims            {f['missed_claims']} "
        f"({f['missed_attributed_claims']} attributed)"
    )
    print(f"attributed drafts touching no gold claim  {f['spurious_attributed_drafts']}")
    if args.by_article:
        for name, (n, right) in sorted(scores.by_article.items()):
            print(f"  {right:3d} / {n:3d}  {name}")
    if args.show_errors:
        for error in scores.errors:
            print(
                f"\n{error['article']} @{error['at']} [{error['error']}] {error['content'][:90]!r}"
            )
            print(f"   gold:    {' <- '.join(error['gold'])}")
            if "drafted" in error:
                print(f"   drafted: {' <- '.join(error['drafted']) or '(no chain)'}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
