"""ORG mentions: a grammar of Chinese organization names.

    org  := place? core suffix         (山东省 工信 厅, 北京 星河数据 有限公司)
    chain:= org org org ...             (部 → 司 → 处: each unit inside the one before)

A suffix (有限公司, 大学, 研究院, 委员会, 司, 处 …; ``org_suffixes.tsv``) must end a jieba
word; the core grows leftwards over words until a boundary: punctuation, a title, a
function word (jieba dictionary tags p/c/u/r/d/m/q), a context word such as 出席 or 由,
or the end of the previous unit in a chain. Single-character suffixes (部 局 处 …) are
weak: they need a core of two or more characters and a clean right edge.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import jieba

from kg.bilingual.dictionary import is_common_word
from kg.bilingual.lexicons import places
from kg.extract import lexicons
from kg.extract.lists import grow_lists
from kg.extract.titles import title_pattern
from kg.model import EntityType, Mention, Sentence, SpanIndex, Token

MAX_CORE_CHARS = 16
# Multi-character jieba words with these dictionary tags end a name on the left; single
# characters only when they are function words (OOV names split into characters whose
# dictionary tags mean nothing: 卡 is a classifier, but 卡伦特 is a name).
_STOP_TAGS = {"p", "c", "u", "uj", "ul", "r", "d", "m", "t", "f", "y", "e", "o", "v"}
_ASPECT = set("着了过")
_STOP_CHARS = set("的了在和与及由等并将对从向被把为是也都还其该各每这那此之于以曾任历兼现至赴到入据因而如同经令使让给请则即又再才就内要能可应想")
_CORE_CHAR = re.compile(r"[\u3400-\u9fff〇A-Za-z0-9()（）·&]")  # 〇: 第七〇二研究所
_PLACE_SUFFIXES = ("自治区", "省", "市", "县", "区")


@lru_cache(maxsize=1)
def dictionary_tags() -> dict[str, str]:
    """jieba's dictionary part-of-speech tags, read once without loading jieba.posseg's
    (6x slower) tagger: a cheap signal for where an organization name can start."""
    tags = {}
    with jieba.Tokenizer().get_dict_file() as fh:
        for line in fh:
            parts = line.decode("utf-8").split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


@lru_cache(maxsize=1)
def _suffix_pattern() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(lexicons.org_suffixes()))


def find_organizations(text: str, sentences: Sequence[Sentence], titles: Sequence[Mention],
                       use_lexicon: bool = True) -> list[Mention]:
    """ORG mentions. With ``use_lexicon``, standard organization names and their official
    abbreviations (the bilingual lexicon) are also matched directly."""
    out: list[Mention] = []
    title_spans = SpanIndex((t.start, t.end) for t in titles)
    for sentence in sentences:
        out.extend(_in_sentence(text, sentence, title_spans))
    if use_lexicon:
        tokens = [t for s in sentences for t in s.tokens]
        out = _add_known(text, out, title_spans, {t.start for t in tokens}, {t.end: t.text for t in tokens})
    out += _periodicals(text, out)
    out += _place_governments(text, sentences, titles, out)
    out = _bare_local_bodies(text, sentences, out)
    out += _match_sides(text, sentences, out)
    out += _short_company_names(text, sentences, titles, out)
    out += _employers(text, sentences, titles, out)
    if use_lexicon:
        out += _dictionary_names(text, sentences, titles, out)
    return sorted(out, key=lambda m: m.start)


_PERIODICAL = re.compile(r"《[^《》]{1,15}》(?:杂志社|编辑部|杂志|周刊|月刊|画报|报社)")


def _periodicals(text: str, found: list[Mention]) -> list[Mention]:
    """《时代潮》杂志, 《东岳》周刊编辑部: a title in book brackets followed by the kind of
    periodical names the magazine or paper as a body."""
    taken = SpanIndex((m.start, m.end) for m in found)
    return [Mention(EntityType.ORG, m.start(), m.end(), m.group(0), 0.8, "org-grammar:media")
            for m in _PERIODICAL.finditer(text) if not taken.overlaps(m.start(), m.end())]


_LEGAL_FORMS = ("集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "股份公司",
                "集团公司", "公司", "集团")


def propagate_organizations(text: str, sentences: Sequence[Sentence], mentions: list[Mention],
                            taken: Sequence[tuple[int, int]]) -> list[Mention]:
    """An organization recognised once is recognised everywhere in the text, a company also
    by its short name: 杭州蓝海能源有限公司 … 蓝海能源表示 (the name without its legal form,
    and without its place), and by the short form the text defines for it (以下简称“公司”). ``mentions``
    are ORG mentions; ``taken`` the spans other mentions occupy. The short mention's norm
    is the full name, so both resolve to one entity."""
    tokens = [t for s in sentences for t in s.tokens]
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    covered = SpanIndex([*((m.start, m.end) for m in mentions), *taken])
    defined = _defined_aliases(text, mentions)
    out = [_as_alias(m, defined[m.text]) if m.text in defined and defined[m.text].text != m.text else m
           for m in mentions]  # 科技园公司 found by the grammar too: the short form the text defined
    for short, source in {**_short_forms(mentions), **defined}.items():
        for hit in re.finditer(re.escape(short), text):
            s, e = hit.span()
            if s in starts and e in ends and not covered.overlaps(s, e) and not _names_more(text, e):
                covered.add(s, e)
                out.append(Mention(EntityType.ORG, s, e, short, round(source.confidence * 0.85, 3),
                                   "org-alias" if short in defined else "org-propagation", norm=source.key))
    out += _issuer_before_titles(text, mentions, covered)
    return sorted(out, key=lambda m: m.start)


def _as_alias(m: Mention, source: Mention) -> Mention:
    return Mention(m.type, m.start, m.end, m.text, m.confidence, m.method, norm=source.key)


def extend_organization_lists(text: str, sentences: Sequence[Sentence], mentions: list[Mention],
                              taken: Sequence[tuple[int, int]]) -> list[Mention]:
    """金风科技、宁波摩士、海利得等项目: the items of a 、-list next to a recognised organization
    are organizations too when they are whole words with a name of their own (a word jieba does
    not know or a proper noun), and not a place or a person's name. ``mentions`` are ORG
    mentions; ``taken`` the spans other mentions occupy."""
    tokens = [t for s in sentences for t in s.tokens]
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}

    def neighbours(m: Mention, covered: SpanIndex):
        for item in (_org_item(text, m.end + 1, +1), _org_item(text, m.start - 1, -1)):
            if item is None or covered.overlaps(*item) or item[0] not in starts or item[1] not in ends:
                continue
            words = _name_words([t for t in tokens if item[0] <= t.start and t.end <= item[1]],
                                leftwards=item[1] <= m.start)
            if words and _listed_name(text[words[0].start:words[-1].end], words):
                yield words[0].start, words[-1].end

    return grow_lists(text, mentions, taken, EntityType.ORG, "org-list", neighbours)


def _org_item(text: str, edge: int, direction: int) -> tuple[int, int] | None:
    """The list item after (``direction`` +1) or before (-1) the 、 at ``edge`` ∓ 1."""
    mark = edge - 1 if direction > 0 else edge
    if not (0 <= mark < len(text)) or text[mark] != "、":
        return None
    pos = edge if direction > 0 else edge - 1
    while 0 <= pos < len(text) and text[pos] not in lexicons.LIST_ITEM_END and abs(pos - edge) <= _MAX_SHORT_NAME_CHARS:
        pos += direction
    if direction > 0:
        return (edge, pos) if pos - edge >= 2 and (pos == len(text) or text[pos] in lexicons.LIST_ITEM_END) else None
    return (pos + 1, edge) if edge - pos - 1 >= 2 and (pos < 0 or text[pos] in lexicons.LIST_ITEM_END) else None


def _name_words(words: list[Token], leftwards: bool) -> list[Token]:
    """The words of a list item that can be a name: a function word, a verb or a number
    ends it (而|bet365, 通过|visa卡, 光大|为代表, e组|的|ac米兰)."""
    tags = dictionary_tags()

    def stop(t: Token) -> bool:
        return t.text in _STOP_CHARS or t.text[0].isdigit() or (len(t.text) > 1 and tags.get(t.text) in _STOP_TAGS)

    cut = [i for i, t in enumerate(words) if stop(t)]
    if not cut:
        return words
    return words[cut[-1] + 1:] if leftwards else words[:cut[0]]


def _listed_name(item: str, words: Sequence[Token]) -> bool:
    tags = dictionary_tags()
    if not all(_CORE_CHAR.match(c) for c in item) or chinese_name_shape(item) or tags.get(item) in ("nr", "nrfg", "nrt"):
        return False
    if all(tags.get(w.text) == "ns" or _is_place(w.text) for w in words):
        return False  # 北京、上海: places
    cues = lexicons.cues()
    if item.endswith(tuple(cues["not_org_head"] | cues["place_after_name"])):
        return False  # 国家森林公园、奥林匹克水上公园: places and facilities
    return any((tags.get(w.text) is None and len(w.text) > 1) or tags.get(w.text) in _PROPER_TAGS - {"ns", "nr"}
               for w in words)


def _generic_name(name: str) -> bool:
    """研发中心, 董事会: a word naming a kind of unit, which says which one only where it stands."""
    return name in lexicons.org_suffix_words() or name in lexicons.cues()["generic_org"] or is_common_word(name)


def _names_more(text: str, end: int) -> bool:
    """青禾|园区, 青禾|研究院: the short name begins a longer name of something else — not a
    one-character suffix that is a verb here, with the clause going on (青禾|会不会, 青禾|所有)."""
    suffix = _suffix_pattern().match(text, end)
    if suffix and len(suffix.group(0)) == 1 and dictionary_tags().get(suffix.group(0)) in ("v", "c") \
            and "\u3400" <= text[end + 1:end + 2] <= "\u9fff":
        suffix = None
    if suffix and any(text.startswith(w, end) and len(w) > len(suffix.group(0)) for w in _titles_at(text, end)):
        suffix = None  # 机电学院|院长: a title follows, not a longer name
    return bool(suffix) or any(text.startswith(w, end) for w in lexicons.cues()["place_after_name"] if len(w) > 1)


def _titles_at(text: str, pos: int) -> list[str]:
    return [text[pos:pos + n] for n in range(2, 5) if text[pos:pos + n] in lexicons.titles().base]


_ALIAS_DEFINITION = re.compile(r"[（(](?:以下|下文)?(?:简称|称)[:：]?[“\"「『]([^”\"」』（）()]{2,12})[”\"」』][）)]")


def _defined_aliases(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """青禾智能装备股份有限公司（以下简称“青禾智能”）: the text names its own short form for an
    organization — even a generic one (“公司”), which then means that organization — or gives
    it in brackets (世界卫生组织（世卫组织）: characters of the name, in order); an
    announcement's 证券简称 names the listed company it spells."""
    out: dict[str, Mention] = {}
    for m in mentions:
        definition = _ALIAS_DEFINITION.match(text, m.end)
        if definition:
            out.setdefault(definition.group(1), m)
        bracketed = _BRACKETED_SHORT_FORM.match(text, m.end)  # 香港科技园公司（科技园公司）, 世界卫生组织（世卫组织）
        if bracketed and len(bracketed.group(1)) < len(m.text) and _in_order(bracketed.group(1), m.text) \
                and not _is_place(bracketed.group(1)):
            out.setdefault(bracketed.group(1), m)
    for alias, company in _listed_companies(text, mentions):  # 证券简称：青禾智能 … 青禾智能装备股份有限公司
        out.setdefault(alias, company)
    return out


