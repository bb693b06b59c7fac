"""The formats of the field, one module each, all speaking the same verbs.

- :mod:`provenance.formats.claimreview`: schema.org ClaimReview (JSON-LD) in and out;
- :mod:`provenance.formats.prov`: W3C PROV out (PROV-JSON, PROV-N, PROV-O Turtle);
- :mod:`provenance.formats.brat`: brat standoff (``.ann``) as PolNeAR uses it, in and out;
- :mod:`provenance.formats.verdicts` and :mod:`provenance.formats.claimants`: the
  extendable tables that map fact-checkers' labels and claimant names to the vocabulary;
- :mod:`provenance.formats.notes`: what an import or export skipped, kept or changed.

The verbs: ``read`` (the format's data to Documents) and ``write`` (Documents to the
format's data); ``loads``/``dumps`` the same with text; ``load``/``dump`` with a file.
Each module is imported on first use (``provenance.formats.claimreview``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from provenance.formats import brat as brat
    from provenance.formats import claimants as claimants
    from provenance.formats import claimreview as claimreview
    from provenance.formats import notes as notes
    from provenance.formats import prov as prov
    from provenance.formats import verdicts as verdicts

__all__ = ["brat", "claimants", "claimreview", "notes", "prov", "verdicts"]


def __getattr__(name: str) -> Any:
    """Import a format module on first use."""
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
