"""Train the learned tagger's character CRF on Universal NER Chinese.

    python -m kg.train --data ../shared/train/uner-zh --out kg/models/tagger.crfsuite

Trains on GSDSimp train + dev and PUD (converted to simplified characters with OpenCC) and
prints exact-span scores on the held-out GSDSimp test split; ``--holdout dev`` instead trains
on train + test + PUD and scores dev. The data files are read from ``--data``, never shipped.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from kg.errors import InputError
from kg.extract.tagger import _NAME_TAGS, DATA_DIR, default_lexicon, sentence_features, spans_from_labels

SPLITS = {"train": "zh_gsdsimp-train.iob2", "dev": "zh_gsdsimp-dev.iob2",
          "test": "zh_gsdsimp-test.iob2", "pud": "zh_pud-test.iob2"}
TYPES = ("PER", "ORG", "LOC")


@dataclass(frozen=True)
class Example:
    """One sentence as characters with one BIO label each, plus its jieba words."""

    text: str
    labels: tuple[str, ...]
    words: tuple[tuple[str, int, int], ...] = ()


def read_iob2(path: Path, convert: bool = False) -> list[Example]:
    """UD word tokens with IOB2 labels -> character-level BIO examples aligned to ``# text``."""
    converter = None
    if convert:
        import opencc

        converter = opencc.OpenCC("t2s")
    examples = []
    try:
        blocks = path.read_text(encoding="utf-8").split("\n\n")
    except OSError as exc:
        raise InputError(f"cannot read training file {path}: {exc}") from exc
    for block in blocks:
        text, tokens = "", []
        for line in block.splitlines():
            if line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line and not line.startswith("#"):
                fields = line.split("\t")
                tokens.append((fields[1], fields[2]))
        if tokens:
            examples.append(_align(text, tokens, converter))
    return examples


def _align(text: str, tokens: Sequence[tuple[str, str]], converter: object | None) -> Example:
    """Label each character of the sentence text; fall back to the joined tokens if the text
    and tokens disagree."""
    if converter is not None:
        converted = [converter.convert(word) for word, _ in tokens]
        if all(len(a) == len(b[0]) for a, b in zip(converted, tokens)):
            tokens = [(word, label) for word, (_, label) in zip(converted, tokens)]
        text = converter.convert(text)
    labels = ["O"] * len(text)
    position = 0
    for word, label in tokens:
        found = text.find(word, position)
        if found < 0 or text[position:found].strip():
            return _joined(tokens)
        for i in range(found, found + len(word)):
            kind = label[2:]
            labels[i] = "O" if label == "O" else ("B-" if i == found and label.startswith("B-")
                                                  else "I-") + kind
        position = found + len(word)
    return Example(text, tuple(labels))


def _joined(tokens: Sequence[tuple[str, str]]) -> Example:
    text = "".join(word for word, _ in tokens)
    labels: list[str] = []
    for word, label in tokens:
        for i in range(len(word)):
            labels.append("O" if label == "O" else
                          ("B-" if i == 0 and label.startswith("B-") else "I-") + label[2:])
    return Example(text, tuple(labels))


def augment(examples: Sequence[Example], copies: int, seed: int = 13) -> list[Example]:
    """Extra copies of every sentence with entities, each entity swapped for another of the
    same type: one from the training data, a made-up Chinese name (a lexicon surname plus
    given-name characters of training names and of CC-CEDICT person names), a made-up
    Japanese or foreign name (transliteration characters) or an organisation prefixed with a
    place. Names are then seen in more contexts, so the model leans on context and lexicon
    features rather than memorised names (recall on new text). (Tried and dropped: training
    organisation cores with other suffixes; more copies of sentences with persons, given
    made-up Chinese names: more ordinary words tagged as names.)"""
    pools: dict[str, list[str]] = {kind: [] for kind in TYPES}
    for example in examples:
        for kind, start, end in spans_from_labels(example.labels):
            pools[kind].append(example.text[start:end])
    rng = random.Random(seed)
    invent = _Inventor(pools, rng)
    extra = []
    for example in examples:
        spans = spans_from_labels(example.labels)
        if not spans:
            continue
        for _ in range(copies):
            text, labels, position = "", [], 0
            for kind, start, end in spans:
                name = invent.replacement(kind)
                text += example.text[position:start] + name
                labels += [*example.labels[position:start], "B-" + kind,
                           *["I-" + kind] * (len(name) - 1)]
                position = end
            extra.append(Example(text + example.text[position:],
                                 (*labels, *example.labels[position:])))
    return [*examples, *extra]


