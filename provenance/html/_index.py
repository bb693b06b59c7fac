"""The view of a corpus index page: one row per document and the cross-document findings."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

import attrs

from provenance.html._findings import CorpusView, LoopView
from provenance.html._page import DocumentPage, StatusStyle

__all__ = ["DocumentRow", "IndexPage", "LoopDiagram", "LoopNode", "index_page", "loop_diagram"]


@attrs.frozen
class DocumentRow:
    """One document of the index."""

    page: DocumentPage
    """The document's page view."""
    href: str
    """The relative file name of its page."""

    @property
    def statuses(self) -> tuple[tuple[StatusStyle, int], ...]:
        """Claims per status, only the statuses that occur."""
        return tuple((style, count) for style, count in self.page.summary.by_status if count)

    @property
    def findings(self) -> int:
        """How many audit findings the document has."""
        return sum(count for _, _, count in self.page.summary.by_rule)


@attrs.frozen
class LoopNode:
    """An outlet placed on the circle of a loop diagram."""

    label: str
    """The outlet's full name."""
    lines: tuple[str, ...]
    """The name wrapped (and shortened) to fit its circle."""
    x: float
    """Centre x."""
    y: float
    """Centre y."""


@attrs.frozen
class LoopDiagram:
    """A circular-reporting loop drawn as outlets on a circle, each citing the next."""

    loop: LoopView
    """What is drawn."""
    nodes: tuple[LoopNode, ...]
    """The outlets, in citing order."""
    arrows: tuple[tuple[float, float, float, float], ...]
    """(x1, y1, x2, y2) of each arrow, shortened to stop at the node circles."""
    size: int
    """Width and height of the square viewBox."""
    description: str
    """The loop in one line ("A cites B cites C cites A")."""


_SIZE = 320
_RADIUS = 108
_NODE = 42


def loop_diagram(loop: LoopView) -> LoopDiagram:
    """Place the outlets of ``loop`` on a circle, clockwise from the top."""
    count = max(len(loop.labels), 1)
    centre = _SIZE / 2
    nodes = []
    for index, label in enumerate(loop.labels):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        lines = textwrap.wrap(label, 11) or [label]
        if len(lines) > 2:
            lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), 11, placeholder="\u2026")]
        lines = [line if len(line) <= 12 else line[:11] + "\u2026" for line in lines]
        nodes.append(
            LoopNode(
                label,
                tuple(lines),
                round(centre + _RADIUS * math.cos(angle), 1),
                round(centre + _RADIUS * math.sin(angle), 1),
            )
        )
    arrows = []
    for index, node in enumerate(nodes):
        target = nodes[(index + 1) % len(nodes)]
        dx, dy = target.x - node.x, target.y - node.y
        length = math.hypot(dx, dy) or 1.0
        shrink = (_NODE + 4) / length
        # Two outlets citing each other: draw the two arrows side by side, not on one line.
        side = 10 / length if len(nodes) == 2 else 0.0
        ox, oy = -dy * side, dx * side
        arrows.append(
            (
                round(node.x + dx * shrink + ox, 1),
                round(node.y + dy * shrink + oy, 1),
                round(target.x - dx * shrink + ox, 1),
                round(target.y - dy * shrink + oy, 1),
            )
        )
    names = [*loop.labels, loop.labels[0]] if loop.labels else []
    return LoopDiagram(loop, tuple(nodes), tuple(arrows), _SIZE, " cites ".join(names))


@attrs.frozen
class IndexPage:
    """Everything the index page of a corpus shows."""

    rows: tuple[DocumentRow, ...]
    """One row per document."""
    corpus: CorpusView
    """Cross-document findings."""
    loops: tuple[LoopDiagram, ...]
    """The circular-reporting loops, laid out."""
    skipped: tuple[tuple[str, str], ...]
    """(input, why) of each input that gave no page."""

    @property
    def claims(self) -> int:
        """Claims across every document."""
        return sum(row.page.summary.claims for row in self.rows)

    @property
    def named_origins(self) -> int:
        """Claims with a named origin across every document."""
        return sum(row.page.summary.named_origins for row in self.rows)


def index_page(
    rows: Sequence[DocumentRow],
    corpus: CorpusView,
    skipped: Sequence[tuple[str, str]] = (),
) -> IndexPage:
    """Build the index view from the document rows and the corpus findings."""
    return IndexPage(
        rows=tuple(rows),
        corpus=corpus,
        loops=tuple(loop_diagram(loop) for loop in corpus.loops if loop.labels),
        skipped=tuple(skipped),
    )
