"""Merge the grammar's mentions with the learned tagger's, with a fixed precedence.

* Titles and technologies come from the grammar and the scheme only; the tagger does
  not know them, and a tagger span overlapping one is dropped.
* A grammar person or organization wins over an overlapping tagger span — except that a
  person the grammar found only from a title before it takes the tagger's longer end, and
  the tagger's start wins for an organization ending at the same character (the
  grammar grows names leftwards by rules; the tagger learned where names start), and a
  person the grammar found only from weak context gives way to a confident tagger place.
* A tagger span that overlaps nothing is added, when its confidence (the CRF's marginal
  probability of the span) reaches ``MIN_LEARNED``.
* A grammar person with only weak context (punctuation, cue words) needs the tagger to
  see a name there too.
* Learned spans are mended before they count: a name ending in a verb is cut back
  (Meta Platforms|签署), a person's name typed as an army (潘维军) is a person, and a name
  the document shows to be a team is a team wherever else it occurs; in a report on club
  competition a transcribed name with nothing else to go on is a club.
* Lexicon short names that are also ordinary words (联想, 浪潮) need a second source of
  evidence, and one the tagger reads as a given name after a surname (吴|高盛) is the person's.
When both agree on a span, the confidence rises: two independent methods saw it.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from kg.bilingual.dictionary import is_common_word
from kg.bilingual.lexicons import places
from kg.extract import lexicons
from kg.extract.orgs import AMBIGUOUS_ALIAS, chinese_name_shape, dictionary_tags
from kg.extract.persons import is_transcription, split_glued_names
from kg.model import EntityType, Mention, SpanIndex, Token

_ORDINARY_WORD_TAGS = {"v", "vn", "vd", "d", "a", "ad", "an", "c", "p", "r", "m", "q", "t", "f", "l", "i"}
_NOT_A_NAME_START = {"v", "vn", "i", "l", "p", "c", "u", "uj", "ul", "r", "d", "m", "q", "t", "f", "y", "e", "o", "ad", "a"}

WEAK_CONTEXT = 0.65  # grammar persons below this confidence had no title or honorific next to them
MIN_LEARNED = {EntityType.PERSON: 0.4, EntityType.ORG: 0.4, EntityType.PLACE: 0.5}
_RULE_ONLY = (EntityType.ROLE, EntityType.TECH)
_LIST_LINKS = ("、", "与", "和", "及", "，")


class _Layout:
    """Mentions indexed by the characters they cover: overlap checks cost the span's
    length, not the number of mentions (long documents have thousands)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.at: dict[int, list[Mention]] = {}
        self._all: dict[int, Mention] = {}  # by identity: equal mentions may occur twice
        for m in mentions:
            self.add(m)

    @property
    def all(self) -> list[Mention]:
        return list(self._all.values())

    def add(self, m: Mention) -> None:
        self._all[id(m)] = m
        for i in range(m.start, m.end):
            self.at.setdefault(i, []).append(m)

    def remove(self, m: Mention) -> None:
        del self._all[id(m)]
        for i in range(m.start, m.end):
            self.at[i] = [o for o in self.at[i] if o is not m]

    def overlapping(self, m: Mention) -> list[Mention]:
        seen: list[Mention] = []
        for i in range(m.start, m.end):
            for o in self.at.get(i, ()):
                if o not in seen:
                    seen.append(o)
        return seen