def _listed_companies(text: str, mentions: list[Mention]) -> list[tuple[str, Mention]]:
    found = []
    for listed in _STOCK_NAME.finditer(text):
        alias = listed.group(1)
        company = next((m for m in mentions if m.text != alias and m.text.startswith(alias[:2])
                        and _in_order(alias, m.text) and _company_form(m.text)), None)
        if company is not None:
            found.append((alias, company))
    return found


_OWN_COMPANY = re.compile(r"(?:(?<=本)|(?<![\u3400-\u9fff]))(?:本)?公司")


def _issuer_before_titles(text: str, mentions: list[Mention], covered: SpanIndex) -> list[Mention]:
    """公司董事会秘书吴嘉欣, 本公司董事长: in a listed company's announcement or report (证券简称：…),
    or in a text about one company it names a short form for (云栖科技股份有限公司（以下简称“云栖科技”）),
    a bare 公司 before a title is that company."""
    issuers = {company.key: company for _, company in _listed_companies(text, mentions)}
    if not issuers:
        issuers = {m.key: m for m in mentions if _company_form(m.text) and _ALIAS_DEFINITION.match(text, m.end)}
    if len(issuers) != 1:
        return []
    issuer = next(iter(issuers.values()))
    out = []
    for hit in _OWN_COMPANY.finditer(text):
        s, e = hit.span()
        if title_pattern().match(text, e) and not covered.overlaps(s, e):  # 公司|首席财务官
            covered.add(s, e)
            out.append(Mention(EntityType.ORG, s, e, hit.group(), round(issuer.confidence * 0.8, 3), "org-alias", norm=issuer.key))
    return out


_BRACKETED_SHORT_FORM = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[）)]")
_STOCK_NAME = re.compile(r"(?:证券|股票|A股|H股)简称[:：]\s*([\u4e00-\u9fffA-Za-z]{2,8})")


def _in_order(short: str, name: str) -> bool:
    """Every character of ``short`` occurs in ``name`` in the same order (青禾智能 in 青禾智能装备…)."""
    rest = iter(name)
    return all(c in rest for c in short)


def _short_forms(mentions: list[Mention]) -> dict[str, Mention]:
    tags = dictionary_tags()
    forms: dict[str, Mention] = {}
    unit_starts = {m.end for m in mentions}
    for m in mentions:
        if len(m.text) >= 2 and m.text.isalnum() and (not _generic_name(m.text) or m.start in unit_starts):
            forms.setdefault(m.text, m)  # the name itself, wherever else it occurs — also a unit the
            # text named under its parent (南京航空航天大学|机电学院 … 机电学院院长)
        legal = next((f for f in _LEGAL_FORMS if m.text.endswith(f)), None)
        if legal is None:
            continue
        core = m.text[:-len(legal)]
        place = next((n for n in (4, 3, 2) if _is_place(core[:n]) or core[:n].endswith(_PLACE_SUFFIXES[:3])), 0)
        for short in {core, core[place:]}:
            if len(short) >= 2 and short.isalnum() and not is_common_word(short) and not _is_place(short) \
                    and tags.get(short) not in ("v", "vn", "a", "ns") and short not in lexicons.org_suffixes():
                forms.setdefault(short, m)
    return forms


def _dictionary_names(text: str, sentences: Sequence[Sentence], titles: Sequence[Mention],
                      found: list[Mention]) -> list[Mention]:
    """Whole words that the dictionary knows as organizations (CC-CEDICT: 阿森纳, 七喜), where
    nothing else was found; less certain than the curated lexicon."""
    names = lexicons.gazetteer_organizations()
    taken = SpanIndex((m.start, m.end) for m in [*found, *titles])
    out = []
    for s in sentences:
        for i, t in enumerate(s.tokens):
            if len(t.text) < 2 or t.text not in names or taken.overlaps(t.start, t.end):
                continue
            around = (s.tokens[i - 1].text if i else "") + (s.tokens[i + 1].text if i + 1 < len(s.tokens) else "")
            if any(dot in around for dot in lexicons.NAME_DOTS) or _across_appointee(text, t.start, t.end):
                continue  # 罗兰·杜邦: a part of a foreign person's name, not the company 杜邦 (任命…丽|华为)
            out.append(Mention(EntityType.ORG, t.start, t.end, t.text, 0.55, "org-dictionary"))
    return out


_MAX_SHORT_NAME_CHARS = 8


