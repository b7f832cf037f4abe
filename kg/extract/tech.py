"""TECH mentions: the SKOS technology scheme (``technologies.tsv``) matched longest
first — which also splits runs whose separators were lost in scraping
(数字孪生区块链人工智能 → three concepts) — plus discovery of terms outside it:
unknown acronyms followed by a technology head (GIS平台), and unknown terms named as a
technology in a list (、存算一体技术 → 存算一体)."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import lexicons
from kg.model import EntityType, Mention

HEADS = ("技术", "引擎", "平台", "模型", "网络", "系统", "算法", "芯片")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    known = lexicons.alternation(lexicons.tech_surface_forms())
    heads = "|".join(HEADS)
    # An unknown acronym counts only with a technology head after it (GIS平台).
    unknown = rf"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{{1,5}}(?=(?:{heads}))"
    # an unknown term named as a technology in a list or after a preposition:
    # 、存算一体技术 / 在感知避障技术 (the head itself is not part of the name)
    listed = r"(?<=[、，,和与及在对])(?![以将把用从为])[\u4e00-\u9fff]{3,6}?(?=技术(?:[、，,。；;和与及等的]|$))"
    return re.compile(rf"(?P<known>{known})|(?P<unknown>{unknown})|(?P<listed>{listed})")


def find_technologies(text: str) -> list[Mention]:
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


def _inside_ascii_word(text: str, s: int, e: int) -> bool:
    """'AI' inside 'MAIL' or 'CPS' inside 'CPSX' is not the acronym."""
    return (s > 0 and text[s - 1].isascii() and text[s - 1].isalnum()) or \
        (e < len(text) and text[e].isascii() and text[e].isalpha())


def _generic(term: str) -> bool:
    """关键技术, 这项技术, 数字技术: a qualifier, not the name of a technology."""
    generic = lexicons.cues()["not_a_technology"]
    return term in generic or any(term.startswith(g) and len(term) - len(g) < 2 for g in generic)
