"""The learned extractor: training on a few PolNeAR articles, the model file, the decoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.errors import IncompatibleModel
from provenance.extraction import Extractor, Lexicon
from provenance.extraction.cues import Token
from provenance.formats.brat import Annotation, Event, TextBound
from provenance.learning.labels import gold_tags, spans_from_tags
from provenance.learning.model_file import (
    FORMAT_VERSION,
    dump_model,
    lexicon_digest,
    lexicon_from_mapping,
    lexicon_mapping,
    load_model,
)

pytest.importorskip("pycrfsuite", reason="needs claim-provenance[learn]")

ARTICLES = 6
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def module_corpus() -> Path:
    """The shared corpus, for module-wide fixtures; skips when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (it is not shipped with the project)")
    return CORPUS


@pytest.fixture(scope="module")
def trained(module_corpus: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from provenance.learning.training import load_examples, train

    polnear = module_corpus / "polnear" / "train"
    examples, errors = load_examples(polnear / "attributions", polnear / "text")
    assert not errors
    names = sorted({e.name for e in examples})[:ARTICLES]
    few = [e for e in examples if e.name in names]
    result = train(few, held_back=0.34, seed=3, parameters={"max_iterations": 30})
    path = tmp_path_factory.mktemp("model") / "small.json"
    dump_model(result.model, path)
    return result, path, few


def test_training_reports_held_back_scores(trained) -> None:  # type: ignore[no-untyped-def]
    result, _, few = trained
    assert result.rules is not None and result.learned is not None
    back = result.model.report["held_back"]
    assert back == round(len({e.name for e in few}) * 0.34)
    assert result.learned.files == result.rules.files == back
    assert set(result.model.report["rules_and_model"]) == {"exact", "overlap"}


def test_same_seed_same_model(trained) -> None:  # type: ignore[no-untyped-def]
    from provenance.learning.training import train

    result, _, few = trained
    again = train(few, held_back=0.34, seed=3, parameters={"max_iterations": 30})
    assert again.model.crf == result.model.crf


def test_model_file_round_trip(trained) -> None:  # type: ignore[no-untyped-def]
    result, path, _ = trained
    loaded = load_model(path)
    assert loaded.crf == result.model.crf
    assert loaded.lexicon == result.model.lexicon
    assert loaded.feature_set == result.model.feature_set
    assert loaded.parameters == result.model.parameters
    assert loaded.report == result.model.report


@pytest.mark.parametrize(
    ("member", "value", "words"),
    [
        ("format_version", FORMAT_VERSION + 1, "format"),
        ("feature_set", "tokens/0", "features"),
        ("lexicon_sha256", "0" * 64, "digest"),
        ("format", "something else", "not a claim-provenance model file"),
        ("crf", "not base64!", "base64"),
    ],
)
def test_mismatched_model_is_refused(
    trained, tmp_path: Path, member: str, value: object, words: str
) -> None:  # type: ignore[no-untyped-def]
    _, path, _ = trained
    data = json.loads(path.read_text(encoding="utf-8"))
    data[member] = value
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(IncompatibleModel, match=words) as caught:
        load_model(bad)
    assert caught.value.location == str(bad)
    assert caught.value.path == f"$.{member}"


def test_not_json_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "model.json"
    bad.write_bytes(b"\x00\x01crfsuite")
    with pytest.raises(IncompatibleModel, match="not a model file"):
        load_model(bad)


def test_other_lexicon_is_refused(trained, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from provenance.learning import for_model_file

    _, path, _ = trained
    other = Lexicon.default().extended(Lexicon(verbs=[("blorp", "paraphrase")]))
    with pytest.raises(IncompatibleModel, match="another lexicon"):
        for_model_file(path, other)


def test_drafts_validate_keep_rule_chains_and_name_the_model(trained, seed_document) -> None:  # type: ignore[no-untyped-def]
    from provenance import codec
    from provenance.learning import for_model_file

    _, path, few = trained
    learned = for_model_file(path)
    text = seed_document.text
    rules = Extractor(learned.model.lexicon).extract(text, document_id="d")
    draft = learned.extract(text, document_id="d")
    assert codec.loads(codec.dumps(draft)) == draft  # loads validates schema and rules
    assert draft.drafted_by is not None and learned.model.digest in str(draft.drafted_by.method)
    chains = [c for c in rules.claims if len(c.attribution) > 1]
    assert chains, "the seed article has chains"
    for chain in chains:
        assert chain in draft.claims
    for example in few[:2]:
        document = learned.extract(example.text, document_id="d")
        assert codec.loads(codec.dumps(document)) == document


def test_cli_train_and_extract(module_corpus: Path, tmp_path: Path) -> None:
    from provenance.cli import main

    polnear = module_corpus / "polnear" / "train"
    gold = tmp_path / "gold"
    gold.mkdir()
    for ann in sorted((polnear / "attributions").glob("*.ann"))[:4]:
        (gold / ann.name).symlink_to(ann)
    model = tmp_path / "m.json"
    code = main(
        [
            "train",
            "--gold",
            str(gold),
            "--text",
            str(polnear / "text"),
            "-o",
            str(model),
            "--held-back",
            "0.25",
            "--iterations",
            "10",
        ]
    )
    assert code == 0 and model.is_file()
    article = polnear / "text" / (sorted(gold.iterdir())[0].stem.rsplit("_", 1)[0] + ".txt")
    out = tmp_path / "draft.json"
    assert main(["extract", str(article), "--model", str(model), "-o", str(out)]) == 0
    assert "learned model m" in json.loads(out.read_text(encoding="utf-8"))["drafted_by"]["method"]
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["extract", str(article), "--model", str(bad)]) == 2


def test_distributed_extract_with_a_model_drafts_what_one_process_drafts(  # type: ignore[no-untyped-def]
    trained, module_corpus: Path, tmp_path: Path
) -> None:
    """``extract --model --scheduler``: the model reaches the workers and drafts the same."""
    pytest.importorskip("distributed")
    from provenance import codec
    from provenance.cli import main

    _, path, few = trained
    texts = tmp_path / "texts"
    texts.mkdir()
    for name in sorted({e.name for e in few})[:3]:
        (texts / f"{name}.txt").symlink_to(
            module_corpus / "polnear" / "train" / "text" / f"{name}.txt"
        )
    assert main(["extract", str(texts), "--model", str(path), "-o", str(tmp_path / "one")]) == 0
    spread = tmp_path / "many"
    code = main(
        ["extract", str(texts), "--model", str(path), "-o", str(spread), "--scheduler", "threads"]
    )
    assert code == 0

    def undated(document):  # type: ignore[no-untyped-def]
        import attrs

        stamp = attrs.evolve(document.drafted_by, created="2000-01-01T00:00:00Z")
        return attrs.evolve(document, drafted_by=stamp)

    expected = [codec.loads(p.read_bytes()) for p in sorted((tmp_path / "one").glob("*.json"))]
    drafted = [
        codec.loads(line)
        for part in sorted(spread.glob("part-*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert [undated(d) for d in drafted] == [undated(d) for d in expected]
    assert all("learned model" in d.drafted_by.method for d in drafted)


def test_lexicon_mapping_round_trip() -> None:
    lexicon = Lexicon.default()
    again = lexicon_from_mapping(json.loads(json.dumps(lexicon_mapping(lexicon))))
    assert again == lexicon
    assert lexicon_digest(again) == lexicon_digest(lexicon)


def _tokens(lengths: list[int]) -> list[Token]:
    tokens, at = [], 0
    for length in lengths:
        tokens.append(Token(at, at + length, "x" * length))
        at += length + 1
    return tokens


@given(
    st.lists(st.integers(1, 5), min_size=1, max_size=30),
    st.lists(
        st.tuples(
            st.sampled_from(["Cue", "Source", "Content"]), st.integers(0, 29), st.integers(1, 4)
        ),
        max_size=6,
    ),
)
def test_tags_give_back_token_aligned_disjoint_spans(
    lengths: list[int], wanted: list[tuple[str, int, int]]
) -> None:
    tokens = _tokens(lengths)
    bounds, arguments = [], []
    for number, (role, first, size) in enumerate(wanted):
        if first >= len(tokens):
            continue
        last = min(len(tokens) - 1, first + size - 1)
        bounds.append(TextBound(f"T{number}", role, ((tokens[first].start, tokens[last].end),)))
        arguments.append((role, f"T{number}"))
    gold = Annotation(
        tuple(bounds),
        (Event("E1", "Attribution", bounds[0].id if bounds else "T0", tuple(arguments)),),
    )
    tags = gold_tags(tokens, gold)
    spans = spans_from_tags(tokens, tags)
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    previous_end = -1
    for role, first, last, start, end in spans:
        assert start in starts and end in ends and first <= last
        assert start > previous_end
        previous_end = end
        assert all(tag.endswith(role) for tag in tags[first : last + 1])
    assert sum(last - first + 1 for _, first, last, _, _ in spans) == sum(t != "O" for t in tags)


def test_merge_types_an_untypable_mention_as_generic() -> None:
    # regression: a learned source "The" made a named source with an empty name
    from provenance import codec
    from provenance.extraction.sources import source_index
    from provenance.learning.decoder import LearnedAttribution, merge

    text = "The officials were blocked from leaving, The panel judged."
    draft = Extractor().extract(text, document_id="d")
    cue = (text.index("judged"), text.index("judged") + len("judged"))
    source = (text.index("The panel"), text.index("The panel") + 3)
    merged = merge(
        draft, [LearnedAttribution(cue, source, ((0, 39),))], source_index(Lexicon.default())
    )
    assert codec.loads(codec.dumps(merged)) == merged
    claim = next(
        c for c in merged.claims if c.span is not None and c.span.start == 0 and c.attribution
    )
    assert claim.attribution[0].cue is not None and claim.attribution[0].cue.text == "judged"
    assert merged.source(claim.attribution[0].source).descriptor == "The"


@given(
    st.lists(st.text("abc_", min_size=1, max_size=4), min_size=1, max_size=20),
    st.floats(0, 0.9),
    st.integers(0, 5),
)
def test_held_back_split_is_a_deterministic_partition_by_article(
    names: list[str], fraction: float, seed: int
) -> None:
    from provenance.learning.training import Example, split_examples

    examples = [Example(name, "", Annotation()) for name in names]
    learn, back = split_examples(examples, fraction, seed)
    shuffled = split_examples(list(reversed(examples)), fraction, seed)
    assert {e.name for e in shuffled[1]} == {e.name for e in back}  # input order does not matter
    assert sorted(e.name for e in learn + back) == sorted(names)
    assert not {e.name for e in learn} & {e.name for e in back}
    assert split_examples(examples, fraction, seed) == (learn, back)
    if len(set(names)) > 1:
        assert learn, "something is always left to train on"


def test_load_examples_reports_a_gold_file_without_text(tmp_path: Path) -> None:
    from provenance.learning.training import load_examples

    (tmp_path / "a_ann1.ann").write_text("T1\tCue 0 4\tsaid\n", encoding="utf-8")
    (tmp_path / "b.ann").write_text("T1\tCue 0 4\tsaid\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("said it", encoding="utf-8")
    examples, errors = load_examples(tmp_path)
    assert [e.name for e in examples] == ["b"]
    assert len(errors) == 1 and "a_ann1.ann" in errors[0] and "a_ann1.txt" in errors[0]


def test_cli_train_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from provenance.cli import main

    assert main(["train", "--gold", str(tmp_path / "none"), "-o", str(tmp_path / "m")]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert main(["train", "--gold", str(tmp_path), "-o", str(tmp_path / "m")]) == 2
    assert "no annotated article" in capsys.readouterr().err


def test_link_shares_the_subject_with_a_second_verb() -> None:
    # regression: '"...," McCain said, citing low growth' tags McCain once, as the source
    # of 'said'; 'citing' was linked with no source, where the gold gives it McCain too
    from provenance.learning.decoder import link

    text = '"Growth is low," McCain said, citing unemployment.'
    words = ["Growth is low", "McCain", "said", "citing", "unemployment"]
    place = [text.index(w) for w in words]
    spans = [
        ("Content", 0, 0, place[0], place[0] + len(words[0])),
        ("Source", 1, 1, place[1], place[1] + len(words[1])),
        ("Cue", 2, 2, place[2], place[2] + len(words[2])),
        ("Cue", 3, 3, place[3], place[3] + len(words[3])),
        ("Content", 4, 4, place[4], place[4] + len(words[4])),
    ]
    found = link(spans, [0] * 5)
    mccain = (place[1], place[1] + len("McCain"))
    assert [(text[a.cue[0] : a.cue[1]], a.source) for a in found] == [
        ("said", mccain),
        ("citing", mccain),
    ]


def test_link_does_not_share_a_subject_across_sentences_or_from_the_right() -> None:
    from provenance.learning.decoder import link

    # Cue(0) Content(1) | Source(2) Cue(3) Content(4): the first cue has no source on its
    # left in its own sentence, so it gets none (not the one of the next sentence)
    spans = [
        ("Cue", 0, 0, 0, 5),
        ("Content", 1, 1, 6, 10),
        ("Source", 2, 2, 12, 16),
        ("Cue", 3, 3, 17, 20),
        ("Content", 4, 4, 21, 25),
    ]
    found = link(spans, [0, 0, 1, 1, 1])
    assert [a.source for a in found] == [None, (12, 16)]


@given(
    st.lists(
        st.tuples(st.sampled_from(["Cue", "Source", "Content"]), st.integers(0, 2)),
        min_size=1,
        max_size=12,
    )
)
def test_linked_sources_are_tagged_sources_of_the_cues_sentence(
    tagged: list[tuple[str, int]],
) -> None:
    from provenance.learning.decoder import link

    # one token per span, in text order; each carries the sentence number drawn for it,
    # made non-decreasing as sentences are
    sentence_of: list[int] = []
    for _, sentence in tagged:
        sentence_of.append(max([sentence, *sentence_of[-1:]]))
    spans = [(role, i, i, 10 * i, 10 * i + 5) for i, (role, _) in enumerate(tagged)]
    by_range = {(s[3], s[4]): s for s in spans}
    cues = [s for s in spans if s[0] == "Cue"]
    found = link(spans, sentence_of)
    assert [a.cue for a in found] == [(c[3], c[4]) for c in cues]
    for cue, attribution in zip(cues, found, strict=True):
        if attribution.source is None:
            continue
        source = by_range[attribution.source]
        assert source[0] == "Source"
        assert sentence_of[source[1]] == sentence_of[cue[1]]


def test_training_parameters_keep_only_the_defaults_their_algorithm_takes() -> None:
    from provenance.errors import InvalidValue
    from provenance.learning.crf import DEFAULT_PARAMETERS, parameters_for

    assert parameters_for(None) == DEFAULT_PARAMETERS
    assert parameters_for({"c2": 0.1})["c2"] == 0.1
    # the averaged perceptron takes no L1/L2 weights: the L-BFGS defaults are left out
    perceptron = parameters_for({"algorithm": "ap", "max_iterations": 5})
    assert perceptron["algorithm"] == "ap" and perceptron["max_iterations"] == 5
    assert "c1" not in perceptron and "c2" not in perceptron
    with pytest.raises(InvalidValue) as raised:
        parameters_for({"algorithm": "ap", "c1": 0.1})
    assert raised.value.path == "$.c1" and raised.value.expected is not None
    assert "max_iterations" in raised.value.expected
    with pytest.raises(InvalidValue) as raised:
        parameters_for({"algorithm": "svm"})
    assert (raised.value.path, raised.value.found) == ("$.algorithm", "svm")
