from __future__ import annotations

from pathlib import Path

from provenance.evaluation import Score, compare, evaluate_directories
from provenance.formats import brat

GOLD = """T1\tSource 0 5\tSmith
T2\tCue 6 10\tsaid
T3\tContent 11 25\tthe plan works
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
"""
# the cue matches exactly, the source and content only overlap
PRED = """T1\tSource 0 3\tSmi
T2\tCue 6 10\tsaid
T3\tContent 15 25\tplan works
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3
T5\tCue 40 45\textra
"""


def test_exact_and_overlap_matching() -> None:
    scores = compare(brat.loads(GOLD), brat.loads(PRED))
    assert scores[("exact", "Cue")] == Score(tp=1, fp=1, fn=0)
    assert scores[("exact", "Source")] == Score(tp=0, fp=1, fn=1)
    assert scores[("overlap", "Source")] == Score(tp=1, fp=0, fn=0)
    assert scores[("exact", "Attribution")] == Score(tp=0, fp=1, fn=1)
    assert scores[("overlap", "Attribution")] == Score(tp=1, fp=0, fn=0)
    assert scores[("overlap", "Cue")].precision == 0.5
    assert scores[("overlap", "Cue")].recall == 1.0


def test_matching_is_one_to_one() -> None:
    gold = brat.loads("T1\tCue 0 10\tx\n")
    pred = brat.loads("T1\tCue 0 3\tx\nT2\tCue 4 8\tx\n")
    assert compare(gold, pred)[("overlap", "Cue")] == Score(tp=1, fp=1, fn=0)


def test_directories_are_micro_averaged(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    (gold / "a_ann1.ann").write_text(GOLD, encoding="utf-8")
    (pred / "a.ann").write_text(PRED, encoding="utf-8")
    (gold / "b.ann").write_text(GOLD, encoding="utf-8")  # no prediction: all false negatives
    result = evaluate_directories(gold, pred)
    assert result.files == 2
    assert result.missing == ("b.ann",)
    cue = result.scores[("overlap", "Cue")]
    assert (cue.tp, cue.fp, cue.fn) == (1, 1, 1)
    assert round(cue.f1, 4) == 0.5
    assert result.as_dict()["scores"]["overlap"]["Cue"]["tp"] == 1
