"""Reading the formats' tables (verdicts, claimants): the packaged ones and the user's files."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

from provenance.errors import InvalidValue

__all__ = ["packaged", "read_table"]


def packaged(name: str) -> dict[str, Any]:
    """Return the JSON object of the table ``name`` shipped in ``provenance.formats``."""
    raw = resources.files("provenance.formats").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def read_table(path: str | os.PathLike[str], what: str) -> dict[str, Any]:
    """Read a user's table file: a JSON object, or a clear error saying what is wrong where."""
    location = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise InvalidValue(
            f"cannot read the {what} table: {error.strerror}",
            expected="a readable JSON file",
            found=location,
        ) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidValue(
            f"the {what} table is not JSON: {error}", expected="a JSON object", found=location
        ) from None
    if not isinstance(data, dict):
        raise InvalidValue(
            f"the {what} table must be a JSON object",
            expected="a JSON object",
            found=type(data).__name__,
        )
    return data
