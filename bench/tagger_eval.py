"""Measure the learned tagger alone on the public NER sets (measuring only, never training).

    python -m bench.tagger_eval [--eval ../shared/eval/public] [--model PATH] [--limit N]

Prints exact-span P/R/F1 for PERSON and ORG per set (PLACE predictions are dropped: the sets
mark places as OTHER or not at all) and the tagger's speed as a ratio to ``jieba.lcut``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import jieba

from kg.extract.tagger import LearnedTagger
from kg.model import EntityType

SCORED = ("PERSON", "ORG")
DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "public"


def load(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return rows[:limit] if limit else rows


def evaluate(tagger: LearnedTagger, rows: list[dict]) -> tuple[Counter, float]:
    """Counts of gold/predicted/hit spans per type, and the seconds spent tagging."""
    counts: Counter = Counter()
    seconds = 0.0
    for row in rows:
        text = row["text"]
        started = time.perf_counter()
        mentions = tagger.tag_text(text)
        seconds += time.perf_counter() - started
        gold = {(e["type"], e["start"], e["end"]) for e in row["entities"] if e["type"] in SCORED}
        pred = {(m.type.value, m.start, m.end) for m in mentions if m.type is not EntityType.PLACE}
        for kind, *_ in gold:
            counts[kind, "gold"] += 1
        for kind, *_ in pred:
            counts[kind, "pred"] += 1
        for kind, *_ in gold & pred:
            counts[kind, "hit"] += 1
    return counts, seconds


def jieba_seconds(rows: list[dict]) -> float:
    jieba.lcut("预热")
    started = time.perf_counter()
    for row in rows:
        jieba.lcut(row["text"])
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each set")
    args = parser.parse_args()
    started = time.perf_counter()
    tagger = LearnedTagger.load(args.model)
    tagger.tag_text("预热。")
    print(f"load + first call: {time.perf_counter() - started:.2f} s")
    print(f"{'set':28} {'type':7} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}   chars/s  vs lcut")
    for path in sorted(args.eval.glob("*.jsonl")):
        rows = load(path, args.limit)
        counts, seconds = evaluate(tagger, rows)
        chars = sum(len(r["text"]) for r in rows)
        ratio = jieba_seconds(rows) / seconds
        for kind in SCORED:
            hit, pred, gold = counts[kind, "hit"], counts[kind, "pred"], counts[kind, "gold"]
            p = hit / pred if pred else 0.0
            r = hit / gold if gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{path.stem:28} {kind:7} {p:6.3f} {r:6.3f} {f:6.3f} {gold:6d}"
                  f"   {chars / seconds:7.0f}  {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
