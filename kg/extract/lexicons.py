"""Lexicons the extractors read, loaded lazily and once from the data files.

Vocabulary shared with the English side (titles, technologies, organization suffixes,
surnames, member roles, event kinds) lives in ``kg/schema/lexicons/``; extraction-only
word lists (context cues, transcription characters) in ``kg/extract/data/``.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import ModelError
from kg.schema import data_path


# The middle dot between the parts of a transcribed foreign name, and its look-alikes in
# scraped text (罗兰·杜邦, 罗兰•杜邦).
NAME_DOTS = "·•・‧"
# What ends an item of a 、-list (商国富、陆新平二人; 金风科技、宁波摩士等).
# Function words jieba glues to the first character of a name it does not know (由市|农业农村局,
# 局和市|发展改革委): such a token starts the name one character later.
GLUED_FUNCTION_CHARS = frozenset("由在和与及对从向被把将为于")
LIST_ITEM_END = frozenset("、，,。；;：:（）()》」”\"' \n\t") | {"和", "与", "及", "等"}


def _rows(path: Path) -> list[list[str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return [
                [cell.strip() for cell in row]
                for row in csv.reader(fh, delimiter="\t")
                if row and row[0].strip() and not row[0].startswith("#")
            ]
    except OSError as exc:
        raise ModelError(f"lexicon {path} is missing from the installed package") from exc


def extract_data(name: str) -> Path:
    return Path(str(resources.files("kg.extract").joinpath("data", name)))


def _cell(row: list[str], i: int) -> str:
    return row[i] if len(row) > i else ""


@dataclass(frozen=True)
class TitleLexicon:
    base: dict[str, str]  # zh -> en
    modifiers: dict[str, str]
    domains: dict[str, str]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, so that the longest word wins."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def titles() -> TitleLexicon:
    """The rows of ``titles.tsv`` marked ``extract`` (the others only serve English names)."""
    header, *body = _rows(data_path("lexicons/titles.tsv"))
    groups: dict[str, dict[str, str]] = {"base": {}, "modifier": {}, "domain": {}}
    for row in (dict(zip(header, cells)) for cells in body):
        if row.get("extract") == "yes":
            groups[row["kind"]][row["zh"]] = row.get("en", "")
    return TitleLexicon(groups["base"], groups["modifier"], groups["domain"])


@dataclass(frozen=True)
class TechConcept:
    zh: str
    en: str
    broader: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def technologies() -> dict[str, TechConcept]:
    """zh preferred label -> concept."""
    out = {}
    for row in _rows(data_path("lexicons/technologies.tsv")):
        aliases = tuple(a for a in _cell(row, 3).split("|") if a)
        out[row[0]] = TechConcept(row[0], _cell(row, 1), _cell(row, 2), aliases)
    return out


@lru_cache(maxsize=1)
def tech_surface_forms() -> dict[str, str]:
    """Every surface form (label or alias) -> preferred zh label."""
    forms = {}
    for zh, concept in technologies().items():
        forms[zh] = zh
        for alias in concept.aliases:
            forms.setdefault(alias, zh)
    return forms


@lru_cache(maxsize=1)
def surnames() -> dict[str, bool]:
    """surname -> True when it is also a common function word (needs stronger context):
    the hand-written list, the rarer surnames generated from CC-CEDICT, Japanese family names."""
    found: dict[str, bool] = {}
    for name in ("surnames.tsv", "surnames_more.tsv", "surnames_japanese.tsv"):
        for row in _rows(data_path(f"lexicons/{name}")):
            found.setdefault(row[0], _cell(row, 1) == "weak")
    return found


@lru_cache(maxsize=1)
def japanese_surnames() -> frozenset[str]:
    """Japanese family names (surnames_japanese.tsv): their given names run to three characters."""
    return frozenset(row[0] for row in _rows(data_path("lexicons/surnames_japanese.tsv")))


@dataclass(frozen=True)
class OrgSuffix:
    text: str
    kind: str  # government | enterprise | academic | association | place
    strong: bool
    needs_name: bool = False  # the words before it must include a name of their own (蝶阀厂 is a kind)
    unit_only: bool = False  # ends a name only as a unit right after an organization (大学|经济系)


@lru_cache(maxsize=1)
def org_suffixes() -> dict[str, OrgSuffix]:
    """The rows of ``org_suffixes.tsv`` with a ``kind`` (the others only serve English names)."""
    header, *body = _rows(data_path("lexicons/org_suffixes.tsv"))
    rows = (dict(zip(header, cells)) for cells in body)
    return {row["zh"]: OrgSuffix(row["zh"], row["kind"], row.get("strength") == "strong",
                                 row.get("strength") == "named", row.get("strength") == "unit")
            for row in rows if row.get("kind")}


@lru_cache(maxsize=1)
def org_suffix_words() -> frozenset[str]:
    """Every ending in ``org_suffixes.tsv``, also those that only serve English names
    (研发中心, 办公厅): words that name a kind of unit."""
    header, *body = _rows(data_path("lexicons/org_suffixes.tsv"))
    return frozenset(cells[0] for cells in body)


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Context words by kind (see cues.tsv): speech verbs, boundaries …, and the honorifics of
    the bilingual lexicon ``honorifics.tsv``."""
    groups: dict[str, set[str]] = {}
    for row in _rows(extract_data("cues.tsv")):
        groups.setdefault(row[0], set()).update(w for w in row[1].split() if w)
    _header, *honorifics = _rows(data_path("lexicons/honorifics.tsv"))
    groups["honorific"] = {row[0] for row in honorifics}
    return {k: frozenset(v) for k, v in groups.items()}


