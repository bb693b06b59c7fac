"""The package's own shipped data files (the gazetteer), read once and parsed.

This is the one door through which the lower floors reach data that ships inside
the package: read-only, never a user's file (those are read at the edges, by the
codec). It sits at the bottom with ``_version`` so that analysis may use shipped
tables without importing the file and JSON machinery itself.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["shipped_json"]


@functools.cache
def shipped_json(name: str) -> Any:
    """Return the parsed JSON of the package data file ``name`` (cached: parsed once).

    Callers must not mutate the result; it is shared by every caller.
    """
    text = resources.files("provenance").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)
