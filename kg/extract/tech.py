"""TECH mentions: the SKOS technology scheme (``technologies.tsv``) matched longest
first — which also splits runs whose separators were lost in scraping
(数字孪生区块链人工智能 → three concepts) — plus discovery of terms outside it:
unknown acronyms followed by a technology head or term (GIS平台, CRISPR基因编辑) or in
brackets after a technology (数字孪生（DT）), unknown terms named as a
technology in a list or after a verb of use (、存算一体技术, 利用深度伪造技术), and narrower
devices and materials named by a word before a known one (手术机器人, 第三代半导体)."""
from __future__ import annotations

import re
from functools import lru_cache

from collections.abc import Sequence

from kg.extract import lexicons
from kg.extract.orgs import dictionary_tags
from kg.model import EntityType, Mention, Sentence, Token

HEADS = ("技术", "引擎", "平台", "模型", "网络", "系统", "算法", "芯片")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    known = lexicons.alternation(lexicons.tech_surface_forms())
    heads = "|".join(HEADS)
    # An unknown acronym counts only with a technology head after it (GIS平台).
    unknown = rf"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{{1,5}}(?=(?:{heads})|(?=[\u4e00-\u9fff])(?:{known}))"  # GIS平台, CRISPR基因编辑
    # an unknown term named as a technology in a list or after a preposition:
    # 、存算一体技术 / 在感知避障技术 (the head itself is not part of the name)
    # (what follows 技术 must end the term: punctuation, a coordinator, or a verb's helper
    # such as 在/已/将 — not a noun, which would make 技术人员, 技术标准 one word)
    listed = r"(?<=[、，,和与及在对])(?![以将把用从为])[\u4e00-\u9fff]{3,6}?(?=技术(?:[、，,。；;和与及等的在已将被是可也还都正]|$))"
    return re.compile(rf"(?P<known>{known})|(?P<unknown>{unknown})|(?P<listed>{listed})")


def find_technologies(text: str, sentences: Sequence[Sentence] = ()) -> list[Mention]:
    """TECH mentions; with the text's ``sentences`` (jieba tokens), also the terms found
    through the words around them (compounds, terms after a verb of use)."""
    out = _from_patterns(text)
    out += _bracketed_acronyms(text, out)
    if sentences:
        tokens = [t for s in sentences for t in s.tokens]
        out = _narrowed(out, tokens)
        out += _named_after_verb(text, tokens, out)
    return sorted(out, key=lambda m: m.start)


_BRACKETED_ACRONYM = re.compile(r"[（(]([A-Z][A-Za-z0-9]{1,7})[)）]")


def _bracketed_acronyms(text: str, found: list[Mention]) -> list[Mention]:
    """碳捕集利用与封存（CCUS）: an acronym in brackets right after a technology is its short name."""
    ends = {m.end for m in found}
    out = []
    for m in _BRACKETED_ACRONYM.finditer(text):
        if m.start() in ends and not any(f.start <= m.start(1) < f.end for f in found):
            out.append(Mention(EntityType.TECH, m.start(1), m.end(1), m.group(1), 0.6, "tech-acronym+bracket"))
    return out


def _from_patterns(text: str) -> list[Mention]:
    out = []
    for m in _pattern().finditer(text):
        s, e = m.span()
        surface = m.group(0)
        if m.lastgroup == "known":
            if surface.isascii() and _inside_ascii_word(text, s, e):
                continue
            norm = lexicons.tech_surface_forms()[surface]
            out.append(Mention(EntityType.TECH, s, e, surface, 0.9, "tech-lexicon", norm=norm))
        elif m.lastgroup == "unknown":
            out.append(Mention(EntityType.TECH, s, e, surface, 0.6, "tech-acronym+head"))
        elif not _generic(surface):
            out.append(Mention(EntityType.TECH, s, e, surface, 0.5, "tech-listed+head"))
    return out


# jieba's tags for words that can narrow a device (its tags of unknown words are rough:
# 植保 comes out nr, so names count too)
_MODIFIER_TAGS = {None, "n", "nz", "vn", "b", "ng", "an", "j", "eng", "nr"}
_FUNCTION_TAGS = {"p", "c", "u", "uj", "ul", "r", "m", "q", "d", "f", "t", "y", "e", "o"}
_GENERATION = re.compile(r"第[一二三四五六七八九十0-9]+代")


