"""PROV export: the seed record read back by the ``prov`` package, PROV-N, PROV-O."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import provenance as pv
from provenance import codec
from provenance.formats import prov

prov_model = pytest.importorskip("prov.model")
prov_constants = pytest.importorskip("prov.constants")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "oan-2025-06-11-kosovo-deportees.json"
# prov's RDF writer calls a deprecated rdflib property; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")

K = pv.SourceKind
M = pv.AttributionMode


def _read(documents: Any) -> Any:
    return prov_model.ProvDocument.deserialize(content=prov.dumps(documents), format="json")


def _local(name: Any) -> str:
    return str(name.localpart)


def _formal(record: Any) -> dict[str, str]:
    return {str(key): _local(value) for key, value in record.formal_attributes if value is not None}


def _types(record: Any) -> set[str]:
    return {str(value) for value in record.get_attribute("prov:type")}


@pytest.fixture(scope="module")
def seed() -> pv.Document:
    if not SEED.is_file():
        pytest.skip("the worked example is not in this checkout")
    return codec.load(SEED)


def test_seed_prov_json_is_read_with_its_quotations_and_attributions(seed: pv.Document) -> None:
    document = _read(seed)
    (bundle,) = document.bundles
    # Who each hop level is attributed to, inside the publisher's bundle.
    attributed = {
        _formal(record)["prov:entity"]: _formal(record)["prov:agent"]
        for record in bundle.get_records(prov_model.ProvAttribution)
    }
    quotations = []
    plain = []
    for record in bundle.get_records(prov_model.ProvDerivation):
        formal = _formal(record)
        pair = (
            attributed.get(formal["prov:generatedEntity"], "the claim as published"),
            attributed[formal["prov:usedEntity"]],
        )
        (quotations if "prov:Quotation" in _types(record) else plain).append(pair)
    # Quoted words: the Kosovo government's statement via Reuters, the State
    # Department spokesperson's two quotes via Fox News.
    assert sorted(quotations) == [
        ("fox-news", "state-spokesperson"),
        ("fox-news", "state-spokesperson"),
        ("reuters", "kosovo-government"),
    ]
    assert sorted(plain) == [
        ("the claim as published", "balkan-reports"),
        ("the claim as published", "fox-news"),
        ("the claim as published", "fox-news"),
        ("the claim as published", "multiple-reports"),
        ("the claim as published", "reuters"),
        ("the claim as published", "uk"),
        ("the claim as published", "uk-analysts"),
    ]
    delegations = {
        (_formal(record)["prov:delegate"], _formal(record)["prov:responsible"])
        for record in bundle.get_records(prov_model.ProvDelegation)
    }
    assert ("state-spokesperson", "state-department") in delegations
    assert ("kosovo-government", "kosovo") in delegations
    # The bundle is what OAN says of its sourcing: attributed to OAN.
    top_attributions = {
        (_formal(record)["prov:entity"], _formal(record)["prov:agent"])
        for record in document.get_records(prov_model.ProvAttribution)
    }
    assert (_local(bundle.identifier), "oan") in top_attributions
    assert ("document", "oan") in top_attributions
    assert ("document", "meyers") in top_attributions


def test_seed_agents_are_typed(seed: pv.Document) -> None:
    document = _read(seed)
    agents = {
        _local(record.identifier): _types(record)
        for record in document.get_records(prov_model.ProvAgent)
    }
    assert "prov:Person" in agents["state-spokesperson"]
    assert "prov:Organization" in agents["state-department"]
    assert "prov:Organization" in agents["reuters"]
    assert not agents["multiple-reports"] & {"prov:Person", "prov:Organization"}


def test_quotation_and_primary_source_have_the_corpus_form(corpus_dir: Path) -> None:
    folder = corpus_dir / "prov"
    quotation = json.loads((folder / "prov-pkg_tests_json_derivation12.json").read_text())
    primary = json.loads((folder / "prov-pkg_tests_json_derivation13.json").read_text())
    builder = pv.builder.DocumentBuilder(
        id="d", publisher=pv.Source("paper", K.PUBLICATION, name="Paper")
    )
    builder.add_source(pv.Source("minister", K.NAMED_PERSON, name="A Minister"))
    builder.add_source(pv.Source("report", K.DOCUMENT, name="Annual report"))
    builder.claim("q", "We won", attribution=[pv.Hop("minister", M.DIRECT_QUOTE, quote="We won")])
    builder.claim("r", "Sales rose", attribution=[pv.Hop("report", M.DOCUMENT_STATES)])
    ours = prov.write(builder.build())
    text = json.dumps(ours)
    assert "wasQuotedFrom" not in text and "hadPrimarySource" not in text
    (bundle,) = ours["bundle"].values()
    types = [entry["prov:type"] for entry in bundle["wasDerivedFrom"].values()]
    (corpus_quotation,) = quotation["wasDerivedFrom"].values()
    (corpus_primary,) = primary["wasDerivedFrom"].values()
    assert corpus_quotation["prov:type"] in types
    assert corpus_primary["prov:type"] in types
    for entry in bundle["wasDerivedFrom"].values():
        assert {"prov:generatedEntity", "prov:usedEntity"} <= set(entry)


def _small() -> pv.Document:
    builder = pv.builder.DocumentBuilder(
        id="small",
        title='A "quoted" title\nover two lines',
        url="https://paper.example/a",
        publisher=pv.Source("paper", K.PUBLICATION, name="Paper"),
    )
    builder.add_source(pv.Source("wire", K.PUBLICATION, name="Wire"))
    builder.add_source(pv.Source("ministry", K.NAMED_ORGANIZATION, name="Ministry"))
    builder.add_source(
        pv.Source("aide", K.UNNAMED_INDIVIDUAL, descriptor="an aide", affiliation="ministry")
    )
    builder.claim(
        "c1",
        "Taxes fall",
        attribution=[
            pv.Hop("wire", M.CITING),
            pv.Hop("aide", M.PARTIAL_QUOTE, quote="fall", asserted_by="wire"),
        ],
    )
    return builder.build()


def test_prov_n_lines() -> None:
    text = prov.dumps_provn(_small())
    assert text.startswith("document\n") and text.endswith("endDocument\n")
    assert "  prefix cp <https://claim-provenance.org/ns/v1#>\n" in text
    assert (
        '[prov:type=\'cp:Document\', prov:label="A \\"quoted\\" title\\nover two lines", ' in text
    )
    assert 'cp:url="https://paper.example/a" %% xsd:anyURI' in text
    assert re.search(
        r"wasDerivedFrom\(d1r:\d+; d1h:0\.c1, d1h:1\.c1, -, -, -, "
        r"\[prov:type='prov:Quotation', cp:mode='cp:partial_quote'\]\)",
        text,
    )
    assert re.search(r"actedOnBehalfOf\(d1r:\d+; d1s:aide, d1s:ministry, -, ", text)
    # The aide's words are asserted by the wire, not by the paper: a bundle of its own.
    assert "  bundle d1:sourcing\n" in text
    assert "  bundle d1:sourcing.wire\n" in text
    assert text.count("endBundle") == 2


def test_links_asserted_by_another_source_go_in_its_bundle() -> None:
    document = _read(_small())
    bundles = {_local(bundle.identifier): bundle for bundle in document.bundles}
    wire = bundles["sourcing.wire"]
    (quotation,) = wire.get_records(prov_model.ProvDerivation)
    assert "prov:Quotation" in _types(quotation)
    top = {
        (_formal(record)["prov:entity"], _formal(record)["prov:agent"])
        for record in document.get_records(prov_model.ProvAttribution)
    }
    assert ("sourcing.wire", "wire") in top
    assert ("sourcing", "paper") in top


def test_prov_o_turtle() -> None:
    rdflib = pytest.importorskip("rdflib")
    graph = rdflib.Graph().parse(data=prov.dumps_turtle(_small()), format="turtle")
    prov_o = rdflib.Namespace("http://www.w3.org/ns/prov#")
    assert len(list(graph.subjects(rdflib.RDF.type, prov_o.Quotation))) == 1
    assert len(list(graph.subjects(rdflib.RDF.type, prov_o.Bundle))) == 2


def test_prov_o_without_the_rdf_stack_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rdflib", None)
    with pytest.raises(pv.ProvenanceError, match="optional RDF stack") as caught:
        prov.dumps_turtle(_small())
    assert "pip install 'claim-provenance[prov]'" in caught.value.message


# -- property: every Document's PROV-JSON is read by prov ----------------------------

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=15)
PHRASE = TEXT.filter(lambda text: bool(text.strip()))
URLS = st.sampled_from(["https://a.example/x", "http://www.wikidata.org/entity/Q1"])
IDS = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.:-]{0,8}", fullmatch=True).filter(
    lambda text: not text.startswith("claim-")
)


@st.composite
def documents(draw: st.DrawFn) -> pv.Document:
    ids = draw(st.lists(IDS, min_size=1, max_size=6, unique=True))
    count = len(ids)
    sources = []
    for index, source_id in enumerate(ids):
        kind = draw(st.sampled_from(list(K)))
        sources.append(
            pv.Source(
                source_id,
                kind,
                name=draw(st.one_of(st.none(), PHRASE)) if kind.is_named else None,
                descriptor=draw(PHRASE) if kind.is_named or draw(st.booleans()) else None,
                affiliation=draw(st.one_of(st.none(), st.sampled_from(ids[:index])))
                if index
                else None,
                plurality=draw(st.sampled_from(list(pv.Plurality))),
                same_as=draw(st.lists(URLS, max_size=2)),
            )
        )
    claims = []
    for number in range(draw(st.integers(0, 4))):
        chain = (
            draw(st.lists(st.sampled_from(ids[1:]), unique=True, max_size=3)) if count > 1 else []
        )
        hops = []
        for source_id in chain:
            mode = draw(st.sampled_from(list(M)))
            hops.append(
                pv.Hop(
                    source_id,
                    mode,
                    quote=draw(PHRASE) if mode.is_quote else None,
                    asserted_by=draw(st.one_of(st.none(), st.sampled_from(ids))),
                    medium=draw(st.one_of(st.none(), PHRASE)),
                )
            )
        reviews = [
            pv.Review(
                draw(st.sampled_from(ids)), draw(st.sampled_from(list(pv.Verdict))), label=label
            )
            for label in draw(st.lists(st.one_of(st.none(), TEXT), max_size=2))
        ]
        hedges = [
            pv.Hedge(text, draw(st.sampled_from(list(pv.HedgeCategory))))
            for text in draw(st.lists(PHRASE, max_size=2))
        ]
        claims.append(
            pv.Claim(
                id=f"claim-{number}",
                text=draw(TEXT),
                attribution=hops,
                hedges=hedges,
                reviews=reviews,
                status=pv.ConfidenceStatus.ASSERTED,
            )
        )
    document = pv.Document(
        id=draw(st.from_regex(r"[A-Za-z_][A-Za-z0-9_.:-]{0,12}", fullmatch=True)),
        title=draw(st.one_of(st.none(), TEXT)),
        publisher=ids[0],
        sources=sources,
        claims=claims,
    )
    return pv.integrity.ensure_consistent(pv.status.with_derived_status(document))


@given(st.lists(documents(), min_size=1, max_size=2))
def test_every_documents_prov_json_is_read_by_prov(batch: list[pv.Document]) -> None:
    read = _read(batch)
    derivations = [
        record
        for bundle in read.bundles
        for record in bundle.get_records(prov_model.ProvDerivation)
    ]
    hops = [hop for document in batch for claim in document.claims for hop in claim.attribution]
    assert len(derivations) == len(hops)
    quotes = sum(hop.mode.is_quote for hop in hops)
    assert sum("prov:Quotation" in _types(record) for record in derivations) == quotes
    # The PROV-N of the same batch names the same records.
    text = prov.dumps_provn(batch)
    assert text.count("wasDerivedFrom(") == len(hops)
