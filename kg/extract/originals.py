"""Names in their own script, in brackets after the Chinese: 巴里·穆尼兹（Barry Munitz）,
国际足联（FIFA）. The bracketed original names the same person or organization, so it becomes a
mention of that entity (resolution then gives the entity that English label instead of
pinyin), and a learned span that ran on into the bracket (江德力（Charles) is cut before it.

A person's original needs a capital letter and some lower case (Barry Munitz, not blog, not
CEO); an organization's may be an acronym (FIFA) or words (Goldman Sachs).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from kg.model import EntityType, Mention

_ORIGINAL = re.compile(r"[（(]\s*([A-Za-z][A-Za-z .'’&\-]*[A-Za-z.])\s*[)）]")
_OPENING = re.compile(r"[（(]\s*[A-Za-z]")
_NAMED = (EntityType.PERSON, EntityType.ORG)


def add_originals(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with every bracketed original as a mention of the name before it; a
    mention the bracket overlapped (the tagger's guess at the Latin, or a span that ran into
    the bracket) gives way."""
    mentions = [_before_bracket(m) for m in mentions]
    originals = []
    for m in mentions:
        match = _ORIGINAL.match(text, m.end) if m.type in _NAMED else None
        if match and _names(m.type, match[1]):
            start, end = match.span(1)
            originals.append(Mention(m.type, start, end, match[1], m.confidence, "original", norm=m.key))
    if not originals:
        return list(mentions)
    covered = {i for o in originals for i in range(o.start, o.end)}
    kept = [m for m in mentions if not any(i in covered for i in range(m.start, m.end))]
    return sorted(kept + originals, key=lambda m: (m.start, m.end))


def _before_bracket(m: Mention) -> Mention:
    """江德力（Charles: a name does not run into the bracket that gives its original."""
    if m.type not in _NAMED:
        return m
    opening = _OPENING.search(m.text, 1)
    if opening is None:
        return m
    cut = opening.start()
    return Mention(m.type, m.start, m.start + cut, m.text[:cut], m.confidence, m.method, norm=m.norm)


def _names(kind: EntityType, latin: str) -> bool:
    letters = [c for c in latin if c.isalpha()]
    if kind is EntityType.ORG:
        return len(letters) >= 2
    return any(c.isupper() for c in letters) and any(c.islower() for c in letters) and len(letters) >= 3