def merge_mentions(text: str, grammar: Sequence[Mention], learned: Sequence[Mention],
                   words: Sequence[Token]) -> list[Mention]:
    """``words`` are the jieba tokens of ``text`` (where a learned span may start)."""
    title_starts = {m.start for m in grammar if m.type is EntityType.ROLE}
    learned_org_starts = {m.start for m in learned if m.type is EntityType.ORG}
    org_starts = {m.start for m in grammar if m.type is EntityType.ORG}
    org_ends = {m.end for m in grammar if m.type is EntityType.ORG}
    learned_name_ends = {m.end: m for m in learned if m.type is EntityType.PERSON}
    grammar = [m for m in grammar
               if not _unconfirmed_ordinary_word(text, m, learned_org_starts, title_starts, org_starts, org_ends)
               and not _given_name_of(m, learned_name_ends.get(m.end))]
    layout = _Layout(grammar)
    starts = {w.start: w.text for w in words}
    inside_word = {i: w for w in words for i in range(w.start + 1, w.end)}
    title_ends = {m.end for m in grammar if m.type is EntityType.ROLE}
    tech_ends = {m.end for m in grammar if m.type is EntityType.TECH}
    ending = {w.end: w for w in words}
    for lm in sorted(learned, key=lambda m: -m.confidence):
        lm = _without_leading_verb(text, _before_idiom(lm, inside_word), starts)
        lm = _as_team(text, trim_person(_army_or_person(_without_trailing_verb(_before_former(text, lm), ending))))
        if lm.confidence < MIN_LEARNED.get(lm.type, 1.0) or not plausible(lm, starts, after_title=lm.start in title_ends) \
                or _names_a_thing(text, lm, title_starts) or _alias_of_technology(text, lm, tech_ends) \
                or _not_an_organization(lm) or _after_every(text, lm):
            continue
        clashes = layout.overlapping(lm)
        if any(c.type in _RULE_ONLY for c in clashes):
            continue
        if not clashes:
            layout.add(lm)
            continue
        if _completes_name(text, lm, clashes, inside_word) or _ends_name_earlier(text, lm, clashes, starts):
            layout.remove(clashes[0])
            layout.add(_agreed(clashes[0], lm, span_from_learned=True))
            continue
        same = [m for m in clashes if m.type is lm.type and m.start == lm.start and m.end == lm.end]
        if same:
            layout.remove(same[0])
            layout.add(_agreed(same[0], lm))
            continue
        if lm.type is EntityType.ORG and all(c.type is EntityType.ORG for c in clashes):
            if lm.start not in inside_word:  # 王立|山东省…: a span starting inside a word does not win
                _reconcile_organization(text, layout, lm, sorted(clashes, key=lambda m: m.start), starts)
        if lm.type is EntityType.PLACE and all(c.type is EntityType.PERSON and c.confidence < 0.7
                                                and c.confidence < lm.confidence for c in clashes):
            for c in clashes:
                layout.remove(c)
            layout.add(lm)
    learned_names = SpanIndex((m.start, m.end) for m in learned if m.type is EntityType.PERSON)
    kept = [m for m in layout.all if not _unsupported_guess(m, learned_names)]
    if _about_club_sport(text):
        kept = [_club(text, m, title_ends) for m in kept]
    kept = [part for m in kept for part in split_glued_names(m, starts.keys())]
    return sorted(_one_type_per_name(kept), key=lambda m: (m.start, m.end))


def _about_club_sport(text: str) -> bool:
    """A text with two or more words of club competition (联赛, 主场, 赔率 …)."""
    return sum(w in text for w in lexicons.cues()["club_sport"]) >= 2


def _club(text: str, m: Mention, title_ends: set[int]) -> Mention:
    """In a report on club competition a transcribed name read from its shape alone (no title,
    no honorific, no dot joining a given and a family name) is a club (雷吉纳, 博尔顿) — unless
    what follows is what a player or a coach does (安德雷斯的入球, 贝利多在西甲执教, 米哈上任后)
    or a player's position or a coach's post comes before it (西班牙后卫萨里吉, 球队核心法布雷加斯)."""
    if m.type is not EntityType.PERSON or m.start in title_ends or not is_transcription(m.text) \
            or not m.method.startswith(("crf", "foreign-name", "name-propagation")):
        return m
    follow = text[m.end:m.end + 12]
    if any(w in follow for w in lexicons.cues()["player_after"]) \
            or any(text.endswith(w, 0, m.start) for w in lexicons.cues()["player_before"]):
        return m
    return Mention(EntityType.ORG, m.start, m.end, m.text, m.confidence, m.method, norm=m.norm)


