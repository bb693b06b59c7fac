"""The learned extractor's model file: one versioned JSON document.

It holds the trained CRF (base64), the name of the feature set it reads, the whole
lexicon it was trained with (and its SHA-256), the package and format versions that wrote
it, the learner's name, version and parameters, and the report of its held-back part. A
file that does not fit (another format, a newer format version, another feature set, a
lexicon that does not match its digest) is refused with
:class:`~provenance.errors.IncompatibleModel` rather than used wrongly.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import attrs

from provenance.errors import IncompatibleModel
from provenance.extraction.lexicon import Lexicon
from provenance.learning.features import FEATURE_SET
from provenance.output import write_whole

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "LearnedModel",
    "dump_model",
    "lexicon_digest",
    "lexicon_from_mapping",
    "lexicon_mapping",
    "load_model",
]

FORMAT = "claim-provenance learned extractor"
"""The ``format`` member every model file carries."""
FORMAT_VERSION = 1
"""The model file version this installation writes and reads."""


def lexicon_mapping(lexicon: Lexicon) -> dict[str, Any]:
    """Return the lexicon as a JSON-ready mapping, field by field, entries in their order.

    :func:`lexicon_from_mapping` reads it back into an equal lexicon.
    """
    mapping: dict[str, Any] = json.loads(json.dumps(attrs.asdict(lexicon)))
    return mapping


def lexicon_from_mapping(data: dict[str, Any], *, location: str | None = None) -> Lexicon:
    """Rebuild the lexicon :func:`lexicon_mapping` wrote; raise IncompatibleModel if it cannot."""
    known = {field.name for field in attrs.fields(Lexicon)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise IncompatibleModel(
            f"the model's lexicon has a field this version does not know: {unknown[0]!r}",
            location=location,
            path=f"$.lexicon.{unknown[0]}",
            expected="one of " + ", ".join(sorted(known)),
        )
    try:
        return Lexicon(**data)
    except (TypeError, ValueError) as error:
        raise IncompatibleModel(
            f"the model's lexicon cannot be read: {error}", location=location, path="$.lexicon"
        ) from None


def lexicon_digest(lexicon: Lexicon) -> str:
    """Return the SHA-256 of the lexicon's canonical JSON: equal lexicons have equal digests."""
    canonical = json.dumps(lexicon_mapping(lexicon), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@attrs.frozen
class LearnedModel:
    """A trained tagger with everything needed to use it as it was trained."""

    crf: bytes = attrs.field(repr=lambda value: f"<{len(value)} bytes>")
    """The CRFsuite model, as the learner wrote it."""
    lexicon: Lexicon = attrs.field(repr=False)
    """The lexicon the rules and the lexicon features read during training."""
    name: str = "model"
    """What ``drafted_by`` calls the model."""
    feature_set: str = FEATURE_SET
    """The name and version of the features the tagger reads."""
    package_version: str = "0+unknown"
    """The claim-provenance version that trained it."""
    learner: str = "python-crfsuite"
    """The library that trained it."""
    learner_version: str = ""
    """That library's version."""
    parameters: dict[str, Any] = attrs.field(factory=dict)
    """The training parameters (algorithm, regularisation, iterations, seed, ...)."""
    report: dict[str, Any] = attrs.field(factory=dict)
    """What training measured: articles, seconds, held-back scores."""

    @property
    def digest(self) -> str:
        """A short SHA-256 of the CRF weights, to tell models apart in ``drafted_by``."""
        return hashlib.sha256(self.crf).hexdigest()[:12]


def dump_model(model: LearnedModel, path: str | os.PathLike[str]) -> None:
    """Write ``model`` to ``path`` as a model file (whole or not at all)."""
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": model.name,
        "package_version": model.package_version,
        "feature_set": model.feature_set,
        "learner": {
            "name": model.learner,
            "version": model.learner_version,
            "parameters": model.parameters,
        },
        "lexicon_sha256": lexicon_digest(model.lexicon),
        "lexicon": lexicon_mapping(model.lexicon),
        "report": model.report,
        "crf": base64.b64encode(model.crf).decode("ascii"),
    }
    write_whole(path, json.dumps(document, indent=1, sort_keys=True) + "\n")


def _need(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise IncompatibleModel(
            f"model file has no valid {key!r}",
            location=where,
            path=f"$.{key}",
            expected=kind.__name__,
            found=type(value).__name__ if key in data else "nothing",
        )
    return value


def load_model(path: str | os.PathLike[str]) -> LearnedModel:
    """Read a model file; raise IncompatibleModel when it is not one this installation fits."""
    where = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise IncompatibleModel(
            f"cannot read model file: {error.strerror}", location=where, expected="a model file"
        ) from None
    except (ValueError, UnicodeDecodeError):
        raise IncompatibleModel(
            "not a model file (not JSON)",
            location=where,
            expected=f"a JSON model file written by 'provenance train' ({FORMAT!r})",
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise IncompatibleModel(
            "not a claim-provenance model file",
            location=where,
            path="$.format",
            expected=repr(FORMAT),
            found=repr(found),
        )
    version = _need(data, "format_version", int, where)
    if version != FORMAT_VERSION:
        raise IncompatibleModel(
            f"model file format {version} does not fit this installation, which reads format "
            f"{FORMAT_VERSION} (written by claim-provenance "
            f"{data.get('package_version') or 'of an unknown version'}); "
            "train the model again with this version",
            location=where,
            path="$.format_version",
            expected=str(FORMAT_VERSION),
            found=str(version),
        )
    features = _need(data, "feature_set", str, where)
    if features != FEATURE_SET:
        raise IncompatibleModel(
            f"the model reads features {features!r}, but this installation computes "
            f"{FEATURE_SET!r}; train the model again with this version",
            location=where,
            path="$.feature_set",
            expected=repr(FEATURE_SET),
            found=repr(features),
        )
    lexicon = lexicon_from_mapping(_need(data, "lexicon", dict, where), location=where)
    digest = _need(data, "lexicon_sha256", str, where)
    if lexicon_digest(lexicon) != digest:
        raise IncompatibleModel(
            "the model's lexicon does not match its digest (edited by hand, or read "
            "differently by this version); train the model again",
            location=where,
            path="$.lexicon_sha256",
            expected=lexicon_digest(lexicon),
            found=digest,
        )
    learner = _need(data, "learner", dict, where)
    try:
        crf = base64.b64decode(_need(data, "crf", str, where), validate=True)
    except (binascii.Error, ValueError):
        raise IncompatibleModel(
            "the model's weights are not base64", location=where, path="$.crf"
        ) from None
    return LearnedModel(
        crf=crf,
        lexicon=lexicon,
        name=str(data.get("name") or Path(path).stem),
        feature_set=features,
        package_version=str(data.get("package_version", "")),
        learner=str(learner.get("name", "")),
        learner_version=str(learner.get("version", "")),
        parameters=dict(learner.get("parameters") or {}),
        report=dict(data.get("report") or {}),
    )
