"""Extend the tagger's transliteration characters from name lists that may be shipped.

    python scripts/make_transliteration.py

``kg/extract/data/transliteration_chars.txt`` keeps a hand-written seed line (the common
characters of the Xinhua transcription of foreign names). This script adds the characters
that the seed misses but that transcriptions use: a character is added when, in at least
``MIN_NAMES`` names of four or more characters (jieba dictionary words tagged as person or
place names, and CC-CEDICT proper-noun headwords), it is the only character outside the seed
and sits inside the name, not at either end (基里维奇 spelt with one unknown middle character
is evidence; a Chinese place such as 北京市 is not). Characters common in ordinary words
(summed jieba frequency of the dictionary words holding them above ``MAX_CHAR_FREQUENCY``:
的, 文, 赛 ...) are left out: in a run of name characters they would join names to the words
around them (科瓦切维奇赛后). No evaluation data is read; rerunning gives the same file.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_gazetteer import entries  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "kg" / "extract" / "data" / "transliteration_chars.txt"
NAME_TAGS = {"nr", "nrt", "ns"}
HAN = re.compile(r"^[\u4e00-\u9fff·]+$")
MIN_NAMES = 3
MAX_CHAR_FREQUENCY = 30000  # summed jieba frequency of the dictionary words holding the character
HEADER = ("# Characters of the standard transcription of foreign names into Chinese (Xinhua style).\n"
          "# A run of them around name evidence is read as a foreign personal name (叶利钦, 普里马科夫).\n"
          "# Line 1: hand-written seed. Line 2: added by scripts/make_transliteration.py; rerun it\n"
          "# after editing the seed, do not edit line 2 by hand.\n")


def seed(path: Path) -> str:
    """The hand-written line: the first line that is not a comment."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return lines[0]


def jieba_words() -> dict[str, tuple[int, str]]:
    """jieba dictionary word -> (frequency, tag)."""
    import jieba

    fields = (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").split()
    return {w: (int(f), t) for w, f, t in zip(fields[0::3], fields[1::3], fields[2::3])}


def names(words: dict[str, tuple[int, str]]) -> set[str]:
    """Person and place names of four or more characters, '·' removed."""
    found = {w for w, (_, tag) in words.items() if tag in NAME_TAGS and HAN.match(w)}
    found |= {w for w, pinyin, _ in entries() if pinyin[:1].isupper() and HAN.match(w)}
    return {w.replace("·", "") for w in found if len(w.replace("·", "")) >= 4}


def char_frequency(words: dict[str, tuple[int, str]]) -> Counter[str]:
    """Character -> summed jieba frequency of the dictionary words holding it."""
    totals: Counter[str] = Counter()
    for word, (frequency, _) in words.items():
        for char in set(word):
            totals[char] += frequency
    return totals


def derived(known: set[str], candidates: set[str], words: dict[str, tuple[int, str]]) -> list[str]:
    """Characters that are the only unknown one, inside the name, in ``MIN_NAMES`` names;
    most frequent first, ties in character order."""
    totals = char_frequency(words)
    counts: Counter[str] = Counter()
    for name in candidates:
        unknown = [i for i, c in enumerate(name) if c not in known]
        if len(unknown) == 1 and 0 < unknown[0] < len(name) - 1:
            counts[name[unknown[0]]] += 1
    return sorted((c for c, n in counts.items()
                   if n >= MIN_NAMES and totals[c] <= MAX_CHAR_FREQUENCY),
                  key=lambda c: (-counts[c], c))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    first = seed(args.out)
    words = jieba_words()
    added = derived(set(first), names(words), words)
    args.out.write_text(HEADER + first + "\n" + "".join(added) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(set(first))} seed + {len(added)} derived characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