class _Inventor:
    """Replacement names for ``augment``: training names and made-up ones, drawn with ``rng``."""

    def __init__(self, pools: dict[str, list[str]], rng: random.Random) -> None:
        lexicon = default_lexicon()
        self._pools, self._rng = pools, rng
        self._singles, self._compounds = sorted(lexicon.surnames), sorted(lexicon.compound_surnames)
        chinese = [name for name in pools["PER"] if 2 <= len(name) <= 3 and name[0] in lexicon.surnames]
        parts = name_parts()
        self._lexicon = lexicon
        self._given_pools = [pool for pool in ([c for name in chinese for c in name[1:]], parts["given"]) if pool]
        self._surname_pools = [pool for pool in ([name[0] for name in chinese],
                                                 [s for s in parts["surname"] if s in lexicon.surnames]) if pool]
        self._japanese = (parts["ja_surname"], parts["ja_given"])
        self._foreign = sorted(lexicon.transliteration)

    def replacement(self, kind: str) -> str:
        """A name of label ``kind``: made up (40% Chinese, 20% foreign persons; 25% of the
        organisations get a training place in front), else another training name."""
        rng, pools = self._rng, self._pools
        draw = rng.random()
        if kind == "PER" and draw < 0.4:
            return self.chinese_name()
        if kind == "PER" and draw < 0.55:
            return self.foreign_name()
        if kind == "PER" and draw < 0.6 and all(self._japanese):
            return rng.choice(self._japanese[0]) + rng.choice(self._japanese[1])
        if kind == "ORG" and draw < 0.25:
            return rng.choice(pools["LOC"]) + rng.choice(pools["ORG"])
        return rng.choice(pools[kind])

    def chinese_name(self) -> str:
        """A lexicon surname plus one or two given-name characters of training names or of
        CC-CEDICT person names (half each, as often as they occur there)."""
        rng = self._rng
        for _ in range(20):
            name = self._surname() + "".join(rng.choice(rng.choice(self._given_pools))
                                             for _ in range(rng.choice((1, 2, 2, 2))))
            if not self._ordinary(name):
                break
        return name

    def _surname(self) -> str:
        """Surnames as often as in training and CC-CEDICT names (a rare surname is often an
        everyday character: drawn uniformly, 祝, 欧, 干 made the model read 祝福 as a name),
        sometimes any lexicon surname, rarely a compound one."""
        rng, draw = self._rng, self._rng.random()
        if draw < 0.05:
            return rng.choice(self._compounds)
        if draw < 0.15 or not self._surname_pools:
            return rng.choice(self._singles)
        return rng.choice(rng.choice(self._surname_pools))

    def _ordinary(self, name: str) -> bool:
        """A made-up name that is, or starts with, an ordinary dictionary word (祝福, 欧元):
        as a training name it would teach the model to tag that word."""
        lexicon = self._lexicon
        return any(lexicon.dictionary.get(word, "nr") not in _NAME_TAGS or word in lexicon.ordinary
                   for word in {name, name[:2]})

    def foreign_name(self) -> str:
        """Two to five transliteration characters, sometimes a given name and '·' before them."""
        rng = self._rng

        def part() -> str:
            return "".join(rng.choice(self._foreign) for _ in range(rng.choice((2, 3, 3, 4, 4, 5))))

        return part() + "·" + part() if rng.random() < 0.2 else part()


