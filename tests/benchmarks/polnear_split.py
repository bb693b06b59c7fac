"""Split the PolNeAR training folder into a development part and a held-out part.

The split is deterministic: an article is held out when the first byte of the
SHA-256 of its name is below 77 (about 30 %). Rules are tuned on ``dev`` only;
figures are reported on ``heldout``. Nothing is copied: the output folders hold
symbolic links into ``../shared/corpus/polnear/train`` (one gold ``.ann`` per
article, the first annotator's by name, linked as ``NAME.ann``).

    python tests/benchmarks/polnear_split.py --out /tmp/polnear-split
    # then, for either part:
    provenance extract /tmp/polnear-split/heldout/text --format brat -o /tmp/polnear-pred
    provenance evaluate --gold /tmp/polnear-split/heldout/gold --pred /tmp/polnear-pred
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "polnear" / "train"


def part_of(name: str) -> str:
    """Return ``heldout`` or ``dev`` for an article name (its ``.txt`` stem)."""
    return "heldout" if hashlib.sha256(name.encode("utf-8")).digest()[0] < 77 else "dev"


def split(out: Path, corpus: Path = CORPUS) -> dict[str, int]:
    """Write the two parts under ``out``; return the number of articles in each."""
    counts = {"dev": 0, "heldout": 0}
    annotations: dict[str, Path] = {}
    for ann in sorted((corpus / "attributions").glob("*.ann")):
        annotations.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    for text in sorted((corpus / "text").glob("*.txt")):
        gold = annotations.get(text.stem)
        if gold is None:
            continue
        part = part_of(text.stem)
        for sub in ("text", "gold"):
            (out / part / sub).mkdir(parents=True, exist_ok=True)
        for link, target in (
            (out / part / "text" / text.name, text),
            (out / part / "gold" / (text.stem + ".ann"), gold),
        ):
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(target.resolve())
        counts[part] += 1
    return counts


def main() -> None:
    """Run the split from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"PolNeAR not found at {CORPUS}")
    print(split(args.out))


if __name__ == "__main__":
    main()
