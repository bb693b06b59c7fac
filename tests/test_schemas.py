"""The shipped schemas: valid, self-contained, and in step with the Python model and vocabulary."""

from __future__ import annotations

import enum
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from jsonschema import Draft202012Validator

from provenance import model, validation, vocabulary

SCHEMA_FILES = sorted((Path(__file__).resolve().parent.parent / "schemas" / "v1").glob("*.json"))

# Each record schema and the model class it describes.
RECORD_CLASSES: dict[str, type[Any]] = {
    "claim": model.Claim,
    "document": model.Document,
    "drafting": model.Drafting,
    "evidence": model.Evidence,
    "excerpt": model.Excerpt,
    "hedge": model.Hedge,
    "hop": model.Hop,
    "perspective": model.Perspective,
    "rating": model.Rating,
    "review": model.Review,
    "source": model.Source,
    "span": model.Span,
}

# Schemas that describe no model class: the shared vocabulary, and the audit's output
# (written by provenance.audit_record from plain data). A new schema goes in one table.
NOT_RECORDS = {"vocabulary", "audit-report"}

# Each enum of vocabulary.json and the Python enum that must hold the same values.
VOCABULARY_ENUMS: dict[str, type[enum.Enum]] = {
    "source_kind": vocabulary.SourceKind,
    "attribution_mode": vocabulary.AttributionMode,
    "hedge_category": vocabulary.HedgeCategory,
    "plurality": vocabulary.Plurality,
    "factuality": vocabulary.Factuality,
    "temporality": vocabulary.Temporality,
    "confidence_status": vocabulary.ConfidenceStatus,
    "verdict": vocabulary.Verdict,
    "link_status": vocabulary.LinkStatus,
    "stance": vocabulary.Stance,
    "reliability": vocabulary.Reliability,
    "credibility": vocabulary.Credibility,
}


def load(path: Path) -> dict[str, Any]:
    contents: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return contents


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def test_the_checkout_ships_every_schema_the_package_lists() -> None:
    assert [path.stem for path in SCHEMA_FILES] == validation.schema_names()


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.stem)
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    contents = load(path)
    assert contents["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(contents)  # raises SchemaError when invalid
    assert contents["$id"] == f"{validation.SCHEMA_BASE}v1/{path.name}"
    assert validation.schema(path.stem) == contents


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.stem)
def test_every_ref_resolves_offline_through_the_registry(path: Path) -> None:
    contents = load(path)
    resolver = validation.registry().resolver(base_uri=contents["$id"])
    found = list(refs(contents))
    for ref in found:
        resolved = resolver.lookup(ref)
        assert isinstance(resolved.contents, dict), ref
        assert resolved.contents, f"{ref} resolves to an empty schema"


def test_a_ref_to_anything_not_shipped_fails_instead_of_fetching() -> None:
    import referencing.exceptions

    resolver = validation.registry().resolver(base_uri=validation.SCHEMA_BASE)
    with pytest.raises(referencing.exceptions.Unresolvable):
        resolver.lookup("https://json-schema.org/draft/2020-12/schema-not-there")
    with pytest.raises(referencing.exceptions.Unresolvable):
        resolver.lookup("v1/no-such-record.json")


def test_vocabulary_enums_equal_the_python_enums() -> None:
    defs = validation.schema("vocabulary")["$defs"]
    schema_enums = {name for name, definition in defs.items() if "enum" in definition}
    assert schema_enums == set(VOCABULARY_ENUMS)
    for name, python_enum in VOCABULARY_ENUMS.items():
        assert defs[name]["enum"] == [member.value for member in python_enum], name


def test_every_python_vocabulary_enum_has_a_schema_enum() -> None:
    python_enums = {
        value
        for name in vocabulary.__all__
        if isinstance(value := getattr(vocabulary, name), type) and issubclass(value, enum.Enum)
    }
    assert python_enums == set(VOCABULARY_ENUMS.values())


def test_every_record_schema_has_a_model_class() -> None:
    records = {path.stem for path in SCHEMA_FILES} - NOT_RECORDS
    assert records == set(RECORD_CLASSES)
    model_classes = {
        value for name in model.__all__ if attrs.has(value := getattr(model, name, None))
    }
    assert model_classes == set(RECORD_CLASSES.values())


@pytest.mark.parametrize("name", sorted(RECORD_CLASSES))
def test_schema_properties_are_the_model_fields(name: str) -> None:
    contents = validation.schema(name)
    fields = attrs.fields(RECORD_CLASSES[name])
    assert set(contents["properties"]) == {field.name for field in fields}
    assert contents.get("additionalProperties") is False


@pytest.mark.parametrize("name", sorted(RECORD_CLASSES))
def test_fields_without_a_default_are_required_by_the_schema(name: str) -> None:
    contents = validation.schema(name)
    mandatory = {
        field.name for field in attrs.fields(RECORD_CLASSES[name]) if field.default is attrs.NOTHING
    }
    assert mandatory <= set(contents.get("required", []))


@pytest.mark.parametrize("name", sorted(RECORD_CLASSES))
def test_schema_defaults_are_the_model_defaults(name: str) -> None:
    contents = validation.schema(name)
    fields = {field.name: field for field in attrs.fields(RECORD_CLASSES[name])}
    for prop, definition in contents["properties"].items():
        if "default" in definition:
            default = fields[prop].default
            assert getattr(default, "value", default) == definition["default"], prop
