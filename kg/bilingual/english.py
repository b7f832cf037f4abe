"""English labels for Chinese entities and the reverse lookup (English -> Chinese).

Order of preference for every type: a curated lexicon (established names), then a
composition from known parts (places, words, organization endings, title grammar), then
the CC-CEDICT dictionary, then pinyin. The method and a confidence travel with every
label so an analyst can tell a looked-up name from a composed one."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kg.bilingual import dictionary, lexicons
from kg.bilingual.pinyin import person_name_en, pinyin_word
from kg.bilingual.script import to_simplified
from kg.bilingual.segment import segment
from kg.model import EntityType

_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+&.\-]*")
_PAREN = re.compile(r"[(（]([^()（）]+)[)）]")


@dataclass(frozen=True)
class EnglishLabel:
    """An English label and how it was made: lexicon | pinyin | composed | dictionary | source."""

    text: str
    method: str
    confidence: float


def english_label(zh: str, type: EntityType, *, parent_zh: str | None = None) -> EnglishLabel:
    """English label of a Chinese name of the given type (see the module docstring)."""
    periodical = _PERIODICAL.fullmatch(zh.strip()) if type is EntityType.ORG else None
    if periodical:  # 《时代潮》杂志: Shidaichao Magazine (normalising would strip the 《)
        title, confidence = _translate(normalise(periodical[1]), brand=True)
        return EnglishLabel(f"{title} {_PERIODICALS[periodical[2]]}", "composed", round(confidence * 0.9, 2))
    name = normalise(zh)
    if not name:
        return EnglishLabel("", "source", 0.0)
    if not _has_han(name):
        return _latin_label(name, type)
    if type is EntityType.PERSON:
        return EnglishLabel(person_name_en(name), "pinyin", 0.95)
    if type is EntityType.ORG:
        return _org_label(name, parent_zh)
    if type is EntityType.ROLE:
        return _role_label(name)
    if type is EntityType.TECH:
        return _tech_label(name)
    return _place_label(name)


def addressed_person_en(surname: str, address: str) -> EnglishLabel:
    """王 + 先生 -> Mr Wang, 王 + 局长 -> Director Wang: a person the text names only by a
    surname with a form of address or a title."""
    if address in lexicons.honorifics():
        return EnglishLabel(f"{lexicons.honorifics()[address]} {person_name_en(surname)}", "composed", 0.9)
    if not address:
        return EnglishLabel(person_name_en(surname), "pinyin", 0.5)
    role = english_label(address, EntityType.ROLE)
    return EnglishLabel(f"{role.text} {person_name_en(surname)}", "composed", round(0.9 * role.confidence, 2))


def _latin_label(name: str, type: EntityType) -> EnglishLabel:
    """A name already in Latin letters (XR, 5G, ZTE): a lexicon may still expand it."""
    if type is EntityType.TECH and name in lexicons.technologies():
        return EnglishLabel(lexicons.technologies()[name], "lexicon", 0.95)
    if type is EntityType.ROLE and name in lexicons.titles():
        return EnglishLabel(lexicons.titles()[name], "lexicon", 0.95)
    return EnglishLabel(name, "source", 1.0)


def normalise(text: str) -> str:
    """NFKC (full-width -> ASCII), simplified characters, trimmed."""
    return to_simplified(unicodedata.normalize("NFKC", text)).strip().strip("《》“”「」『』\"'").strip()


def _has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


# --------------------------------------------------------------------------- places


def _place_label(name: str) -> EnglishLabel:
    known = lexicons.places().get(name)
    if known:
        return EnglishLabel(known.en, "lexicon", 0.95)
    for suffix, english in (("自治州", " Autonomous Prefecture"), ("自治县", " Autonomous County"),
                            ("省", " Province"), ("市", ""), ("区", " District"), ("县", " County"),
                            ("镇", " Town"), ("乡", " Township"), ("村", " Village")):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            stem = name[: -len(suffix)]
            known = lexicons.places().get(stem)
            base = known.en if known else pinyin_word(stem)
            return EnglishLabel(base + english, "pinyin", 0.8)
    return EnglishLabel(pinyin_word(name), "pinyin", 0.7)


# --------------------------------------------------------------------------- organizations


def _org_label(name: str, parent_zh: str | None) -> EnglishLabel:
    known = lexicons.organization(name)
    if known:
        return EnglishLabel(known.en, "lexicon", 0.95)
    proper = dictionary.proper_name(name) if len(name) >= 2 else None
    if proper:
        return EnglishLabel(proper, "dictionary", 0.8)
    mission = _MISSION.fullmatch(name)
    if mission:  # 中国驻埃及大使馆: Embassy of China in Egypt
        sender, host = (_place_label(mission[i]) for i in (1, 2))
        host_en = "China" if mission[2] == "华" else host.text
        return EnglishLabel(f"{_MISSIONS[mission[3]]} of {sender.text} in {host_en}", "composed",
                            min(sender.confidence, host.confidence if mission[2] != "华" else 0.95))
    parts = _split_units(name)
    labels = [_compose_org(part, parent_zh if i == 0 else None, subunit=i > 0 and _is_university(parts[i - 1]))
              for i, part in enumerate(parts)]
    text = ", ".join(label.text for label in reversed(labels))  # most specific unit first
    confidence = min(label.confidence for label in labels)
    method = "composed" if len(labels) > 1 or labels[0].method != "lexicon" else "lexicon"
    return EnglishLabel(text, method, round(confidence * (0.95 if len(labels) > 1 else 1.0), 2))


_PERIODICALS = {"杂志社": "Magazine", "杂志": "Magazine", "编辑部": "Editorial Office", "周刊": "Weekly",
                "月刊": "Monthly", "画报": "Pictorial", "报社": "Newspaper"}
_PERIODICAL = re.compile(rf"《([^《》]+)》({'|'.join(_PERIODICALS)})")
_MISSIONS = {"大使馆": "Embassy", "总领事馆": "Consulate General", "领事馆": "Consulate"}
_MISSION = re.compile(rf"(.+?)驻(.+?)({'|'.join(_MISSIONS)})")


def _is_university(zh: str) -> bool:
    known = lexicons.organization(zh)
    return (known.kind == "university") if known else zh.endswith("大学")


def _split_units(name: str) -> list[str]:
    """Split a chain like 工业和信息化部信息技术发展司 into its units, outermost first.

    A split point is the end of a known organization, of a government body (place +
    portfolio + ending), or of a unit with a multi-character ending, when what follows
    is a unit name (not a company: subsidiaries read as one name) and no curated word
    straddles the cut."""
    if lexicons.organization(name):
        return [name]
    for cut in range(len(name) - 2, 1, -1):
        head, tail = name[:cut], name[cut:]
        ending = _ending(tail, bare=True)
        if ending is None or ending.kind == "company" or _straddles(name, cut) or not _is_unit(head):
            continue
        return _split_units(head) + [tail]
    return [name]


def _straddles(name: str, cut: int) -> bool:
    words = lexicons.vocabulary()
    return any(name[a:b] in words for a in range(max(0, cut - 7), cut)
               for b in range(cut + 1, min(len(name), a + 8) + 1))


def _is_unit(head: str) -> bool:
    if lexicons.organization(head):
        return True
    ending = _ending(head)
    if ending is None:
        return False
    if len(ending.zh) >= 2:
        return True
    body = _strip_places(head[: -len(ending.zh)]).rest
    if ending.kind == "gov" and body in lexicons.domains():
        return True
    return len(_split_units(head)) > 1


def _ending(name: str, *, bare: bool = False) -> lexicons.Ending | None:
    """The longest organization ending of ``name``; it must leave a body before it unless
    ``bare`` allows a name that is only a multi-character ending (技术学院)."""
    for ending in lexicons.endings():
        if name.endswith(ending.zh):
            if len(name) > len(ending.zh) or (bare and len(ending.zh) >= 2):
                return ending
            return None
    return None


@dataclass(frozen=True)
class _Places:
    english: list[str]  # place names in front of the body
    level: str  # "Provincial" / "Municipal" / "" for the innermost place
    rest: str
    bracketed: str  # "(Beijing)" when the name carries a bracketed place
    bracket_at: int  # where the bracket stood in ``rest``


def _strip_places(text: str) -> _Places:
    english: list[str] = []
    level = ""
    bracketed, bracket_at = "", -1
    match = _PAREN.search(text)
    if match and lexicons.place_prefix(match.group(1)) is not None:
        inside = lexicons.place_prefix(match.group(1))
        bracketed = f"({inside.en})"
        bracket_at = match.start()
        text = text[: match.start()] + text[match.end():]
    while True:
        found = lexicons.place_prefix(text)
        if found is None:
            break
        english.append(found.en)
        level = found.level
        text = text[found.length:]
        if bracket_at >= 0:
            bracket_at -= found.length
    county = _ADMIN_PLACE.match(text)
    if county and (not county.group(3) or county.group(3) in lexicons.domains()
                   or not dictionary.is_common_word(text[2:4])):  # 南湖市|医学会, not 大连|市场…
        name, suffix = pinyin_word(county.group(1)), _ADMIN_SUFFIX[county.group(2)]
        english.append(f"{name} {suffix}" if suffix else name)
        level = _ADMIN_LEVEL.get(county.group(2), "")
        text = county.group(3)
    return _Places(english, level, text, bracketed, bracket_at)


# An unlisted county or city in front of a government body: 某某县教育局, 某某市人民政府.
_ADMIN_PLACE = re.compile(r"^([\u4e00-\u9fff]{2})(省|县|区|市|旗|镇|乡|村)(.*)$")
_ADMIN_SUFFIX = {"省": "", "县": "County", "区": "District", "市": "", "旗": "Banner", "镇": "Town", "乡": "Township",
                 "村": "Village"}
_ADMIN_LEVEL = {"市": "Municipal", "省": "Provincial"}


def _compose_org(name: str, parent_zh: str | None, *, subunit: bool = False) -> EnglishLabel:
    known = lexicons.organization(name)
    if known:
        return EnglishLabel(known.en, "lexicon", 0.95)
    endings = [e for e in lexicons.endings() if name.endswith(e.zh)
               and (len(name) > len(e.zh) or len(e.zh) >= 2) and (subunit or e.kind != "subunit")]
    endings.sort(key=lambda e: e.kind != "subunit")  # a unit of a parent reads as one
    if not endings:
        text, confidence = _translate(name, brand=False)
        return EnglishLabel(text, "composed", round(confidence * 0.8, 2))
    longest = endings[0]
    places = _strip_places(name[: -len(longest.zh)])
    gov = next((e for e in endings if e.kind == "gov" and e.zh == longest.zh), None)
    if gov and places.rest in lexicons.domains():
        return _gov_body(places, gov, parent_zh)
    ending = next((e for e in endings if e.kind != "gov"), longest)
    places = _strip_places(name[: -len(ending.zh)])
    body, confidence = _translate(places.rest, brand=ending.kind == "company", bracket=places)
    if not body and not ending.template.startswith("{}"):  # 北京研究所: the place is the body
        body, places = " ".join(places.english), _Places([], "", "", "", -1)
    english = ending.template.format(body).strip()
    if places.english:
        level = [places.level] if ending.kind == "level" and places.level else []
        english = " ".join(places.english[-1:] + level) + " " + english
    return EnglishLabel(_tidy(english), "composed", round(confidence, 2))


def _gov_body(places: _Places, ending: lexicons.Ending, parent_zh: str | None) -> EnglishLabel:
    domain = lexicons.domains()[places.rest]
    english = ending.template.format(domain)
    prefix = places.english[-1:]  # the innermost place names the government
    level = places.level
    if not prefix and parent_zh:
        inherited = _strip_places(normalise(parent_zh) + "X")
        prefix, level = inherited.english[-1:], inherited.level
    if prefix:
        english = " ".join(prefix + ([level] if level else [])) + " " + english
    return EnglishLabel(english, "composed", 0.85)


def _translate(text: str, *, brand: bool, bracket: _Places | None = None) -> tuple[str, float]:
    """English of a name body; with ``brand`` the unknown leading part is a brand name
    (pinyin), otherwise unknown words come from the dictionary."""
    pieces = segment(text, brand=brand)
    words: list[str] = []
    confidence = 0.9
    position = 0
    for piece in pieces:
        if bracket and bracket.bracketed and position == bracket.bracket_at:
            words.append(bracket.bracketed)
        words.append(_title(piece.en) if piece.source == "dictionary" else piece.en)
        confidence *= _PIECE_CONFIDENCE[piece.source]
        position += len(piece.zh)
    if bracket and bracket.bracketed and position <= bracket.bracket_at:
        words.append(bracket.bracketed)
    return _dedupe(" ".join(w for w in words if w)), confidence


def _dedupe(text: str) -> str:
    """Drop a word repeated across a piece boundary (英超 + 联赛: Premier League League)."""
    out: list[str] = []
    for word in text.split():
        if not out or out[-1].lower() != word.lower():
            out.append(word)
    return " ".join(out)


_PIECE_CONFIDENCE = {"lexicon": 1.0, "latin": 1.0, "brand": 0.95, "dictionary": 0.8, "pinyin": 0.6}


def _title(text: str) -> str:
    return " ".join(w if w[:1].isupper() or w in {"and", "of", "for"} else w[:1].upper() + w[1:]
                    for w in text.split())


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).replace(" ,", ",").strip()


# --------------------------------------------------------------------------- roles


def _role_label(name: str) -> EnglishLabel:
    known = lexicons.titles().get(name)
    if known:
        return EnglishLabel(known, "lexicon", 0.95)
    if name.startswith("驻"):
        mission = _mission_label(name)
        if mission:
            return mission
    base = next((b for b in lexicons.title_bases() if name.endswith(b.zh)), None)
    if base is None:
        return _fallback(name, title=True)
    if base.zh == name:
        return EnglishLabel(base.en, "lexicon", 0.9)
    rest = name[: -len(base.zh)]
    modifiers: list[str] = []
    confidence = 0.85
    while rest:
        prefix = next((p for p in lexicons.title_prefixes() if rest.startswith(p.zh)), None)
        if rest.startswith("副"):
            modifiers.append(base.deputy or "Deputy")
            rest = rest[1:]
        elif rest.startswith("总") and not base.en.startswith(("Chief", "General")):
            modifiers.append("Chief")
            rest = rest[1:]
        elif prefix:
            modifiers.append(prefix.en)
            rest = rest[len(prefix.zh):]
        else:
            break
    trailing: list[str] = []  # 专家组副组长: modifiers right before the head title
    while rest and (rest.endswith("副") or any(rest.endswith(p.zh) for p in lexicons.title_prefixes())):
        if rest.endswith("副"):
            trailing.insert(0, base.deputy or "Deputy")
            rest = rest[:-1]
        else:
            prefix = next(p for p in lexicons.title_prefixes() if rest.endswith(p.zh))
            trailing.insert(0, prefix.en)
            rest = rest[: -len(prefix.zh)]
    domain = ""
    if rest:
        domain, domain_confidence = _title_domain(rest)
        confidence *= domain_confidence
    if modifiers and modifiers[-1] == "Co-" and not domain and not trailing:
        return EnglishLabel(_join(modifiers[:-1] + ["Co-" + base.en.lower()]), "composed", 0.85)
    head = "Director" if base.zh == "部长" and domain else base.en  # 审计部部长: a department head
    if modifiers and modifiers[-1] == "Co-":
        modifiers[-1], head = "", "Co-" + base.en.lower()
    return EnglishLabel(_dedupe(_join(modifiers + [domain] + trailing + [head])), "composed", round(confidence, 2))


_POSTED_IN = ("记者", "特派员", "首席代表", "代表")  # a reporter *in* Beijing; an ambassador *to* China


@lru_cache(maxsize=1)
def _place_abbreviations() -> dict[str, str]:
    return {row["zh"]: row["en"] for row in lexicons.lexicon("place_abbreviations.tsv")}


def _mission_label(name: str) -> EnglishLabel | None:
    """驻华大使 -> Ambassador to China, 驻京记者 -> Reporter in Beijing: the post, then where
    it is (a one-character abbreviation, a place, or an international body)."""
    abbreviations = _place_abbreviations()
    for cut in range(2, len(name)):
        where, post = name[1:cut], name[cut:]
        post_label = _role_label(post)
        if post_label.confidence < 0.8:
            continue  # not a known post (国总领事 would be read with a made-up field "Guo")
        body = lexicons.organization(where)
        place = abbreviations.get(where) or (body.en if body else None)
        if place is None:
            label = _place_label(where)
            if label.method != "lexicon":
                continue
            place = label.text
        if body and not place.startswith("the "):
            place = "the " + place
        preposition = "in" if post.endswith(_POSTED_IN) and not body else "to"
        return EnglishLabel(f"{post_label.text} {preposition} {place}", "composed",
                            round(min(0.9, post_label.confidence), 2))
    return None


def _title_domain(text: str) -> tuple[str, float]:
    """The field before a head title (XR产品市场 -> XR Product Marketing): title domain
    words and curated words by longest match, else the general composer."""
    vocabulary = {**lexicons.words(), **lexicons.title_domains()}
    out: list[str] = []
    i = 0
    while i < len(text):
        latin = _LATIN.match(text, i)
        if latin:
            out.append(latin.group())
            i = latin.end()
            continue
        j = next((j for j in range(min(len(text), i + 6), i, -1) if text[i:j] in vocabulary), 0)
        if not j:
            return _translate(text, brand=False)
        out.append(vocabulary[text[i:j]])
        i = j
    return " ".join(out), 1.0


def _join(words: list[str]) -> str:
    return " ".join(w for w in words if w)


# --------------------------------------------------------------------------- technologies


def _tech_label(name: str) -> EnglishLabel:
    known = lexicons.technologies().get(name)
    if known:
        return EnglishLabel(known, "lexicon", 0.95)
    word = lexicons.words().get(name)
    if word:
        return EnglishLabel(_concept_case(word), "lexicon", 0.85)
    found = dictionary.gloss(name)
    if found:
        return EnglishLabel(found, "dictionary", 0.7)
    narrowed = _narrowed_tech(name)
    return narrowed or _fallback(name, title=False)


_GENERATION = re.compile(r"第([一二三四五六七八九十])代")
_ORDINAL_EN = dict(zip("一二三四五六七八九十", ("first", "second", "third", "fourth", "fifth", "sixth",
                                              "seventh", "eighth", "ninth", "tenth")))


def _narrowed_tech(name: str) -> EnglishLabel | None:
    """手术机器人 -> operation robot, 第三代半导体 -> third-generation semiconductor: the
    English of the known concept the term ends with, after its modifier's."""
    concepts = lexicons.technologies()
    head = max((name[i:] for i in range(1, len(name)) if name[i:] in concepts), key=len, default=None)
    if head is None:
        return None
    modifier = name[:-len(head)]
    generation = _GENERATION.fullmatch(modifier)
    if generation:
        english, confidence = f"{_ORDINAL_EN[generation[1]]}-generation", 0.85
    elif dictionary.gloss(modifier):
        english, confidence = dictionary.gloss(modifier), 0.7
    else:
        english, confidence = _translate(modifier, brand=False)
        confidence *= 0.8
    return EnglishLabel(_concept_case(f"{english} {concepts[head]}"), "composed", round(confidence, 2))


