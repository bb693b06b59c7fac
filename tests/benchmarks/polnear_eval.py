"""Score the extractor on one part of the PolNeAR split (held-out by default).

    python tests/benchmarks/polnear_eval.py              # held-out figures
    python tests/benchmarks/polnear_eval.py --part dev   # the part rules are tuned on
    python tests/benchmarks/polnear_eval.py --json

It splits the corpus into a temporary folder (see ``polnear_split.py``), drafts a
``.ann`` file per article with :class:`provenance.extraction.Extractor`, and
scores it with :func:`provenance.evaluation.evaluate_directories`, the same code
``provenance evaluate`` runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear_split import CORPUS, split

from provenance.evaluation import evaluate_directories
from provenance.extraction import Extractor
from provenance.formats import brat


def main() -> None:
    """Run the evaluation from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("heldout", "dev"), default="heldout")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"PolNeAR not found at {CORPUS}")
    extractor = Extractor()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        counts = split(root / "split")
        part = root / "split" / args.part
        predicted = root / "pred"
        predicted.mkdir()
        for text_file in sorted((part / "text").glob("*.txt")):
            document = extractor.extract(text_file.read_text(encoding="utf-8"), document_id="d")
            brat.dump(brat.write(document), predicted / (text_file.stem + ".ann"))
        result = evaluate_directories(part / "gold", predicted)
    if args.json:
        print(json.dumps({"part": args.part, "articles": counts[args.part], **result.as_dict()}))
    else:
        print(f"part: {args.part} ({counts[args.part]} articles)")
        print(result.as_text())


if __name__ == "__main__":
    main()