def _short_company_names(text: str, sentences: Sequence[Sentence], titles: Sequence[Mention],
                         found: list[Mention]) -> list[Mention]:
    """蓝湾制药总经理, 青禾投资主管会计: a company's short name — its own name plus a line
    of business (``industry`` in cues.tsv), without a legal form — right before a title."""
    industry = lexicons.cues()["industry"]
    tags = dictionary_tags()
    taken = SpanIndex((m.start, m.end) for m in [*found, *titles])
    out = []
    tokens = [t for s in sentences for t in s.tokens]
    ending = {t.end: t for t in tokens}
    holding = {i: t.text for t in tokens for i in range(t.start, t.end)}
    for title in titles:
        last = ending.get(title.start)
        if last is None or taken.overlaps(title.start - 1, title.start):
            continue
        line = max((w for w in industry if last.text.endswith(w)), key=len, default=None)  # 新能源, not 能源
        if line is None:
            continue
        start = last.start if len(last.text) > len(line) else None  # jieba kept 蓝湾制药 whole
        if start is None or tags.get(last.text) is not None:
            start = title.start - len(line)
            t = ending.get(start)
            while t is not None and _name_word(t.text, tags) and title.start - t.start <= _MAX_SHORT_NAME_CHARS:
                start = t.start
                t = ending.get(start)
        while start < title.start and text[start] in _GLUED_STOPS and _unknown_word(holding.get(start)):
            start += 1
        own = text[start:title.start - len(line)]
        if len(own) < 2 or taken.overlaps(start, title.start):
            continue
        taken.add(start, title.start)
        out.append(Mention(EntityType.ORG, start, title.start, text[start:title.start], 0.6,
                           "org-grammar:short-name"))
    return out


_EMPLOYER_FUNCTION_TAGS = {"r", "m", "q", "p", "c", "u", "uj", "ul", "f", "y", "e", "o"}


def _employers(text: str, sentences: Sequence[Sentence], titles: Sequence[Mention],
               found: list[Mention]) -> list[Mention]:
    """现任欣旺达监事, 总经理，康达新材董事: the words between a verb of holding office (or
    the separator after another post) and a title name where the post is held. Only a
    name counts — a word jieba does not know or a proper noun in it, not a place alone,
    not a person, not an ordinary phrase (任中学数学教师, 任美国总统)."""
    tags = dictionary_tags()
    cues = lexicons.cues()
    taken = SpanIndex((m.start, m.end) for m in [*found, *titles])
    title_ends = {t.end for t in titles}
    ending = {t.end: t for s in sentences for t in s.tokens}
    out = []
    for title in titles:
        if title.text.lstrip("副前原") in _HEADS_OF_STATE:
            continue  # 布基纳法索总统: a country
        words: list[Token] = []
        t = ending.get(title.start)
        while t is not None and title.start - t.start <= _MAX_SHORT_NAME_CHARS and not taken.overlaps(t.start, t.end):
            if t.text[0] == "任" and len(t.text) > 2 and tags.get(t.text) is None:
                t = Token(t.text[1:], t.start + 1, t.end)  # jieba glued the verb to an unknown name: 任康达|新材
            words.insert(0, t)
            holds = _preceded_by(text, t.start, cues["holding_office"]) \
                and not _preceded_by(text, t.start, cues["appointing"])  # 聘任X为: X is the person
            opened = holds or (text[t.start - 1:t.start] in _POST_SEPARATORS and t.start - 1 in title_ends)
            if opened and _employer_words(words, tags):
                start = words[0].start
                taken.add(start, title.start)
                out.append(Mention(EntityType.ORG, start, title.start, text[start:title.start], 0.6,
                                   "org-grammar:employer"))
                break
            t = ending.get(t.start)
    return out


def _preceded_by(text: str, pos: int, words: frozenset[str]) -> bool:
    return any(text.endswith(w, 0, pos) for w in words)


_POST_SEPARATORS = ("、", "，", ",", "；", ";")
_HEADS_OF_STATE = ("总统", "首相", "国王", "女王", "总督", "元首", "州长")


def _employer_words(words: list[Token], tags: dict[str, str]) -> bool:
    name = "".join(w.text for w in words)
    word_tags = [tags.get(w.text) for w in words]
    if len(name) < 2 or not all(_CORE_CHAR.match(c) for c in name) or name in lexicons.cues()["generic_org"]:
        return False
    if any(tag in _EMPLOYER_FUNCTION_TAGS for tag in word_tags) or word_tags[0] == "d" or name[0] in _STOP_CHARS \
            or name[0].isdigit():
        return False  # 任该校校长, 任两家公司董事, 曾任其…, 11国新任
    if name[-1] == "任":
        return False  # 孙宏任|董事: a name and the verb jieba glued to it
    cues = lexicons.cues()
    if any(w.text in cues["person_after"] or w.text in cues["org_stop"] for w in words):
        return False  # 黎川告诉|记者: a clause, not a name
    if any(tag in ("v", "vn") and len(w.text) > 1 and (i + 1 == len(words) or word_tags[i + 1] != "n")
           for i, (w, tag) in enumerate(zip(words, word_tags))):
        return False  # 引入维冈|球员, 日本建筑史研究|专家 — but a verb may modify a noun (复合面料), and one
        # character jieba splits off is part of a name (欣旺|达)
    if all(tag == "ns" or _is_place(w.text) for w, tag in zip(words, word_tags)):
        return False  # 任美国总统, 任宁波副市长: a place
    if len(words) == 1 and (is_common_word(name) or chinese_name_shape(name) or tags.get(name) in ("nr", "nrfg")):
        return False  # 任项目经理, 担任王伟助理
    return any((tag is None and len(w.text) > 1) or tag in _PROPER_TAGS for w, tag in zip(words, word_tags))


def _name_word(word: str, tags: dict[str, str]) -> bool:
    """A word that can be a company's own name: unknown to jieba, a place or a proper noun."""
    tag = tags.get(word)
    return (tag is None and len(word) > 1) or tag in _PROPER_TAGS

_MAX_SIDE_CHARS = 8


def _match_sides(text: str, sentences: Sequence[Sentence], found: list[Mention]) -> list[Mention]:
    """国米vs莱切, 切尔西对阵博尔顿: the two sides of a fixture are teams (clubs), even
    without a suffix. A side is the run of name-like words next to the connector: unknown
    words, places and proper nouns, never a person's name or a common word (推荐)."""
    between = lexicons.cues()["match_between"]
    taken = SpanIndex((o.start, o.end) for o in found)
    out = []
    for sentence in sentences:
        tokens = sentence.tokens
        for k, t in enumerate(tokens):
            if t.text not in between:
                continue
            for span in (_side(text, tokens[:k][::-1], t.start, leftwards=True),
                         _side(text, tokens[k + 1:], t.end, leftwards=False)):
                if span and not taken.overlaps(*span):
                    taken.add(*span)
                    out.append(Mention(EntityType.ORG, span[0], span[1], text[span[0]:span[1]], 0.6,
                                       "org-grammar:match"))
    return out


def _side(text: str, tokens: Sequence[Token], edge: int, leftwards: bool) -> tuple[int, int] | None:
    """The name-like words running away from the connector at ``edge``."""
    tags = dictionary_tags()
    start = end = edge
    for t in tokens:
        if (t.end if leftwards else t.start) != (start if leftwards else end):
            break
        tag = tags.get(t.text)
        name_like = tag in _PROPER_TAGS or (tag is None and len(t.text) > 1) \
            or (len(t.text) == 1 and (tag in (None, "n", "ng", "nr", "ns", "j")
                                      or t.text in lexicons.transliteration_chars()))
        if not name_like or not all(_CORE_CHAR.match(c) for c in t.text) or t.text.isdigit():
            break
        if (end if leftwards else t.end) - (t.start if leftwards else start) > _MAX_SIDE_CHARS:
            break
        start, end = (t.start, end) if leftwards else (start, t.end)
    if end - start < 2 or chinese_name_shape(text[start:end]):
        return None  # 李娜vs王蔷: players, not teams
    return start, end


def chinese_name_shape(word: str) -> bool:
    """A common surname and a one- or two-character given name (李娜, 诸葛云飞), not a
    transcription (马拉多纳)."""
    from kg.extract.persons import is_transcription  # persons reads this module's tags: import late

    surnames = lexicons.surnames()
    for k in (2, 1):
        if surnames.get(word[:k]) is False and 1 <= len(word) - k <= 2:
            return not is_transcription(word)
    return False


# Titles of the head of a place's government: the place before them is that government.
PLACE_HEAD_TITLES = ("省长", "市长", "县长", "区长", "镇长", "乡长", "州长", "旗长")


