"""Sphinx configuration of the claim-provenance documentation site.

Build it with ``python -m sphinx -W --keep-going -b html docs docs/_build/html``
(warnings are errors). The API, command-line and schema reference pages are written
by ``docs/_generate.py`` at the start of every build, from the code itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _generate

import provenance

_generate.main()

project = "claim-provenance"
author = "claim-provenance developers"
copyright = "claim-provenance developers"
release = provenance.__version__

extensions = ["myst_parser", "sphinx.ext.autodoc", "_flowchart"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "**/_build", "_screenshot.md", "Thumbs.db", ".DS_Store"]

# Markdown stays Markdown: GitHub-style heading anchors (#sourcekind) resolve in the site,
# and {py:class}`...` roles link the prose to the API reference.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 4
# ```mermaid blocks stay Mermaid on GitHub; the site draws them as SVG (docs/_flowchart.py).
myst_fence_as_directive = ["mermaid"]

# Every cross-reference must resolve, type annotations included.
nitpicky = True
nitpick_ignore_regex = [
    # The standard library and third-party types are not part of this site (no network,
    # so no intersphinx inventories); they are shown as written.
    (r"py:.*", r"(os|io|re|pathlib|typing|collections|enum|json|argparse|datetime)\b.*"),
    (r"py:.*", r"(contextlib|fractions|html\.parser|types|decimal|abc)\b.*"),
    # Names in private modules or private names (provenance.html._page.Segment, _Sources):
    # not part of the public API, so they have no entry; they are shown as written.
    (r"py:.*", r"(.*\.)?_[\w.]+"),
    (r"py:.*", r"(attrs|cattrs|jsonschema|referencing|hypothesis|jinja2)\b.*"),
    (r"py:.*", r"(PathLike|Path|IO|TextIO|BinaryIO|Callable|Iterable|Iterator|Mapping)"),
    (r"py:.*", r"(Sequence|Any|Self|TypeVar|Enum|StrEnum|IntEnum|T|Pattern|Match)"),
    (r"py:.*", r"(Client|SearchStrategy|DrawFn|Counter|Generator|MutableMapping|Literal|ClassVar)"),
]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
autodoc_default_options = {"show-inheritance": False}

html_theme = "alabaster"
html_title = "claim-provenance"
html_static_path: list[str] = []
