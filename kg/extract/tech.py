"""TECH mentions: the SKOS technology scheme (``technologies.tsv``) matched longest
first — which also splits runs whose separators were lost in scraping
(数字孪生区块链人工智能 → three concepts) — plus discovery of terms outside it:
acronyms that the scheme knows as aliases, and unknown acronyms or scheme terms
followed by a technology head (GIS平台, 区块链技术 → 区块链)."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import lexicons
from kg.model import EntityType, Mention

HEADS = ("技术", "引擎", "平台", "模型", "网络", "系统", "算法", "芯片")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    forms = sorted(lexicons.tech_surface_forms(), key=len, reverse=True)
    known = "|".join(re.escape(f) for f in forms)
    heads = "|".join(HEADS)
    # An unknown acronym counts only with a technology head after it (GIS平台).
    unknown = rf"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{{1,5}}(?=(?:{heads}))"
    return re.compile(rf"(?P<known>{known})|(?P<unknown>{unknown})")


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
        else:
            out.append(Mention(EntityType.TECH, s, e, surface, 0.6, "tech-acronym+head"))
    return out


def _inside_ascii_word(text: str, s: int, e: int) -> bool:
    """'AI' inside 'MAIL' or 'CPS' inside 'CPSX' is not the acronym."""
    return (s > 0 and text[s - 1].isascii() and text[s - 1].isalnum()) or \
        (e < len(text) and text[e].isascii() and text[e].isalpha())