def _place_governments(text: str, sentences: Sequence[Sentence], titles: Sequence[Mention],
                       found: list[Mention]) -> list[Mention]:
    """河北省涿州副市长: the place names right before a mayor-like title name the
    government the post belongs to (涿州 here stands for 涿州市); before a party committee's
    post (青石镇党委书记) they name that committee (青石镇党委)."""
    tags = dictionary_tags()
    taken_ends = {o.end for o in found}
    ending = {t.end: t for s in sentences for t in s.tokens}
    out = []
    for title in titles:
        committee = title.text.startswith(_PARTY_COMMITTEES)
        if not (title.text.endswith(PLACE_HEAD_TITLES) or committee) or title.start in taken_ends:
            continue
        start = title.start
        t = ending.get(start)
        while t is not None and (tags.get(t.text) == "ns" or (len(t.text) > 1 and t.text.endswith(_PLACE_ENDS)
                                                             and not is_common_word(t.text))  # not 小镇
                                 or t.text in _PLACE_ENDS and (prior := ending.get(t.start)) is not None
                                 and len(prior.text) > 1 and tags.get(prior.text) in (None, "n", "nr", "ns", "nz")):
            start = t.start  # (青石|镇: jieba split an unknown place from its 镇)
            if t.text in _PLACE_ENDS:
                start = ending[t.start].start
            t = ending.get(start)
        if start < title.start:
            # 青石镇党委书记: the place's party committee, sharing 党委 with the title
            end = title.start + len(next(c for c in _PARTY_COMMITTEES if title.text.startswith(c))) if committee else title.start
            out.append(Mention(EntityType.ORG, start, end, text[start:end], 0.7, "org-grammar:place-government"))
    return out


_LOCAL_BODY_HEADS = ("人民政府", "政府", "人民医院", "中医院", "医院", "人民法院", "法院", "人民检察院", "检察院",
                     "党委", "党支部", "委员会", "委会", "委")
_LEVEL_CHARS = "省市县区镇乡村"


@lru_cache(maxsize=1)
def _bare_body_pattern() -> re.Pattern[str]:
    portfolios = lexicons.alternation(sorted(lexicons.portfolio_words(), key=len, reverse=True))
    heads = lexicons.alternation(_LOCAL_BODY_HEADS)
    return re.compile(rf"([{_LEVEL_CHARS}])((?:{portfolios})(?:局|厅|委)|{heads})")


def _bare_local_bodies(text: str, sentences: Sequence[Sentence], found: list[Mention]) -> list[Mention]:
    """县人民医院, 市政府, 村委会, 市教育局: a body named by its level alone is the body of the
    last place of that level the document named (东岳县 … 县人民医院 is 东岳县人民医院, its
    ``norm``); with no such place it is a kind of body and no mention."""
    tokens = [t for s in sentences for t in s.tokens]
    same = {(m.start, m.end): m for m in found}
    out = list(found)
    taken = SpanIndex((m.start, m.end) for m in found)
    for m in _bare_body_pattern().finditer(text):
        s, e = m.span()
        grammar = same.get((s, e))  # the grammar may have read 县教育局 alone, without its county
        if grammar is None and taken.overlaps(s, e) \
                or _CORE_CHAR.match(text[s - 1:s] or " ") and text[s - 1] not in lexicons.GLUED_FUNCTION_CHARS:
            continue  # 东岳县人民医院 (the grammar's), 城市政府: only a level standing alone
        place = _last_place(tokens, m.group(1), s)
        if place is None:
            continue
        if grammar is not None:
            out.remove(grammar)
        out.append(Mention(EntityType.ORG, s, e, text[s:e], 0.6, "org-grammar:local-body-implied",
                           norm=place + m.group(2)))
        taken.add(s, e)
    return out


def _last_place(tokens: Sequence[Token], level: str, before: int) -> str | None:
    """The last place of a level (东岳县 for 县) named before ``before``: a word ending in the
    level character, or a name jieba split from it (东岳|县)."""
    last = None
    previous = None
    for t in tokens:
        if t.end > before:
            break
        if len(t.text) >= 3 and t.text.endswith(level) and not is_common_word(t.text) \
                and dictionary_tags().get(t.text) in (None, "ns"):
            last = t.text
        elif t.text == level and previous is not None and previous.end == t.start and len(previous.text) >= 2 \
                and dictionary_tags().get(previous.text) in (None, "ns", "nr", "n", "nz") and not is_common_word(previous.text):
            last = previous.text + level
        previous = t
    return last


_PARTY_COMMITTEES = ("党工委", "党委")  # 党委书记, 党委副书记, 党工委委员: posts of a place's committee
_PLACE_ENDS = ("省", "市", "县", "区", "镇", "乡")


def _in_sentence(text: str, sentence: Sentence, title_spans) -> list[Mention]:
    tokens = sentence.tokens
    token_end = {t.end for t in tokens}
    suffixes = lexicons.org_suffixes()
    found: list[Mention] = []
    last_end = sentence.start
    pos = sentence.start
    chunk = text[sentence.start:sentence.end]
    for m in _suffix_pattern().finditer(chunk):
        s, e = m.start() + sentence.start, m.end() + sentence.start
        suffix = suffixes[m.group(0)]
        if suffix.kind == "place":
            continue
        contracted = contracted_head(text, e, title_spans.starts) and _field_word_before(tokens, s)
        if s < pos or (title_spans.overlaps(s, e) and not contracted):
            continue
        if _suffix_continues(chunk, m.end(), suffix):
            continue  # 科技 in 科技有限公司, 通讯 in 通讯集团: the name goes on
        if text[s - 1:s] in ("(", "（") and text[e:e + 1] in (")", "）") and _suffix_pattern().match(text, e + 1):
            continue  # (集团) in 开关(集团)厂, 马钢(集团)控股有限公司: a legal form inside the name
        if e not in token_end and not contracted and not _glued_to_unknown_or_title(tokens, e):
            continue
        unit_word = _unit_after(found, tokens, s, e, suffix.kind in ("government", "academic"))  # 医院|儿科 (but not 大学|协办)
        if suffix.kind == "enterprise" and not suffix.strong and not suffix.needs_name \
                and _inside_common_word(tokens, s, e) and not unit_word:
            continue  # 高科技, 无线通讯: a dictionary word that ends in a weak suffix
        if suffix.text in _GOVERNMENTS and not _governs_a_place(tokens, s):
            continue  # 抗议政府, 高性能政府: a government is a place's (东岳省政府, 美国政府)
        if len(suffix.text) == 1 and not (suffix.needs_name and _kind_word_before(tokens, s, e)) \
                and _ends_common_word(tokens, s, e, suffix.kind == "government") and not (unit_word or suffix.unit_only):
            continue  # 干部, 内部, 到处: a word that merely ends in a suffix character
        if len(suffix.text) == 1 and s > 0 and dictionary_tags().get(text[s - 1:e]) in ("v", "d"):
            continue  # 一审|判处, 和睦|相处: the suffix character ends a verb, whatever jieba cut
        if suffix.text == "部" and s > 0 and text[s - 1] in lexicons.cues()["direction"]:
            continue  # 新疆北部, 东北地区南部: a part of a region
        if any(text.endswith(w, 0, e) for w in lexicons.cues()["venue"]):
            continue  # 图书馆报告厅, 三楼会议室: a room or a hall, not a body
        start = _left_edge(text, tokens, s, max(last_end, sentence.start), title_spans)
        if (suffix.kind == "enterprise" and suffix.strong) or (suffix.kind == "academic" and len(suffix.text) > 1):
            start = _registered_name_start(text, tokens, start, s, max(last_end, sentence.start), title_spans)
        bracketed = bool(found) and start == found[-1].end and _BRACKETED.fullmatch(text[start:s]) is not None
        start = _after_unmatched_bracket(text, start, s)  # （记者林立）市科技局: not 林立)市科技局
        if _BRACKET_FIRST.match(text[start:s]) and not bracketed:
            start = _name_before_bracket(text, tokens, start, max(last_end, sentence.start), title_spans)
        while start < s and text[start] in "()（）·":
            start += 1  # a name never starts with a bracket: 工作组(专委会) is an alias
        core = text[start:s]
        if _in_list_of_every(text, start) or any(w in core for w in lexicons.cues()["every"]):
            continue  # 各区县人民政府, 市政府各委, 各高等院校、科研院所: every body of a kind, not one
        if suffix.unit_only:
            if not (found and start == found[-1].end and found[-1].method.startswith(f"org-grammar:{suffix.kind}")
                    and len(core) >= 2 and not any(text.endswith(w, start, e) for w in lexicons.cues()["not_a_unit"])):
                continue  # 关系, 经济体系: 系 ends a department only after its university (审判庭 after its
                # court), with a field before it
        elif not suffix.strong and (len(core) < (1 if unit_word else 2) or not (contracted or _clean_right_edge(text, e, title_spans))):
            continue
        if contracted and chinese_name_shape(core):
            continue  # 孙明远|院长: a name and a title, not 孙明远院
        if core in lexicons.titles().modifiers:
            continue  # 首席|科技|总监: a title's modifier and field, not a company 首席科技
        if suffix.text in _VERBAL_SUFFIXES and _used_as_verb(text, e, title_spans):
            continue  # 为收藏界所称道, 村里办小学, 戴着高帽站在: the character is a verb here
        if suffix.needs_name and not _has_own_name(tokens, start, s):
            continue  # 蓄电池厂, 智力资本, 国际救援组织: ordinary words describe a kind, not a body
        if not suffix.strong and len(suffix.text) == 1 and start in title_spans.ends \
                and chinese_name_shape(text[start:e]) and not unit_word:
            continue  # 主任王立科|说: after a title, a name whose last character is also a suffix
        if not core and len(suffix.text) < 3:
            continue
        if _generic_noun(text[start:e], core) and not unit_word:
            continue  # 上市公司, 子公司 — but 广州市委|组织部 is a unit of its parent
        chained = bracketed or (bool(found) and start == found[-1].end)
        if not chained and not _distinctive(text, tokens, start, s):
            continue  # 保险公司, 外资银行, 加快政府: a kind of organization, not a name
        if _RANKED.search(core):
            continue  # 美国第一大银行, 全球第二大芯片厂: a rank describes, it does not name
        conf = 0.85 if suffix.strong else 0.7
        if bracketed:
            start = found.pop().start  # 环亚银行(中国)有限公司: a legal form after a bracketed place
        elif chained and len(core) <= 2 and suffix.kind in ("academic", "enterprise") \
                and not (core and found[-1].method.startswith("org-grammar:academic")):
            # 电网公司技术学院, 清华大学研究院: a unit with a generic core of two characters or
            # none is named with its parent (but a university's 机械学院 is a unit of its own)
            parent = found.pop()
            start = parent.start
        joined = any(j in text[start:s] for j in _JOINING_CHARS)
        found.append(Mention(EntityType.ORG, start, e, text[start:e], conf,
                             f"org-grammar:{suffix.kind}" + (":joined" if joined else "")))
        last_end = pos = e
    return found


