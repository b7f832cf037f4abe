"""English-input extraction: the same kinds of mentions and relations as the Chinese
pipeline, from spaCy pieces that work offline (blank English tokenizer, sentencizer,
rule-based entity ruler). Patterns come from the bilingual lexicons (organizations,
titles, technologies, places) plus general shapes of English names (``… University``,
``Ministry of …``, ``… Co., Ltd.``); persons are pinyin names (``Zhang Yifu``) or
capitalised names after a title or honorific (``Professor Zhu Feng``, ``Mr. Luo``)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.bilingual import lexicons
from kg.bilingual.english import chinese_candidates
from kg.bilingual.pinyin import surname_spellings, syllables
from kg.errors import KgError
from kg.model import Analysis, Document, EntityType, Mention, Predicate, Relation, Sentence, Token

_ORG_HEADS = (
    "University", "Institute", "Institutes", "College", "Academy", "Association", "Federation",
    "Group", "Corporation", "Company", "Laboratory", "Lab", "Center", "Centre", "Commission",
    "Committee", "Bureau", "Agency", "Organization", "Organisation", "Alliance", "Society",
    "Council", "Ministry", "Department", "Administration", "Office", "Division", "Bank",
    "Hospital", "School", "Foundation", "Holdings", "Inc.", "Limited", "Ltd.", "Section",
    "Team", "Consortium", "Forum",
)
_CAP = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’&\-]*|[0-9]+[A-Za-z]+|[A-Z]{2,}[0-9]*)$"}}
_ROLE_MODIFIERS = ("deputy", "vice", "executive deputy", "executive vice", "executive", "chief",
                   "senior", "associate", "assistant", "honorary", "acting", "co-", "first deputy")
_HONORIFICS = {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "prof", "prof.", "madam", "miss", "sir"}
_FUNCTION_WORDS = {"and", "of", "the", "for", "in", "&", "to", "on"}
_STOP_CAPS = {"The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "By", "For",
              "And", "But", "He", "She", "They", "It", "We", "I", "His", "Her", "Their", "Its"}
_SPEECH = re.compile(r"\b(said|says|spoke|speaking|introduced|presented|discussed|explained|noted|"
                     r"shared|talked|described|outlined|stressed|emphasi[sz]ed|addressed)\b", re.I)
_PROPER_WORD = re.compile(r"^[A-Z][a-zü'’]+(?:-[A-Za-z][a-zü]+)?$")


@dataclass(frozen=True)
class _Found:
    type: EntityType
    start: int  # token index
    end: int
    confidence: float
    method: str


def analyse_english(document: Document) -> Analysis:
    """Sentences, mentions (PERSON/ORG/ROLE/TECH/PLACE) and relations of one English document."""
    try:
        doc = _nlp()(document.text)
        found = _given_names_not_places(doc, _entities(doc))
        found += _persons(doc, found)
        found.sort(key=lambda f: (f.start, f.end))
        mentions = [_mention(doc, f) for f in found]
        relations = _relations(document.text, mentions)
    except KgError:
        raise
    except Exception as exc:  # a defect: name the document so it can be reproduced
        raise KgError(f"{document.path or document.id}: English extraction failed: {exc!r}") from exc
    return Analysis(document, _sentences(doc), mentions, relations)


# --------------------------------------------------------------------------- pipeline


@lru_cache(maxsize=1)
def _nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.max_length = 20_000_000  # no parser or NER model: long documents cost only time
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"validate": False})
    ruler.add_patterns(_patterns(nlp))
    return nlp


def _tokens(nlp: Language, phrase: str) -> list[str]:
    return [t.text for t in nlp.make_doc(phrase)]


def _exact(nlp: Language, label: str, phrase: str, *, case: bool, pattern_id: str) -> dict:
    attr = "ORTH" if case else "LOWER"
    words = _tokens(nlp, phrase)
    return {"label": label, "id": pattern_id,
            "pattern": [{attr: w if case else w.lower()} for w in words]}


def _is_abbreviation(text: str) -> bool:
    return len(text) <= 6 or sum(c.isupper() for c in text) > len(text) // 2


def _patterns(nlp: Language) -> list[dict]:
    patterns: list[dict] = []
    for org in dict.fromkeys(lexicons.organization(k) for k in _org_keys()):
        patterns.append(_exact(nlp, "ORG", org.en, case=False, pattern_id="lexicon"))
        patterns += [_exact(nlp, "ORG", a, case=_is_abbreviation(a), pattern_id="lexicon")
                     for a in org.en_aliases]
    for place in dict.fromkeys(lexicons.places().values()):
        patterns.append(_exact(nlp, "PLACE", place.en, case=True, pattern_id="lexicon"))
    for zh, en in lexicons.technologies().items():
        if zh.isascii():
            patterns.append(_exact(nlp, "TECH", zh, case=True, pattern_id="lexicon"))
        patterns.append(_exact(nlp, "TECH", en, case=en.isupper(), pattern_id="lexicon"))
        if not en.isupper() and not en.endswith("s"):  # plural: large language models
            patterns.append(_exact(nlp, "TECH", en + "s", case=False, pattern_id="lexicon"))
    patterns += _role_patterns(nlp)
    patterns += _org_shapes()
    return patterns


def _org_keys() -> list[str]:
    return [row["zh"] for row in lexicons.lexicon("organizations.tsv")]


def _role_patterns(nlp: Language) -> list[dict]:
    bases = {en for en in lexicons.titles().values()} | {p.en for p in lexicons.title_bases()}
    fields = sorted({w.lower() for en in lexicons.title_domains().values() for w in en.split()})
    content = [w for w in fields if w not in _FUNCTION_WORDS]  # a field starts with a content word
    patterns = [_exact(nlp, "ROLE", abbreviation, case=True, pattern_id="lexicon")
                for abbreviation in lexicons.title_abbreviations()]
    for base in sorted(bases):
        words = [{"LOWER": w.lower()} for w in _tokens(nlp, base)]
        patterns.append({"label": "ROLE", "id": "lexicon", "pattern": words})
        for modifier in _ROLE_MODIFIERS:
            phrase = f"{modifier}{base}" if modifier.endswith("-") else f"{modifier} {base}"
            patterns.append(_exact(nlp, "ROLE", phrase, case=False, pattern_id="composed"))
        field = [{"TEXT": {"REGEX": r"^[A-Z0-9]{2,4}$"}, "OP": "?"}, {"LOWER": {"IN": content}},
                 {"LOWER": {"IN": fields}, "OP": "*"}]  # not "and chief executive officer"
        patterns.append({"label": "ROLE", "id": "composed", "pattern": field + words})
    return patterns


def _org_shapes() -> list[dict]:
    head = {"ORTH": {"IN": list(_ORG_HEADS)}}
    bracket = [{"ORTH": "("}, _CAP, {"ORTH": ")"}]
    company_end = [{"ORTH": "Co."}, {"ORTH": ",", "OP": "?"}, {"ORTH": {"IN": ["Ltd.", "Ltd", "Limited"]}}]
    inner = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’&\-]*|and|of|&|for|on|[0-9]+[A-Za-z]*)$"}, "OP": "*"}
    return [
        {"label": "ORG", "id": "shape", "pattern": [_CAP, {**_CAP, "OP": "*"}, head]},
        {"label": "ORG", "id": "shape", "pattern": [{**_CAP, "OP": "*"}, head, {"LOWER": "of"}, inner, _CAP]},
        {"label": "ORG", "id": "shape", "pattern": [_CAP, {**_CAP, "OP": "*"}, *company_end]},
        {"label": "ORG", "id": "shape", "pattern": [_CAP, {**_CAP, "OP": "*"}, *bracket, {**_CAP, "OP": "*"},
                                                    *company_end]},
    ]


# --------------------------------------------------------------------------- mentions


def _entities(doc: Doc) -> list[_Found]:
    found = []
    for ent in doc.ents:
        start = ent.start
        while start < ent.end - 1 and (doc[start].text in _STOP_CAPS or doc[start].lower_ in _HONORIFICS):
            start += 1
        method = ent.ent_id_ or "shape"
        confidence = {"lexicon": 0.95, "composed": 0.85}.get(method, 0.75)
        if ent.label_ == "ORG" and all(t.text in _ORG_HEADS for t in doc[start:ent.end]):
            continue  # "The Group said": a bare head word names nothing
        if ent.label_ == "ORG":
            found += _split_known_tail(doc, _Found(EntityType.ORG, start, ent.end, confidence, f"en-{method}"))
        else:
            found.append(_Found(EntityType(ent.label_), start, ent.end, confidence, f"en-{method}"))
    return found


def _given_names_not_places(doc: Doc, found: list[_Found]) -> list[_Found]:
    """Professor Luo Qingyang: a one-word place (Qingyang is a city) right after a surname
    is the given name of a person."""
    return [f for f in found if not (f.type is EntityType.PLACE and f.end - f.start == 1 and f.start > 0
                                     and doc[f.start - 1].lower_ in surname_spellings()
                                     and _PROPER_WORD.match(doc[f.start - 1].text)
                                     and _is_pinyin_word(doc[f.start].text))]


def _split_known_tail(doc: Doc, org: _Found) -> list[_Found]:
    """``Department of X of MIIT`` is a unit of a known organization, not one name: split
    it at the last ``of`` whose tail the lexicon knows (unless it knows the whole name)."""
    if chinese_candidates(doc[org.start:org.end].text, EntityType.ORG):
        return [org]
    for i in range(org.end - 2, org.start, -1):
        if doc[i].lower_ != "of":
            continue
        tail = i + 1 + (doc[i + 1].lower_ == "the")
        if tail < org.end and chinese_candidates(doc[tail:org.end].text, EntityType.ORG):
            return [_Found(EntityType.ORG, org.start, i, org.confidence, org.method),
                    _Found(EntityType.ORG, tail, org.end, 0.95, "en-lexicon")]
    return [org]


def _is_pinyin_word(word: str) -> bool:
    """True for one to three pinyin syllables: Yifu, Xiaoxiao, Jia'en."""
    plain = word.lower().replace("’", "'").replace("-", "'")  # Yi-fu as written in Hong Kong style
    return all(_splits(part, 3) for part in plain.split("'")) and plain.count("'") <= 2


