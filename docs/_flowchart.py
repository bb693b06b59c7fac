"""Draw the pages' Mermaid flowcharts as SVG at build time, with no network and no JavaScript.

Mermaid renders in the reader's browser from a script fetched off the network, or at build
time with a Node.js tool; the site wants neither. The pages' diagrams (the architecture page's
floors, for one) use a small part of Mermaid's flowchart language, and this extension draws
exactly that part:

- ``flowchart TB`` (top to bottom; ``TD`` is the same);
- ``subgraph ID["label"]`` ... ``end``, holding nodes ``ID["label"]`` (or a bare ``ID``);
- edges ``A --> B`` and ``A -- "label" --> B`` between subgraphs or nodes.

Each subgraph is a box, stacked in the order written, its nodes laid out in rows inside it;
edges are drawn as arrows between boxes (or nodes). A line outside that part is a build
warning, so ``-W`` fails rather than a picture being drawn wrong. On GitHub the same block
shows as Mermaid.
"""

from __future__ import annotations

import html
import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

_LOG = logging.getLogger(__name__)
_NODE = re.compile(r'^([\w.-]+)(?:\["([^"]*)"\])?$')
_SUBGRAPH = re.compile(r'^subgraph\s+([\w.-]+)(?:\["([^"]*)"\])?$')
_EDGE = re.compile(r'^([\w.-]+)\s*(?:--\s*"([^"]*)"\s*)?-->\s*([\w.-]+)$')

_WIDTH = 760
_NODE_W, _NODE_H, _GAP = 128, 26, 10
_PER_ROW = (_WIDTH - 40 + _GAP) // (_NODE_W + _GAP)


_Group = tuple[str, str, list[tuple[str, str]]]


def parse(text: str) -> tuple[list[_Group], list[tuple[str, str, str]], list[str]]:
    """Return (subgraphs as ``(id, label, nodes)``, edges, lines not understood)."""
    groups: list[_Group] = []
    edges: list[tuple[str, str, str]] = []
    unknown: list[str] = []
    current: list[tuple[str, str]] | None = None
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines or lines[0] not in ("flowchart TB", "flowchart TD", "graph TB", "graph TD"):
        return [], [], lines[:1] or ["(empty)"]
    for line in lines[1:]:
        if line.startswith("%%"):
            continue
        if match := _SUBGRAPH.match(line):
            current = []
            groups.append((match.group(1), match.group(2) or match.group(1), current))
        elif line == "end":
            current = None
        elif match := _EDGE.match(line):
            edges.append((match.group(1), match.group(3), match.group(2) or ""))
        elif (match := _NODE.match(line)) and current is not None:
            current.append((match.group(1), match.group(2) or match.group(1)))
        else:
            unknown.append(line)
    return groups, edges, unknown


def render(text: str) -> tuple[str, list[str]]:
    """Return the SVG of a flowchart and the lines it could not draw."""
    groups, edges, unknown = parse(text)
    out: list[str] = []
    where: dict[str, tuple[float, float, float, float]] = {}  # id -> x, y, w, h
    y = 10.0
    for group_id, label, members in groups:
        rows = max(1, -(-len(members) // _PER_ROW))
        height = 30 + rows * (_NODE_H + _GAP) + 4
        where[group_id] = (20, y, _WIDTH - 40, height)
        out.append(
            f'<rect x="20" y="{y}" width="{_WIDTH - 40}" height="{height}" rx="8" '
            'fill="#f4f6fb" stroke="#4a5a80"/>'
        )
        out.append(
            f'<text x="32" y="{y + 19}" font-weight="bold" font-size="13">'
            f"{html.escape(label)}</text>"
        )
        for index, (node_id, node_label) in enumerate(members):
            row, column = divmod(index, _PER_ROW)
            x = 32 + column * (_NODE_W + _GAP)
            top = y + 28 + row * (_NODE_H + _GAP)
            where[node_id] = (x, top, _NODE_W, _NODE_H)
            out.append(
                f'<rect x="{x}" y="{top}" width="{_NODE_W}" height="{_NODE_H}" rx="4" '
                'fill="#ffffff" stroke="#8894b0"/>'
            )
            out.append(
                f'<text x="{x + _NODE_W / 2}" y="{top + 17}" text-anchor="middle" '
                f'font-family="monospace" font-size="12">{html.escape(node_label)}</text>'
            )
        y += height + 34
    for source, target, label in edges:
        if source not in where or target not in where:
            unknown.append(f"{source} --> {target}")
            continue
        sx, sy, sw, sh = where[source]
        tx, ty, tw, _ = where[target]
        x = (max(sx, tx) + min(sx + sw, tx + tw)) / 2
        out.append(
            f'<line x1="{x}" y1="{sy + sh}" x2="{x}" y2="{ty - 2}" stroke="#333" '
            'stroke-width="1.5" marker-end="url(#flow-arrow)"/>'
        )
        if label:
            out.append(
                f'<text x="{x + 8}" y="{(sy + sh + ty) / 2 + 4}" font-size="12">'
                f"{html.escape(label)}</text>"
            )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{y - 14}" '
        f'viewBox="0 0 {_WIDTH} {y - 14}" font-family="sans-serif" role="img">'
        '<defs><marker id="flow-arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#333"/></marker></defs>' + "".join(out) + "</svg>"
    )
    return svg, unknown


class Mermaid(SphinxDirective):
    """``mermaid``: a flowchart drawn as inline SVG (see the module docstring)."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        """Draw the block, warning about every line it cannot draw."""
        svg, unknown = render("\n".join(self.content))
        for line in unknown:
            _LOG.warning(
                "mermaid: cannot draw %r (only flowchart TB with subgraphs, nodes and edges)",
                line,
                location=self.get_location(),
            )
        return [nodes.raw("", f'<div class="flowchart">{svg}</div>', format="html")]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``mermaid`` directive."""
    app.add_directive("mermaid", Mermaid)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
