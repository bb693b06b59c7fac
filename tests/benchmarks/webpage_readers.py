"""Which main-text extractor reads saved news pages best: trafilatura, readability-lxml or jusText.

Each held-out PolNeAR article (``polnear_split.part_of(name) == "heldout"``; none
of the page readers was tuned on anything) is wrapped in a news page's furniture
(``tests/fuzz/pages.py``: navigation, byline, related links, comments, footer,
scripts, character references), read back by each extractor, and drafted.
Printed per extractor: milliseconds per page (after a warm-up), the share of
pages whose drafted claims are exactly those of the plain text (white space
normalised), the share with
page furniture or markup left in the text (PolNeAR texts hold a few
``<tweet ...>`` lines of their own, which count as markup), and which metadata it returns.

    python tests/benchmarks/webpage_readers.py --limit 60

Needs ``pip install trafilatura readability-lxml justext`` and ``../shared/corpus``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.polnear_split import CORPUS, part_of  # noqa: E402
from tests.fuzz.pages import news_page  # noqa: E402

_FURNITURE = (
    "cookies",
    "Related stories",
    "Share on",
    "reader42",
    "All rights reserved",
    "newsletter",
    "Advertisement",
    "Politics",
)


def _trafilatura(page: str) -> tuple[str, int]:
    import trafilatura

    found = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False
    )
    if found is None:
        return "", 0
    fields = sum(
        bool(getattr(found, name, None)) for name in ("title", "author", "date", "sitename", "url")
    )
    return found.text or "", fields


def _readability(page: str) -> tuple[str, int]:
    import lxml.html
    from readability import Document

    document = Document(page)
    tree = lxml.html.fromstring(document.summary())
    paragraphs = [" ".join(p.text_content().split()) for p in tree.iter("p", "h1", "h2", "li")]
    return "\n".join(p for p in paragraphs if p), int(bool(document.short_title()))


def _justext(page: str) -> tuple[str, int]:
    import justext

    paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate), 0


READERS: dict[str, Callable[[str], tuple[str, int]]] = {
    "trafilatura": _trafilatura,
    "readability-lxml": _readability,
    "justext": _justext,
}


def _claims(extractor: object, text: str) -> list[str]:
    """The drafted claims' texts, white space normalised (pages write no-break spaces as spaces)."""
    document = extractor.extract(text)  # type: ignore[attr-defined]
    return [" ".join(claim.text.split()) for claim in document.claims]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60, help="held-out articles to use")
    args = parser.parse_args()
    from provenance.extraction import Extractor

    extractor = Extractor()
    texts = [
        path.read_text(encoding="utf-8")
        for path in sorted((CORPUS / "text").glob("*.txt"))
        if part_of(path.stem) == "heldout"
    ][: args.limit]
    pages = [news_page(text, title=text.strip().splitlines()[0][:80]) for text in texts]
    wanted = [_claims(extractor, text) for text in texts]
    print(f"{len(pages)} held-out PolNeAR articles as saved news pages")
    print(
        f"{'reader':<18}{'ms/page':>9}{'same claims':>13}{'furniture':>11}{'markup':>8}{'meta':>6}"
    )
    for name, read in READERS.items():
        read(pages[0])  # warm-up: imports, caches
        times, same, furniture, markup, meta = [], 0, 0, 0, 0
        for page, claims in zip(pages, wanted, strict=True):
            start = time.perf_counter()
            text, fields = read(page)
            times.append((time.perf_counter() - start) * 1000)
            meta = max(meta, fields)
            if any(word in text for word in _FURNITURE):
                furniture += 1
            if ("<" in text and ">" in text) or "&#" in text or "&amp;" in text:
                markup += 1
            same += (_claims(extractor, text) if text.strip() else []) == claims
        count = len(pages)
        print(
            f"{name:<18}{statistics.median(times):>9.1f}{same / count:>13.1%}"
            f"{furniture / count:>11.1%}{markup / count:>8.1%}{meta:>6}"
        )


if __name__ == "__main__":
    main()
