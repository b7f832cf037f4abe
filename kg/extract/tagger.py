"""Learned PERSON / ORG / PLACE tagger: a character CRF over jieba word-boundary and lexicon features.

Names and organisations appear in every genre, often with no title next to them, so the grammar
alone misses them. A character CRF trained on Universal NER Chinese (see ``kg/models/README.md``)
gives recall cheaply. It reuses the pipeline's segmentation (the ``Sentence`` tokens) instead of
segmenting again; ``tag_text`` segments by itself for evaluation and tests.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Sequence

from kg.errors import ModelError
from kg.model import EntityType, Mention, Sentence, Token

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_MODEL = Path(__file__).parents[1] / "models" / "tagger.crfsuite"
METHOD = "crf"

_LABEL_TYPES = {"PER": EntityType.PERSON, "ORG": EntityType.ORG, "LOC": EntityType.PLACE}
_SENTENCE_END = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)]*|\n|$)")
_ENTITY_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "j"}
_NAME_TAGS = {"nr", "nrt", "nrfg", "ns"}
FREQUENT_CHAR = 20000  # jieba frequency above which a character is an everyday word of its own


@dataclass(frozen=True)
class TaggerLexicon:
    """General vocabulary the features consult: surnames, name-ending words, titles, the
    jieba dictionary (a word missing from it was guessed by the HMM, often a name), the
    CC-CEDICT gazetteers and the characters that transliterate foreign names."""

    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    org_suffixes: frozenset[str]
    place_suffixes: frozenset[str]
    titles: frozenset[str]
    dictionary: dict[str, str]  # jieba dictionary word -> its POS tag
    frequency: dict[str, int]  # jieba dictionary word -> its frequency
    ordinary: frozenset[str]  # jieba name words that CC-CEDICT knows only as ordinary words
    gazetteer: dict[str, str]  # CC-CEDICT proper name -> PER / ORG / LOC
    transliteration: frozenset[str]  # characters that spell foreign names (基, 里, 科 ...)

    @cached_property
    def suffix_lengths(self) -> tuple[int, ...]:
        """The lengths of organisation and place suffixes, shortest first."""
        return tuple(sorted({len(w) for w in self.org_suffixes | self.place_suffixes}))

    @cached_property
    def frequent_chars(self) -> frozenset[str]:
        """Characters the jieba dictionary counts as frequent words of their own (的, 和, 在)."""
        return frozenset(w for w, f in self.frequency.items() if len(w) == 1 and f > FREQUENT_CHAR)

    @cached_property
    def max_title(self) -> int:
        return max(len(w) for w in self.titles)

    @cached_property
    def gazetteer_lengths(self) -> dict[str, tuple[int, ...]]:
        """First character -> the lengths of gazetteer names starting with it, longest first."""
        lengths: dict[str, set[int]] = {}
        for word in self.gazetteer:
            lengths.setdefault(word[0], set()).add(len(word))
        return {c: tuple(sorted(ks, reverse=True)) for c, ks in lengths.items()}


def _read_words(name: str) -> frozenset[str]:
    path = DATA_DIR / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelError(f"tagger lexicon {path} cannot be read: {exc}") from exc
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def _gazetteer() -> dict[str, str]:
    """The CC-CEDICT name lists (``scripts/make_gazetteer.py``) as one name -> label map."""
    names: dict[str, str] = {}
    for label, kind in (("LOC", "place"), ("ORG", "org"), ("PER", "person")):
        names.update(dict.fromkeys(_read_words(f"gazetteer_{kind}.txt"), label))
    return names


def _jieba_dictionary() -> tuple[dict[str, str], dict[str, int]]:
    """The jieba dictionary as word -> POS tag and word -> frequency."""
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    try:
        fields = path.read_text(encoding="utf-8").split()
    except OSError as exc:
        raise ModelError(f"jieba dictionary {path} cannot be read: {exc}") from exc
    if len(fields) % 3:
        raise ModelError(f"jieba dictionary {path} is not 'word freq tag' lines")
    return dict(zip(fields[0::3], fields[2::3])), dict(zip(fields[0::3], map(int, fields[1::3])))


@cache
def default_lexicon() -> TaggerLexicon:
    """Load the lexicon files once per process (lazily: nothing is read at import time)."""
    surnames = _read_words("tagger_surnames.txt")
    dictionary, frequency = _jieba_dictionary()
    return TaggerLexicon(
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) > 1),
        org_suffixes=_read_words("tagger_org_suffixes.txt"),
        place_suffixes=_read_words("tagger_place_suffixes.txt"),
        titles=_read_words("tagger_titles.txt"),
        dictionary=dictionary,
        frequency=frequency,
        ordinary=_read_words("gazetteer_common.txt"),
        gazetteer=_gazetteer(),
        transliteration=frozenset("".join(_read_words("transliteration_chars.txt"))),
    )


def char_class(char: str) -> str:
    """Coarse script class of one character: han, latin, digit, punct or other."""
    code = ord(char)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FFFF:
        return "H"
    if char.isdigit():
        return "D"
    if char.isascii() and char.isalpha() or "\uff21" <= char <= "\uff5a":
        return "L"
    if char.isspace():
        return "S"
    if char in "·•・":
        return "M"  # the dot inside transliterated foreign names
    return "P" if not char.isalnum() else "O"


def _word_positions(length: int, words: Sequence[tuple[str, int, int]]) -> list[tuple[str, int]]:
    """For each character: (B/M/E/S position in its word or '-', index of that word or -1)."""
    positions: list[tuple[str, int]] = [("-", -1)] * length
    for index, (_, start, end) in enumerate(words):
        if end - start == 1:
            positions[start] = ("S", index)
            continue
        positions[start] = ("B", index)
        for i in range(start + 1, end - 1):
            positions[i] = ("M", index)
        positions[end - 1] = ("E", index)
    return positions


def _word_feature(word: str, lex: TaggerLexicon) -> str:
    """What the dictionary and lexicons say about a whole word; a word jieba tags as a name
    but CC-CEDICT knows only as an ordinary word (贺信, 关怀) is "cw", not a name tag."""
    if word in lex.titles:
        return "title"
    tag = lex.dictionary.get(word)
    if tag is None:
        return "oov" if len(word) > 1 else "oov1"
    if tag in _NAME_TAGS and word in lex.ordinary:
        return "cw"
    return tag if tag in _ENTITY_TAGS else "dict"


def _frequency_bucket(word: str, lex: TaggerLexicon) -> str:
    """The jieba dictionary frequency of a word in five buckets (x8 apart; '' if unknown):
    an everyday word is frequent, a name jieba happens to list is rare."""
    frequency = lex.frequency.get(word)
    if frequency is None:
        return ""
    return str(min(4, max(0, (frequency.bit_length() - 1) // 3)))


@dataclass(frozen=True)
class _CharInfo:
    """The features of one character that depend on the character alone."""

    feature: str  # "c=" + char
    script: str  # char_class(char)
    case: str  # "u=" + U / l / -


_CHAR_INFO: dict[str, _CharInfo] = {}


def _char_info(char: str) -> _CharInfo:
    """Per-character features, memoised: a text repeats a few thousand distinct characters."""
    info = _CHAR_INFO.get(char)
    if info is None:
        case = "U" if char.isupper() else "l" if char.islower() else "-"
        info = _CHAR_INFO[char] = _CharInfo("c=" + char, char_class(char), "u=" + case)
    return info


def _word_block(windex: int, pos: str, words: Sequence[tuple[str, int, int]], word_info: Sequence[str],
                word_frequency: Sequence[str]) -> list[str]:
    """Features of a character at position ``pos`` (B/M/E/S) of word ``windex``."""
    word, start, end = words[windex]
    info = word_info[windex]
    feats = ["wl=%d%s" % (min(end - start, 5), pos), "wi=" + info, "wip=" + info + pos]
    if end - start > 1:
        feats.append("w=" + word)
    if word_frequency[windex]:
        feats.append("wf=" + info + word_frequency[windex] + pos)
    if windex + 1 < len(words):
        feats.append("wn=" + word_info[windex + 1] + pos)
        feats.append("w+1=" + words[windex + 1][0])
        if word_info[windex + 1] == "title":
            feats.append("title_next=" + pos)
    if windex > 0:
        feats.append("wv=" + word_info[windex - 1] + pos)
        feats.append("w-1=" + words[windex - 1][0])
    if windex + 2 < len(words):
        feats.append("wn2=" + word_info[windex + 2])
    if windex > 1:
        feats.append("wv2=" + word_info[windex - 2])
    return feats


def sentence_features(text: str, words: Sequence[tuple[str, int, int]],
                      lex: TaggerLexicon) -> list[list[str]]:
    """CRF features for every character of ``text``; ``words`` are its jieba words with offsets
    relative to ``text`` (characters outside any word, e.g. spaces, get no word features).

    The strings and their order are what the shipped model was trained on (pinned in
    ``tests/test_speed_invariants.py``)."""
    n = len(text)
    padded = "\x02\x02" + text + "\x03\x03"
    chars = [_char_info(c) for c in text]
    scripts = "^" + "".join(c.script for c in chars) + "$"
    positions = _word_positions(n, words)
    word_info = [_word_feature(w, lex) for w, _, _ in words]
    word_frequency = [_frequency_bucket(w, lex) for w, _, _ in words]
    org_end, place_end = _suffix_ends(text, positions, lex)
    org_ahead = _distance_ahead(org_end, scripts[1:-1])
    gazetteer_marks = _gazetteer_marks(text, positions, lex)
    foreign_runs = _transliteration_runs(text, lex)
    word_starts, word_ends = _dictionary_words(text, lex)
    word_gazetteer = [lex.gazetteer.get(w) for w, _, _ in words]
    surnames, compound_surnames = lex.surnames, lex.compound_surnames
    features: list[list[str]] = []
    for i, char in enumerate(text):
        pos, windex = positions[i]
        info = chars[i]
        after = padded[i + 2:i + 4]
        feats = [
            info.feature, "c-1=" + padded[i + 1], "c+1=" + padded[i + 3],
            "c-2=" + padded[i], "c+2=" + padded[i + 4],
            "b-1=" + padded[i + 1:i + 3], "b+1=" + after,
            "b-2=" + padded[i:i + 2], "b+2=" + padded[i + 3:i + 5],
            "tri=" + padded[i + 1:i + 4],
            "t=" + info.script + scripts[i] + scripts[i + 2],
            info.case,
            "wp=" + pos,
        ]
        if windex >= 0:
            feats += _word_block(windex, pos, words, word_info, word_frequency)
        if char in surnames:
            feats.append("sur=" + pos)
            if windex >= 0:
                following = word_info[windex + 1] if windex + 1 < len(words) else "$"
                feats.append("sur_w=%s%s|%s" % (word_info[windex], pos, following))
        if after in compound_surnames:
            feats.append("csur=" + pos)
        if org_end[i]:
            feats.append("org_end")
        if place_end[i]:
            feats.append("place_end")
        if i + 1 < n and org_end[i + 1]:
            feats.append("org_end+1")
        ahead = org_ahead[i]
        if ahead:
            feats.append("org_ahead=" + ahead)
            if windex >= 0:
                feats.append("org_ahead_w=" + word_info[windex] + ahead)
        if gazetteer_marks[i]:
            feats.append("gz=" + gazetteer_marks[i])
        if windex >= 0:
            feats += _gazetteer_words(windex, word_gazetteer)
        if foreign_runs[i]:
            feats.append("tr=" + foreign_runs[i])
        if word_starts[i]:
            feats.append("ds=" + word_starts[i])
        if word_ends[i]:
            feats.append("de=" + word_ends[i])
        features.append(feats)
    return features


def _suffix_ends(text: str, positions: Sequence[tuple[str, int]],
                 lex: TaggerLexicon) -> tuple[list[bool], list[bool]]:
    """Which characters end an organisation / place suffix that also ends a jieba word
    (so the 部 of 部分 does not count)."""
    n = len(text)
    org_end, place_end = [False] * n, [False] * n
    org_suffixes, place_suffixes = lex.org_suffixes, lex.place_suffixes
    lengths = lex.suffix_lengths
    for i in range(n):
        if positions[i][0] not in "ES-":
            continue
        for k in lengths:
            if k > i + 1:
                break
            piece = text[i + 1 - k:i + 1]
            if piece in org_suffixes:
                org_end[i] = True
            if piece in place_suffixes:
                place_end[i] = True
    return org_end, place_end


def _gazetteer_marks(text: str, positions: Sequence[tuple[str, int]], lex: TaggerLexicon) -> list[str]:
    """Label and B/I/E position of each character inside a gazetteer name, matched longest
    first from left to right and only from the start of a jieba word, so the 罗斯 of 俄罗斯 is
    no name ('' elsewhere): CC-CEDICT knows many foreign and historical names that jieba splits."""
    marks = [""] * len(text)
    gazetteer, starts = lex.gazetteer, lex.gazetteer_lengths
    i = 0
    while i < len(text):
        if positions[i][0] in "ME":
            i += 1
            continue
        for k in starts.get(text[i], ()):
            label = gazetteer.get(text[i:i + k])
            if label is not None:
                marks[i:i + k] = [label + "B", *[label + "I"] * (k - 2), label + "E"]
                i += k
                break
        else:
            i += 1
    return marks


def _dictionary_words(text: str, lex: TaggerLexicon, longest: int = 4) -> tuple[list[str], list[str]]:
    """The longest jieba dictionary word (2 to ``longest`` characters) that starts, and the one
    that ends, at each character: length and "n" for a name tag, "d" for any other word ('' if
    none). jieba's HMM glues an unknown name to the next word (王某明白 as 王某明 / 白); the
    dictionary still sees 明白 start inside it."""
    n = len(text)
    starts, ends = [""] * n, [""] * n
    dictionary, ordinary = lex.dictionary, lex.ordinary
    for i in range(n - 1):
        for k in range(min(longest, n - i), 1, -1):
            word = text[i:i + k]
            tag = dictionary.get(word)
            if tag is not None:
                kind = "%d%s" % (k, "n" if tag in _NAME_TAGS and word not in ordinary else "d")
                if not starts[i]:
                    starts[i] = kind
                if len(ends[i + k - 1]) == 0 or int(ends[i + k - 1][0]) < k:
                    ends[i + k - 1] = kind
                break
    return starts, ends


def _gazetteer_words(windex: int, labels: Sequence[str | None]) -> list[str]:
    """The gazetteer labels of the character's jieba word and of the words around it
    (a place before 大学, a person after 总理); ``labels`` has one per word (None: no name)."""
    feats = []
    if labels[windex]:
        feats.append("wgz=" + labels[windex])
    if windex > 0 and labels[windex - 1]:
        feats.append("wgz-1=" + labels[windex - 1])
    if windex + 1 < len(labels) and labels[windex + 1]:
        feats.append("wgz+1=" + labels[windex + 1])
    return feats


def _transliteration_runs(text: str, lex: TaggerLexicon) -> list[str]:
    """For each character of a run of transliteration characters (a '·' may join two runs):
    the run's length bucket and the character's B/M/E/S position in it ('' elsewhere), so
    科瓦切维奇 reads as one five-character foreign-looking stretch. One Han character missing
    from the list joins a run of two or more to a following one unless it is a frequent word
    of its own or starts a dictionary word with the next character (the rare transcription
    characters: 基里?科, not 巴西和法国 or 亚斯特宣布)."""
    chars, frequent, dictionary = lex.transliteration, lex.frequent_chars, lex.dictionary
    runs = [""] * len(text)
    i = 0
    while i < len(text):
        if text[i] not in chars:
            i += 1
            continue
        end = i + 1
        while end < len(text) and (text[end] in chars or
                                   text[end] in "·•・" and end + 1 < len(text) and text[end + 1] in chars or
                                   end - i >= 2 and end + 1 < len(text) and text[end + 1] in chars
                                   and text[end] not in frequent and char_class(text[end]) == "H"
                                   and text[end:end + 2] not in dictionary):
            end += 1
        size = "5+" if end - i >= 5 else str(end - i)
        if end - i == 1:
            runs[i] = "1S"
        else:
            runs[i:end] = [size + "B", *[size + "M"] * (end - i - 2), size + "E"]
        i = end
    return runs


def _distance_ahead(ends: Sequence[bool], classes: Sequence[str], reach: int = 12) -> list[str]:
    """Bucketed distance from each character to the next suffix end in the same run of
    non-punctuation characters: lets the CRF see an organisation's end from its start."""
    buckets = ["0", "1", "2", "3", "4", "5"] + ["6-8"] * 3 + ["9-12"] * 4
    result = [""] * len(ends)
    next_end = -1
    for i in range(len(ends) - 1, -1, -1):
        if classes[i] in "PS":
            next_end = -1
        elif ends[i]:
            next_end = i
        if next_end >= 0 and next_end - i <= reach:
            result[i] = buckets[next_end - i]
    return result


