"""Extraction quality on the team's own annotated texts (tests/data/gold: invented
company news, government notices, meeting reports, interviews, academic and sports news).

Floors sit a little under what the pipeline scores today (exact-span F1 per type), so a
change that makes extraction worse on any genre mix fails here, while the figures for the
public sets live in bench/evaluate_public.py (they may not be shipped or committed)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import evaluate, load_gold
from kg.extract.pipeline import predict_mentions

GOLD = sorted((Path(__file__).parents[1] / "data" / "gold").glob("*.jsonl"))
FLOORS = {"PERSON": 0.90, "ORG": 0.74, "TITLE": 0.80, "TECH": 0.88}


@pytest.fixture(scope="module")
def report():
    texts = [t for path in GOLD for t in load_gold(path)]
    return evaluate(texts, predict_mentions, types=tuple(FLOORS))


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_f1_on_the_teams_own_texts_stays_above_the_floor(report, kind: str) -> None:
    assert report.scores[kind].f1 >= FLOORS[kind], report.table()
