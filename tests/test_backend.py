"""The choice between a pure-Python and a compiled implementation."""

from __future__ import annotations

import pytest

from provenance.backend import Backend
from provenance.errors import ProvenanceError


def missing() -> Backend:
    return Backend("thing", "NO_SUCH_VARIABLE_X", pure="py", fast="rs", module="no_such_module_x")


def present() -> Backend:
    return Backend("thing", "NO_SUCH_VARIABLE_X", pure="py", fast="rs", module="json")


def test_auto_takes_the_fast_path_only_when_installed() -> None:
    assert missing().current() == "py"
    assert missing().names() == ("py",)
    assert present().current() == "rs"
    assert present().names() == ("py", "rs")


def test_naming_a_missing_fast_path_says_how_to_install_it() -> None:
    with pytest.raises(ProvenanceError) as caught:
        missing().resolve("rs")
    assert caught.value.expected == "pip install 'claim-provenance[fast]'"


def test_an_unknown_name_lists_the_choices() -> None:
    with pytest.raises(ProvenanceError) as caught:
        present().resolve("cython")
    assert caught.value.expected == "auto, py, rs"


def test_use_restores_the_previous_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_SUCH_VARIABLE_X", "py")
    backend = present()
    assert backend.current() == "py"
    with backend.use("rs") as chosen:
        assert chosen == "rs" and backend.current() == "rs"
    assert backend.current() == "py"
