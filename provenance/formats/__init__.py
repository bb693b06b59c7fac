"""Reading and writing the formats of the field: schema.org ClaimReview and W3C PROV.

One module per foreign format: :mod:`provenance.formats.claimreview` (JSON-LD
in and out), :mod:`provenance.formats.prov` (PROV-JSON, PROV-N, PROV-O out);
:mod:`provenance.formats.verdicts` and :mod:`provenance.formats.claimants` hold
the extendable tables that map fact-checkers' labels and claimant names to the
vocabulary.
"""

from __future__ import annotations

from provenance.formats.claimants import ClaimantRule, ClaimantTable
from provenance.formats.claimreview import (
    appearances,
    load_claimreview,
    loads_claimreview,
    profile_problems,
    read_claimreview,
    to_claimreview,
)
from provenance.formats.notes import ExportNotes, ImportNotes, Note, NoteAction
from provenance.formats.verdicts import VerdictMatch, VerdictRule, VerdictTable

__all__ = [
    "ClaimantRule",
    "ClaimantTable",
    "ExportNotes",
    "ImportNotes",
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
