"""The installed version of claim-provenance, read from the package metadata once."""

from __future__ import annotations

import functools

__all__ = ["version"]


@functools.cache
def version() -> str:
    """Return the installed distribution's version (``0+unknown`` from a bare source tree).

    Cached: the metadata lookup reads files, and records stamp the version on every
    ``extract()`` and every audit.
    """
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _installed

    try:
        return _installed("claim-provenance")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
