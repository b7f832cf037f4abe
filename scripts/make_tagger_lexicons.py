"""Complete the tagger's surname and title lists from the project's lexicons.

    python scripts/make_tagger_lexicons.py

``kg/extract/data/tagger_surnames.txt`` and ``tagger_titles.txt`` start with hand-written lines.
This script keeps them and writes, after a ``# derived`` marker, the words the hand lines
lack: every surname of ``kg/schema/lexicons/surnames.tsv``, ``surnames_more.tsv`` (rare
CC-CEDICT surnames: 洪, 傅, 萧, 訾) and ``surnames_japanese.tsv`` (佐藤, 铃木), and every title
base of ``titles.tsv`` that the grammar looks for (处长, 主教练, 特命全权大使). The tagger
reads both files as frozen word lists, so a later edit of the lexicons changes the model's
features only when this script is rerun and the model retrained. Rerunning gives the same files.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kg" / "extract" / "data"
LEXICONS = ROOT / "kg" / "schema" / "lexicons"
MARKER = "# derived by scripts/make_tagger_lexicons.py from kg/schema/lexicons/"


def rows(name: str) -> list[dict[str, str]]:
    """The rows of a lexicon TSV whose header is its first non-comment line."""
    with (LEXICONS / name).open(encoding="utf-8", newline="") as handle:
        lines = [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]
    header, *body = lines
    return [dict(zip(header, row)) for row in body]


def first_column(name: str) -> list[str]:
    """The first cells of a lexicon TSV without a header line (the surname lists)."""
    with (LEXICONS / name).open(encoding="utf-8", newline="") as handle:
        return [row[0].strip() for row in csv.reader(handle, delimiter="\t")
                if row and row[0].strip() and not row[0].startswith("#")]


def surnames() -> list[str]:
    found: list[str] = []
    for name in ("surnames.tsv", "surnames_more.tsv", "surnames_japanese.tsv"):
        found += first_column(name)
    return found


def titles() -> list[str]:
    return [row["zh"] for row in rows("titles.tsv") if row.get("kind") == "base" and row.get("extract") == "yes"]


def complete(path: Path, words: list[str], source: str) -> int:
    """Rewrite ``path`` as its hand-written part plus one derived line; return how many were added."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if any(line.startswith(MARKER) for line in lines):
        lines = lines[:next(i for i, line in enumerate(lines) if line.startswith(MARKER))]
    hand = {w for line in lines if not line.startswith("#") for w in line.split()}
    added = list(dict.fromkeys(w for w in words if w and w not in hand))
    path.write_text("\n".join([*lines, MARKER + source, " ".join(added)]) + "\n", encoding="utf-8")
    return len(added)


def main() -> int:
    n_surnames = complete(DATA / "tagger_surnames.txt", surnames(),
                          "surnames.tsv, surnames_more.tsv, surnames_japanese.tsv")
    n_titles = complete(DATA / "tagger_titles.txt", titles(), "titles.tsv (bases the grammar extracts)")
    print(f"added {n_surnames} surnames and {n_titles} titles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
