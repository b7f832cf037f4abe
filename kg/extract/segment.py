"""Stage 2: sentences and tokens with offsets that rebuild the text exactly.

Chinese text goes through the project's own ``jieba.Tokenizer`` instance (never the
global one, so user words do not leak into other jieba users), with the project's
vocabulary added: titles, technologies and organization suffixes, so that a title such
as 副总经理 or a term such as 数字孪生 comes out as one token.
"""
from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

import jieba

from kg.extract import lexicons
from kg.model import Sentence, Token

# A sentence ends after a terminator (and any closing quotes/brackets), at a line break, or
# after a newspaper dateline that scraping glued to the text (本报讯, 新华社北京5月1日电).
_SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)\]]*|\n+|本报讯|(?<=[0-9０-９一二三四五六七八九十])日电")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Contiguous (start, end) spans covering all of ``text``."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        # attach trailing whitespace to the sentence it follows
        while end < len(text) and text[end] in " \t\r\n\u3000":
            end += 1
        if end > start:
            spans.append((start, end))
            start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


class Segmenter:
    """Sentences and jieba tokens for one text; thread-safe lazy initialisation."""

    def __init__(self) -> None:
        self._tokenizer: jieba.Tokenizer | None = None
        self._lock = threading.Lock()

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        with self._lock:
            if self._tokenizer is None:
                logging.getLogger("jieba").setLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                for word in project_words():
                    tokenizer.add_word(word, freq=None)
                self._tokenizer = tokenizer
            return self._tokenizer

    def words(self, text: str) -> list[Token]:
        """jieba tokens of ``text`` with offsets relative to ``text``."""
        return [Token(w, s, e) for w, s, e in self.tokenizer.tokenize(text, HMM=True)]

    def __call__(self, text: str) -> list[Sentence]:
        sentences = []
        for start, end in split_sentences(text):
            tokens = tuple(Token(t.text, t.start + start, t.end + start) for t in self.words(text[start:end]))
            sentences.append(Sentence(start, end, tokens))
        return sentences


def project_words() -> list[str]:
    """Vocabulary added to the tokenizer so that it does not split our units."""
    words = set(lexicons.titles().base)
    words |= set(lexicons.tech_surface_forms())
    words |= {s for s, suffix in lexicons.org_suffixes().items() if len(s) > 1}
    words |= lexicons.portfolio_words()
    words |= {name for name in lexicons.known_organizations() if len(name) > 1}
    return sorted(words)


@lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    return Segmenter()


def check_rebuilds(text: str, sentences: list[Sentence]) -> bool:
    """True when the tokens concatenate back to the text (the offsets invariant)."""
    pieces = [text[t.start:t.end] for s in sentences for t in s.tokens]
    return "".join(pieces) == text and all(text[t.start:t.end] == t.text for s in sentences for t in s.tokens)