def _given_name_of(m: Mention, name: Mention | None) -> bool:
    """吴高盛, 许传音: a company's short name that the tagger reads as the given name of a
    person (a surname right before it) is that person's name."""
    return name is not None and m.type is EntityType.ORG and m.method.startswith("org-lexicon") \
        and name.start < m.start and len(m.text) <= 2 and chinese_name_shape(name.text) \
        and lexicons.known_organizations().get(m.text) != m.text


def _unconfirmed_ordinary_word(text: str, m: Mention, learned_org_starts: set[int], title_starts: set[int],
                               org_starts: set[int], org_ends: set[int]) -> bool:
    """A company's short name that is also an ordinary word (浪潮, 联想) stands only where the
    tagger reads an organization starting there too (not in 红富士苹果基地), a title or a
    company's word follows (联想总裁, 小米发布), or it is listed with another organization;
    otherwise the word is the word (联想到, 一股浪潮)."""
    if m.method != AMBIGUOUS_ALIAS or m.end in title_starts or m.start in learned_org_starts:
        return False
    if text[m.end:m.end + 1] in _LIST_LINKS and m.end + 1 in org_starts \
            or text[m.start - 1:m.start] in _LIST_LINKS and m.start - 1 in org_ends:
        return False  # 中兴与华为: listed with another organization
    return not any(text.startswith(w, m.end) for w in lexicons.cues()["company_after"])


def _without_trailing_verb(m: Mention, ending: dict[int, Token]) -> Mention:
    """Meta Platforms签署: a learned name that ends in a verb jieba knows ran on past the name."""
    last = ending.get(m.end)
    if m.type is not EntityType.ORG or last is None or last.start <= m.start or len(last.text) < 2 \
            or dictionary_tags().get(last.text) != "v" or last.text in lexicons.org_suffixes() or last.text.endswith("行"):
        return m  # (jieba tags 拍卖行, 支行 as verbs)
    name = m.text[:last.start - m.start].rstrip()
    return Mention(m.type, m.start, m.start + len(name), name, m.confidence, m.method, norm=m.norm)


_FORMER = ("原", "现", "曾")
_BEING = ("系", "任", "是", "为", "在", "就职")


def _before_former(text: str, m: Mention) -> Mention:
    """王立原|系, 李明现|任: a learned name of three characters that ends in "formerly" or "now"
    before a verb of being or serving ran on; the name is the first two."""
    if m.type is not EntityType.PERSON or len(m.text) != 3 or not m.text.endswith(_FORMER) \
            or not text.startswith(_BEING, m.end):
        return m
    return Mention(m.type, m.start, m.end - 1, m.text[:-1], m.confidence, m.method, norm=m.norm)


def _before_idiom(m: Mention, inside_word: dict[int, Token]) -> Mention:
    """马里奥|梅开二度: a learned name that ends inside a word of four characters or more
    (an idiom, a set phrase) that starts inside it took the phrase's first character."""
    word = inside_word.get(m.end)
    if word is None or len(word.text) < 4 or not m.start < word.start or word.start - m.start < 2:
        return m
    return Mention(m.type, m.start, word.start, m.text[:word.start - m.start], m.confidence, m.method, norm=m.norm)


def _without_leading_verb(text: str, m: Mention, word_starts: dict[int, str]) -> Mention:
    """任大恒科技企管部, 曾任集团公司规划部, 9月华油…, 由市农业农村局: a learned organization that
    starts with a verb of holding office (as jieba cut it: 任|…, or glued to an unknown word
    任大恒), the end of a date or a glued function word ran on before the name. 任丘市 is a
    word of its own and stays."""
    if m.type is not EntityType.ORG:
        return m
    word = word_starts.get(m.start, "")
    cut = max((len(v) for v in lexicons.cues()["holding_office"]
               if m.text.startswith(v) and (word == v or word.startswith(v) and word not in dictionary_tags())), default=0)
    if not cut and ((m.text[0] in "年月日" and text[m.start - 1:m.start].isdigit())
                    or (len(word) > 1 and word[0] in lexicons.GLUED_FUNCTION_CHARS and word not in dictionary_tags())):
        cut = 1  # 9月|华油…, 由市|农业农村局
    if not cut or len(m.text) - cut < 2:
        return m
    return Mention(m.type, m.start + cut, m.end, m.text[cut:], m.confidence, m.method, norm=m.norm)


