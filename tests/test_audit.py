"""Example tests of the audit rules, their configuration and the audit report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import provenance as pv
from provenance import validation
from provenance.audit import AuditConfig, admiralty_grade, audit_corpus, audit_document
from provenance.audit_record import AuditRecord, ClaimAudit, Severity
from provenance.audit_text import render_text
from provenance.codec import audit_to_data, dumps_audit, load_corpus, loads_audit
from provenance.errors import UnknownRule
from provenance.rules import BUILTIN_RULES, Hit, RuleContext, rule

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "oan-2025-06-11-kosovo-deportees.json"
M = pv.AttributionMode
K = pv.SourceKind
S = pv.ConfidenceStatus


@pytest.fixture(scope="module")
def seed_report() -> AuditRecord:
    return audit_document(pv.load(SEED))


def claim_report(report: AuditRecord, words: str) -> ClaimAudit:
    found = [c for d in report.documents for c in d.claims if words in c.text]
    assert len(found) == 1, f"{len(found)} claims contain {words!r}"
    return found[0]


def codes(claim: ClaimAudit) -> list[str]:
    return [finding.code for finding in claim.findings]


# -- The seed record ------------------------------------------------------------------------


def test_seed_lead_claim_is_reported_and_sourced_only_to_vague_reports(
    seed_report: AuditRecord,
) -> None:
    lead = claim_report(seed_report, "at least 50")
    assert lead.status is S.REPORTED
    assert lead.origin_class.value == "vague"
    assert "PV101" in codes(lead)
    (finding,) = [f for f in lead.findings if f.code == "PV101"]
    assert finding.path == "$.claims[0].attribution[0]"
    assert "multiple reports" in finding.message


def test_seed_kosovo_statement_is_attributed_through_one_intermediary(
    seed_report: AuditRecord,
) -> None:
    statement = claim_report(seed_report, "expressed its readiness")
    assert statement.status is S.ATTRIBUTED
    assert statement.origin_class.value == "named"
    assert statement.depth == 2
    assert statement.intermediaries == ("Reuters",)
    assert statement.chain == "One America News Network <- Reuters <- Government of Kosovo"


def test_seed_state_department_quotes_have_an_unnamed_origin_inside_fox_news(
    seed_report: AuditRecord,
) -> None:
    for words in ("grateful to our partner Kosovo", "We welcome cooperation"):
        quote = claim_report(seed_report, words)
        assert quote.origin_class.value == "unnamed"
        assert quote.intermediaries == ("Fox News",)
        assert quote.chain.endswith("<- Fox News <- unnamed U.S. State Department spokesperson")
        (finding,) = [f for f in quote.findings if f.code == "PV102"]
        assert "inside Fox News" in finding.message


def test_seed_us_funding_is_unresolved(seed_report: AuditRecord) -> None:
    assert claim_report(seed_report, "will fund third-party countries").status is S.UNRESOLVED


def test_seed_unsourced_assertions_are_listed(seed_report: AuditRecord) -> None:
    unsourced = {c.id for d in seed_report.documents for c in d.claims if "PV103" in codes(c)}
    assert {"kosovo-borders", "tps-lifted", "denmark-kosovo-agreement"} <= unsourced
    # Hedged or unresolved claims without a source are not flat assertions.
    assert "prisoners-deported" not in unsourced
    assert "us-funds-third-countries" not in unsourced
    document = seed_report.documents[0]
    assert document.rule_counts["PV103"] == len(unsourced)
    assert sum(document.status_counts.values()) == len(document.claims)


def test_seed_report_validates_and_round_trips(seed_report: AuditRecord) -> None:
    data = audit_to_data(seed_report)
    assert data["schema"] == "https://claim-provenance.org/schemas/v1/audit-report.json"
    assert validation.schema_problems(data, "audit-report") == ()
    assert loads_audit(dumps_audit(seed_report)) == seed_report


def test_report_schema_rejects_what_it_should(seed_report: AuditRecord) -> None:
    data = audit_to_data(seed_report)
    data["documents"][0]["claims"][0]["status"] = "probably"
    data["corpus"]["rule_counts"]["bad code"] = 1
    paths = {problem.path for problem in validation.schema_problems(data, "audit-report")}
    assert "$.documents[0].claims[0].status" in paths
    assert any(path.startswith("$.corpus.rule_counts") for path in paths)


def test_text_form_shows_status_chain_findings_and_counts(seed_report: AuditRecord) -> None:
    text = render_text(seed_report)
    assert "kosovo-takes-deportees: reported" in text
    assert "chain: One America News Network <- Reuters <- Government of Kosovo" in text
    assert "warning PV101 $.claims[0].attribution[0]" in text
    assert "corpus: 1 document, 17 claims" in text
    quiet = render_text(seed_report, min_severity=Severity.WARNING)
    assert "info PV103" not in quiet and "info PV103" in text


# -- Configuration ------------------------------------------------------------------------


def test_rules_can_be_disabled_restricted_and_reweighted() -> None:
    document = pv.load(SEED)
    report = audit_document(document, AuditConfig(disabled={"PV103"}))
    assert "PV103" not in report.corpus.rule_counts
    assert "PV103" not in {r.code for r in report.rules}
    only = audit_document(document, AuditConfig(only={"PV101"}))
    assert set(only.corpus.rule_counts) == {"PV101"}
    loud = audit_document(document, AuditConfig(severities={"PV101": "error"}))
    assert {f.severity for f in loud.findings() if f.code == "PV101"} == {Severity.ERROR}
    assert loud.highest_severity is Severity.ERROR


def test_unknown_or_duplicate_codes_are_refused() -> None:
    with pytest.raises(UnknownRule, match="PV999"):
        AuditConfig(disabled={"PV999"})
    with pytest.raises(UnknownRule, match="used twice"):
        AuditConfig(rules=(*BUILTIN_RULES, BUILTIN_RULES[0]))


def test_a_user_rule_is_a_plain_function() -> None:
    @rule("X001", "no-medium", Severity.INFO, "hop without a medium", "Say how it was said.")
    def no_medium(context: RuleContext) -> Iterator[Hit]:
        for index, hop in enumerate(context.claim.attribution):
            if hop.medium is None:
                yield Hit(f"no medium for {context.label(index + 1)}", path=context.hop_path(index))

    report = audit_document(pv.load(SEED), AuditConfig(rules=(*BUILTIN_RULES, no_medium)))
    mine = [f for f in report.findings() if f.code == "X001"]
    assert mine and all(f.path.startswith("$.claims[") for f in mine)
    assert validation.schema_problems(audit_to_data(report), "audit-report") == ()


# -- Individual rules, on small records ---------------------------------------------------


def build(*sources: pv.Source, **claim: object) -> pv.Document:
    b = pv.builder.DocumentBuilder(
        id="d", publisher=pv.Source("pub", K.PUBLICATION, name="Gazette", reliability="B")
    )
    for source in sources:
        b.add_source(source)
    b.claim("c", "the plant will close", **claim)  # type: ignore[arg-type]
    return b.build()


def findings_of(document: pv.Document, code: str) -> list[str]:
    report = audit_document(document)
    return [f.message for f in report.findings() if f.code == code]


def test_pv101_hearsay_cue_standing_in_for_a_source() -> None:
    document = build(hedges=[pv.Hedge("reportedly", pv.HedgeCategory.EVIDENTIAL_HEARSAY)])
    assert findings_of(document, "PV101") == [
        "sourced only to hearsay: 'reportedly' stands in for a source"
    ]


def test_pv102_not_raised_when_a_reason_is_given() -> None:
    official = pv.Source(
        "o",
        K.UNNAMED_INDIVIDUAL,
        descriptor="an official",
        anonymity_reason="not authorized to speak publicly",
    )
    quoted = build(official, attribution=[pv.Hop("o", M.DIRECT_QUOTE, quote="It will close")])
    assert findings_of(quoted, "PV102") == []


def test_pv104_and_pv105() -> None:
    wire = pv.Source("w", K.PUBLICATION, name="Wire")
    document = build(
        wire,
        attribution=[pv.Hop("w", M.CITING)],
        hedges=[pv.Hedge("is expected to", pv.HedgeCategory.PROSPECTIVE, source="w")],
        factuality=[pv.Perspective("pub", pv.Factuality.CERTAIN_POSITIVE)],
        status=S.HEDGED,
    )
    assert findings_of(document, "PV104") == [
        "chain stops at Wire, which relays the claim without naming its origin"
    ]
    assert findings_of(document, "PV105") == ["'is expected to' of Wire is hardened by Gazette"]


def test_pv106_pv109_stored_statuses_that_do_not_hold() -> None:
    ministry = pv.Source("m", K.NAMED_ORGANIZATION, name="Ministry")
    document = build(ministry, attribution=[pv.Hop("m", M.PARAPHRASE)])
    claim = attrs.evolve(document.claims[0], status=S.CORROBORATED)
    wrong = attrs.evolve(document, claims=[claim])
    assert len(findings_of(wrong, "PV106")) == 1
    assert findings_of(wrong, "PV109") == [
        "stored status 'corroborated' but the table gives 'attributed' (R12)"
    ]
    excused = attrs.evolve(wrong, claims=[attrs.evolve(claim, status_override="checked by phone")])
    assert findings_of(excused, "PV109") == []


def test_pv110_pv111_reviews() -> None:
    checker = pv.Source("pf", K.PUBLICATION, name="PolitiFact")
    other = pv.Source("fc", K.PUBLICATION, name="FactCheck.org")
    document = build(
        checker,
        other,
        reviews=[
            pv.Review("pf", pv.Verdict.TRUE, evidence=[pv.Evidence(url="https://example.org/a")]),
            pv.Review("fc", pv.Verdict.FALSE),
        ],
    )
    assert findings_of(document, "PV110") == [
        "review by FactCheck.org rates it false with no evidence"
    ]
    assert findings_of(document, "PV111") == ["its reviews disagree: false, true"]
    assert audit_document(document).documents[0].claims[0].status is S.DISPUTED


def test_pv112_broken_link_and_pv113_credibility() -> None:
    ministry = pv.Source("m", K.NAMED_ORGANIZATION, name="Ministry", reliability="A")
    document = build(
        ministry,
        attribution=[pv.Hop("m", M.PARAPHRASE, link_status=pv.LinkStatus.NOT_FOUND)],
        credibility=1,
    )
    assert findings_of(document, "PV112") == ["link to Ministry is not_found"]
    assert len(findings_of(document, "PV113")) == 1
    claim = audit_document(document).documents[0].claims[0]
    assert claim.grade == "A1"


def test_admiralty_grade_needs_both_parts() -> None:
    claim = pv.Claim(id="c", text="x", status=S.ASSERTED, credibility=2)
    rated = pv.Source("s", K.PUBLICATION, name="S", reliability="C")
    assert admiralty_grade(claim, rated) == "C2"
    assert admiralty_grade(claim, pv.Source("s", K.PUBLICATION, name="S")) is None
    assert admiralty_grade(attrs.evolve(claim, credibility=None), rated) is None


def test_corpus_findings_on_the_example_corpus() -> None:
    report = audit_corpus(load_corpus([ROOT / "examples" / "corpus"]))
    assert report.corpus.rule_counts["PV107"] == 2
    assert report.corpus.rule_counts["PV108"] == 3
    (loop,) = report.corpus.loops
    assert set(loop.documents) == {"daily-beacon-resignation", "evening-star-resignation"}
    assert report.corpus.status_counts == {"attributed": 5, "corroborated": 2}


def test_report_schema_is_valid_and_agrees_with_the_enums() -> None:
    from provenance.chains import OriginClass

    schema = validation.schema("audit-report")
    validation.check_schema(schema)
    assert schema["$defs"]["severity"]["enum"] == [s.value for s in Severity]
    origin = schema["$defs"]["claim"]["properties"]["origin_class"]["enum"]
    assert origin == [c.value for c in OriginClass]
    status = schema["$defs"]["claim"]["properties"]["status"]
    assert status == {
        "$ref": "vocabulary.json#/$defs/confidence_status",
        "description": "The status derived with what the corpus knows.",
    }