def spans_from_labels(labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """BIO labels -> (type, start, end); an I- without a matching B- starts a new span."""
    spans: list[tuple[str, int, int]] = []
    current: tuple[str, int] | None = None
    for i, label in enumerate([*labels, "O"]):
        kind = label[2:] if label != "O" else ""
        if current and (label == "O" or label.startswith("B-") or kind != current[0]):
            spans.append((current[0], current[1], i))
            current = None
        if label != "O" and current is None:
            current = (kind, i)
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans for ``tag_text``: cut after 。！？; and line breaks, keep closing quotes."""
    spans = []
    for match in _SENTENCE_END.finditer(text):
        if match.end() > match.start():
            spans.append((match.start(), match.end()))
    return spans


class LearnedTagger:
    """A loaded CRF model; ``tag`` is thread-compatible only per instance (crfsuite state)."""

    def __init__(self, tagger: "object", labels: frozenset[str], lexicon: TaggerLexicon) -> None:
        self._tagger = tagger
        self._labels = labels
        self._lexicon = lexicon
        self._tokenizer: object | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> "LearnedTagger":
        """Open the CRF model (default: the one shipped in ``kg/models``)."""
        import pycrfsuite

        path = Path(path) if path is not None else DEFAULT_MODEL
        if not path.is_file():
            raise ModelError(f"tagger model {path} is missing; retrain with `python -m kg.train`")
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(os.fspath(path))
            labels = frozenset(tagger.labels())
        except (OSError, ValueError) as exc:
            raise ModelError(f"tagger model {path} is corrupt: {exc}") from exc
        if "O" not in labels:
            raise ModelError(f"tagger model {path} has no BIO labels: {sorted(labels)}")
        return cls(tagger, labels, default_lexicon())

    def tag(self, text: str, sentences: Sequence[Sentence]) -> list[Mention]:
        """Mentions in ``text``, one CRF pass per sentence; offsets index ``text``."""
        mentions: list[Mention] = []
        for sentence in sentences:
            mentions.extend(self._tag_sentence(text, sentence))
        return mentions

    def tag_text(self, text: str) -> list[Mention]:
        """Segment ``text`` with a private jieba tokenizer, then ``tag`` it."""
        return self.tag(text, self.segment(text))

    def segment(self, text: str) -> list[Sentence]:
        """Sentences with jieba tokens, as the pipeline's segmenter would give them."""
        tokenizer = self._jieba()
        sentences = []
        for start, end in split_sentences(text):
            tokens = tuple(Token(w, start + s, start + e)
                           for w, s, e in tokenizer.tokenize(text[start:end]))
            sentences.append(Sentence(start, end, tokens))
        return sentences

    def _jieba(self):  # noqa: ANN202 - jieba has no types
        if self._tokenizer is None:
            import jieba

            logging.getLogger("jieba").setLevel(logging.WARNING)  # no "Building prefix dict" chatter
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            self._tokenizer = tokenizer
        return self._tokenizer

    def _trim_titles(self, chunk: str, start: int, end: int) -> tuple[int, int]:
        """A person mention is the name alone: strip titles and forms of address
        (``刘先生`` -> ``刘``, ``夫人薛明`` -> ``薛明``) that the training data sometimes includes."""
        titles = self._lexicon.titles
        longest = self._lexicon.max_title
        trimmed = True
        while trimmed and end - start > 1:
            trimmed = False
            for k in range(min(longest, end - start - 1), 0, -1):
                if chunk[end - k:end] in titles:
                    end, trimmed = end - k, True
                    break
                if chunk[start:start + k] in titles:
                    start, trimmed = start + k, True
                    break
        return start, end

    def _tag_sentence(self, text: str, sentence: Sentence) -> list[Mention]:
        chunk = text[sentence.start:sentence.end]
        if not chunk.strip():
            return []
        words = [(t.text, t.start - sentence.start, t.end - sentence.start)
                 for t in sentence.tokens
                 if sentence.start <= t.start < t.end <= sentence.end]
        self._tagger.set(sentence_features(chunk, words, self._lexicon))
        labels = self._tagger.tag()
        mentions = []
        for kind, start, end in spans_from_labels(labels):
            entity_type = _LABEL_TYPES.get(kind)
            if entity_type is EntityType.PERSON:
                start, end = self._trim_titles(chunk, start, end)
            surface = chunk[start:end]
            if entity_type is None or not any(c.isalpha() for c in surface):
                continue
            confidence = min(self._tagger.marginal(labels[i], i) for i in range(start, end))
            mentions.append(Mention(type=entity_type, start=sentence.start + start,
                                    end=sentence.start + end, text=surface,
                                    confidence=round(confidence, 4), method=METHOD))
        return mentions