def _army_or_person(m: Mention) -> Mention:
    """潘维军, 吴军: the tagger learned 日军, 美军 as organizations; a surname and a given name
    ending in 军 is a person."""
    if m.type is EntityType.ORG and m.text.endswith("军") and chinese_name_shape(m.text) \
            and dictionary_tags().get(m.text) not in ("nt", "n", "ns"):
        return Mention(EntityType.PERSON, m.start, m.end, m.text, m.confidence, m.method, norm=m.norm)
    return m


def _one_type_per_name(mentions: list[Mention]) -> list[Mention]:
    """A name the document shows to be an organization (输给博尔顿, a team) is one wherever the
    tagger alone typed it a person or a place (博尔顿主场…): one name, one thing, per document."""
    orgs = {m.text for m in mentions if m.type is EntityType.ORG and len(m.text) >= 2}
    return [Mention(EntityType.ORG, m.start, m.end, m.text, m.confidence, m.method, norm=m.norm)
            if m.type in (EntityType.PERSON, EntityType.PLACE) and m.method == "crf" and m.text in orgs else m
            for m in mentions]


def _alias_of_technology(text: str, m: Mention, tech_ends: set[int]) -> bool:
    """区块链（Blockchain）: a Latin word in brackets right after a technology names it again."""
    return m.start - 1 in tech_ends and text[m.start - 1:m.start] in "（(" and text[m.end:m.end + 1] in ")）" \
        and m.text.isascii()


def _unsupported_guess(m: Mention, learned_names: SpanIndex) -> bool:
    """A person the grammar saw only from punctuation and cue words around a surname
    (、白云、, 由X主持) is kept only if the tagger also reads a name there: alone, such
    context admits too many ordinary words."""
    return m.type is EntityType.PERSON and m.confidence < WEAK_CONTEXT and "crf" not in m.method \
        and not learned_names.overlaps(m.start, m.end)


def _reconcile_organization(text: str, layout: _Layout, lm: Mention, units: list[Mention],
                            word_starts: dict[int, str]) -> None:
    """A learned organization over grammar units: the same outer span means the chain is
    confirmed (the units stay, each more certain); other boundaries mean the tagger's
    span wins over grammar guesses — it starts and ends names better than the rules —
    but never over a lexicon name or a span covering only a descriptor (科技有限公司)."""
    chained = all(a.end == b.start for a, b in zip(units, units[1:]))
    if chained and units[0].start == lm.start and units[-1].end == lm.end:
        for u in units:
            layout.remove(u)
            layout.add(_agreed(u, lm))
        return
    if lm.confidence < 0.6 or _generic_core(lm.text) or any(u.method == "org-lexicon" or u.method.endswith(":joined")
                                                            or u.norm for u in units):
        return  # lexicon names, names the grammar joined over 与/和 (车辆与运载学院) and bodies it
        # completed (县教育局: 东岳县教育局) stand
    if lm.end < units[-1].end:
        return  # a name cut short inside a unit the grammar closed with its suffix
    beyond = text[units[-1].end:lm.end]
    if lm.end > units[-1].end and (not _ends_with_org_suffix(lm.text) or dictionary_tags().get(beyond) == "v"):
        return  # 协会|年会, 有限公司|签署: running on past the grammar's suffix into a word that ends no name
    if lm.end > units[-1].end and _is_name_word(word_starts.get(units[-1].end)):
        return  # 中国科学技术大学|潘建伟|院士团队: a person's name after the unit ends the organization
    for u in units:
        layout.remove(u)
    layout.add(lm)


def trim_person(m: Mention) -> Mention:
    """A learned person span that runs on into what follows the name — a doctrine or
    works (邓小平理论), a form of address or family (胡老, 李大娘, 刘家), a speech verb
    (赵华说) — is cut back to the name."""
    if m.type is not EntityType.PERSON:
        return m
    trailers = _name_trailers()
    end = m.end
    cut = True
    while cut:
        cut = False
        for k, words in trailers.items():
            if end - m.start > k and m.text[:end - m.start].endswith(words):
                end, cut = end - k, True
                break
    if end == m.end:
        return m
    return Mention(m.type, m.start, end, m.text[:end - m.start], m.confidence, m.method, norm=m.norm)