def _concept_case(text: str) -> str:
    """Concepts are common nouns: lower-case words whose only capital is the first letter."""
    return " ".join(w if sum(c.isupper() for c in w) > 1 or any(c.isdigit() for c in w) else w.lower()
                    for w in text.split())


def _fallback(name: str, *, title: bool) -> EnglishLabel:
    text, confidence = _translate(name, brand=False)
    if not title:
        text = _concept_case(text)
    return EnglishLabel(text, "composed", round(confidence * 0.8, 2))


# --------------------------------------------------------------------------- reverse lookup


def english_key(text: str) -> str:
    """Comparison key for English names: case, punctuation, 'the' and '&' do not count."""
    text = unicodedata.normalize("NFKD", text).lower().replace("&", " and ")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))  # ü -> u, ā -> a
    text = re.sub(r"[^a-z0-9]+", " ", text)
    words = [w for w in text.split() if w != "the"]
    return " ".join(words)


def english_matches(zh: str, en: str, type: EntityType) -> bool:
    """True when the English name ``en`` names the Chinese ``zh``: by the lexicon, or
    because it is the English label kg makes for ``zh`` (Sun Mingyuan / 孙明远, Lü / Lv / Lu
    alike; Department of Information Technology Development / 信息技术发展司)."""
    key = english_key(en)
    if type is EntityType.PERSON:
        return key in {english_key(person_name_en(zh, v=v)) for v in ("ü", "v")}
    if normalise(zh) in chinese_candidates(en, type):
        return True
    return key == english_key(english_label(zh, type).text)


def chinese_candidates(en: str, type: EntityType) -> list[str]:
    """Chinese names whose established English name (or English abbreviation) is ``en``:
    ``"Tsinghua University"`` -> ``["清华大学"]``. Persons give [] (match them by pinyin)."""
    if type is EntityType.PERSON:
        return []
    return list(lexicons.reverse_index(type.value).get(english_key(en), ()))


