"""Self-contained HTML reports of Document records and their audits.

:func:`render_document` turns one Document into a page showing the article
with every claim highlighted by status, each claim's chain as a diagram, its
hedges, reviews and audit findings; :func:`render_index` builds the index page
of a corpus. The view objects (:mod:`provenance.html.page`,
:mod:`provenance.html.index`) hold plain data; Jinja2 templates with
autoescaping render them, so every string of a record shows as text.

Rendering needs the optional ``report`` extra (Jinja2).
"""

from __future__ import annotations

from provenance.html.findings import AuditViews, CorpusView, FindingView, LoopView, audit_views
from provenance.html.index import IndexPage, index_page
from provenance.html.page import DocumentPage, document_page
from provenance.html.render import (
    INSTALL_HINT,
    render_document,
    render_index,
    render_index_page,
    render_page,
    script_json,
)

__all__ = [
    "INSTALL_HINT",
    "AuditViews",
    "CorpusView",
    "DocumentPage",
    "FindingView",
    "IndexPage",
    "LoopView",
    "audit_views",
    "document_page",
    "index_page",
    "render_document",
    "render_index",
    "render_index_page",
    "render_page",
    "script_json",
]