@lru_cache(maxsize=1)
def _name_trailers() -> dict[int, tuple[str, ...]]:
    """Words that follow names, by length, longest first. One-character speech cues (和, 为 …)
    also end given names (张永和), so only the listed one-character trailers count."""
    cues = lexicons.cues()
    words = cues["name_trailer"] | cues["honorific"] | {w for w in cues["person_after"] if len(w) > 1}
    return {k: tuple(w for w in words if len(w) == k) for k in sorted({len(w) for w in words}, reverse=True)}


def _as_team(text: str, m: Mention) -> Mention:
    """输给科隆多, 巴西主场: a name in the grammar of a fixture is a team (a club or a
    national side is an organization), however the tagger typed it."""
    if m.type not in (EntityType.PERSON, EntityType.PLACE) or chinese_name_shape(m.text):
        return m  # 击败钱浩然: players of individual sports are persons
    cues = lexicons.cues()
    before = any(text.endswith(w, 0, m.start) for w in cues["match_before"])
    after = any(text.startswith(w, m.end) for w in cues["match_after"] if len(w) > 1)  # not 以
    if not (before or after):
        return m
    return Mention(EntityType.ORG, m.start, m.end, m.text, m.confidence, m.method, norm=m.norm)


def _not_an_organization(m: Mention) -> bool:
    """上海虹口体育馆, 中美关系, 长江中下游, 东岳国际会议中心: a learned organization whose last
    word names a facility, a venue, a relation or a region is none."""
    cues = lexicons.cues()
    return m.type is EntityType.ORG and m.text.endswith(tuple(cues["not_org_head"] | cues["venue"]))


def _after_every(text: str, m: Mention) -> bool:
    """各设区市科技局: a learned organization right after 各 (every) is a kind of body."""
    return m.type is EntityType.ORG and text.endswith(tuple(lexicons.cues()["every"]), 0, m.start)


def _names_a_thing(text: str, m: Mention, title_starts: set[int]) -> bool:
    """林启明纪念馆, 东岳商务区, 林启明奖: a name followed by a place, facility or prize
    word names that thing, not a person (a title after the name is another matter: 张三局长;
    奖励 is a verb: 公司奖励…)."""
    if m.type is not EntityType.PERSON or m.end in title_starts:
        return False
    cues = lexicons.cues()
    if any(text.startswith(w, m.end) for w in cues["place_after_name"]):
        return True
    return any(text.startswith(w, m.end) for w in cues["prize_after_name"]) and not text.startswith("奖励", m.end)


_SURE_NAME = 0.9
_VERY_SURE_NAME = 0.95


def plausible(m: Mention, word_starts: dict[int, str], after_title: bool = False) -> bool:
    """Shape checks on a learned span: it does not start with a multi-character verb or
    function word (贯彻落实党), and a person's name looks like one — a surname first (初显
    is not a name), a transcribed foreign name, or a capitalised Latin name (not https)."""
    first = word_starts.get(m.start)
    if first is not None and len(first) > 1 and dictionary_tags().get(first) in _NOT_A_NAME_START:
        return False
    if m.type is not EntityType.PERSON:
        return True
    name = m.text
    if dictionary_tags().get(name) in _ORDINARY_WORD_TAGS:
        return False  # 马上, 何必, 莫非: an ordinary word the tagger read as a name
    if "某" in name[1:]:
        return False  # 张某, 李某某: an anonymised person, not a name to link
    if m.confidence < _SURE_NAME and is_common_word(name):
        return False  # 贺信, 路基, 关怀: a word of the dictionary read as a name without certainty
    if len(name) == 2 and name[0] == name[1]:
        return False  # 谢谢, 常常: a reduplicated word, not surname + given name
    if name.isascii():
        return name[:1].isupper() and len(name) >= 3 and name.replace(" ", "").replace("-", "").isalpha()
    surnames = lexicons.surnames()
    if name[:2] in surnames or (name[:1] in surnames and not surnames[name[:1]]):
        return True
    if after_title and name[:1] in surnames and m.confidence >= _SURE_NAME and 2 <= len(name) <= 3:
        return True  # 政委高云江: a function-word surname, but right after a title and sure
    tags = dictionary_tags()
    if name[:1] in surnames and m.confidence >= _VERY_SURE_NAME and len(name) == 3 and name not in tags \
            and name[1:] not in tags and tags.get(name[:2]) in (None, "nr", "nrfg", "nrt"):
        return True  # 宣家鑫说: a function-word surname, a given name no dictionary knows (and no
        # word such as 方向 across them), and the tagger is sure
    return any(dot in name for dot in lexicons.NAME_DOTS) or is_transcription(name)


