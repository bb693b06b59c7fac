"""Choosing between a pure-Python implementation and an optional compiled one.

Two parts of the library have a fast path from the ``fast`` extra: schema
validation (``jsonschema`` or ``jsonschema-rs``) and JSON text (``json`` or
``orjson``). Each is a :class:`Backend`: the pure-Python name, the fast name and
the module it needs, and an environment variable read at first use. ``auto``
(the default) takes the fast path when its module is installed; naming the fast
path when it is not installed is an error that says how to install it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from collections.abc import Iterator

import attrs

from provenance.errors import ProvenanceError

__all__ = ["Backend"]


@attrs.define
class Backend:
    """One choice between a pure-Python and a compiled implementation (see the module docs)."""

    what: str
    """What is chosen, for messages ("schema engine")."""
    variable: str
    """The environment variable that names the choice."""
    pure: str
    """The name of the pure-Python implementation, always available."""
    fast: str
    """The name of the compiled implementation."""
    module: str
    """The module the compiled implementation needs."""
    _chosen: str | None = None
    _installed: bool | None = None

    def installed(self) -> bool:
        """Whether the compiled implementation's module can be imported."""
        if self._installed is None:
            self._installed = importlib.util.find_spec(self.module) is not None
        return self._installed

    def names(self) -> tuple[str, ...]:
        """List the names this installation can use, the pure-Python one first."""
        return (self.pure, self.fast) if self.installed() else (self.pure,)

    def resolve(self, name: str | None) -> str:
        """Turn a requested name (``auto``, ``None`` or an implementation's name) into one."""
        wanted = (name or "auto").strip().lower()
        if wanted == "auto":
            return self.fast if self.installed() else self.pure
        if wanted not in (self.pure, self.fast):
            raise ProvenanceError(
                f"no {self.what} called {name!r}",
                expected=f"auto, {self.pure}, {self.fast}",
                found=name,
            )
        if wanted == self.fast and not self.installed():
            raise ProvenanceError(
                f"the {self.fast} {self.what} is not installed",
                expected="pip install 'claim-provenance[fast]'",
                found=name,
            )
        return wanted

    def current(self) -> str:
        """Return the implementation in use (chosen from the environment variable at first use)."""
        if self._chosen is None:
            self._chosen = self.resolve(os.environ.get(self.variable))
        return self._chosen

    @contextlib.contextmanager
    def use(self, name: str | None) -> Iterator[str]:
        """Use ``name`` inside a block; yields the name in use."""
        previous = self._chosen
        self._chosen = self.resolve(name)
        try:
            yield self._chosen
        finally:
            self._chosen = previous
