"""Self-contained HTML reports of Document records and their audits.

:func:`render_document` turns one Document into a page showing the article
with every claim highlighted by status, each claim's chain as a diagram, its
hedges, reviews and audit findings; :func:`render_index` builds the index page
of a corpus. The view objects (:class:`DocumentPage`, :class:`IndexPage` and the
views of the audit) hold plain data; Jinja2 templates with
autoescaping render them, so every string of a record shows as text.

Rendering needs the optional ``report`` extra (Jinja2).
"""

from __future__ import annotations

from provenance.html._findings import AuditViews, CorpusView, FindingView, LoopView, audit_views
from provenance.html._index import IndexPage, index_page
from provenance.html._page import DocumentPage, document_page
from provenance.html._render import (
    INSTALL_HINT,
    check_available,
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
    "check_available",
    "document_page",
    "index_page",
    "render_document",
    "render_index",
    "render_index_page",
    "render_page",
    "script_json",
]
