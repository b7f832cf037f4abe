"""The bilingual layer: English labels for Chinese entities, pinyin person names,
traditional/simplified matching and the reverse (English -> Chinese) lookup used to
resolve one entity across languages. Data files load lazily, once, on first use."""
from __future__ import annotations

from kg.bilingual.english import EnglishLabel, addressed_person_en, chinese_candidates, english_key, english_label, english_matches
from kg.bilingual.pinyin import person_name_en, person_name_tones
from kg.bilingual.script import is_traditional, to_simplified

__all__ = [
    "addressed_person_en",
    "EnglishLabel",
    "chinese_candidates",
    "english_key",
    "english_label",
    "english_matches",
    "is_traditional",
    "person_name_en",
    "person_name_tones",
    "to_simplified",
]