def _splits(text: str, most: int) -> bool:
    if not text:
        return True
    if most == 0:
        return False
    return any(text[:n] in syllables() and _splits(text[n:], most - 1) for n in range(min(6, len(text)), 0, -1))


def _persons(doc: Doc, found: Sequence[_Found]) -> list[_Found]:
    taken = set()
    for f in found:
        taken |= set(range(f.start, f.end))
    roles_end = {f.end for f in found if f.type is EntityType.ROLE}
    persons = []
    i = 0
    while i < len(doc):
        cued = i in roles_end or (i > 0 and doc[i - 1].lower_ in _HONORIFICS)
        n = _name_length(doc, i, taken, cued)
        if n:
            persons.append(_Found(EntityType.PERSON, i, i + n, 0.85 if cued else 0.75,
                                  "en-title-name" if cued else "en-pinyin-name"))
            i += n
        else:
            i += 1
    return persons


def _name_length(doc: Doc, i: int, taken: set[int], cued: bool) -> int:
    """Tokens of a person name starting at token i (0 when there is none)."""
    words: list[tuple[str, int]] = []  # (word, tokens it spans): Yi-fu is three tokens
    j = i
    while j < len(doc) and len(words) < 3:
        size = 3 if _hyphenated(doc, j) else 1
        word = doc[j:j + size].text
        if any(k in taken for k in range(j, j + size)) or not _PROPER_WORD.match(word) or word in _STOP_CAPS:
            break
        words.append((word, size))
        j += size
    if len(words) >= 2 and words[0][0].lower() in surname_spellings() and _is_pinyin_word(words[1][0]):
        return words[0][1] + words[1][1]
    if cued and words:
        return sum(size for _, size in words)
    return 0


