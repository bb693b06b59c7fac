"""Verdict normalisation: labels in several languages, numeric scales, non-verdicts."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance import InvalidValue, Verdict
from provenance.formats.verdicts import (
    VerdictRule,
    VerdictTable,
    default_label,
    load_verdicts,
    normalise_label,
    read_scale,
)

V = Verdict
TABLE = VerdictTable.default()


@pytest.mark.parametrize(
    ("label", "verdict"),
    [
        ("Pants on Fire", V.FALSE),
        ("Pants on Fire!", V.FALSE),
        ("Half True", V.MIXED),
        ("Mostly True", V.MOSTLY_TRUE),
        ("Mostly False", V.MOSTLY_FALSE),
        ("FALSE", V.FALSE),
        ("False", V.FALSE),
        ("True", V.TRUE),
        ("Misleading", V.MISLEADING),
        ("Missing context", V.MISSING_CONTEXT),
        ("Satire", V.SATIRE),
        ("Unproven", V.UNVERIFIABLE),
        ("Falso", V.FALSE),
        ("Mixto", V.MIXED),
        ("Engañoso", V.MISLEADING),
        ("FAUX", V.FALSE),
        ("Vrai", V.TRUE),
        ("Plutôt faux", V.MOSTLY_FALSE),
        ("C\u2019est plus compliqué", V.MIXED),
        ("C'est plus compliqué", V.MIXED),
        ("Trompeur", V.MISLEADING),
        ("Falsk", V.FALSE),
        ("Delvist sandt", V.MIXED),
        ("Misvisende", V.MISLEADING),
        ("Falsch", V.FALSE),
        ("Irreführend", V.MISLEADING),
        ("  half   TRUE.  ", V.MIXED),
    ],
)
def test_labels_in_several_languages(label: str, verdict: Verdict) -> None:
    match = TABLE.classify(label)
    assert match.verdict is verdict
    assert match.basis == "label"


@pytest.mark.parametrize(
    "label",
    ["Will military drills end?", "Is it true?", "Verdadero?", "Full Flop", "Half Flip"],
)
def test_labels_that_are_no_verdict_map_to_other_even_with_a_scale(label: str) -> None:
    # A true-looking scale must not turn a question into a verdict.
    match = TABLE.classify(label, 5, 5, 1)
    assert match.verdict is V.OTHER
    assert match.basis == "non_verdict"


def test_an_unknown_label_with_a_usable_scale_takes_the_scale() -> None:
    match = TABLE.classify("Four stars", 5, 5, 1)
    assert (match.verdict, match.basis) == (V.TRUE, "scale")


def test_an_unknown_label_without_a_scale_is_other() -> None:
    match = TABLE.classify("Not really, charts say", "-1", "-1", "-1")
    assert (match.verdict, match.basis) == (V.OTHER, "none")
    assert "placeholder" in match.reason


def test_inverted_scale_reads_best_below_worst() -> None:
    # AFP Factual: 5 on a scale where 1 is best and 5 worst is the worst value.
    assert read_scale("5", "1", "5").position == 0
    assert read_scale("1", "1", "5").position == 1
    assert TABLE.classify(None, "5", "1", "5").verdict is V.FALSE
    # PolitiFact's MediaReview scale runs 0 (true) to 5 (pants on fire): 4 is "False".
    assert TABLE.classify(None, 4, 0, 5).verdict is V.FALSE
    assert TABLE.classify(None, 3, 0, 5).verdict is V.MOSTLY_FALSE


def test_ordinary_scales() -> None:
    assert TABLE.classify(None, "3", "5", "1").verdict is V.MIXED
    assert TABLE.classify(None, 0, 2, 0).verdict is V.FALSE
    assert TABLE.classify(None, 1, 2, 0).verdict is V.MIXED
    assert TABLE.classify(None, 2, 2, 0).verdict is V.TRUE
    # PolitiFact's six steps, pants on fire (1) to true (6).
    steps = [TABLE.classify(None, value, 6, 1).verdict for value in range(1, 7)]
    assert steps == [V.FALSE, V.FALSE, V.MOSTLY_FALSE, V.MIXED, V.MOSTLY_TRUE, V.TRUE]


def test_missing_bound_takes_the_schema_org_default() -> None:
    # worstRating omitted: schema.org says 1.
    reading = read_scale("4", "9", None)
    assert reading.position == Fraction(3, 8)


@pytest.mark.parametrize(
    ("value", "best", "worst", "why"),
    [
        ("-1", "-1", "-1", "placeholder"),
        (-1, 5, 1, "placeholder"),
        ("1", "1", "1", "degenerate"),
        (7, 5, 1, "outside"),
        ("abc", 5, 1, "no numeric"),
        (None, 5, 1, "no numeric"),
        (3, None, None, "no scale"),
        (3, "high", 1, "not a number"),
        (True, 5, 1, "no numeric"),
    ],
)
def test_unusable_scales_give_no_position(
    value: object, best: object, worst: object, why: str
) -> None:
    reading = read_scale(value, best, worst)
    assert reading.position is None
    assert why in reading.reason
    assert TABLE.classify(None, value, best, worst).verdict is V.OTHER


def test_label_and_scale_on_opposite_sides_keep_the_label_and_say_so() -> None:
    match = TABLE.classify("True", 1, 6, None)
    assert match.verdict is V.TRUE
    assert match.conflict is not None and "says false" in match.conflict


def test_the_table_is_extendable_and_user_rules_win() -> None:
    table = TABLE.extended(
        [VerdictRule(r"nope", V.FALSE, "en"), VerdictRule(r"false", V.MISLEADING, "en")],
        non_verdicts=[r"what happened"],
    )
    assert table.classify("Nope").verdict is V.FALSE
    assert table.classify("False").verdict is V.MISLEADING
    assert table.classify("What happened").verdict is V.OTHER
    assert TABLE.classify("Nope").verdict is V.OTHER  # the shipped table is unchanged


def test_the_label_language_is_tried_first() -> None:
    table = TABLE.extended(
        [VerdictRule(r"gift", V.FALSE, "de"), VerdictRule(r"gift", V.TRUE, "sv")]
    )
    assert table.classify("Gift", language="sv").verdict is V.TRUE
    assert table.classify("Gift", language="de-AT").verdict is V.FALSE


def test_table_survives_its_mapping_form() -> None:
    again = VerdictTable.from_mapping(TABLE.to_mapping())
    assert again == TABLE


def test_bad_tables_are_refused_clearly() -> None:
    with pytest.raises(InvalidValue, match="not a verdict table"):
        VerdictTable.from_mapping({"rules": {"en": [["x", "very false"]]}})
    with pytest.raises(InvalidValue, match="regular expression"):
        VerdictTable.from_mapping({"rules": {"en": [["(", "false"]]}})


@pytest.mark.parametrize("verdict", [v for v in Verdict if v is not Verdict.OTHER])
def test_default_labels_map_back_to_their_verdict(verdict: Verdict) -> None:
    label = default_label(verdict)
    assert label is not None
    assert TABLE.classify(label).verdict is verdict


def test_normalised_labels() -> None:
    assert normalise_label("  C\u2019EST   plus compliqué ! ") == "c'est plus complique"


@given(
    value=st.one_of(st.integers(-10, 10), st.floats(-10, 10), st.text(max_size=4)),
    best=st.one_of(st.none(), st.integers(-10, 10), st.text(max_size=3)),
    worst=st.one_of(st.none(), st.integers(-10, 10), st.text(max_size=3)),
    label=st.one_of(st.none(), st.text(max_size=20)),
)
def test_classify_is_total_and_questions_are_never_true_or_false(
    value: object, best: object, worst: object, label: str | None
) -> None:
    match = TABLE.classify(label, value, best, worst)
    assert isinstance(match.verdict, Verdict)
    if label is not None and label.strip().endswith("?"):
        assert match.verdict is V.OTHER
    reading = read_scale(value, best, worst)
    if reading.position is not None:
        assert 0 <= reading.position <= 1


# -- the reference page's tables are what the shipped table does ------------------

PAGE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "verdicts.md"


def _table(heading: str) -> list[list[str]]:
    if not PAGE.is_file():
        pytest.skip("docs are not in this checkout")
    lines = PAGE.read_text(encoding="utf-8").split(f"## {heading}\n", 1)[1].splitlines()
    rows = []
    for line in lines:
        if line.startswith("## "):
            break
        if line.startswith("|---"):
            rows.pop()  # the header row above the rule
        elif line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def _number(cell: str) -> object:
    if not cell:
        return None
    return cell.strip('"') if cell.startswith('"') else int(cell)


def test_reference_label_table() -> None:
    rows = _table("Labels")
    assert len(rows) > 30
    for label, language, verdict in rows:
        assert TABLE.classify(label, language=language).verdict.value == verdict, label


def test_reference_non_verdict_table() -> None:
    for label, verdict in _table("Labels that are no verdict"):
        assert TABLE.classify(label).verdict.value == verdict, label


def test_reference_scale_examples() -> None:
    rows = _table("Numeric scales")
    bands = [row for row in rows if len(row) == 2]
    assert [(Fraction(upper), Verdict(verdict)) for upper, verdict in bands] == list(TABLE.bands)
    for value, best, worst, verdict in (row for row in rows if len(row) == 4):
        found = TABLE.classify(None, _number(value), _number(best), _number(worst)).verdict
        assert found.value == verdict, (value, best, worst)


# -- the tables are data files the user can extend ------------------------------------------


def test_the_shipped_tables_are_the_packaged_json_files() -> None:
    from importlib import resources

    from provenance.formats.claimants import ClaimantTable

    for name, table in (
        ("default_verdicts.json", VerdictTable.default()),
        ("default_claimants.json", ClaimantTable.default()),
    ):
        raw = resources.files("provenance.formats").joinpath(name).read_text("utf-8")
        data = json.loads(raw)
        assert data["about"]
        assert {key: value for key, value in data.items() if key != "about"} == table.to_mapping()


def test_a_users_verdict_file_is_tried_first(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"rules": {"en": [["pants on fire", "satire"]]}}), "utf-8")
    table = load_verdicts(path)
    assert table.classify("Pants on Fire").verdict is Verdict.SATIRE
    assert table.classify("Mostly true").verdict is Verdict.MOSTLY_TRUE  # the shipped rules stay
    assert table.bands == VerdictTable.default().bands
    alone = load_verdicts(path, extend_default=False)
    assert alone.classify("Mostly true").verdict is Verdict.OTHER


def test_a_users_claimant_file_is_tried_first(tmp_path: Path) -> None:
    from provenance.formats.claimants import load_claimants
    from provenance.vocabulary import Plurality, SourceKind

    path = tmp_path / "claimants.json"
    path.write_text(json.dumps({"rules": [["facebook posts", "unnamed_group", "several"]]}))
    table = load_claimants(path)
    assert table.kind_of("Facebook posts", None) == (SourceKind.UNNAMED_GROUP, Plurality.SEVERAL)
    assert table.kind_of("Viral video", None)[0] is SourceKind.VAGUE_REPORTS


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not JSON"),
        ("[]", "must be a JSON object"),
        ('{"rules": {"en": [["(", "false"]]}}', "not a regular expression"),
        ('{"rules": {"en": [["x", "nonsense"]]}}', "not a verdict table"),
    ],
)
def test_a_bad_verdict_file_says_what_is_wrong(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(InvalidValue, match=message):
        load_verdicts(path)


def test_a_bad_claimant_file_says_what_is_wrong(tmp_path: Path) -> None:
    from provenance.formats.claimants import load_claimants

    path = tmp_path / "bad.json"
    path.write_text('{"rules": [["x", "nobody", "one"]]}', "utf-8")
    with pytest.raises(InvalidValue, match="not a claimant table"):
        load_claimants(path)
    with pytest.raises(InvalidValue, match="cannot read the claimant table"):
        load_claimants(tmp_path / "missing.json")
