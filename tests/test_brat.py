from __future__ import annotations

from pathlib import Path

import pytest

from provenance import codec
from provenance.errors import MalformedAnnotation
from provenance.extraction import extract
from provenance.formats import brat
from provenance.formats.brat import Annotation
from provenance.vocabulary import AttributionMode, SourceKind

TEXT = (
    "Smith said the plan works. Reportedly, it does not. It may fail, the plan's critics "
    "argue. Editor's note: none."
)
# written by hand for these tests: spans checked against TEXT below
ANN = """T1\tSource 0 5\tSmith
T2\tCue 6 10\tsaid
T3\tContent 11 25\tthe plan works
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tCue 27 37\tReportedly
T6\tContent 39 50\tit does not
T7\tAttribution-no-source 27 37\tReportedly
E2\tAttribution-no-source:T7 Cue:T5 Content:T6
T8\tContent 52 63;89 90\tIt may fail .
T9\tSource 65 83\tthe plan's critics
T10\tCue 84 89\targue
T11\tAttribution 84 89\targue
E3\tAttribution:T11 Source:T9 Cue:T10 Content:T8
T12\tDiscuss 52 58\tIt may
T13\tDiscard 91 111\tEditor's note:
none.
#1\tAnnotatorNotes T13\ta note kept verbatim
"""


def canonical(annotation: Annotation) -> tuple[object, ...]:
    return (
        sorted((t.id, t.label, t.fragments) for t in annotation.textbounds),
        sorted((e.id, e.label, e.trigger, tuple(sorted(e.arguments))) for e in annotation.events),
        sorted(annotation.others),
    )


def test_hand_written_spans_match_the_text() -> None:
    annotation = brat.loads(ANN)
    for bound in annotation.textbounds:
        if bound.label != "Discard":
            words = " ".join(TEXT[s:e] for s, e in bound.fragments)
            assert words.replace(" .", ".") == bound.text.replace(" .", ".")


def test_parse_reads_discontinuous_spans_continuations_and_notes() -> None:
    annotation = brat.loads(ANN)
    content = annotation.textbound("T8")
    assert content is not None
    assert content.fragments == ((52, 63), (89, 90))
    discard = annotation.textbound("T13")
    assert discard is not None
    assert discard.text == "Editor's note:\nnone."
    assert annotation.others == ("#1\tAnnotatorNotes T13\ta note kept verbatim",)
    assert [e.label for e in annotation.events] == [
        "Attribution",
        "Attribution-no-source",
        "Attribution",
    ]


def test_gold_annotation_maps_onto_the_model() -> None:
    document = brat.read(brat.loads(ANN), TEXT, document_id="doc")
    sources = {s.id: s for s in document.sources}
    by_text = {claim.text: claim for claim in document.claims}
    smith = by_text["the plan works"]
    (hop,) = smith.attribution
    assert hop.cue is not None and hop.cue.text == "said"
    assert hop.mention is not None and hop.mention.text == "Smith"
    assert sources[hop.source].kind is SourceKind.NAMED_PERSON
    reportedly = by_text["it does not"]
    assert sources[reportedly.attribution[0].source].kind is SourceKind.GENERIC
    assert reportedly.attribution[0].mention is None
    critics = by_text[TEXT[52:90]]
    assert sources[critics.attribution[0].source].kind is SourceKind.UNNAMED_GROUP
    assert critics.attribution[0].mode is AttributionMode.PARAPHRASE
    discuss = by_text["It may"]
    assert [h.text for h in discuss.hedges] == ["It may"]
    assert codec.loads(codec.dumps(document)) == document


def test_round_trip_gives_the_same_spans_and_relations() -> None:
    annotation = brat.loads(ANN)
    document = brat.read(annotation, TEXT, document_id="doc")
    again = brat.write(document)
    assert canonical(again) == canonical(annotation)
    assert canonical(brat.loads(brat.dumps(again))) == canonical(annotation)
    # and through JSON as well
    assert canonical(brat.write(codec.loads(codec.dumps(document)))) == canonical(annotation)


def test_drafted_claims_sharing_a_cue_are_one_event_with_a_discontinuous_content() -> None:
    text = '"We will win," he said, "and they know it." The mayor left early today.'
    annotation = brat.write(extract(text))
    (event,) = annotation.events
    roles = dict(event.arguments)
    content = next(b for b in annotation.textbounds if b.id == roles["Content"])
    assert content.fragments == ((0, 14), (24, 43))
    assert content.text == '"We will win," "and they know it."'
    line = next(line for line in brat.dumps(annotation).splitlines() if "Content" in line)
    assert line.split("\t")[1] == "Content 0 14;24 43"


def test_bad_lines_name_the_file_and_line() -> None:
    with pytest.raises(MalformedAnnotation) as caught:
        brat.loads("T1\tSource 5 x\twords\n", location="a.ann")
    assert caught.value.location == "a.ann:1"
    with pytest.raises(MalformedAnnotation, match="past the end"):
        brat.read(brat.loads("T1\tDiscuss 0 99\tx\n"), "short", document_id="d")


def test_polnear_files_round_trip(corpus_dir: Path) -> None:
    folder = corpus_dir / "polnear" / "train"
    files = sorted((folder / "attributions").glob("*.ann"))[::25]
    assert files
    for path in files:
        text = (folder / "text" / (path.stem.rsplit("_", 1)[0] + ".txt")).read_text(
            encoding="utf-8"
        )
        annotation = brat.load(path)
        document = brat.read(annotation, text, document_id="d")
        assert canonical(brat.write(document)) == canonical(annotation), path.name