def _is_name_word(word: str | None) -> bool:
    """A jieba word that its dictionary knows as a person's name, or a surname and a given
    name it does not know at all (潘建伟)."""
    if not word:
        return False
    tag = dictionary_tags().get(word)
    return tag in ("nr", "nrfg") or (tag is None and 2 <= len(word) <= 3 and chinese_name_shape(word))


def _ends_with_org_suffix(name: str) -> bool:
    return any(name.endswith(suffix) for suffix in lexicons.org_suffixes())


def _generic_core(name: str) -> bool:
    """科技有限公司: what is left before the legal form is only a descriptor."""
    for form in ("股份有限公司", "有限责任公司", "有限公司", "集团"):
        if name.endswith(form):
            return len(name) - len(form) <= 2
    return False


# Grammar persons whose only evidence is a title before them: nothing marks where the
# name ends, so the grammar's guess (a two-character name, a transcription cut at a word
# jieba knows) gives way to the tagger's longer span from the same start.
_OPEN_ENDED = ("name-context:title", "foreign-name")


def _completes_name(text: str, learned: Mention, clashes: Sequence[Mention], inside_word: dict[int, Token]) -> bool:
    """副署长孙寿岩曾表示: the tagger's 孙寿岩 completes the grammar's 孙寿."""
    if learned.type is not EntityType.PERSON or len(clashes) != 1:
        return False
    rule = clashes[0]
    rest = learned.text[rule.end - learned.start:]
    if rule.method.startswith("name-context") and (dictionary_tags().get(rest) == "ns" or rest in places()):
        return False  # 记者胡金华|上海报道: a byline's place is not the rest of the name
    cut = inside_word.get(learned.end)
    if cut is not None and cut.start == rule.end and dictionary_tags().get(cut.text) in ("ns", "nt"):
        return False  # 副院长王立|山东省工信厅: the tagger's end cuts into the place that follows
    return rule.type is EntityType.PERSON and rule.method in _OPEN_ENDED \
        and rule.start == learned.start and rule.end < learned.end


def _ends_name_earlier(text: str, learned: Mention, clashes: Sequence[Mention], word_starts: dict[int, str]) -> bool:
    """杨琨还|向, 傅硕给|我们: the grammar's three-character name took a word after a
    two-character one (an adverb, a verb, a preposition jieba cuts off) that no given name
    uses; the tagger, sure of the shorter name, ends it there. 宋双才 keeps its 才 (a given-name
    character), 郑小伶 its 伶 (one word)."""
    if learned.type is not EntityType.PERSON or len(clashes) != 1 or learned.confidence < 0.8:
        return False
    rule = clashes[0]
    return rule.type is EntityType.PERSON and rule.start == learned.start and rule.end == learned.end + 1 \
        and len(rule.text) == 3 and chinese_name_shape(learned.text) and learned.end in word_starts \
        and text[learned.end] not in lexicons.given_name_chars() and not rule.method.startswith("foreign-name")


def _agreed(rule: Mention, learned: Mention, span_from_learned: bool = False) -> Mention:
    conf = round(1 - (1 - rule.confidence) * (1 - learned.confidence), 3)
    base = learned if span_from_learned else rule
    return Mention(rule.type, base.start, base.end, base.text, conf, f"{rule.method}+crf",
                   norm="" if span_from_learned else rule.norm)