_NATIONAL_SCOPE = ("国家", "中国", "中华", "中央", "全国", "国务院", "中共")


def _local_body(alias: str, word_ends: dict[int, str], start: int) -> int:
    """湖南省卫健委, 杭州市发改委: a national body's short name (卫健委 for 国家卫健委) right
    after a Chinese province, city or county is that place's own body; returns where the
    place begins (``start`` if there is none)."""
    full = lexicons.known_organizations()[alias]
    if alias.startswith(_NATIONAL_SCOPE) or not full.startswith(_NATIONAL_SCOPE):
        return start
    begin = start
    while (word := word_ends.get(begin)) is not None and not _foreign_country(word):
        if word in _PLACE_SUFFIXES and word_ends.get(begin - 1) is not None:
            word = word_ends[begin - 1] + word  # jieba split an unknown place: 东岳|省
        if len(word) > 1 and word[-1] in "省市县区" and any(c in _STOP_CHARS for c in word) and not _is_place(word):
            return begin - 1  # 局和|市, 由|市: jieba glued a word or a function word to the bare 市
        if not (len(word) > 1 and (word.endswith(_PLACE_SUFFIXES) or _is_place(word))):
            break
        begin -= len(word)
    return begin


def _in_list_of_every(text: str, start: int) -> bool:
    """Whether a name starting at ``start`` is in a list that 各 (every) opens (各设区市科技局,
    各高等院校、科研院所): such names are kinds of body, not one."""
    every = tuple(lexicons.cues()["every"])
    clause_start = max(text.rfind(c, 0, start) for c in "，,。；;：:\n") + 1
    clause = text[clause_start:start]
    return text.endswith(every, 0, start) or text[start - 1:start] == "、" and clause.startswith(every) \
        and all(c.isalpha() or c == "、" for c in clause)


def _ends_inside_suffix_word(end: int, word_ends: dict[int, str]) -> bool:
    """Whether the jieba word running across ``end`` is an organization suffix (委员会 across
    the 委 of 卫生健康委): the name goes on to the longer suffix."""
    for stop in range(end + 1, end + 6):
        word = word_ends.get(stop)
        if word is not None and stop - len(word) < end:
            return word in lexicons.org_suffixes()
    return False


def _foreign_country(word: str | None) -> str | None:
    """``word`` if it names a country other than China (places.tsv, class country)."""
    place = places().get(word) if word else None
    return word if place is not None and place.kind == "country" and place.en != "China" else None


def contracted_head(text: str, end: int, title_starts: set[int]) -> bool:
    """外交部长, 财政部长, 教育局长: the head of a body is named by the body's last character
    plus 长, so the organization (外交部) ends inside the title (部长), sharing one character.
    A doubled character (检察厅厅长) is the body's full suffix followed by the whole title."""
    return end - 1 in title_starts and text[end:end + 1] == "长" and text[end - 2:end - 1] != text[end - 1:end]


def _field_word_before(tokens: Sequence[Token], s: int) -> bool:
    """财政|部长, 教育|局长: a dictionary word naming a field precedes the contracted body —
    not a person's name (林启华|处长 is a name and a title)."""
    word = next((t.text for t in tokens if t.end == s), None)
    tag = dictionary_tags().get(word) if word else None
    return tag in ("n", "vn", "nz", "ns", "nt", "j") and len(word) > 1


def _unit_after(found: list[Mention], tokens: Sequence[Token], s: int, e: int, office: bool = False) -> bool:
    """广州市委|组织部, 人民政府|办公厅, 检察院|第四|检察厅: right after an organization (and
    perhaps an ordinal), a common word ending in a suffix, or an ``office`` suffix (of a
    government or academic body, not 董事会) of three or more characters on its own
    (人民政府|办公室), is a unit inside it."""
    word = next((t for t in tokens if t.start < s and t.end == e), None)
    if word is None and office and found and found[-1].end == s and e - s >= 3:
        return any(t.start == s and t.end == e for t in tokens)  # 人民政府|办公室: the suffix word alone
    if word is None or not found:
        return False
    ordinal = next((t for t in tokens if t.end == word.start and _ORDINAL.fullmatch(t.text)), None)
    return found[-1].end in (word.start, ordinal and ordinal.start) \
        and dictionary_tags().get(word.text) in (None, "n", "nt", "nz", "nr")  # jieba tags 呼吸科 nr


def _ends_common_word(tokens: Sequence[Token], s: int, e: int, government: bool = False) -> bool:
    """The jieba word ending with this one-character suffix is an ordinary dictionary
    word (干部 n, 全部 m), not an organization name (外交部 nt) or an unknown word."""
    word = next((t for t in tokens if t.start < s and t.end == e), None)
    if word is None:
        return False
    tags = dictionary_tags()
    tag = tags.get(word.text)
    head = word.text[:s - word.start]
    if tags.get(head) in _PROPER_TAGS:
        return False  # 巴西队, 德国队: a name plus the suffix, however jieba tags the whole
    if government and len(head) >= 2 and tags.get(head) in ("n", "vn") \
            and (s - word.start + 1 == len(word.text)) and (word.text[-1] != "部" or _after_place(tokens, word)):
        return False  # 教育|局, 文化|厅, 埃及|文化|部: a field and a government suffix (not 干|部,
        # 全|部; and a 部 only after a place: 公司|财务部 is a department)
    return tag is not None and tag not in ("nt", "ns", "nz")


_PROPER_TAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"}


def _after_place(tokens: Sequence[Token], word: Token) -> bool:
    before = next((t.text for t in tokens if t.end == word.start), None)
    return before is not None and (_is_place(before) or _foreign_country(before) is not None
                                   or before in _NATIONAL_SCOPE)


def _suffix_continues(chunk: str, end: int, suffix) -> bool:
    """A descriptive suffix (科技, 通讯 — weak enterprise words) directly followed by
    another suffix, a business word followed by a legal form (商业银行股份有限公司), or a
    one-character unit word before a legal form (东岳芯科股份有限公司) is part of a longer name."""
    if suffix.kind != "enterprise":
        # 东岳芯科|股份有限公司: a one-character unit word right before a legal form is part of a brand
        return len(suffix.text) == 1 and chunk.startswith(_LEGAL_FORMS, end)
    following = _suffix_pattern().match(chunk, end)
    return following is not None and (not suffix.strong or following.group(0) in _LEGAL_FORMS)  # 银行|股份有限公司