@lru_cache(maxsize=1)
def known_organizations() -> dict[str, str]:
    """Standard organization names and their official abbreviations -> full zh name,
    from the bilingual lexicon ``organizations.tsv`` (zh, en, aliases, class)."""
    out = {}
    for row in _rows(data_path("lexicons/organizations.tsv")):
        out[row[0]] = row[0]
        for alias in _cell(row, 2).split("|"):
            if alias and not alias.isascii():
                out.setdefault(alias, row[0])
    return out


@lru_cache(maxsize=1)
def member_roles() -> dict[str, str]:
    """Roles of an organization in another (成员单位 …) -> English."""
    return {row[0]: _cell(row, 1) for row in _rows(data_path("lexicons/member_roles.tsv"))}


@lru_cache(maxsize=1)
def portfolio_words() -> frozenset[str]:
    """Government portfolios (工业和信息化, 发展和改革 …) from ``words.tsv``: kept as one
    word so that their 和 is not read as a boundary between names."""
    return frozenset(row[0] for row in _rows(data_path("lexicons/words.tsv"))
                     if _cell(row, 2) == "domain" and row[0] != "zh")


@lru_cache(maxsize=1)
def event_kinds() -> dict[str, str]:
    """Heads of event names (大会, 论坛 …) -> English."""
    return {row[0]: _cell(row, 1) for row in _rows(data_path("lexicons/event_kinds.tsv"))}


@lru_cache(maxsize=1)
def transliteration_chars() -> frozenset[str]:
    """Characters used to transcribe foreign names (奥, 巴, 马 …; transliteration_chars.txt)."""
    text = extract_data("transliteration_chars.txt").read_text(encoding="utf-8")
    return frozenset("".join(line.strip() for line in text.splitlines()
                             if line.strip() and not line.startswith("#")))


@lru_cache(maxsize=1)
def gazetteer_organizations() -> frozenset[str]:
    """Organization names from CC-CEDICT (gazetteer_org.txt, made by scripts/make_gazetteer.py):
    brands and bodies with no suffix to find them by (阿森纳, 七喜)."""
    text = extract_data("gazetteer_org.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())



@lru_cache(maxsize=1)
def given_name_chars() -> frozenset[str]:
    """Characters seen in Chinese given names (CC-CEDICT person names; tagger_name_parts.txt,
    made by scripts/make_name_parts.py): 才 ends 宋双才, 还 does not end 杨琨还."""
    text = extract_data("tagger_name_parts.txt").read_text(encoding="utf-8")
    return frozenset(cells[1] for cells in (line.split("\t") for line in text.splitlines() if not line.startswith("#"))
                     if len(cells) == 3 and cells[0] == "given" and len(cells[1]) == 1)
