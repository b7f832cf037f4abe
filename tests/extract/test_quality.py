"""Extraction quality on the team's own annotated texts (tests/data/gold: invented
company news, government notices, meeting reports, interviews, academic and sports news;
tests/data/heldout: court, finance, health, culture, local and tech news, written blind and
used for tuning since), a second set written blind in six more genres and partly exposed
since (tests/data/heldout2: sports, education, diplomacy, industry, science, profiles), and a
third one that whoever tunes the rules has never read (tests/data/heldout3: announcements,
notices, interviews, energy, transport, agriculture).

Floors sit a little under what the pipeline scores today (exact-span F1 per type), so a
change that makes extraction worse on any genre mix fails here, while the figures for the
public sets live in bench/evaluate_public.py (they may not be shipped or committed)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from kg.evaluate import evaluate, load_gold
from kg.extract.pipeline import predict_mentions

DATA = Path(__file__).parents[1] / "data"
# folder -> floors. gold: tuned on while written; heldout: written blind, tuned on since
# (its README); heldout2: written blind, partly exposed since (its README); heldout3: written
# blind by a helper and never read by whoever tunes the rules — the honest figure.
FLOORS = {
    "gold": {"PERSON": 0.95, "ORG": 0.89, "TITLE": 0.95, "TECH": 0.90},
    "heldout": {"PERSON": 0.94, "ORG": 0.89, "TITLE": 0.87, "TECH": 0.88},
    "heldout2": {"PERSON": 0.79, "ORG": 0.80, "TITLE": 0.86, "TECH": 0.63},
    "heldout3": {"PERSON": 0.81, "ORG": 0.81, "TITLE": 0.87, "TECH": 0.83},
}


@lru_cache(maxsize=None)
def report(folder: str):
    texts = [t for path in sorted((DATA / folder).glob("*.jsonl")) for t in load_gold(path)]
    return evaluate(texts, predict_mentions, types=tuple(FLOORS[folder]))


@pytest.mark.parametrize("folder, kind", [(folder, kind) for folder, floors in FLOORS.items() for kind in sorted(floors)])
def test_f1_on_each_annotated_set_stays_above_its_floor(folder: str, kind: str) -> None:
    scores = report(folder)
    assert scores.scores[kind].f1 >= FLOORS[folder][kind], scores.table()