def _glued_to_unknown_or_title(tokens: Sequence[Token], end: int) -> bool:
    """jieba glued the suffix to the next characters: allow it when that token is not a
    dictionary word (厅产 from OOV text) or its rest is a title (处处长 = 处 + 处长);
    a real word (局部, 处理, 部分) means the suffix character is not a suffix here."""
    for t in tokens:
        if t.start < end < t.end:
            rest = t.text[end - t.start:]
            return rest in lexicons.titles().base or t.text not in dictionary_tags()
    return False


def _left_edge(text: str, tokens: Sequence[Token], suffix_start: int, floor: int, title_spans) -> int:
    """Grow the core leftwards over jieba words until a boundary."""
    tags = dictionary_tags()
    stops = lexicons.cues()["org_stop"]
    match_words = lexicons.cues()["match_between"]
    match_verbs = lexicons.cues()["match_after"]  # 逼平|德国队, 击败|东道主队
    start = suffix_start
    # jieba may glue the suffix to its core (工信厅, 科技股份): the glued part is core
    inside = next((t for t in tokens if t.start < suffix_start < t.end), None)
    if inside is not None and inside.start >= floor and all(_CORE_CHAR.match(c) for c in text[inside.start:suffix_start]):
        start = inside.start
    left = [t for t in tokens if t.end <= start]
    for k in range(len(left) - 1, -1, -1):
        t = left[k]
        if t.end == start and t.start < floor <= t.end - 1 and t.text[-1] in "省市县区" and not _is_place(t.text):
            start = t.end - 1  # 局和市|发展改革委: jieba glued the end of the previous name to the bare 市
            break
        if t.end != start or t.start < floor:
            break
        piece = text[t.start:start]
        if title_spans.overlaps(t.start, start):
            break
        if t.text in _JOINING_CHARS and start < suffix_start and k > 0 and _joins_nouns(left[k - 1], t, floor) \
                and not _named_on_its_own(text, start, suffix_start):
            start = t.start  # 车辆与运载学院, 机械科学与工程学院: 与 joins two fields of one name
            continue
        if t.text.startswith("驻") and k > 0 and _is_place(left[k - 1].text):
            start = t.start  # 中国驻埃及大使馆, 法国驻华大使馆: one country's mission in another
            continue
        if len(t.text) > 1 and t.text[0] in lexicons.GLUED_FUNCTION_CHARS and t.text not in tags and t.end == start:
            start = t.start + 1  # 具体|由市|农业农村局: jieba glued a function word to the name's first character
            break
        if piece in lexicons.cues()["suffix_modifier"] and start == suffix_start:
            start = t.start  # 具身智能|联合|实验室: a word that qualifies the suffix, the name is before it
            continue
        if not all(_CORE_CHAR.match(c) for c in piece) or piece in stops or t.text in match_words \
                or t.text in match_verbs or (len(t.text) > 1 and t.text[-1] in _ASPECT):
            break  # (抱着, 抢走了: a verb with its aspect particle)
        tag = tags.get(t.text)
        # a verb right before the suffix names the unit's work (智能驾驶事业群); further left
        # it governs the name (走访蓝海科技有限公司)
        verb_inside = tag == "v" and start == suffix_start and t.text not in lexicons.cues()["person_after"]  # not 当选
        # a verb before 科学, 工程 or 技术 joined to another field names a discipline
        # (控制科学与工程学院; not 发展|科学技术协会)
        discipline = tag == "v" and any(text.startswith(w, t.end) for w in lexicons.cues()["discipline_head"]) \
            and any(j in text[t.end:suffix_start] for j in _JOINING_CHARS)
        ordinal = _ORDINAL.fullmatch(t.text) is not None  # 第三海洋研究所, 第一中学
        compass = t.text in _COMPASS_WORDS  # 南方话剧团, 北方工业大学
        if piece.isdigit() and t.end == suffix_start and k > 0 and _designated(text, left[k - 1], t, floor):
            start = t.start  # 北京军区|51029|部队, 国营|135|工厂: a number designates the unit of a named body
            continue
        if (len(t.text) > 1 and tag in _STOP_TAGS and not (verb_inside or discipline or ordinal or compass)) \
                or t.text in _STOP_CHARS or piece.isdigit():
            break
        if suffix_start - t.start > MAX_CORE_CHARS:
            break
        start = t.start
    while text.startswith(_JOINING_CHARS, start):
        start += 1  # a joiner whose left side was not taken (代表和专家顾问委员会) is not part of it
    while start < suffix_start and ((text[start] in _GLUED_STOPS
                                     and _unknown_word(next((t.text for t in tokens if t.start <= start < t.end), None)))
                                    or (text[start] in "年月日所家个座" and text[start - 1:start].isdigit())
                                    or (text[start] == "任" and text[start - 1:start] in _BEFORE_REN)):
        start += 1  # jieba glued a verb, date or counter to the name (年任|北京…, 任蓝纶|科技, 9月|华油…, 57所|…)
    return _detach_name(text, tokens, start, suffix_start, title_spans)


def _designated(text: str, before: Token, number: Token, floor: int) -> bool:
    """北京军区|51029|部队: a number right before a suffix of two characters or more (部队, 工厂,
    医院), after a name word, designates a unit. After a verb or particle, or before a
    one-character suffix, it counts things (建起了|57|所, 120|部)."""
    suffix = _suffix_pattern().match(text, number.end)
    return suffix is not None and len(suffix.group(0)) > 1 and before.end == number.start and before.start >= floor \
        and all(_CORE_CHAR.match(c) and not c.isdigit() for c in before.text) and before.text not in _STOP_CHARS \
        and dictionary_tags().get(before.text) not in _STOP_TAGS


def _registered_name_start(text: str, tokens: Sequence[Token], start: int, suffix_start: int, floor: int,
                           title_spans) -> int:
    """A registered company name is place + trade name + trade + legal form (大连|洁净易超净|技术|有限公司).
    Where the left edge stopped at a trade-name word jieba reads as a verb, adverb or time word
    (超净, 大为, 现代) and a place name lies a few words further left, with no punctuation,
    title or sentence verb (成立, 收购, 任) between, the name starts at the place."""
    stops = lexicons.cues()["org_stop"] | lexicons.cues()["holding_office"] | lexicons.cues()["appointing"]
    pos = start
    for t in reversed([t for t in tokens if t.end <= start]):
        if t.end != pos or t.start < floor or suffix_start - t.start > MAX_CORE_CHARS:
            break
        if title_spans.overlaps(t.start, t.end) or not all(_CORE_CHAR.match(c) for c in t.text) \
                or t.text in stops or t.text in _STOP_CHARS or t.text[-1] in _ASPECT:
            break
        if _is_place(t.text) and pos < start:
            return _places_before(tokens, t.start, floor)
        pos = t.start
    return start


def _places_before(tokens: Sequence[Token], start: int, floor: int) -> int:
    """江苏|新宁: a county's name is often given with its province."""
    for t in reversed([t for t in tokens if t.end <= start]):
        if t.end != start or t.start < floor or not _is_place(t.text):
            break
        start = t.start
    return start


def _name_before_bracket(text: str, tokens: Sequence[Token], start: int, floor: int, title_spans) -> int:
    """泰安高压开关(集团)厂: a bracketed word inside a name means the name goes on before it,
    over any content words (jieba tags 开关 a verb here) up to a function word or punctuation."""
    tags = dictionary_tags()
    begin = start
    for t in reversed([t for t in tokens if floor <= t.start and t.end <= start]):
        if t.end != begin or not t.text.isalnum() or t.text in _STOP_CHARS or title_spans.overlaps(t.start, t.end) \
                or (tags.get(t.text) in _STOP_TAGS - {"v"}) or start - t.start > MAX_CORE_CHARS:
            break
        begin = t.start
    while text[begin:begin + 1] in _STOP_CHARS or _GLUED_VERB.match(text, begin):
        begin += 1
    return begin if begin < start else start


_GOVERNMENTS = ("政府", "人民政府")
_PLACE_WORD_ENDS = ("省", "市", "县", "区", "州", "国", "镇", "乡", "村", "旗")


