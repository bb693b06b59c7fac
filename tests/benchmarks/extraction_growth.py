"""Extraction growth: drafting time against article length, on text that names many people.

    python tests/benchmarks/extraction_growth.py

Drafts one generated article at 1, 2, 4 and 8 times its length (each copy names the same
people again and adds new ones, as a long article does) and prints the time of each and
its growth: time ratio over length ratio against the 1x article of the same run, 1.0 being
linear. A fuzz input (a 2 KB article repeating "what Obama says and promises") once took
0.6 s, and four times as long 6.6 s: every one-word mention of a person scanned every
earlier mention. Nothing here is asserted: it is a measurement to read.
"""

from __future__ import annotations

import time

from provenance.extraction import Extractor

_PARAGRAPH = (
    "Senator {first} {last}{i} said the plan would fail, according to Reuters. "
    "{last}{i} told reporters that the vote was close. Mr. {last}{i} added that "
    'talks would go on. "We will not give up," he said. Officials said {first} was '
    "expected to speak again, what {last}{i} says and promises, what {last}{i} says."
)
_NAMES = [("Ann", "Lee"), ("Bo", "Chan"), ("Cy", "Diaz"), ("Di", "Moss"), ("Ed", "Park")]


def _article(copies: int) -> str:
    paragraphs = []
    for number in range(copies * 20):
        first, last = _NAMES[number % len(_NAMES)]
        paragraphs.append(_PARAGRAPH.format(first=first, last=last, i=number % 40))
    return "\n\n".join(paragraphs)


def _time(extractor: Extractor, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        extractor.extract(text, created="2000-01-01T00:00:00Z")
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    """Run the benchmark."""
    extractor = Extractor()
    reference = _time(extractor, _article(1))
    print(f"{'length':>7} {'characters':>10} {'seconds':>8} {'growth':>7}")
    for copies in (1, 2, 4, 8):
        text = _article(copies)
        seconds = reference if copies == 1 else _time(extractor, text)
        print(f"{copies:>6}x {len(text):>10} {seconds:>8.3f} {seconds / reference / copies:>7.2f}")


if __name__ == "__main__":
    main()