def _hyphenated(doc: Doc, j: int) -> bool:
    return (j + 2 < len(doc) and not doc[j].whitespace_ and doc[j + 1].text == "-"
            and not doc[j + 1].whitespace_ and doc[j + 2].is_alpha)


def _mention(doc: Doc, f: _Found) -> Mention:
    span: Span = doc[f.start:f.end]
    candidates = chinese_candidates(span.text, f.type)
    if len(candidates) != 1:
        return Mention(f.type, span.start_char, span.end_char, span.text, f.confidence, f.method)
    return Mention(f.type, span.start_char, span.end_char, span.text, max(f.confidence, 0.95),
                   "en-lexicon", norm=candidates[0])


def _sentences(doc: Doc) -> list[Sentence]:
    return [Sentence(s.start_char, s.end_char,
                     tuple(Token(t.text, t.idx, t.idx + len(t.text)) for t in s)) for s in doc.sents]


# --------------------------------------------------------------------------- relations

_OF = re.compile(r"^\s*,?\s+(?:of|at|from|with|for)\s+(?:the\s+)?$", re.I)
_APPOSITION = re.compile(r"^\s*(?:,|\(|\bis\b|\bwas\b|\bserves as\b|\bserved as\b|\bbecame\b)\s*"
                         r"(?:(?:the|a|an|its|his|her|their|our)\s+)?(?:\w+['’]s\s+)?$", re.I)
