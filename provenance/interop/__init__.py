"""Reading and writing the formats of the field: schema.org ClaimReview and W3C PROV.

One module per foreign format: :mod:`provenance.interop.claimreview` (JSON-LD
in and out), :mod:`provenance.interop.prov` (PROV-JSON, PROV-N, PROV-O out);
:mod:`provenance.interop.verdicts` and :mod:`provenance.interop.claimants` hold
the extendable tables that map fact-checkers' labels and claimant names to the
vocabulary.
"""

from __future__ import annotations

from provenance.interop.claimants import ClaimantRule, ClaimantTable
from provenance.interop.claimreview import (
    appearances,
    load_claimreview,
    loads_claimreview,
    profile_problems,
    read_claimreview,
    to_claimreview,
)
from provenance.interop.report import ExportReport, ImportReport, Note, NoteAction
from provenance.interop.verdicts import VerdictMatch, VerdictRule, VerdictTable

__all__ = [
    "ClaimantRule",
    "ClaimantTable",
    "ExportReport",
    "ImportReport",
    "Note",
    "NoteAction",
    "VerdictMatch",
    "VerdictRule",
    "VerdictTable",
    "appearances",
    "load_claimreview",
    "loads_claimreview",
    "profile_problems",
    "read_claimreview",
    "to_claimreview",
]
