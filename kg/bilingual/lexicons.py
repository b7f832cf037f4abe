"""Reading the bilingual TSV lexicons shipped in kg/schema/lexicons.

Each file has a header row; '#' starts a comment line. Files are read once, on first use."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import ModelError
from kg.schema import data_path

def _lexicon_path(name: str) -> Path:
    return data_path(f"lexicons/{name}")


@lru_cache(maxsize=None)
def lexicon(name: str) -> tuple[dict[str, str], ...]:
    """Rows of kg/schema/lexicons/NAME as dicts keyed by the header's column names."""
    return _read(_lexicon_path(name))


@lru_cache(maxsize=None)
def positional(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of one of the lead's lexicons (technologies.tsv), by column position: its
    header is a comment. A missing file reads as empty."""
    path = _lexicon_path(name)
    if not path.exists():
        return ()
    with path.open(encoding="utf-8") as fh:
        rows = [tuple(c.strip() for c in ln.rstrip("\n").split("\t")) for ln in fh
                if ln.strip() and not ln.startswith("#")]
    return tuple(r for r in rows if len(r) >= 2 and r[0] and r[1])


def _read(path: Path) -> tuple[dict[str, str], ...]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    except OSError as exc:
        raise ModelError(f"lexicon {path} cannot be read: {exc}") from exc
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for n, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ModelError(f"{path}:{n}: wrong number of columns")
        rows.append({k: v.strip() for k, v in row.items()})
    return tuple(rows)


# --------------------------------------------------------------------------- typed views


@dataclass(frozen=True)
class Organization:
    zh: str
    en: str
    aliases: tuple[str, ...]
    kind: str
    en_aliases: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    zh: str
    en: str
    kind: str


@dataclass(frozen=True)
class PlaceMatch:
    en: str
    level: str  # "Provincial", "Municipal", "District" or ""
    length: int


@dataclass(frozen=True)
class Ending:
    """An organization-name ending (有限公司, 司, 处 …) and its English template."""

    zh: str
    template: str
    kind: str  # company | gov | unit


@dataclass(frozen=True)
class TitlePart:
    zh: str
    en: str
    deputy: str = ""


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


@lru_cache(maxsize=1)
def _organizations() -> dict[str, Organization]:
    index: dict[str, Organization] = {}
    for row in lexicon("organizations.tsv"):
        org = Organization(row["zh"], row["en"], _split(row["aliases"]), row["class"], _split(row["en_aliases"]))
        for key in (org.zh, *org.aliases):
            index.setdefault(_fold(key), org)
    return index


def _fold(zh: str) -> str:
    """Lookup key: full-width brackets and spaces do not count."""
    return zh.replace("（", "(").replace("）", ")").replace(" ", "")


def organization(zh: str) -> Organization | None:
    """The lexicon entry whose name or official abbreviation is ``zh``."""
    return _organizations().get(_fold(zh))


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for row in lexicon("places.tsv"):
        place = Place(row["zh"], row["en"], row["class"])
        for key in (place.zh, *_split(row["aliases"])):
            index.setdefault(key, place)
    return index


_LEVELS = {"province": "Provincial", "autonomous_region": "Autonomous Regional",
           "municipality": "Municipal", "city": "Municipal", "sar": "", "area": "", "country": ""}
_ADMIN_SUFFIXES = (("省", "Provincial"), ("市", "Municipal"), ("区", "District"), ("县", "County"))


def place_prefix(text: str) -> PlaceMatch | None:
    """The longest place name (with its 省/市/区/县 if present) at the start of ``text``."""
    from kg.bilingual.dictionary import is_common_word  # the dictionary reads this module: import late

    index = places()
    for length in range(min(len(text), 12), 1, -1):
        place = index.get(text[:length])
        if place is None or length < len(text) and text[length - 1] in "省市县区" \
                and is_common_word(text[length - 1:length + 1]):
            continue  # 大连市|场: the 市 begins 市场
        level = _LEVELS.get(place.kind, "")
        for suffix, suffix_level in _ADMIN_SUFFIXES:
            if text[length:].startswith(suffix) and not place.zh.endswith("区") \
                    and not (length + 1 < len(text) and is_common_word(text[length:length + 2])):  # 杭州市|市场监管局
                return PlaceMatch(place.en, suffix_level, length + 1)
        return PlaceMatch(place.en, level, length)
    return None


@lru_cache(maxsize=1)
def endings() -> tuple[Ending, ...]:
    """Organization endings, longest first (so 有限公司 wins over 公司)."""
    rows = [Ending(r["zh"], r["template"], r["template_class"])
            for r in lexicon("org_suffixes.tsv") if r["template"]]
    return tuple(sorted(rows, key=lambda e: -len(e.zh)))


@lru_cache(maxsize=1)
def honorifics() -> dict[str, str]:
    """Forms of address after a name (先生 -> Mr), longest first."""
    rows = sorted(lexicon("honorifics.tsv"), key=lambda r: -len(r["zh"]))
    return {r["zh"]: r["en"] for r in rows}


@lru_cache(maxsize=1)
def words() -> dict[str, str]:
    return {r["zh"]: r["en"] for r in lexicon("words.tsv") if r["kind"] == "word"}


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, str]:
    """Every curated word for composing names: general words and portfolios."""
    return {**domains(), **words()}


@lru_cache(maxsize=1)
def domains() -> dict[str, str]:
    """Government portfolios (工业和信息化 -> Industry and Information Technology), from
    words.tsv and from the ministries of the organization lexicon (X部 = Ministry of X)."""
    found = {r["zh"]: r["en"] for r in lexicon("words.tsv") if r["kind"] == "domain"}
    for org in set(_organizations().values()):
        if org.zh.endswith("部") and org.en.startswith("Ministry of "):
            found.setdefault(org.zh[:-1], org.en[len("Ministry of "):])
    return found


def _title_rows(kind: str) -> list[dict[str, str]]:
    return [r for r in lexicon("titles.tsv") if r["kind"] == kind]


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Whole titles that the extraction grammar finds in text (titles.tsv, kind base)."""
    return {r["zh"]: r["en"] for r in _title_rows("base") if r["extract"] == "yes"}


@lru_cache(maxsize=1)
def title_domains() -> dict[str, str]:
    """Field words before a head title (产品 Product, 市场 Marketing)."""
    return {r["zh"]: r["en"] for r in _title_rows("domain")}


@lru_cache(maxsize=1)
def title_bases() -> tuple[TitlePart, ...]:
    """Head titles, longest first, with how 副 reads before them (Deputy/Vice/Associate)."""
    parts = [TitlePart(r["zh"], r["en"], r["deputy"]) for r in _title_rows("base")]
    return tuple(sorted(parts, key=lambda p: -len(p.zh)))


@lru_cache(maxsize=1)
def title_prefixes() -> tuple[TitlePart, ...]:
    """Modifiers before a head title, longest first; 副 and 总 are read by the composer."""
    parts = [TitlePart(r["zh"], r["en"]) for r in _title_rows("modifier") if r["zh"] not in ("副", "总")]
    return tuple(sorted(parts, key=lambda p: -len(p.zh)))


@lru_cache(maxsize=1)
def title_abbreviations() -> dict[str, str]:
    """English title abbreviations (CEO) -> Chinese title."""
    return {r["en"]: r["zh"] for r in _title_rows("abbreviation")}


@lru_cache(maxsize=1)
def technologies() -> dict[str, str]:
    """Technology concepts from the lead's technologies.tsv (zh, en, broader, aliases)."""
    found: dict[str, str] = {}
    for row in positional("technologies.tsv"):
        found.setdefault(row[0], row[1])
        for alias in _split(row[3]) if len(row) > 3 else ():
            found.setdefault(alias, row[1])
    return found


@lru_cache(maxsize=None)
def reverse_index(kind: str) -> dict[str, tuple[str, ...]]:
    """English key -> Chinese names, per entity type value (ORG, ROLE, TECH, PLACE)."""
    from kg.bilingual.english import english_key

    pairs: list[tuple[str, str]] = []
    if kind == "ORG":
        for org in dict.fromkeys(_organizations().values()):
            pairs += [(en, org.zh) for en in (org.en, *org.en_aliases)]
    elif kind == "ROLE":
        pairs = [(en, zh) for zh, en in titles().items()]
        pairs += [(p.en, p.zh) for p in title_bases()]
        composed = [(f"{p.deputy} {p.en}", "副" + p.zh) for p in title_bases() if p.deputy]
        composed += [(f"{m.en} {p.en}", m.zh + p.zh) for m in title_prefixes() for p in title_bases()]
        pairs += [(en, zh) for en, zh in title_abbreviations().items()]
        direct = {english_key(en) for en, _ in pairs}
        pairs += [(en, zh) for en, zh in composed if english_key(en) not in direct]  # 总工程师 before 首席工程师
    elif kind == "TECH":
        for row in positional("technologies.tsv"):
            names = (row[0], *(_split(row[3]) if len(row) > 3 else ()))
            pairs += [(row[1], row[0])] + [(name, row[0]) for name in names if name.isascii()]
    elif kind == "PLACE":
        pairs = [(p.en, p.zh) for p in dict.fromkeys(places().values())]
    index: dict[str, list[str]] = {}
    for en, zh in pairs:
        names = index.setdefault(english_key(en), [])
        if zh not in names:
            names.append(zh)
    return {k: tuple(v) for k, v in index.items()}
