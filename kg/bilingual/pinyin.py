"""Chinese person names in pinyin: surname first, capitalised, given name as one word
(``Zhang Yifu``, ``Ouyang Xiu``). Surnames use their surname reading (单 Shan, 曾 Zeng);
given names go through pypinyin's phrase data so polyphonic characters read correctly."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from kg.bilingual.lexicons import lexicon
from kg.bilingual.script import to_simplified

_SEPARATORS = "·•‧・.．"
_VOWEL_INITIALS = "aoeāáǎàōóǒòēéěè"
_U_FORMS = {"ü": "ü", "v": "v", "u": "u"}


@dataclass(frozen=True)
class NameParts:
    """A name split into surname and given name (both in the input's characters)."""

    surname: str
    given: str


@lru_cache(maxsize=1)
def _surname_readings() -> dict[str, str]:
    return {row["zh"]: row["reading"] for row in lexicon("surname_readings.tsv")}


def split_name(zh: str) -> NameParts:
    """Split a Han name into surname and given name; a compound surname (欧阳, 司马)
    takes two characters, even when nothing follows it."""
    simple = to_simplified(zh)
    readings = _surname_readings()
    if len(simple) >= 2 and simple[:2] in readings:
        return NameParts(zh[:2], zh[2:])
    return NameParts(zh[:1], zh[1:])


def _is_han(text: str) -> bool:
    return bool(text) and all("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def _strip_tones(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn" or ch == "\u0308")
    return unicodedata.normalize("NFC", kept)


def _surname_syllables(surname: str, tones: bool) -> list[str]:
    reading = _surname_readings().get(to_simplified(surname))
    if reading is None:
        return _syllables(surname, tones)
    return [reading if tones else _strip_tones(reading)]


def _syllables(text: str, tones: bool) -> list[str]:
    style = Style.TONE if tones else Style.NORMAL
    return lazy_pinyin(text, style=style, v_to_u=True, errors="ignore")


def _word(syllables: list[str]) -> str:
    """Join syllables into one pinyin word, with the apostrophe before a/o/e syllables."""
    out = ""
    for i, syl in enumerate(syllables):
        if i and syl[:1] in _VOWEL_INITIALS:
            out += "'"
        out += syl
    return out[:1].upper() + out[1:]


def _apply_u(text: str, v: str) -> str:
    if v not in _U_FORMS:
        raise ValueError(f"v must be one of {sorted(_U_FORMS)}, not {v!r}")
    return text.replace("ü", _U_FORMS[v]).replace("Ü", _U_FORMS[v].upper())


def _romanise(zh: str, tones: bool) -> str:
    name = zh.strip()
    if not _is_han("".join(ch for ch in name if ch not in _SEPARATORS)):
        return name
    parts = [p for p in _split_on_separators(name) if p]
    if len(parts) > 1:  # transliterated (e.g. Uyghur) names: each part one word
        return " ".join(_word(_syllables(p, tones)) for p in parts)
    split = split_name(name)
    surname = _word(_surname_syllables(split.surname, tones))
    if not split.given:
        return surname
    return f"{surname} {_word(_syllables(split.given, tones))}"


def _split_on_separators(name: str) -> list[str]:
    for sep in _SEPARATORS:
        name = name.replace(sep, " ")
    return name.split()


def pinyin_word(zh: str) -> str:
    """Han text as one capitalised pinyin word (places, brands): 涿州 -> Zhuozhou, 西安 -> Xi'an."""
    return _word(_syllables(zh, tones=False))


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (ü written as v and as u), from pypinyin's data."""
    from pypinyin.pinyin_dict import pinyin_dict

    found: set[str] = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = _strip_tones(reading).lower()
            found |= {plain, plain.replace("ü", "v"), plain.replace("ü", "u")}
    return frozenset(found)


@lru_cache(maxsize=1)
def surname_spellings() -> frozenset[str]:
    """Pinyin spellings (lower case) of common and compound surnames: zhang, ouyang, lü/lv/lu."""
    from kg.schema import data_path

    rows = data_path("lexicons/surnames.tsv").read_text("utf-8").splitlines()
    surnames = [ln.split("\t")[0].strip() for ln in rows if ln.strip() and not ln.startswith("#")]
    names = [*surnames, *(zh for zh in _surname_readings() if len(zh) == 2)]
    found: set[str] = set()
    for zh in names:
        plain = person_name_en(zh).lower()
        found |= {plain, plain.replace("ü", "v"), plain.replace("ü", "u")}
    return frozenset(found)


def person_name_en(zh: str, *, v: str = "ü") -> str:
    """``孙明远`` -> ``Sun Mingyuan``; ``v`` chooses how ü is written (``ü``, ``v`` or ``u``).
    Text that is not Han characters is returned unchanged."""
    return _apply_u(_romanise(zh, tones=False), v)


def person_name_tones(zh: str) -> str:
    """``孙明远`` -> ``Sūn Míngyuǎn`` (for an ``@zh-Latn-pinyin`` label)."""
    return _romanise(zh, tones=True)