def _narrowed(found: list[Mention], tokens: Sequence[Token]) -> list[Mention]:
    """手术|机器人, 超导|量子芯片, 第三代|半导体: a device or material (a concept ending in a
    ``tech_compound_head`` of cues.tsv) narrowed by the noun or unknown word right before it
    is one, more specific technology. Qualifiers (传统, 国产, 该), places and reduplicated
    verbs (谈谈) do not narrow it."""
    heads = lexicons.cues()["tech_compound_head"]
    generic = lexicons.cues()["not_a_technology"] | lexicons.cues()["tech_named_after"]  # 布局|芯片
    tags = dictionary_tags()
    ending = {t.end: t for t in tokens}
    starts = {t.start for t in tokens}
    out: list[Mention] = []
    for m in found:
        word = ending.get(m.start)
        if m.norm.endswith(tuple(heads)) and m.start in starts and word is not None and len(word.text) <= 3 \
                and word.text not in generic and word.text.isalpha() and not _reduplicated(word.text) \
                and (tags.get(word.text) in _MODIFIER_TAGS or _GENERATION.fullmatch(word.text)):
            if out and out[-1].start == word.start:
                out.pop()  # 多模态|大模型: a known term narrowing another is part of the compound
            m = Mention(EntityType.TECH, word.start, m.end, word.text + m.text, 0.7, "tech-lexicon+modifier")
        out.append(m)
    return out


_NAME_TAGS = {None, "nr", "nrt", "nz", "ns", "nt"}


def names_a_company(m: Mention, tokens: Sequence[Token], title_starts: set[int]) -> bool:
    """澜图机器人|创始人: a device narrowed by a name (a word no dictionary knows, or a proper
    name) right before a post is the company named after its product, not a technology
    (手术机器人 narrowed by an ordinary word stays one)."""
    if not (m.method.endswith("+modifier") and m.end in title_starts):
        return False
    first = next((t.text for t in tokens if t.start == m.start), None)
    return first is not None and dictionary_tags().get(first) in _NAME_TAGS


def _named_after_verb(text: str, tokens: Sequence[Token], found: list[Mention]) -> list[Mention]:
    """利用|深度|伪造|技术, 采用|虚拟|拍摄|技术: the words between a verb of use and 技术 name a
    technology when they are two to six characters of content words."""
    verbs = lexicons.cues()["tech_named_after"]
    tags = dictionary_tags()
    taken = {i for m in found for i in range(m.start, m.end)}
    out = []
    for i, verb in enumerate(tokens):
        if verb.text not in verbs:
            continue
        j = next((j for j in range(i + 2, min(i + 9, len(tokens))) if tokens[j].text == "技术"), None)
        if j is None or tokens[i + 1].start != verb.end or tokens[j - 1].text in _COORDINATORS:
            continue
        part: list[Token] = []
        for word in [*tokens[i + 1:j], None]:  # 使用|虚拟|拍摄|和|动作|捕捉|技术: one term per part
            if word is not None and word.text not in _COORDINATORS:
                part.append(word)
                continue
            start, end = (part[0].start, part[-1].end) if part else (0, 0)
            term = text[start:end]
            if 2 <= len(term) <= 6 and not _generic(term) \
                    and all((tags.get(w.text) not in _FUNCTION_TAGS or _GENERATION.fullmatch(w.text))
                            and w.text.isalpha() for w in part) \
                    and not any(k in taken for k in range(start, end)):
                out.append(Mention(EntityType.TECH, start, end, term, 0.5, "tech-named+head"))
            part = []
    return out


_COORDINATORS = {"和", "与", "及", "、", "以及"}


def _reduplicated(word: str) -> bool:
    return len(word) == 2 and word[0] == word[1]  # 谈谈, 看看


def _inside_ascii_word(text: str, s: int, e: int) -> bool:
    """'AI' inside 'MAIL' or 'CPS' inside 'CPSX' is not the acronym."""
    return (s > 0 and text[s - 1].isascii() and text[s - 1].isalnum()) or \
        (e < len(text) and text[e].isascii() and text[e].isalpha())


def _generic(term: str) -> bool:
    """关键技术, 这项技术, 数字技术: a qualifier, not the name of a technology."""
    generic = lexicons.cues()["not_a_technology"]
    return term in generic or any((term.startswith(g) and len(term) - len(g) < 2) or term.endswith(g)
                                  for g in generic)  # 关键技术; 借助新技术
