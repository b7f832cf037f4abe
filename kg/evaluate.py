"""Score extracted mentions against a gold annotation (exact span, per type).

Gold files are JSONL, one text per line::

    {"id": "...", "text": "...", "entities": [{"start": 0, "end": 3, "type": "PERSON"}]}

``id`` is optional; offsets are Python ``str`` indices into ``text``, end exclusive.
Gold types are PERSON, ORG, TITLE, TECH, PLACE and OTHER; OTHER is never scored.

Only types the gold file annotates are scored: a set that marks no titles (People's
Daily) cannot tell a right title from a wrong one, so predicted titles there are
neither true nor false positives. The extractor's ROLE mentions are scored as TITLE.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.model import EntityType, Mention

GOLD_TYPES = ("PERSON", "ORG", "TITLE", "TECH", "PLACE", "OTHER")
SCORABLE_TYPES = ("PERSON", "ORG", "TITLE", "TECH", "PLACE")
_MENTION_TYPE = {EntityType.ROLE: "TITLE"}


@dataclass(frozen=True)
class GoldEntity:
    start: int
    end: int
    type: str


@dataclass(frozen=True)
class GoldText:
    id: str
    text: str
    entities: tuple[GoldEntity, ...]


def load_gold(path: Path) -> list[GoldText]:
    """Read and validate a JSONL gold file; a bad row raises InputError naming file:line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold file: {exc}") from exc
    texts = []
    for lineno, line in enumerate(lines, start=1):
        if line.strip():
            texts.append(_parse_row(line, f"{path}:{lineno}", f"{path.stem}-{lineno}"))
    return texts


def _parse_row(line: str, where: str, default_id: str) -> GoldText:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON: {exc.msg}") from exc
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected a JSON object")
    text = row.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: 'text' must be a string")
    raw_entities = row.get("entities", [])
    if not isinstance(raw_entities, list):
        raise InputError(f"{where}: 'entities' must be a list")
    entities = tuple(_parse_entity(e, text, f"{where}: entity {i}") for i, e in enumerate(raw_entities))
    return GoldText(id=str(row.get("id") or default_id), text=text, entities=entities)


def _parse_entity(raw: object, text: str, where: str) -> GoldEntity:
    if not isinstance(raw, dict):
        raise InputError(f"{where}: expected an object with start, end, type")
    start, end, kind = raw.get("start"), raw.get("end"), raw.get("type")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise InputError(f"{where}: 'start' and 'end' must be integers")
    if not 0 <= start < end <= len(text):
        raise InputError(f"{where}: bad offsets ({start}, {end}) for a text of {len(text)} characters")
    if kind not in GOLD_TYPES:
        raise InputError(f"{where}: unknown type {kind!r}; expected one of {', '.join(GOLD_TYPES)}")
    surface = raw.get("text")
    if surface is not None and surface != text[start:end]:
        raise InputError(f"{where}: 'text' {surface!r} differs from text[{start}:{end}] {text[start:end]!r}")
    return GoldEntity(start=start, end=end, type=kind)


@dataclass
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    """Per-type counts over ``texts`` gold texts; ``unscored`` lists requested types the
    gold never annotates (skipped rather than counted as false positives)."""

    scores: dict[str, TypeScore]
    texts: int
    chars: int
    seconds: float
    unscored: tuple[str, ...] = ()

    @property
    def micro(self) -> TypeScore:
        return TypeScore(tp=sum(s.tp for s in self.scores.values()),
                         fp=sum(s.fp for s in self.scores.values()),
                         fn=sum(s.fn for s in self.scores.values()))

    def table(self) -> str:
        """An aligned plain-text table: one row per scored type, then the micro average."""
        header = ("type", "gold", "pred", "tp", "P", "R", "F1")
        rows = [_row(name, score) for name, score in self.scores.items()]
        rows.append(_row("micro", self.micro))
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
                 for r in [header, *rows]]
        speed = self.chars / self.seconds if self.seconds > 0 else 0.0
        lines.append(f"{self.texts} texts, {self.chars} chars, {self.seconds:.1f} s ({speed:,.0f} chars/s)")
        if self.unscored:
            lines.append(f"not scored (the gold never annotates them): {', '.join(self.unscored)}")
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {"types": {name: s.to_json() for name, s in self.scores.items()},
                "micro": self.micro.to_json(), "texts": self.texts, "chars": self.chars,
                "seconds": round(self.seconds, 3), "unscored": list(self.unscored)}


def _row(name: str, s: TypeScore) -> tuple[str, ...]:
    return (name, str(s.tp + s.fn), str(s.tp + s.fp), str(s.tp),
            f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")


def mention_type(mention: Mention) -> str:
    """The gold type a mention is scored as (ROLE -> TITLE, otherwise its own name)."""
    return _MENTION_TYPE.get(mention.type, EntityType(mention.type).value)


def evaluate(gold: Sequence[GoldText], predict: Callable[[str], Sequence[Mention]],
             *, types: Iterable[str] = SCORABLE_TYPES, limit: int | None = None,
             progress: Callable[[int, int], None] | None = None) -> Report:
    """Run ``predict`` on each gold text (the first ``limit`` ones) and count exact-span
    matches per type, for the requested types that the gold set annotates at all."""
    requested = tuple(dict.fromkeys(types))
    unknown = [t for t in requested if t not in SCORABLE_TYPES]
    if unknown:
        raise InputError(f"cannot score type(s) {', '.join(unknown)}; choose from {', '.join(SCORABLE_TYPES)}")
    present = {e.type for g in gold for e in g.entities}
    scored = tuple(t for t in requested if t in present)
    scores = {t: TypeScore() for t in scored}
    sample = list(gold if limit is None else gold[:limit])
    started = time.perf_counter()
    for done, item in enumerate(sample, start=1):
        expected = {(e.start, e.end, e.type) for e in item.entities if e.type in scores}
        found = {(m.start, m.end, mention_type(m)) for m in predict(item.text)}
        found = {f for f in found if f[2] in scores}
        for _, _, kind in expected & found:
            scores[kind].tp += 1
        for _, _, kind in found - expected:
            scores[kind].fp += 1
        for _, _, kind in expected - found:
            scores[kind].fn += 1
        if progress is not None:
            progress(done, len(sample))
    return Report(scores=scores, texts=len(sample), chars=sum(len(g.text) for g in sample),
                  seconds=time.perf_counter() - started,
                  unscored=tuple(t for t in requested if t not in present))
