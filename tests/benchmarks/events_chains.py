"""Drafted chains on the same-event sets, against the hand reading of each event.

    python tests/benchmarks/events_chains.py                 # the events developed on
    python tests/benchmarks/events_chains.py --heldout       # the two events never tuned on
    python tests/benchmarks/events_chains.py --show-errors   # dev events only

The event readings (``tests/data/events*/reading.json``) were written for alignment and
origin counting, but every claim they read carries its chain as the article gives it: the
mention of each hop and the source it stands for, whose kind the reading's ``sources``
give. So they are a second measure of drafted chains, on wire copy of 2023-2025 from
outlets the PolNeAR readings do not have. Each article is drafted with its manifest's
publisher; each read claim is paired with the drafted claim whose content overlaps it
most (``chains_gold.match_claims``), and scored:

- **chain right**: as many hops as the reading, each hop's source and kind right;
- **hop source right**: a drafted hop's name, descriptor or mention names the read hop's
  mention, its canonical source or one of that source's variants (for a person, the
  surname alone too);
- **hop kind right**: the drafted source's kind is the kind of the source the reading
  says the mention stands for ("the spokesman" for Peskov is a named person).

The reading is not a complete annotation (background attributions are left out), so
only the read claims are scored: this is recall of right chains, not precision.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import chains_gold as cg
import event_sets

from provenance.extraction import Extractor


def _gold(
    read: dict[str, object], file: str, text: str
) -> list[tuple[cg.GoldClaim, list[set[str]]]]:
    """The reading's claims of one file as gold claims, with each hop's accepted names."""
    sources = {s["canonical"]: s for s in read["sources"]}  # type: ignore[index,union-attr]
    found = []
    used: Counter[str] = Counter()
    for claim in read["claims"]:  # type: ignore[union-attr]
        if claim["file"] != file or not claim["chain"]:
            continue
        words = claim["words"]
        at = -1
        for _ in range(used[words] + 1):  # the same words read twice: the next occurrence
            at = text.find(words, at + 1)
        used[words] += 1
        if at < 0:
            continue
        hops = []
        accepted = []
        for hop in claim["chain"]:
            source = sources[hop["source"]]
            hops.append(
                cg.GoldHop(
                    source="" if hop.get("pronoun") else hop["mention"],
                    at=None,
                    name=hop["source"],
                    kind=source["kind"],
                    mode="",
                    cue=None,
                )
            )
            accepted.append({cg.normalize(v) for v in source.get("variants", [])} - {""})
        found.append((cg.GoldClaim(words, at, tuple(hops), (), ""), accepted))
    return found


def _hop_right(pred: cg.PredHop, gold: cg.GoldHop, variants: set[str]) -> bool:
    if cg.source_right(pred, gold):
        return True
    names = {cg.normalize(w) for w in (pred.name, pred.descriptor, pred.mention) if w}
    return bool(names & variants)


def score(events: list[str], show: bool) -> Counter[str]:
    """Draft every article of ``events`` and count right chains and hops."""
    extractor = Extractor()
    counts: Counter[str] = Counter()
    for event in events:
        read = event_sets.reading(event)
        rows = event_sets.manifest(event)
        for file in sorted(rows):
            text = (event_sets.folder(event) / file).read_text("utf-8")
            gold = _gold(read, file, text)
            if not gold:
                continue
            document = extractor.extract(
                text, publisher=rows[file].get("publisher"), document_id=event_sets.stem(file)
            )
            pred = cg.predicted_claims(document)
            matched = cg.match_claims([g for g, _ in gold], pred)
            for k, (g, accepted) in enumerate(gold):
                counts["claims"] += 1
                counts["hops"] += len(g.chain)
                p = pred[matched[k]] if k in matched else None
                chain = p.chain if p is not None else ()
                right = len(chain) == len(g.chain)
                for j, hop in enumerate(g.chain):
                    # the hop of the same place counted from the origin, which a dropped
                    # intermediary leaves in place
                    offset = len(chain) - len(g.chain) + j
                    ph = chain[offset] if 0 <= offset < len(chain) else None
                    source_ok = ph is not None and _hop_right(ph, hop, accepted[j])
                    kind_ok = ph is not None and ph.kind == hop.kind
                    counts["hop source"] += source_ok
                    counts["hop kind"] += kind_ok
                    right = right and source_ok and kind_ok
                counts["chain"] += right
                if len(g.chain) > 1:
                    counts["deep"] += 1
                    counts["deep right"] += right
                if show and not right:
                    gold_words = " <- ".join(
                        f"{h.source or '(pronoun)'} = {h.name} ({h.kind})" for h in g.chain
                    )
                    drafted = " <- ".join(
                        f"{h.name or h.descriptor or h.mention} ({h.kind})" for h in chain
                    )
                    print(f"{event} {file} @{g.at} {g.content[:80]!r}")
                    print(f"   read:    {gold_words}")
                    print(f"   drafted: {drafted or '(no chain)'}")
    return counts


def main() -> None:
    """Print the figures of the dev or the held-out events."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--heldout", action="store_true", help="score the held-out events")
    parser.add_argument("--show-errors", action="store_true", help="list the wrong chains")
    args = parser.parse_args()
    events = event_sets.HELDOUT_NAMES if args.heldout else event_sets.NAMES
    counts = score(events, args.show_errors and not args.heldout)
    part = "held-out" if args.heldout else "dev"
    print(f"{part} events: {len(events)}, read claims with a chain: {counts['claims']}")
    print(f"chain right        {counts['chain'] / max(1, counts['claims']):6.1%}")
    print(
        f"two-hop right      {counts['deep right'] / max(1, counts['deep']):6.1%}"
        f"  of {counts['deep']}"
    )
    print(f"hop source right   {counts['hop source'] / max(1, counts['hops']):6.1%}")
    print(f"hop kind right     {counts['hop kind'] / max(1, counts['hops']):6.1%}")


if __name__ == "__main__":
    main()
