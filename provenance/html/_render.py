"""Rendering report views to self-contained HTML with Jinja2 (autoescaping on).

Jinja2 is an optional dependency (``pip install 'claim-provenance[report]'``);
it is imported when a page is rendered, and its absence raises
:class:`~provenance.errors.MissingDependency`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from provenance.errors import MissingDependency
from provenance.html import _findings as audit
from provenance.html._index import DocumentRow, IndexPage, index_page
from provenance.html._page import DocumentPage, document_page
from provenance.model import Document

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "INSTALL_HINT",
    "check_available",
    "render_document",
    "render_index",
    "render_index_page",
    "render_page",
    "script_json",
]

INSTALL_HINT = "pip install 'claim-provenance[report]'"
"""How to install what the report needs."""

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(value: Any) -> str:
    r"""Return ``value`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>``, ``&`` and the line separators U+2028/U+2029 are written as
    ``\u`` escapes, so no string of the data can close the script element or
    open a comment, and ``JSON.parse`` of the element's text gives ``value`` back.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "".join(_SCRIPT_ESCAPES.get(char, char) for char in text)


@functools.cache
def _environment() -> jinja2.Environment:
    try:
        import jinja2
    except ImportError:
        raise MissingDependency(
            f"the report needs Jinja2, which is not installed: {INSTALL_HINT}",
            expected="jinja2 installed",
            found="no module named 'jinja2'",
        ) from None
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("provenance.html", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    import markupsafe

    environment.filters["script_json"] = lambda value: markupsafe.Markup(script_json(value))
    return environment


def check_available() -> None:
    """Raise :class:`~provenance.errors.MissingDependency` unless Jinja2 can be used."""
    _environment()


def render_page(page: DocumentPage) -> str:
    """Render a document page view to HTML."""
    return _environment().get_template("report.html.j2").render(page=page)


def render_document(document: Document, findings: Sequence[audit.FindingView] | None = None) -> str:
    """Render ``document``'s report; without ``findings``, audit it first."""
    if findings is None:
        findings = audit.audit_views([document]).documents[0]
    return render_page(document_page(document, findings, audit_ran=True))


def render_index_page(page: IndexPage) -> str:
    """Render an index page view to HTML."""
    return _environment().get_template("index.html.j2").render(index=page)


def render_index(
    pages: Sequence[tuple[DocumentPage, str]],
    corpus: audit.CorpusView,
    skipped: Sequence[tuple[str, str]] = (),
) -> str:
    """Render the index of ``pages`` ((view, relative file name) pairs) with corpus findings."""
    rows = [DocumentRow(page, href) for page, href in pages]
    return render_index_page(index_page(rows, corpus, skipped))
