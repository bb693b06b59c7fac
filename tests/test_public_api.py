"""The public faces: the root's names, every module's ``__all__``, nothing imported early.

Like the guards httpx and Hypothesis keep on their ``__all__``: adding or removing a
public name is a decision, so it shows here as a change to this list.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest
from architecture import modules

import provenance

ROOT_NAMES = [
    "SCHEMA_ID",
    "AttributionMode",
    "Claim",
    "ConfidenceStatus",
    "Credibility",
    "Document",
    "Drafting",
    "Evidence",
    "Excerpt",
    "Factuality",
    "Hedge",
    "HedgeCategory",
    "Hop",
    "InvalidRecord",
    "InvalidValue",
    "LineError",
    "LinesResult",
    "LinkStatus",
    "MalformedAnnotation",
    "MalformedJSON",
    "MissingDependency",
    "Perspective",
    "Plurality",
    "Problem",
    "ProvenanceError",
    "Rating",
    "Reliability",
    "Review",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "Temporality",
    "UnknownRule",
    "UnknownSchema",
    "UnreadableText",
    "Verdict",
    "__version__",
    "dump",
    "dumps",
    "iter_jsonl",
    "load",
    "load_corpus",
    "loads",
    "read_jsonl",
    "structure",
    "unstructure",
    "write_jsonl",
]


def test_the_root_exports_exactly_the_record_vocabulary_errors_and_codec() -> None:
    assert provenance.__all__ == ROOT_NAMES
    assert sorted(provenance.__all__, key=lambda n: (not n.isupper(), n[0].islower(), n)) == (
        provenance.__all__
    ), "keep __all__ sorted (ruff RUF022)"


def test_every_root_name_resolves_to_its_defining_module() -> None:
    homes = {"model", "vocabulary", "errors", "codec", "_version"}
    for name in provenance.__all__:
        value = getattr(provenance, name)
        if name in {"__version__", "SCHEMA_ID"}:
            assert isinstance(value, str)
            continue
        assert value.__module__.removeprefix("provenance.") in homes, name


def test_wings_are_reached_by_attribute() -> None:
    import provenance.formats.claimreview

    assert provenance.formats.claimreview.load is not None
    assert provenance.audit.audit_document is not None
    assert provenance.html.render_document is not None
    with pytest.raises(AttributeError, match="no attribute 'read_claimreview'"):
        _ = provenance.read_claimreview  # type: ignore[attr-defined]


def test_import_provenance_imports_no_wing_and_no_third_party_library() -> None:
    probe = (
        "import sys, provenance\n"
        "print(sorted(m for m in sys.modules if m.startswith(('provenance', 'attr', 'cattrs',"
        " 'jsonschema'))))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "['provenance']"
    probe = "import sys, provenance\nprovenance.Document\nprint(sorted(sys.modules))\n"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    for wing in ("provenance.codec", "provenance.extraction", "provenance.formats", "cattrs"):
        assert f"'{wing}'" not in loaded


# -- every module: an explicit __all__, and no public name it leaves out --------------------


def unlisted_public_names(source: str) -> tuple[set[str] | None, list[str]]:
    """Return a module's ``__all__`` and the public top-level names it defines but leaves out."""
    listed: set[str] | None = None
    defined: list[str] = []
    for node in ast.parse(source).body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            defined.append(node.name)
        for target in targets:
            if isinstance(target, ast.Name) and target.id == "__all__":
                assert isinstance(node.value, ast.List | ast.Tuple)
                listed = {e.value for e in node.value.elts if isinstance(e, ast.Constant)}
            elif isinstance(target, ast.Name):
                defined.append(target.id)
    public = [name for name in defined if not name.startswith("_") and name != "TYPE_CHECKING"]
    return listed, [name for name in public if listed is None or name not in listed]


MODULES = {name: path for name, path in modules().items() if name != "provenance.__main__"}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_module_lists_its_public_names(name: str) -> None:
    listed, unlisted = unlisted_public_names(MODULES[name].read_text(encoding="utf-8"))
    assert listed is not None, f"{name} has no __all__"
    assert unlisted == [], f"{name} defines public names it does not list in __all__"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_listed_name_exists(name: str) -> None:
    import importlib

    if name == "provenance.strategies":
        pytest.importorskip("hypothesis")
    module = importlib.import_module(name)
    for listed in module.__all__:
        assert hasattr(module, listed), f"{name}.__all__ lists {listed!r}, which it lacks"


def test_an_unlisted_public_name_fails() -> None:
    source = '__all__ = ["listed"]\n\ndef listed(): ...\n\ndef forgotten(): ...\n_private = 1\n'
    assert unlisted_public_names(source) == ({"listed"}, ["forgotten"])
    assert unlisted_public_names("def f(): ...\n") == (None, ["f"])


def test_the_root_list_fails_when_a_name_is_added(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(provenance, "__all__", [*provenance.__all__, "extra"])
    with pytest.raises(AssertionError):
        test_the_root_exports_exactly_the_record_vocabulary_errors_and_codec()