def _inside_common_word(tokens: Sequence[Token], s: int, e: int) -> bool:
    """The suffix ends a dictionary word, whole or split by jieba (高科技, 无线|通讯)."""
    word = next((t.text for t in tokens if t.start < s and t.end == e), None)
    if word is None:
        before = next((t.text for t in tokens if t.end == s), "")
        suffix = next((t.text for t in tokens if t.start == s and t.end == e), "")
        word = before + suffix if before and suffix else None
    return word is not None and is_common_word(word)


def _governs_a_place(tokens: Sequence[Token], s: int) -> bool:
    """The word before 政府 names a place or a leader (金大中新政府 aside): a place name,
    a word ending like one, or a word jieba does not know."""
    word = next((t.text for t in tokens if t.end == s), None)
    if word is None:
        return True  # glued by jieba (市政府): judged by the rest of the grammar
    return _is_place(word) or word.endswith(_PLACE_WORD_ENDS) \
        or dictionary_tags().get(word) in (None, "nr", "nrt", "nrfg", "j", "nt")


def _after_unmatched_bracket(text: str, start: int, end: int) -> int:
    """Where a name may start so that it holds no bracket without its partner: not
    林立)市科技局, nor 温可欣(东岳市经信局 (a name's affiliation in brackets after it)."""
    opened: list[int] = []
    for i in range(start, end):
        if text[i] in "(（":
            opened.append(i)
        elif text[i] in ")）":
            if not opened:
                start = i + 1
            else:
                opened.pop()
    return opened[-1] + 1 if opened else start


def _is_place(word: str) -> bool:
    return dictionary_tags().get(word) == "ns" or word in places()


_JOINING_CHARS = ("与", "和")
_BEFORE_REN = set("曾现兼历出担继转改升")  # 曾|任安凯…: 任 after these is the verb "to serve as"
_BRACKET_FIRST = re.compile(r"[(（][^()（）]{1,8}[)）]")
_GLUED_VERB = re.compile("[曾现兼起]?任")  # 曾任|泰安…: jieba glues the verb to the name
_COMPASS_WORDS = {"东方", "西方", "南方", "北方"}
_BRACKETED = re.compile(r"[(（][^()（）]{1,8}[)）]")
_RANKED = re.compile(r"第[一二三四五六七八九十0-9]+大")
_ORDINAL = re.compile(r"第[一二三四五六七八九十百零〇0-9]+")
_GLUED_STOPS = _STOP_CHARS | set("年月日起系")  # 系 "is": 吴某|系该|公司


def _unknown_word(word: str | None) -> bool:
    """The word is unknown to jieba, or a lone function character (月)."""
    if word is None:
        return False
    return word not in dictionary_tags() if len(word) > 1 else dictionary_tags().get(word) in _STOP_TAGS


def _named_on_its_own(text: str, start: int, suffix_start: int) -> bool:
    """团队与|清华大学: what follows 与 is a listed organization already, so the words before
    与 are not a field of its name."""
    suffix = _suffix_pattern().match(text, suffix_start)
    whole = text[start:suffix.end()] if suffix else ""
    return whole in lexicons.known_organizations()


def _joins_nouns(before: Token, joiner: Token, floor: int) -> bool:
    """与/和 inside a name joins two fields (车辆与运载): the word before it is a
    two-character-or-longer noun that is not the end of a previous name (and, at the call,
    what follows it is no listed organization: 团队与|清华大学 are two things)."""
    return before.end == joiner.start and before.start >= floor and len(before.text) >= 2 \
        and dictionary_tags().get(before.text) in ("n", "vn", "nz")


def _detach_name(text: str, tokens: Sequence[Token], start: int, suffix_start: int, title_spans) -> int:
    """After a title, a surname + given name glued to an organization (副主任孙明蓝海能源)
    belongs to the person: the organization starts after it, at a word boundary. After a
    verb of appointment the person comes first and 为 says what they become
    (聘任覃丽华|为|公司财务总监): nothing before 为 is part of a name."""
    appointing = lexicons.cues()["appointing"]
    named = start + max((len(v) for v in appointing if text.startswith(v, start)), default=0)  # jieba glued 任命|庞|春雷|为市
    if named > start or any(text.endswith(verb, 0, start) for verb in appointing):
        cut = text.find("为", named, suffix_start)
        if cut != -1 and chinese_name_shape(text[named:cut]):
            return cut + 1
    if start not in title_spans.ends:
        return start
    names = lexicons.surnames()
    starts = {t.start for t in tokens}
    for surname_len in (2, 1):
        if text[start:start + surname_len] in names:
            for given in (1, 2):
                cut = start + surname_len + given
                rest = text[cut:suffix_start]
                if cut in starts and len(rest) >= 2 and rest[:2] in dictionary_tags():
                    return cut
    return start


def _clean_right_edge(text: str, end: int, title_spans) -> bool:
    """A weak suffix must be followed by a title, another unit, punctuation or a cue."""
    if end >= len(text) or not _CORE_CHAR.match(text[end]):
        return True
    if end in title_spans.starts:
        return True
    follow = text[end:end + 4]
    if _name_then_title(text, end, title_spans) or _name_then_punctuation(text, end):
        return True
    cues = lexicons.cues()
    return bool(_suffix_pattern().match(follow)) or any(follow.startswith(w) for w in cues["org_stop"]) \
        or any(follow.startswith(w) for w in cues["person_after"]) \
        or any(follow.startswith(w) for w in cues["match_after"]) or _starts_org_word(follow)


def _generic_noun(name: str, core: str) -> bool:
    """上市公司, 子公司, 该委员会: a dictionary word whose core is a verb, adjective or
    pronoun names a kind of organization, not one organization."""
    tags = dictionary_tags()
    return not core or name in lexicons.cues()["generic_org"] or (name in tags and tags.get(core) in ("v", "a", "ad", "d", "r", "vn", "m", "b"))


_GOVERNING_TAGS = {"v", "d", "ad"}


def _distinctive(text: str, tokens: Sequence[Token], start: int, suffix_start: int) -> bool:
    """A name has something of its own before the suffix. One or two words that only say
    what kind of body it is (保险公司, 外资银行, 市政府 — ``org_kind``, ``industry`` in cues.tsv), or a
    verb governing the suffix (加快政府, 积极组织), describe a kind of organization; a scope
    word narrowed by a further word (国家农机院) and longer descriptive names
    (私募股权投资基金协会) are names."""
    core = [text[max(t.start, start):min(t.end, suffix_start)] for t in tokens if t.end > start and t.start < suffix_start]
    if core and core[-1] in lexicons.cues()["suffix_modifier"]:
        core.pop()  # 公司|联合|实验室 is as generic as 公司实验室
    if not core:  # (a word glued to the suffix counts with its part before it: 外资|银行)
        return False
    tags = dictionary_tags()
    if tags.get(core[-1]) in ("d", "ad"):
        return False  # an adverb right before it makes the suffix a verb: 积极组织
    if "".join(core) in lexicons.tech_surface_forms():
        return False  # 建成人工智能实验室, 共建自动驾驶联合实验室: a field's name alone says what
        # kind of lab, not which
    if len(core) > 2:
        return True
    cues = lexicons.cues()
    if core[0] in cues["name_scope"]:
        return len(core) > 1
    if tags.get(core[0]) in _GOVERNING_TAGS:
        return False
    generic = cues["org_kind"] | cues["industry"] | cues["name_scope"]
    return not all(word in generic for word in core)


_VERBAL_SUFFIXES = ("所", "办", "站")  # also 为…所 (passive), 办 "to run", 站 "to stand"
_FUNCTION_AFTER_NAME = ("的", "和", "与", "及", "、", "等", "是", "将", "已", "也", "还", "都", "为", "对", "在", "于")


def _used_as_verb(text: str, end: int, title_spans) -> bool:
    """A one-character suffix that is also a verb ends a name only before punctuation, a
    title, another unit or a context word (防汛办主任, 派出所的民警, 金融办表示); before
    anything else it governs what follows (所称道, 办信用卡)."""
    if end >= len(text) or not _CORE_CHAR.match(text[end]) or end in title_spans.starts:
        return False
    if _suffix_pattern().match(text, end):
        return False
    if text[end - 1] == "所":  # 所 before a verb is the passive (所称, 所说): only a function word ends a name
        return not text.startswith(_FUNCTION_AFTER_NAME, end)
    cues = lexicons.cues()
    return not any(text.startswith(w, end) for w in cues["org_stop"] | cues["person_after"])


