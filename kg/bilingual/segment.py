"""Split a name body into pieces with English: curated words and places first, then
CC-CEDICT words, then pinyin — the cheapest cover wins, so known words are never broken
up into dictionary fragments (the source of word salad)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.bilingual import dictionary, lexicons
from kg.bilingual.pinyin import pinyin_word

_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+&.\-]*")
_MAX_WORD = 8
_COST = {"lexicon": 1.0, "latin": 1.0, "dictionary": 2.5, "pinyin": 4.0}


@dataclass(frozen=True)
class Piece:
    zh: str
    en: str
    source: str  # lexicon | latin | dictionary | pinyin | brand


def segment(text: str, *, brand: bool = False) -> list[Piece]:
    """Pieces covering ``text`` in order. With ``brand``, an unknown leading part (at least
    two characters) becomes one brand piece in pinyin when the rest is all known words."""
    if brand:
        start = _brand_end(text)
        if start:
            return [Piece(text[:start], brand_english(text[:start]), "brand")] + _cover(text[start:], True)
    return _merge_pinyin(_cover(text, False))


def brand_english(zh: str) -> str:
    """A brand's English: its established short name when the lexicon knows it, else pinyin."""
    known = lexicons.organization(zh)
    if known:
        return known.en_aliases[0] if known.en_aliases else known.en
    return brand_pinyin(zh)


def brand_pinyin(zh: str) -> str:
    """Brand names in pinyin, one word per two characters (星河炫彩 -> Xinghe Xuancai)."""
    if len(zh) <= 3 or not all("\u3400" <= ch <= "\u9fff" for ch in zh):
        return pinyin_word(zh) if any("\u3400" <= ch <= "\u9fff" for ch in zh) else zh
    chunks = [zh[i:i + 2] for i in range(0, len(zh), 2)]
    if len(chunks[-1]) == 1:
        chunks[-2:] = [chunks[-2] + chunks[-1]]
    return " ".join(pinyin_word(c) for c in chunks)


def _brand_end(text: str) -> int:
    if _cover(text, True) is not None:
        return 0
    for start in range(2, len(text) + 1):
        if start == len(text) or _cover(text[start:], True) is not None:
            return start
    return len(text)


def _candidates(text: str, i: int, known_only: bool) -> list[Piece]:
    found: list[Piece] = []
    latin = _LATIN.match(text, i)
    if latin:
        return [Piece(latin.group(), latin.group(), "latin")]
    if text[i].isspace() or not ("\u3400" <= text[i] <= "\u9fff"):
        return [Piece(text[i], "" if text[i].isspace() else text[i], "latin")]
    words, places = lexicons.vocabulary(), lexicons.places()
    for j in range(min(len(text), i + _MAX_WORD), i, -1):
        if known_only and j - i == 1:
            break  # a brand boundary never rests on a one-character word
        chunk = text[i:j]
        if chunk in words:
            found.append(Piece(chunk, words[chunk], "lexicon"))
        elif chunk in places:
            found.append(Piece(chunk, places[chunk].en, "lexicon"))
        elif not known_only and j - i >= 2:
            english = _dictionary_english(chunk)
            if english:
                found.append(Piece(chunk, english, "dictionary"))
    if not known_only:
        found.append(Piece(text[i], pinyin_word(text[i]), "pinyin"))
    return found


def _dictionary_english(chunk: str) -> str | None:
    """A dictionary gloss; a Chinese proper name glossed by its own pinyin plus a
    description (东直门 "Dongzhimen neighborhood of Beijing") keeps just the name."""
    english = dictionary.gloss(chunk)
    if english and english[:1].isupper():
        name = pinyin_word(chunk)
        first = english.split()[0]
        if first.lower().replace("'", "") == name.lower().replace("'", ""):
            return first
    return english


def _cover(text: str, known_only: bool) -> list[Piece] | None:
    """Cheapest cover of ``text`` by candidate pieces (dynamic programming), or None when
    ``known_only`` and some part is not a curated word."""
    best: list[tuple[float, list[Piece]] | None] = [None] * (len(text) + 1)
    best[0] = (0.0, [])
    for i in range(len(text)):
        if best[i] is None:
            continue
        cost, pieces = best[i]
        for piece in _candidates(text, i, known_only):
            j = i + len(piece.zh)
            total = cost + _COST.get(piece.source, 1.0)
            if best[j] is None or total < best[j][0]:
                best[j] = (total, pieces + [piece])
    return None if best[-1] is None else best[-1][1]


def _merge_pinyin(pieces: list[Piece] | None) -> list[Piece]:
    """Unknown characters read as one pinyin word, together with a short dictionary word
    next to them (输 + 出国 would be word salad: Shu Go Abroad)."""
    pieces = list(pieces or [])
    merged: list[Piece] = []
    i = 0
    while i < len(pieces):
        if pieces[i].source != "pinyin":
            merged.append(pieces[i])
            i += 1
            continue
        j = i
        while j < len(pieces) and pieces[j].source == "pinyin":
            j += 1
        start = i - 1 if merged and _short_gloss(merged[-1]) else i
        end = j + 1 if j < len(pieces) and _short_gloss(pieces[j]) else j
        if start < i:
            merged.pop()
        zh = "".join(p.zh for p in pieces[start:end])
        merged.append(Piece(zh, pinyin_word(zh), "pinyin"))
        i = end
    return merged


def _short_gloss(piece: Piece) -> bool:
    return piece.source == "dictionary" and len(piece.zh) <= 2
