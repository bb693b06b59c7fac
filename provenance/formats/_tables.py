"""Reading the formats' tables (verdicts, claimants): the packaged ones and the user's files."""

from __future__ import annotations

import json
import os
from importlib import resources
from typing import Any

from provenance.codec import read_json_object

__all__ = ["packaged", "read_table"]


def packaged(name: str) -> dict[str, Any]:
    """Return the JSON object of the table ``name`` shipped in ``provenance.formats``."""
    raw = resources.files("provenance.formats").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def read_table(path: str | os.PathLike[str], what: str) -> dict[str, Any]:
    """Read a user's table file: a JSON object, or a clear error saying what is wrong where."""
    return read_json_object(path, f"the {what} table")