def _kind_word_before(tokens: Sequence[Token], s: int, e: int) -> bool:
    """纺织|厂, 炼钢|厂: jieba glued the suffix to a word of two or more characters naming the
    kind (a verb of one character, as in 建厂 or 办厂, is no kind)."""
    return any(t.end == e and s - t.start >= 2 for t in tokens)


def _has_own_name(tokens: Sequence[Token], start: int, suffix_start: int) -> bool:
    """Whether the words before a suffix that needs a name (``named`` in org_suffixes.tsv)
    include one of their own: a word jieba does not know, a proper noun, Latin letters or an
    ordinal (青禾资本, NEXA资本, 澜泽创投), or jieba knows the whole as a body (非统组织); three
    words or more, or a place and more words, make a name of their own (大同市利群制药厂)."""
    tags = dictionary_tags()
    if sum(1 for t in tokens if t.start >= start and t.end <= suffix_start) > 2:
        return True  # a longer descriptive name is a name (工业元宇宙协同发展组织)
    for t in tokens:
        if t.end <= start or t.start >= suffix_start:
            continue
        if t.end > suffix_start and tags.get(t.text) == "nt":
            return True
        word = t.text[max(0, start - t.start):suffix_start - t.start]
        if t.start == start and t.end < suffix_start and _is_place(word):
            return True  # 大同市|利群|制药厂: a place before a name and a kind
        if word in places():
            continue  # 西藏部队, 陕西工厂: a known place alone says where, not which
        if tags.get(word) is None and len(word) > 1 or tags.get(word) in _PROPER_TAGS \
                or any(c.isascii() and c.isalnum() for c in word) or _ORDINAL.match(word):
            return True
    return False


def _generic_remainder(rest: str) -> bool:
    suffix = _suffix_pattern().search(rest)
    return suffix is not None and suffix.end() == len(rest) and suffix.start() <= 2 \
        and lexicons.org_suffixes()[suffix.group(0)].kind in ("academic", "enterprise")


def _name_then_title(text: str, end: int, title_spans) -> bool:
    """研发中心冯立主任: a surname and a one- or two-character name, then a title."""
    names = lexicons.surnames()
    title_starts = title_spans.starts
    for surname_len in (1, 2):
        if text[end:end + surname_len] in names:
            if any(end + surname_len + g in title_starts for g in (1, 2)):
                return True
    return False


def _name_then_punctuation(text: str, end: int) -> bool:
    """联系人：高新技术处宋雨桐，电话…: a unit, then its contact's name closed by punctuation."""
    names = lexicons.surnames()
    for surname_len in (2, 1):
        if names.get(text[end:end + surname_len]) is False:  # a common surname, not a function word
            for given in (2, 1):
                close = end + surname_len + given
                if text[close:close + 1] in ("，", ",", "。", "；", ";", "、") and text[end + surname_len:close].isalpha():
                    return True
    return False


def _starts_org_word(follow: str) -> bool:
    tags = dictionary_tags()
    return any(tags.get(follow[:n]) in ("n", "nt", "ns", "nz", "vn") for n in (2, 3, 4))


def _across_appointee(text: str, start: int, end: int) -> bool:
    """任命欧阳丽华为…: a lexicon name that takes the 为 after an appointee (华为) runs across
    the person's name and the verb."""
    cut = text.find("为", start + 1, end)
    return cut != -1 and any(text.endswith(v, 0, p) and "为" not in text[p:start] and 2 <= cut - p <= 4
                             for p in range(max(0, start - 4), start + 1) for v in lexicons.cues()["appointing"])


def _japanese_name_at(text: str, start: int, end: int) -> bool:
    """丰田章男表示, 本田圭佑： a company's name that is also a Japanese family name, followed by
    a given name (one to three characters that make no dictionary word) and then a speech cue,
    a title or punctuation, is the person's name."""
    if text[start:end] not in lexicons.japanese_surnames():
        return False
    tags = dictionary_tags()
    cues = lexicons.cues()["person_after"]
    for n in (2, 3, 1):
        given, rest = text[end:end + n], end + n
        if len(given) < n or not all("\u4e00" <= c <= "\u9fff" for c in given) or given in tags:
            continue
        if rest == len(text) or not _CORE_CHAR.match(text[rest]) or any(text.startswith(w, rest) for w in cues if len(w) > 1):
            return True
    return False


@lru_cache(maxsize=1)
def _place_words() -> tuple[str, ...]:
    """Words after a name that make it a place's name (place_after_name in cues.tsv)."""
    return tuple(lexicons.cues()["place_after_name"])


def _company_form(name: str) -> bool:
    """Whether ``name`` ends in an enterprise suffix (有限公司, 集团 …)."""
    suffixes = lexicons.org_suffixes()
    return any(name.endswith(w) and suffixes[w].kind == "enterprise" for w in suffixes)


AMBIGUOUS_ALIAS = "org-lexicon:ordinary-word"


def _ordinary_word_alias(name: str) -> bool:
    """A short name that is also an ordinary word (联想 "to associate", 浪潮 "wave", 小米
    "millet") names the company only where other evidence says so; jieba's tag tells
    abbreviations (央行, 政协) and brands (腾讯) from ordinary words."""
    return lexicons.known_organizations()[name] != name and is_common_word(name) \
        and dictionary_tags().get(name) not in ("nt", "nz", "j")


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(lexicons.known_organizations()))


def _add_known(text: str, found: list[Mention], title_spans, word_starts: set[int],
               word_ends: dict[int, str]) -> list[Mention]:
    """Standard names from the lexicon (工信部, 清华大学) found verbatim; a grammar
    match that contains one and starts at the same place is split at it (chains). After a
    foreign country the name is that country's body (美国财政部 is not China's 财政部)."""
    out = list(found)
    title_starts = title_spans.starts
    for m in _known_pattern().finditer(text):
        s, e = m.span()
        contracted = contracted_head(text, e, title_starts)
        if (title_spans.overlaps(s, e) and not contracted) or not (s in word_starts or any(o.end == s for o in found)) \
                or not (e in word_ends or e in title_starts or contracted or any(o.start <= s and e < o.end for o in found)):
            continue  # 国网 inside 中国网, 北大 inside 北大西洋: a lexicon name is whole words
        if e not in word_ends and _ends_inside_suffix_word(e, word_ends):
            continue  # 卫生健康委|员会: a short name ending where a longer suffix word begins
        if (s > 0 and text[s - 1] in lexicons.NAME_DOTS) or (e < len(text) and text[e] in lexicons.NAME_DOTS) \
                or any(text.startswith(w, e) for w in _place_words()) or _japanese_name_at(text, s, e) \
                or _across_appointee(text, s, e):
            continue  # 迈克尔·戴尔 is a person, 拉齐奥大区 a region, 中兴路 a road, 丰田章男 a person
        covering = [o for o in out if o.start <= s and e <= o.end]
        if any(o.start == s and o.end == e for o in covering):
            continue
        if covering:
            # A standard name inside a grammar match: whatever precedes it is not part of
            # the organization (应用内容清华大学…), whatever follows is a unit inside it.
            outer = covering[0]
            if e < outer.end and _generic_remainder(text[e:outer.end]):
                continue  # 蓝海能源技术学院 is one name, not 蓝海能源 + 技术学院
            if e < outer.end and _company_form(outer.text) and lexicons.known_organizations()[m.group(0)] != m.group(0):
                continue  # 上海巴斯夫聚氨酯有限公司: a brand inside a company's full name, not a unit of it
            out.remove(outer)
            if e < outer.end:
                out.append(Mention(EntityType.ORG, e, outer.end, text[e:outer.end], outer.confidence, outer.method))
        # grammar matches inside the standard name (信息化部 in 工业和信息化部) give way
        country = _foreign_country(word_ends.get(s))
        local = country is None and _local_body(m.group(0), word_ends, s)
        method, confidence = "org-lexicon", 0.95
        if _ordinary_word_alias(m.group(0)):
            method, confidence = AMBIGUOUS_ALIAS, 0.6  # 联想到, 一股浪潮: the word, not the company
        if country is not None:
            s, method, confidence = s - len(country), "org-grammar:foreign-body", 0.85
        elif local < s:
            s, method, confidence = local, "org-grammar:local-body", 0.85
        out = [o for o in out if not (s <= o.start and o.end <= e)]
        out.append(Mention(EntityType.ORG, s, e, text[s:e], confidence, method))
    return out
