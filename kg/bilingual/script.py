"""Traditional <-> simplified Chinese. Conversion keeps the text's length so every
offset computed on the simplified form points at the same characters of the original."""
from __future__ import annotations

from functools import lru_cache

from opencc import OpenCC


@lru_cache(maxsize=None)
def _converter(config: str) -> OpenCC:
    return OpenCC(config)


def to_simplified(text: str) -> str:
    """Simplified form of ``text``, same length, char-for-char aligned.

    OpenCC converts phrase-by-phrase (better for ambiguous characters); when a phrase
    rule would change the length we fall back to converting that text one char at a time.
    """
    converted = _converter("t2s").convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_simplify_char(ch) for ch in text)


@lru_cache(maxsize=None)
def _simplify_char(ch: str) -> str:
    out = _converter("t2s").convert(ch)
    return out if len(out) == 1 else ch


@lru_cache(maxsize=None)
def _traditional_only(ch: str) -> bool:
    return _converter("t2s").convert(ch) != ch


@lru_cache(maxsize=None)
def _simplified_only(ch: str) -> bool:
    return _converter("s2t").convert(ch) != ch and not _traditional_only(ch)


def is_traditional(text: str) -> bool:
    """True when the text has more characters that exist only in traditional script
    than characters that exist only in simplified script."""
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    trad = sum(_traditional_only(ch) for ch in han)
    simp = sum(_simplified_only(ch) for ch in han)
    return trad > simp