_POSSESSIVE = re.compile(r"^\s*(?:['’]s)?\s*$")
_UNDER = re.compile(r"^\s*,?\s+(?:of|under|at)\s+(?:the\s+)?$", re.I)


def _relations(text: str, mentions: Sequence[Mention]) -> list[Relation]:
    relations: list[Relation] = []
    for i, m in enumerate(mentions):
        if m.type is EntityType.PERSON:
            relations += _posts(text, mentions, i)
        elif m.type is EntityType.ORG and i + 1 < len(mentions):
            nxt = mentions[i + 1]
            if nxt.type is EntityType.ORG and _UNDER.match(text[m.end:nxt.start]):
                relations.append(Relation(Predicate.SUB_ORGANIZATION_OF, i, i + 1, 0.8, "en-of"))
    relations += _talks_about(text, mentions)
    return list(dict.fromkeys(relations))


_TITLE_JOINER = re.compile(r"^\s*(?:,\s*)?(?:and|&)?\s*$")


def _gap(text: str, mentions: Sequence[Mention], a: int, b: int) -> str:
    return text[mentions[a].end:mentions[b].start]


def _posts(text: str, mentions: Sequence[Mention], p: int) -> list[Relation]:
    """``X, title of Y`` / ``title X of Y`` / ``Y's title X`` / ``Y title X``."""
    n = len(mentions)

    def is_type(i: int, t: EntityType) -> bool:
        return 0 <= i < n and mentions[i].type is t

    # X, title (and title …) (of Y)
    if is_type(p + 1, EntityType.ROLE) and _APPOSITION.match(_gap(text, mentions, p, p + 1)):
        last = p + 1
        while is_type(last + 1, EntityType.ROLE) and _TITLE_JOINER.match(_gap(text, mentions, last, last + 1)):
            last += 1  # Pang Han, chairman and chief executive officer of …
        org = last + 1 if is_type(last + 1, EntityType.ORG) and _OF.match(_gap(text, mentions, last, last + 1)) else None
        return [Relation(Predicate.HOLDS_POST, p, r, 0.8, "en-apposition", context=org) for r in range(p + 1, last + 1)]
    # title X (of Y), Y('s) title X
    if is_type(p - 1, EntityType.ROLE) and not text[mentions[p - 1].end:mentions[p].start].strip():
        org = None
        if is_type(p + 1, EntityType.ORG) and _OF.match(_gap(text, mentions, p, p + 1)):
            org = p + 1
        elif is_type(p - 2, EntityType.ORG) and _POSSESSIVE.match(_gap(text, mentions, p - 2, p - 1)):
            org = p - 2
        return [Relation(Predicate.HOLDS_POST, p, p - 1, 0.8, "en-title-name", context=org)]
    return []


def _talks_about(text: str, mentions: Sequence[Mention]) -> list[Relation]:
    out = []
    speaker = None
    for i, m in enumerate(mentions):
        if m.type is EntityType.PERSON:
            speaker = i
        elif m.type is EntityType.TECH and speaker is not None:
            between = text[mentions[speaker].end:m.start]
            if _SPEECH.search(between) and not re.search(r"[.!?]\s", between):
                out.append(Relation(Predicate.TALKS_ABOUT, speaker, i, 0.7, "en-speech"))
    return out
