"""ROLE mentions: a grammar of Chinese job titles, not a closed list.

    title := modifier* domain* modifier* base      (高级 / 投资 / 副 / 总裁, 产品 市场 XR / 总监, 处长 …)
           | modifier* 首席 domain+ 官                (首席风险官, 首席合规官)
           | C?O                                      (CEO, CTO, CFO as written in Chinese text)
           | 驻 place modifier* mission-base          (驻华大使, 驻联合国代表, 驻京记者)

Bases, modifiers and domain words come from ``kg/schema/lexicons/titles.tsv``. Domain
words (and acronyms such as XR) may only precede bases that take a field
(总监, 经理, 工程师 …), so 市场部 never becomes a title.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kg.extract import lexicons
from kg.model import EntityType, Mention, Token

# Bases that accept a field in front of them (XR产品市场总监, 技术总监, 销售经理).
FIELD_BASES = ("总监", "经理", "总经理", "总裁", "工程师", "主管", "负责人", "专家", "设计师", "架构师", "分析师", "顾问",
               "主编", "管理师", "带头人")
# Posts of a mission abroad or away from the head office, which name where it is: 驻华大使.
MISSION_BASES = ("特命全权大使", "大使", "公使", "参赞", "总领事", "领事", "武官", "首席代表", "代表", "特派员", "记者")
# After a title, the assistant to its holder (总经理助理, 校长助理) is one title.
ASSISTANT_OF = "助理"
# A title directly followed by these is the first half of an organization or group name
# (董事会, 委员会, 专家组, 专家顾问委员会) or of a plain word (主席台, 代表团) — but 总理会见,
# 部长会谈: a title and a verb. (师事务所: not 会计 in 会计师事务所.)
_NOT_A_TITLE_AFTER = "会(?!见|谈|晤)|组|团(?!队)|台|处|部|们|级|层|库|制|职(?!务|位)|顾问|委员会|员会|工作组|单位|队伍|岗位|事务所|师事务所|公司|馆|创业|有限|集团|股份|协会|学会|(?:咨询|评审|评议|指导|学术|顾问)委员会|工作站|流动站"


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern[str]:
    lex = lexicons.titles()
    mods = lexicons.alternation(lex.modifiers)
    domains = lexicons.alternation(lex.domains)
    bases = lexicons.alternation(lex.base)
    field_bases = lexicons.alternation(b for b in FIELD_BASES if b in lex.base)
    acronym = r"[A-Z][A-Za-z0-9+]{0,5}"
    with_field = rf"(?:{acronym})?(?:{mods}){{0,2}}(?:{domains}){{0,3}}(?:{mods}){{0,2}}(?:{field_bases})"
    plain = rf"(?:{mods}){{0,3}}?(?:{bases})"  # fewest modifiers first: the longest base wins (总经理秘书)
    chief_officer = rf"(?:{mods}){{0,2}}首席(?:{domains}){{1,2}}官"  # 首席风险官, 首席合规官
    officer_acronym = r"(?<![A-Za-z])C[A-Z]O(?![A-Za-z])"  # CEO, CTO, CFO written in Chinese text
    mission = rf"驻[\u4e00-\u9fff]{{1,6}}?(?:{mods}){{0,2}}(?:{lexicons.alternation(MISSION_BASES)})"
    # (an officer acronym is never the first half of a word: CEO库克 is the CEO, Cook)
    # (a whole base before a field title: 主管药师 is one base, not the field base 主管 + 药师)
    return re.compile(rf"(?:{mission}|{chief_officer}|{plain}|{with_field})(?:{ASSISTANT_OF})?(?!{_NOT_A_TITLE_AFTER})"
                      rf"|{officer_acronym}")


def find_titles(text: str) -> list[Mention]:
    """All title mentions, longest match first, never overlapping."""
    out = []
    for m in title_pattern().finditer(text):
        surface = m.group(0)
        if _quoted(text, m.start(), m.end()):
            continue  # 做好行业的“研究员”: a word in quotes is used figuratively
        if text.startswith("团队", m.end()) and not _after_a_name(text, m.start()):
            continue  # 专家团队, 管理团队: a kind of team; but 柯明轩教授团队 is the professor's
        confidence = 0.9 if surface in lexicons.titles().base else 0.8
        out.append(Mention(EntityType.ROLE, m.start(), m.end(), surface, confidence, "title-grammar"))
    return out


def _after_a_name(text: str, start: int) -> bool:
    """Whether the two or three characters before ``start`` look like a Chinese name (a
    surname first)."""
    surnames = lexicons.surnames()
    return any(text[start - k:start - k + 1] in surnames and all("\u4e00" <= c <= "\u9fff" for c in text[start - k:start])
               for k in (2, 3) if start >= k)


def across_words(titles: Sequence[Mention], words: Sequence[Token]) -> list[Mention]:
    """Titles that are not read across two words: where both edges of a title fall inside
    jieba words, the characters belong to those words (临汾市|长青 holds no 市长, 艺高|工程
    no 高工, 社科院|长江 no 院长)."""
    inner = {i for w in words for i in range(w.start + 1, w.end)}
    return [_after_unit(t, words) if t.start in inner else t for t in titles
            if not (t.start in inner and t.end in inner) or _name_cut_off(t, words)]


def _after_unit(title: Mention, words: Sequence[Token]) -> Mention:
    """北京大学经济系|主任: where jieba knows a unit's whole name as a word, a title that starts
    inside it (系主任) starts after it, if what is left is a title."""
    word = next(w for w in words if w.start < title.start < w.end)
    rest = title.text[word.end - title.start:]
    if word.end < title.end and word.text.endswith(tuple(lexicons.org_suffix_words())) and rest in lexicons.titles().base:
        return Mention(title.type, word.end, title.end, rest, title.confidence, title.method)
    return title


def _name_cut_off(title: Mention, words: Sequence[Token]) -> bool:
    """财政部|长安|雷: jieba took the title's last character with a surname (安) whose given
    name (雷) follows as a word of one character — the title holds, and a name follows it."""
    cut = next(w for w in words if w.start < title.end < w.end)
    rest = cut.text[title.end - cut.start:]
    given = next((w for w in words if w.start == cut.end), None)
    return len(rest) == 1 and rest in lexicons.surnames() and given is not None and len(given.text) == 1 \
        and "\u4e00" <= given.text <= "\u9fff"


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1] in "“\"'‘「『" and text[end] in "”\"'’」』"
