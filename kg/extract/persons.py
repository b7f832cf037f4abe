"""PERSON mentions from general evidence about Chinese names.

A candidate is a surname (single or compound, from the surname list) plus a one- or
two-character given name. It becomes a mention only with context evidence: a title
directly before or after it (处长孙明远, 冯立主任), an honorific (钱晓峰先生), or a
cue on both sides (由X主持, 、X、, X在致辞中表示). The given-name length is chosen by
the evidence that follows the name, then by jieba word boundaries. A name found once
is then found everywhere else in the document. Japanese family names take given names of
up to three characters; transcribed foreign names are runs of transcription characters
joined by a middle dot or a hyphen (罗兰·杜邦, 门德斯-桑托斯).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.bilingual.dictionary import is_common_word
from kg.extract import lexicons
from kg.extract.lists import grow_lists
from kg.extract.orgs import chinese_name_shape, dictionary_tags
from kg.model import EntityType, Mention, Sentence, SpanIndex

# Characters that do not occur in given names but are frequent next to names.
_NOT_GIVEN = set("的了是在和与及等为对将从向被把也都就而或但其这那个们中上下一不有会年月日并由作以于所到说着过该此每各他她它您你我老总姓氏某任")
# Function characters that still end given names (张永和, 闫大为) when punctuation follows.
_FINAL_GIVEN = set("和为")
_PLACE_FINALS = set("村镇乡屯寨县")
_UNIT_FINALS = set("科处室部局")
_SPEECH_FINALS = set("称说")
_FORMER = set("前原")
_HAN = re.compile(r"[\u3400-\u9fff]")
_NUMBERING = set("）)0123456789一二三四五六七八九十")
_TITLE_SEPARATORS = (" ", "\u3000", "：", ":")
_AFTER_APPOINTED = ("为", "的", "、", "，", ",", "同")
_NAME_HYPHENS = "-‐－"
_BOUNDARY = set("、，,。；;：:！!？?（）()《》“”\"' \n\t")


@dataclass(frozen=True)
class _Evidence:
    confidence: float
    method: str


def find_persons(text: str, sentences: Sequence[Sentence], titles: Sequence[Mention],
                 blocked: Sequence[Mention] = ()) -> list[Mention]:
    """PERSON mentions in ``text``. ``titles`` are ROLE mentions (evidence);
    ``blocked`` are spans already taken by organizations or technologies."""
    title_starts = {m.start: m for m in titles}
    title_ends = {m.end: m for m in titles}
    taken = SpanIndex((m.start, m.end) for m in [*titles, *blocked])
    word_at = {t.start: t.text for s in sentences for t in s.tokens}
    boundaries = set(word_at) | {len(text)}
    found: dict[tuple[int, int], Mention] = {}
    names = lexicons.surnames()
    # A name starts at a word boundary or right after a title (see _best_candidate).
    for pos in sorted(p for p in boundaries | set(title_ends) if p < len(text)):
        for surname in _surnames_at(text, pos, names):
            best = _best_candidate(text, pos, surname, title_starts, title_ends, boundaries, word_at)
            if best is None:
                continue
            (start, end), ev = best
            if taken.overlaps(start, end):
                continue
            found[(start, end)] = Mention(EntityType.PERSON, start, end, text[start:end], ev.confidence, ev.method)
    foreign = [m for m in _foreign_names(text, title_starts, title_ends, boundaries) + _latin_names(text, title_ends)
               if not taken.overlaps(m.start, m.end)]
    mentions = _drop_overlaps(list(found.values()) + foreign)
    return propagate_names(text, mentions, [(m.start, m.end) for m in [*titles, *blocked]])


@lru_cache(maxsize=1)
def _transliteration() -> re.Pattern[str]:
    cls = f"[{re.escape(''.join(sorted(lexicons.transliteration_chars())))}]"
    # Parts are joined by a middle dot (any of its look-alikes) or, in double names, a hyphen
    # (门德斯-席尔瓦, 约翰-保罗·雷诺兹).
    # (a one-character part may open the name too: 范·德·韦尔德)
    return re.compile(rf"(?:{cls}+[{lexicons.NAME_DOTS}])*{cls}{{2,}}(?:[{lexicons.NAME_DOTS}]{cls}+|[{_NAME_HYPHENS}]{cls}{{2,}})*")


def is_transcription(name: str) -> bool:
    """All characters are of the foreign-name transcription table (奥巴马, 纳斯里)."""
    return len(name) >= 2 and _transliteration().fullmatch(name) is not None


_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_'’.\-]*[A-Za-z0-9](?: [A-Z][A-Za-z'’.\-]*[A-Za-z])*")


def _latin_names(text: str, title_ends) -> list[Mention]:
    """设计师Ken Rolston, 选手Moon, 主帅Walker: a name in Latin letters right after a title (a
    foreign name or a player's handle) — not one that an organization's suffix follows."""
    found = []
    for end in title_ends:
        match = _LATIN_NAME.match(text, end)
        if match and not any(text.startswith(w, match.end()) for w in lexicons.org_suffix_words()):
            found.append(Mention(EntityType.PERSON, match.start(), match.end(), match[0], 0.8, "latin-name:title"))
    return found


def split_glued_names(m: Mention, word_starts: set[int]) -> list[Mention]:
    """A Chinese given name has at most two characters, so a longer span that starts with a
    one-character surname ran on: into a second name where a jieba word with a common
    surname begins (记者|蔡早勤|汤华明, 冀欣|李雯珊), or into the next word (王前虎|谈,
    王兆星|周四). Transcriptions (罗文塔尔) and compound or Japanese surnames are left alone."""
    name = m.text
    if m.type is not EntityType.PERSON or len(name) < 4 or not all(_HAN.match(c) for c in name) or _surname_length(name) != 1 \
            or is_transcription(name):
        return [m]
    for k in (2, 3):
        if m.start + k not in word_starts or not _name_like(name[:k]):
            continue
        rest = Mention(m.type, m.start + k, m.end, name[k:], m.confidence, m.method)
        if lexicons.surnames().get(name[k]) is False:
            parts = split_glued_names(rest, word_starts)
            if all(_name_like(p.text) and chinese_name_shape(p.text) for p in parts):
                return [_part(m, 0, k), *parts]
        if k == 3:
            return [_part(m, 0, 3)]
    if len(name) == 4 and m.start + 3 in word_starts:
        return [_part(m, 0, 3)]
    return [m]


def _surname_length(name: str) -> int:
    surnames = lexicons.surnames()
    if name[:2] in surnames or name[:2] in lexicons.japanese_surnames():
        return 2
    return 1 if name[:1] in surnames else 0


def _name_like(part: str) -> bool:
    """A surname and one or two characters that jieba's dictionary does not know as another
    kind of word (周四 is a day, 申报 a verb)."""
    return 2 <= len(part) <= 3 and part[0] in lexicons.surnames() and not is_transcription(part) \
        and dictionary_tags().get(part, "nr") in ("nr", "nrfg", "nrt")


def _part(m: Mention, start: int, end: int) -> Mention:
    return Mention(m.type, m.start + start, m.start + end, m.text[start:end], m.confidence, m.method)


def _foreign_names(text: str, title_starts, title_ends, boundaries) -> list[Mention]:
    """Transcribed foreign names: a run of transcription characters (with · between
    parts) right after a title or followed by a speech cue, that jieba's dictionary does
    not know as a place (俄罗斯, 莫斯科 are places; 叶利钦 is not)."""
    tags = dictionary_tags()
    out = []
    for m in _transliteration().finditer(text):
        s, e = m.span()
        name = m.group(0)
        if sum(c not in lexicons.NAME_DOTS for c in name) < 3 or tags.get(name, "nr") not in ("nr", "nrfg", "nrt"):
            continue
        if s not in boundaries and s not in title_ends:
            continue
        before = s in title_ends
        after = _evidence_after(text, e, title_starts)
        dotted = any(c in lexicons.NAME_DOTS or c in _NAME_HYPHENS for c in name)  # 伊桑-科恩 too
        if not before and after and after.method == "title" and not dotted \
                and _transliteration().match(text, title_starts[e].end):
            continue  # 特斯拉首席执行官马斯克: the title's holder follows it; before it is his company
        if before or (after and after.method != "boundary") or (dotted and (after or text[e:e + 1] == "的")):
            conf = (0.8 if before else 0.65) + (0.1 if dotted else 0.0)  # 罗兰·杜邦 over a Chinese 罗兰
            out.append(Mention(EntityType.PERSON, s, e, name, conf, "foreign-name"))
    return out


def _surnames_at(text: str, pos: int, names: dict[str, bool]) -> list[str]:
    out = []
    if text[pos:pos + 3] in names:  # 佐佐木, 长谷川
        out.append(text[pos:pos + 3])
    if text[pos:pos + 2] in names:
        out.append(text[pos:pos + 2])
    if text[pos] in names:
        out.append(text[pos])
    return out


def _best_candidate(text, pos, surname, title_starts, title_ends, boundaries, word_at):
    if pos not in boundaries and pos not in title_ends:
        return None  # 俄罗斯总统: a surname character inside a word does not start a name
    weak_surname = lexicons.surnames()[surname]
    if weak_surname and pos not in title_ends and word_at.get(pos) == surname \
            and text[pos + len(surname):pos + len(surname) + 1] in lexicons.surnames():
        return None  # 该剧由|卢嘉编剧: jieba split off the function word; the name starts after
        # it — unless a title precedes (联合创始人向文杰)
    before = _evidence_before(text, pos, title_ends)
    alone = _surname_alone(text, pos, surname, title_starts, boundaries, word_at.get(pos, ""))
    if alone is not None and not weak_surname:  # 任副总经理: 任 is the verb
        return (pos, pos + len(surname)), alone
    best, best_score = None, 0.0
    for given_len in (2, 1, 3) if surname in lexicons.japanese_surnames() else (2, 1):  # 中村由纪夫
        end = pos + len(surname) + given_len
        if end > len(text):
            continue
        given = text[pos + len(surname):end]
        closed = end == len(text) or text[end] in _BOUNDARY  # 林永和，男: a final 和 is a name's
        if "村" in given or "乡" in given:
            continue  # 朱村|团支部, 任乡|党委: a village or township, not a given name
        if given_len == 2 and (given[-1] in _PLACE_FINALS or (closed and given[-1] in _SPEECH_FINALS)
                               or (given[-1] in _FORMER and end in title_starts)):
            continue  # 石桥村 is a village; 呼延博称，… is 呼延博 + 称; 印度前|总理 is "former"
        if not all(_HAN.match(c) and (c not in _NOT_GIVEN or (closed and i == len(given) - 1 and c in _FINAL_GIVEN)
                                      or (i == 0 and c == "一" and len(given) == 2 and given not in dictionary_tags()))
                   for i, c in enumerate(given)):
            continue  # (卞一鸣, 张一帆: 一 opens given names; 一行, 一起 are words)
        if _cuts_place(end, pos, word_at):
            continue  # 副首相和墨西|哥外长: a name does not end inside a place's name
        after = _evidence_after(text, end, title_starts, pos)
        named = pos in title_ends or (before is not None and before.method == "appointed")  # 免去周建国的: a name
        if _is_common_word(text[pos:end], given, weak_surname, after_title=named,
                           before_title=after is not None and after.method == "title"):
            continue
        score = 0.0
        if after:
            score += after.confidence
        if before:
            score += before.confidence
        if not after and not before:
            continue
        # Need evidence on both sides unless one side is a title or honorific.
        strong = (after and after.method in ("title", "honorific", "speaker", "profile")) or (before and before.method == "title") \
            or (before and before.method == "appointed" and text[end:end + 1] in _AFTER_APPOINTED)  # 免去雍海波的…职务
        if not strong and not (after and before):
            continue
        # 经理安蓓|表示: a title before, a speech verb after, and no dictionary word between
        titled_speaker = before and before.method == "title" and after and after.method == "cue" \
            and any(text[end:end + n] in lexicons.cues()["person_after"] for n in (2, 3)) \
            and text[pos:end] not in dictionary_tags()
        if weak_surname and not (after and after.method in ("title", "honorific", "boundary", "profile", "speaker")) \
                and not titled_speaker and not (before and before.method == "title" and len(given) == 2
                         and given not in dictionary_tags() and given[0] not in lexicons.surnames()):
            continue  # 教授和钱晓峰先生, 任公司副总经理: a function-word surname needs a clean
            # right edge, or a title right before and a given name jieba does not know
        if end in boundaries:
            score += 0.2
        if pos in boundaries:
            score += 0.1
        if after and after.method in ("title", "honorific", "boundary", "speaker", "profile"):
            score += 0.3  # the name is cleanly delimited on the right
        if score > best_score:
            method = "+".join(e.method for e in (before, after) if e)
            confidence = min(0.95, max(e.confidence for e in (before, after) if e))
            best, best_score = ((pos, end), _Evidence(confidence, f"name-context:{method}")), score
    return best


def _cuts_place(end: int, start: int, word_at: dict[int, str]) -> bool:
    """Whether the jieba word running over ``end`` (starting after ``start``) is a place."""
    for k in range(end - 1, start, -1):
        if k in word_at:
            return k + len(word_at[k]) > end and dictionary_tags().get(word_at[k]) == "ns"
    return False


def _surname_alone(text: str, pos: int, surname: str, title_starts, boundaries, word: str) -> _Evidence | None:
    """江主席, 林先生, 苏女士: a surname directly followed by a title or a form of address
    is how the text names the person — at a word boundary, or glued by jieba into a word its
    dictionary does not know as something else (so 班主任 is not 班 + 主任; jieba lists 江主席
    as a noun, CC-CEDICT knows 班主任 as a word and not 江主席)."""
    rest = pos + len(surname)
    if text[pos - 1:pos] in _NUMBERING:
        return None  # 高三（2）班|班主任, 三年级二班: a numbered class or group, not a surname
    glued = len(word) > len(surname) and (dictionary_tags().get(word, "nr") in ("nr", "nrfg", "nrt")
                                          or (rest in title_starts and not is_common_word(word)))
    if rest not in boundaries and not glued:
        return None
    if rest in title_starts:
        return _Evidence(0.75, "surname+title")
    if _starts_with_cue(text, rest, "honorific"):
        return _Evidence(0.75, "surname+honorific")
    return None


# Dictionary tags of ordinary words (nouns, verbs, places …) that a title after them
# does not turn into names (公司董事长, 车间主任, 北京市长).
_WORD_TAGS = {"n", "ns", "nt", "nz", "v", "vn", "vd", "a", "ad", "an", "d", "b", "f", "s", "j", "l", "i"}


_FUNCTION_WORD_TAGS = {"d", "ad", "m", "v", "r", "p", "c"}  # not a or t: 严明|华, 宋朝|弟


def _is_common_word(candidate: str, given: str, weak_surname: bool, after_title: bool,
                    before_title: bool = False) -> bool:
    """Place names and ordinary words that start with a surname character (涿州, 由北京,
    和专家) are not names; jieba's dictionary tags tell them apart. Right after a title
    a name wins over a homographic dictionary word."""
    tags = dictionary_tags()
    if candidate[0] == candidate[1] and len(candidate) - len(given) == 1:
        return True  # 谢谢, 常常 (and 谢谢|孙总): reduplicated words — not the surname 佐佐木
    if candidate[-1] in _UNIT_FINALS and tags.get(candidate[:-1]) in ("n", "vn", "v"):
        return True  # 呼吸科|主任: a field and a unit of its parent, however jieba tags it
    tag = tags.get(candidate, "nr")
    if len(candidate) == 3 and tags.get(candidate) not in ("nr", "nrfg", "nrt") \
            and tags.get(candidate[:2]) in _FUNCTION_WORD_TAGS:
        return True  # 教授连忙起|身, 总理满意地|说: an adverb or a verb, even after a title
    if tag not in ("nr", "nrfg", "nrt") and not after_title and (not before_title or tag in _WORD_TAGS):
        return True  # after a title a name wins; before one, over an oddly tagged word (jieba tags some names 't')
    if before_title and not after_title and len(candidate) == 2 and is_common_word(candidate):
        return True  # 秘鲁华裔|议员: an ordinary word before a title, whatever jieba's tag
    given_tag = tags.get(given) if len(given) == 2 else None
    if given_tag in ("ns", "nt") and not after_title:
        return True  # 王府井 is a place; 副总理吴邦国 is a name
    return weak_surname and len(given) == 2 and given_tag is not None and given_tag not in ("nr", "nrfg", "nrt")


def _evidence_before(text: str, pos: int, title_ends) -> _Evidence | None:
    if pos in title_ends or (text[pos - 1:pos] in _TITLE_SEPARATORS and pos - 1 in title_ends):
        return _Evidence(0.9, "title")  # 院长孙明, and in a byline or caption 院长 孙明, 责任编辑：孙明
    if pos == 0 or text[pos - 1] in _BOUNDARY:
        return _Evidence(0.5, "boundary")
    if _ends_with_cue(text, pos, "appointing"):
        return _Evidence(0.7, "appointed")  # 聘任覃丽华为…: who is appointed is a person
    if _ends_with_cue(text, pos, "person_before"):
        return _Evidence(0.6, "cue")
    return None


def _evidence_after(text: str, end: int, title_starts, start: int | None = None) -> _Evidence | None:
    if end in title_starts:
        return _Evidence(0.9, "title")
    if text[end:end + 1] in ("，", ",", "：", ":") and text[end + 1:end + 2] in ("男", "女") \
            and (end + 2 == len(text) or text[end + 2] in _BOUNDARY):
        return _Evidence(0.8, "profile")  # 林永和，男，1965年生 — a résumé's opening (赵黎明：男 too)
    if start is not None and end < len(text) and text[end] in "：:" and (start == 0 or text[start - 1] == "\n"):
        return _Evidence(0.7, "speaker")  # 孙明远：我认为… — a transcript's speaker label
    if _starts_with_cue(text, end, "honorific"):
        return _Evidence(0.85, "honorific")
    if end == len(text) or text[end] in _BOUNDARY:
        return _Evidence(0.4, "boundary")
    if _starts_with_cue(text, end, "person_after"):
        return _Evidence(0.6, "cue")
    return None


@lru_cache(maxsize=None)
def _cue_lengths(kind: str) -> tuple[int, ...]:
    """The lengths of the cue words of one kind: a cue is found by slicing the text at each
    length and looking the slice up, instead of testing every cue."""
    return tuple(sorted({len(w) for w in lexicons.cues()[kind]}))


def _starts_with_cue(text: str, pos: int, kind: str) -> bool:
    words = lexicons.cues()[kind]
    return any(text[pos:pos + n] in words for n in _cue_lengths(kind))


def _ends_with_cue(text: str, pos: int, kind: str) -> bool:
    words = lexicons.cues()[kind]
    return any(text[pos - n:pos] in words for n in _cue_lengths(kind) if n <= pos)


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the most confident of overlapping candidates (then the earlier, longer one)."""
    kept: list[Mention] = []
    covered = SpanIndex()
    for m in sorted(mentions, key=lambda m: (-m.confidence, m.start, -(m.end - m.start))):
        if not covered.overlaps(m.start, m.end):
            kept.append(m)
            covered.add(m.start, m.end)
    return sorted(kept, key=lambda m: m.start)


_LIST_MARKS = ("、",)


def extend_name_lists(text: str, mentions: list[Mention], taken) -> list[Mention]:
    """商国富、陆新平二人: the items of a 、-list next to a recognised person are persons too
    when they have the shape of a Chinese name (a common surname and one or two characters,
    not a dictionary word) and end where an item ends. ``mentions`` are PERSON mentions;
    ``taken`` the spans other mentions occupy."""
    return grow_lists(text, mentions, taken, EntityType.PERSON, "name-list",
                      lambda m, covered: (_item_after(text, m.end), _item_before(text, m.start)))


def _item_after(text: str, end: int) -> tuple[int, int] | None:
    if text[end:end + 1] not in _LIST_MARKS:
        return None
    start = end + 1
    for length in (4, 3, 2):
        stop = start + length
        if stop <= len(text) and _list_name(text[start:stop]) \
                and (stop == len(text) or text[stop] in lexicons.LIST_ITEM_END or _starts_with_cue(text, stop, "person_after")):
            return start, stop
    return None


def _item_before(text: str, start: int) -> tuple[int, int] | None:
    if start == 0 or text[start - 1] not in _LIST_MARKS:
        return None
    end = start - 1
    for length in (4, 3, 2):
        begin = end - length
        if begin >= 0 and _list_name(text[begin:end]) and (begin == 0 or text[begin - 1] in lexicons.LIST_ITEM_END
                                                          or _ends_with_cue(text, begin, "person_before")):
            return begin, end
    return None


def _list_name(word: str) -> bool:
    return chinese_name_shape(word) and all(_HAN.match(c) and c not in _NOT_GIVEN for c in word[1:]) \
        and not is_common_word(word) and dictionary_tags().get(word, "nr") in ("nr", "nrfg", "nrt")


def propagate_names(text: str, mentions: list[Mention], taken) -> list[Mention]:
    """A name recognised once is a name everywhere in the document. ``mentions`` are
    PERSON mentions; ``taken`` the spans other mentions occupy."""
    out = list(mentions)
    covered = SpanIndex([*((m.start, m.end) for m in mentions), *taken])
    for name, source in {m.text: m for m in mentions}.items():
        for hit in re.finditer(re.escape(name), text):
            s, e = hit.span()
            if covered.overlaps(s, e):
                continue
            # do not cut into a longer name: the next character must not extend it
            if e < len(text) and _HAN.match(text[e]) and len(name) == 2 and text[e] not in _NOT_GIVEN \
                    and not _starts_with_cue(text, e, "person_after"):
                continue
            covered.add(s, e)
            out.append(Mention(EntityType.PERSON, s, e, name, source.confidence * 0.9, "name-propagation"))
    return sorted(out, key=lambda m: m.start)
