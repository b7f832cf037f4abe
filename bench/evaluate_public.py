"""Measure a predictor on the public NER sets in ../shared/eval/public/ (measuring only).

    PYTHONPATH=. python bench/evaluate_public.py --predictor jieba-pos [--limit 2000] [--json]
    PYTHONPATH=. python bench/evaluate_public.py --predictor kg --sets cluener
    PYTHONPATH=. python bench/evaluate_public.py --dir tests/data/gold --merge   # the team's own texts

(from the repository root; PYTHONPATH is not needed once kg is pip-installed).

``jieba-pos`` is the baseline of issue 3: jieba's own POS tags, nr -> PERSON and
nt -> ORG. ``kg`` is the product's pipeline (``kg.extract.pipeline.predict_mentions``).
``kg-resume-convention`` re-reads kg's mentions with Resume NER's convention (a department
before a post is part of the title; a bare 公司 before a post is an organization), to measure how
much of the gap on that set is convention rather than recognition — an analysis, not kg's score.
Prints one table per set.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kg.evaluate import SCORABLE_TYPES, evaluate, load_gold
from kg.model import EntityType, Mention

PUBLIC_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "public"
JIEBA_TAGS = {"nr": EntityType.PERSON, "nt": EntityType.ORG}

Predictor = Callable[[str], Sequence[Mention]]


def jieba_pos_predictor() -> Predictor:
    """The baseline: one private jieba tokenizer, POS tags mapped by ``JIEBA_TAGS``."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tagger = jieba.posseg.POSTokenizer(jieba.Tokenizer())

    def predict(text: str) -> list[Mention]:
        mentions, offset = [], 0
        for pair in tagger.cut(text):
            kind = JIEBA_TAGS.get(pair.flag)
            if kind is not None:
                mentions.append(Mention(kind, offset, offset + len(pair.word), pair.word, 0.5, "jieba-pos"))
            offset += len(pair.word)
        return mentions

    return predict


def kg_predictor() -> Predictor:
    """The product's pipeline, imported only when asked for."""
    try:
        from kg.extract.pipeline import predict_mentions
    except ImportError as exc:
        raise SystemExit(f"--predictor kg needs kg.extract.pipeline.predict_mentions, which cannot be "
                         f"imported yet ({exc}); use --predictor jieba-pos") from exc
    return predict_mentions


def grammar_predictor() -> Predictor:
    """The grammar and lexicons alone (no learned tagger), as the product scores them."""
    from kg.extract.pipeline import analysis_view, find_mentions, outermost_organizations
    from kg.extract.segment import default_segmenter

    def predict(text: str):
        view = analysis_view(text)
        return outermost_organizations(find_mentions(view, default_segmenter()(view), learned=False))

    return predict


def tagger_predictor() -> Predictor:
    """The learned CRF tagger alone."""
    from kg.extract.pipeline import analysis_view, default_tagger

    tagger = default_tagger()
    return lambda text: tagger.tag_text(analysis_view(text))


# Resume NER's convention, for measuring how much of the gap on that set is convention: a
# department right before a post belongs to the title (财务部经理), and a bare 公司 before a post
# is an organization. kg itself reads unit + title and skips generic references.
_PARENT_THEN_DEPARTMENT = re.compile(
    r"(?:公司|集团|大学|学院|局|厅|委|院|厂|行|所|社|台)([^公司集团大学]{1,10}?(?:部|科|处|室|系|中心|车间|办公室|事业部))$")
_BARE_DEPARTMENT = re.compile(r"[^公司集团]{1,8}(?:部|科|室|车间|办公室)")


def resume_convention_predictor() -> Predictor:
    """kg's mentions re-read with Resume NER's convention (see above); an analysis, not kg's score."""
    predict_kg = kg_predictor()

    def predict(text: str) -> list[Mention]:
        mentions = list(predict_kg(text))
        titles = {m.start: m for m in mentions if m.type is EntityType.ROLE}
        out = [m for m in mentions if m.type is not EntityType.ORG or m.end not in titles]
        for org in (m for m in mentions if m.type is EntityType.ORG and m.end in titles):
            title = titles[org.end]
            split = _PARENT_THEN_DEPARTMENT.search(org.text)
            if split or _BARE_DEPARTMENT.fullmatch(org.text):
                cut = org.start + split.start(1) if split else org.start
                out.remove(title)
                out.append(Mention(EntityType.ROLE, cut, title.end, text[cut:title.end], title.confidence, "resume"))
                if cut > org.start:
                    out.append(Mention(EntityType.ORG, org.start, cut, text[org.start:cut], org.confidence, "resume"))
            else:
                out.append(org)
        taken = [(m.start, m.end) for m in out]
        for generic in re.finditer("本公司|公司", text):
            if generic.end() in titles and not any(a <= generic.start() < b for a, b in taken):
                out.append(Mention(EntityType.ORG, generic.start(), generic.end(), generic.group(), 0.5, "resume"))
        return sorted(out, key=lambda m: m.start)

    return predict


PREDICTORS: dict[str, Callable[[], Predictor]] = {
    "jieba-pos": jieba_pos_predictor, "grammar": grammar_predictor, "tagger": tagger_predictor, "kg": kg_predictor,
    "kg-resume-convention": resume_convention_predictor,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--predictor", choices=sorted(PREDICTORS), default="jieba-pos")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N texts of each set")
    parser.add_argument("--sets", nargs="*", default=None, help="set name prefixes (cluener, resume, peoples)")
    parser.add_argument("--types", nargs="*", default=list(SCORABLE_TYPES))
    parser.add_argument("--dir", type=Path, default=PUBLIC_DIR, help="folder of the public JSONL sets")
    parser.add_argument("--merge", action="store_true", help="score all chosen files as one set")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    args = parser.parse_args(argv)

    files = sorted(args.dir.glob("*.jsonl"))
    if args.sets:
        files = [f for f in files if any(f.name.startswith(s) for s in args.sets)]
    if not files:
        raise SystemExit(f"no public sets found in {args.dir}")
    sets = {path.stem: load_gold(path) for path in files}
    if args.merge:
        sets = {"+".join(sets): [text for texts in sets.values() for text in texts]}
    predict = PREDICTORS[args.predictor]()
    predict("预热。")  # load dictionaries and models before the clock starts
    results = {}
    for name, gold in sets.items():
        report = evaluate(gold, predict, types=args.types, limit=args.limit)
        results[name] = report.to_json()
        if not args.json:
            print(f"== {name} ({args.predictor})\n{report.table()}\n")
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