def name_parts() -> dict[str, list[str]]:
    """``kg/extract/data/tagger_name_parts.txt`` (``scripts/make_name_parts.py``) as kind ->
    parts, each repeated as often as it was counted (so ``random.choice`` follows frequency)."""
    path = DATA_DIR / "tagger_name_parts.txt"
    result: dict[str, list[str]] = {"surname": [], "given": [], "ja_surname": [], "ja_given": []}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read name parts {path}: {exc}") from exc
    for line in lines:
        if line and not line.startswith("#"):
            kind, part, count = line.split("\t")
            result.setdefault(kind, []).extend([part] * int(count))
    return result


def segment(examples: Iterable[Example]) -> list[Example]:
    """Attach jieba words (a private tokenizer, as at run time) to every example."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return [Example(e.text, e.labels, tuple(tokenizer.tokenize(e.text))) for e in examples]


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    gold: int


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict[str, Score]:
    """Exact-span precision / recall / F1 per entity type."""
    counts: Counter[tuple[str, str]] = Counter()
    for g, p in zip(gold, predicted):
        gold_spans, pred_spans = set(spans_from_labels(g)), set(spans_from_labels(p))
        for kind, _, _ in gold_spans:
            counts[kind, "gold"] += 1
        for kind, _, _ in pred_spans:
            counts[kind, "pred"] += 1
        for kind, _, _ in gold_spans & pred_spans:
            counts[kind, "hit"] += 1
    result = {}
    for kind in TYPES:
        hit, pred, gold_n = counts[kind, "hit"], counts[kind, "pred"], counts[kind, "gold"]
        p = hit / pred if pred else 0.0
        r = hit / gold_n if gold_n else 0.0
        result[kind] = Score(p, r, 2 * p * r / (p + r) if p + r else 0.0, gold_n)
    return result


def train(examples: Sequence[Example], out: Path, c1: float, c2: float, iterations: int) -> None:
    """Fit the CRF with L-BFGS and write the model file."""
    import pycrfsuite

    lexicon = default_lexicon()
    trainer = pycrfsuite.Trainer(verbose=False)
    for example in examples:
        trainer.append(sentence_features(example.text, example.words, lexicon), example.labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(os.fspath(out))


def predict(model: Path, examples: Sequence[Example]) -> list[list[str]]:
    import pycrfsuite

    lexicon = default_lexicon()
    tagger = pycrfsuite.Tagger()
    tagger.open(os.fspath(model))
    return [tagger.tag(sentence_features(e.text, e.words, lexicon)) for e in examples]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="folder with the UNER .iob2 files")
    parser.add_argument("--out", type=Path, required=True, help="model file to write")
    parser.add_argument("--holdout", choices=("test", "dev"), default="test",
                        help="GSDSimp split kept out of training and scored (default: test)")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=350)
    parser.add_argument("--augment", type=int, default=1,
                        help="entity-swapped copies of each training sentence (default: 1)")
    args = parser.parse_args(argv)
    missing = [name for name in SPLITS.values() if not (args.data / name).is_file()]
    if missing:
        raise InputError(f"{args.data} lacks {', '.join(missing)}")
    kept = "dev" if args.holdout == "test" else "test"
    training = [*read_iob2(args.data / SPLITS["train"]), *read_iob2(args.data / SPLITS[kept]),
                *read_iob2(args.data / SPLITS["pud"], convert=True)]
    heldout = read_iob2(args.data / SPLITS[args.holdout])
    train(segment(augment(training, args.augment)), args.out, args.c1, args.c2, args.iterations)
    heldout = segment(heldout)
    scores = score([e.labels for e in heldout], predict(args.out, heldout))
    print(f"trained on {len(training)} sentences; held-out GSDSimp {args.holdout} "
          f"({len(heldout)} sentences), exact-span:")
    for kind, s in scores.items():
        print(f"  {kind}: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} (gold {s.gold})")
    print(f"model: {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
