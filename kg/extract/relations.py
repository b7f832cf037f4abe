"""Stage 4: relations between the mentions of one document.

* posts: ``ORG+ TITLE NAME`` and ``ORG+ NAME TITLE`` chains, and a title on the other
  side of the name without an organization (首席科学家冯立教授: two posts); in a biography
  (孙明远先生简历：…, 孙明远，男，…) the posts its paragraph names (曾任ORG TITLE、TITLE); the post an
  appointment gives or takes away (任命NAME为ORG TITLE, 免去NAME的ORG TITLE职务);
* units: adjacent organization names form a chain, each unit inside the one before;
* membership: ``ORG 轮值理事长单位 ORG`` (the second is a member of the first, in that
  role); ``ORG、ORG等成员单位`` and ``ORG作为…的发起单位`` make the listed organizations
  members of the document's main association;
* talks about: a person who speaks in a sentence (表示, 介绍, 阐述 …) and the
  technologies named after them in that sentence.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from kg.extract import lexicons
from kg.extract.orgs import PLACE_HEAD_TITLES
from kg.model import EntityType, Mention, Predicate, Relation, Sentence

_GAP = set(" \u3000")


def find_relations(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Relation]:
    relations: list[Relation] = []
    ordered = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    for sentence in sentences:
        idx = [i for i in ordered if sentence.start <= mentions[i].start < sentence.end]
        relations += _posts(text, mentions, idx)
        relations += _bracketed_posts(text, mentions, idx)
        relations += _appointments(text, mentions, idx)
        relations += _units(text, mentions, idx)
        relations += _talks_about(text, mentions, idx, sentence)
    relations += _biography_posts(text, mentions, ordered)
    relations += _memberships(text, mentions, ordered)
    orgs = [i for i in ordered if mentions[i].type is EntityType.ORG]
    relations += _committees(mentions, orgs, _main_association(mentions, orgs), relations)
    return _unique(relations)


def _adjacent(text: str, left: Mention, right: Mention) -> bool:
    return left.end <= right.start and all(c in _GAP for c in text[left.end:right.start])


_BRACKET = re.compile(r"[（(][^（）()]*[)）]")


def _posts(text: str, mentions, idx: list[int]) -> list[Relation]:
    out = []
    listed: tuple[int, int] | None = None  # (end of the last name with an organization's post, that organization)
    for k, i in enumerate(idx):
        person = mentions[i]
        if person.type is not EntityType.PERSON or person.method == "original":
            continue
        prev = mentions[idx[k - 1]] if k > 0 else None
        nxt = mentions[idx[k + 1]] if k + 1 < len(idx) else None
        before = prev if prev and prev.type is EntityType.ROLE and _adjacent(text, prev, person) else None
        after = nxt if nxt and nxt.type is EntityType.ROLE and _adjacent(text, person, nxt) else None
        then = mentions[idx[k + 2]] if after is not None and k + 2 < len(idx) else None
        if then is not None and then.type is EntityType.PERSON and _adjacent(text, after, then):
            after = None  # 记者 周雨桐 通讯员 钱立: a title between two names is the second one's
        joined = _titles_joined_before(text, mentions, idx, before)
        shared_org = None  # 学会常务副理事长兼秘书长彭晓明: 秘书长 is at the same 学会
        for extra, joiner in joined:
            # 学院院长、中国工程院院士欧阳立新: every title of the chain is a post of the name
            org = _org_left_of(text, mentions, idx, mentions[extra])
            if org is not None and shared_org is None:
                shared_org = org
            out.append(Relation(Predicate.HOLDS_POST, i, extra, round(min(person.confidence, mentions[extra].confidence) * 0.9, 3),
                                "chain:org+title+joined-title+name", context=org))
        for title, org_anchor in ((before, before), (after, person)):
            if title is None:
                continue
            org = _org_left_of(text, mentions, idx, org_anchor)
            # The title after the name takes the organization only when none precedes the title
            # before the name (首席科学家冯立教授: 教授 has no organization).
            if title is after and before is not None:
                org = None
            if title is before and org is None and joined and not title.text.endswith(PLACE_HEAD_TITLES):
                org = shared_org  # 卫健委党组书记、主任詹小禾: the last post has no body of its own
                # (but 市委常委、副市长: a mayor is the government's, not the party committee's)
            if title is before and org is None and listed is not None and text[listed[0]:title.start] == "、":
                org = listed[1]  # 星河智能董事长林启航、首席技术官苏婉清: the list shares its organization
            if title is before and org is not None:
                bracket = _BRACKET.match(text, person.end)
                listed = (bracket.end() if bracket else person.end, org)
            conf = min(person.confidence, title.confidence) * (1.0 if org is not None else 0.9)
            out.append(Relation(Predicate.HOLDS_POST, i, mentions.index(title), round(conf, 3),
                                "chain:org+title+name" if title is before else "chain:org+name+title",
                                context=org))
    return out


_COUNTED = re.compile(r"等?[\d一二三四五六七八九十百千]+[家个](?:企业|单位|机构|公司|高校)?")
_TITLE_JOINERS = ("兼任", "兼", "、")


_BIOGRAPHY_OPENING = re.compile(r"(?:先生|女士)?(?:简历|个人简历)?[：:，,](?:男|女|\d{4}年(?:\d{1,2}月)?(?:出)?生)|(?:先生|女士)?(?:简历|个人简历)[：:]")


def _biography_posts(text: str, mentions, ordered: list[int]) -> list[Relation]:
    """孙明远先生简历：…曾任东岳重型机械厂技术科科长、副厂长…现任公司董事长: a paragraph that
    opens with a person and a biography cue is about that person; the titles it names, with
    the organization right before each (or the one before the previous title of a 、-list),
    are that person's posts — except titles right next to another person's name."""
    out = []
    for k, i in enumerate(ordered):
        person = mentions[i]
        if person.type is not EntityType.PERSON or (person.start > 0 and text[person.start - 1] != "\n") \
                or not _BIOGRAPHY_OPENING.match(text, person.end):
            continue
        end = text.find("\n", person.end)
        end = len(text) if end < 0 else end
        inside = [j for j in ordered[k + 1:] if mentions[j].start < end]
        previous_org, previous_title = None, ""
        for n, j in enumerate(inside):
            title = mentions[j]
            if title.type is not EntityType.ROLE:
                continue
            neighbours = [mentions[x] for x in inside[max(0, n - 1):n + 2] if x != j]
            if any(m.type is EntityType.PERSON and (_adjacent(text, m, title) or _adjacent(text, title, m))
                   for m in neighbours):
                previous_org = None
                continue  # 与董事长王立科: another person's post
            org = _org_left_of(text, mentions, ordered, title)
            if org is None and text[title.start - 1:title.start] == "、" and previous_org is not None:
                # 技术科科长、副厂长: a different post is one at the parent body; 财务部副经理、经理: the same post's rank
                same_post = title.text.lstrip("副") == previous_title.lstrip("副")
                org = previous_org if same_post else _outermost(text, mentions, ordered, previous_org)
            previous_org, previous_title = org, title.text
            conf = round(min(person.confidence, title.confidence) * 0.8, 3)
            out.append(Relation(Predicate.HOLDS_POST, i, j, conf, "biography:person+org+title", context=org))
    return out


def _appointments(text: str, mentions, idx: list[int]) -> list[Relation]:
    """任命许志刚为省发展和改革委员会副主任, 免去周建国的省交通运输厅副厅长职务: the person after
    a verb of appointment holds (or held) the post after 为 (or 的), at the organization before
    the title, and the posts joined to it by 、 or 兼."""
    out = []
    honorifics = sorted(lexicons.cues()["honorific"], key=len, reverse=True)
    for k, i in enumerate(idx):
        person = mentions[i]
        end = person.end + next((len(h) for h in honorifics if text.startswith(h, person.end)), 0)  # 委任黄克强博士为
        if person.type is not EntityType.PERSON or text[end:end + 1] not in ("为", "的") \
                or not any(text.endswith(v, 0, person.start) for v in lexicons.cues()["appointing"]):
            continue
        method = "appointment:appointed" if text[end] == "为" else "appointment:removed"
        pos, org, after_title = end + 1, None, False
        pos += next((len(w) for w in ("本公司", "公司") if text.startswith(w, pos)), 0)  # 聘任X为公司总经理
        for j in idx[k + 1:]:
            m = mentions[j]
            joined = after_title and m.start == pos + 1 and text[pos] in "、兼"
            if m.type not in (EntityType.ORG, EntityType.ROLE) or not (m.start == pos or joined):
                break
            if m.type is EntityType.ORG:
                org = j  # (after 、 a new body for the next post: 、省统计局局长)
            else:
                conf = round(min(person.confidence, m.confidence) * 0.85, 3)
                out.append(Relation(Predicate.HOLDS_POST, i, j, conf, method, context=org))
            after_title, pos = m.type is EntityType.ROLE, m.end
    return out


def _outermost(text: str, mentions, idx: list[int], org: int) -> int:
    """The first body of a chain of units (东岳重型机械厂 of 东岳重型机械厂|技术科)."""
    while (parent := _org_left_of(text, mentions, idx, mentions[org])) is not None:
        org = parent
    return org


def _titles_joined_before(text: str, mentions, idx: list[int], title: Mention | None) -> list[tuple[int, str]]:
    """Titles chained before ``title`` by 兼 or 、, each possibly with its own organization:
    (title index, joiner) from nearest to farthest."""
    out: list[tuple[int, str]] = []
    current = title
    while current is not None:
        start = current.start
        org = _org_left_of(text, mentions, idx, current)
        while org is not None:  # over the title's own organization chain
            start = mentions[org].start
            org = _org_left_of(text, mentions, idx, mentions[org])
        joiner = next((j for j in _TITLE_JOINERS if text.startswith(j, start - len(j))), None)
        if joiner is None:
            break
        anchor = start - len(joiner)
        prev = next((j for j in idx if mentions[j].end == anchor and mentions[j].type is EntityType.ROLE), None)
        if prev is None:
            break
        out.append((prev, joiner))
        current = mentions[prev]
    return out


_CLOSING = {"（": "）", "(": ")"}


def _bracketed_posts(text: str, mentions, idx: list[int]) -> list[Relation]:
    """宁远航（东岳大学人工智能研究院院长）: a name with its affiliation and post in brackets
    after it holds each post written there, at the body right before it."""
    out = []
    for k, i in enumerate(idx):
        person = mentions[i]
        opening = text[person.end:person.end + 1]
        if person.type is not EntityType.PERSON or opening not in _CLOSING:
            continue
        close = text.find(_CLOSING[opening], person.end + 1)
        if close < 0 or close - person.end > 40:
            continue
        inside = [j for j in idx[k + 1:] if mentions[j].start > person.end and mentions[j].end <= close]
        for j in inside:
            title = mentions[j]
            if title.type is not EntityType.ROLE or not (title.end == close or text[title.end:title.end + 1] in "、，,"):
                continue
            org = _org_left_of(text, mentions, inside, title)
            out.append(Relation(Predicate.HOLDS_POST, i, j, round(min(person.confidence, title.confidence) * 0.9, 3),
                                "bracket:name(org+title)", context=org))
    return out


def _org_left_of(text, mentions, idx, anchor: Mention) -> int | None:
    for j in reversed(idx):
        m = mentions[j]
        if m.type is EntityType.ORG and m.start < anchor.start < m.end <= anchor.start + 3 \
                and anchor.type is EntityType.ROLE:
            return j  # 外交部长, 青石镇党委书记: the body and the title share 部, 党委
        if m.end <= anchor.start:
            if m.type is EntityType.PLACE and anchor.type is EntityType.ROLE and anchor.start - m.start <= 8:
                continue  # 亚洲区 inside the scope of a post
            if m.type is EntityType.ORG and (_adjacent(text, m, anchor)
                                             or (anchor.type is EntityType.ROLE and _scope_between(text, m, anchor))):
                return j
            return None
    return None


_SCOPE = re.compile(r"[)）]?[\u4e00-\u9fff]{2,8}")  # (after an original in brackets: 摩根士丹利（Morgan Stanley）亚洲区…)


def _scope_between(text: str, org: Mention, title: Mention) -> bool:
    """中信证券|电力设备行业|首席分析师, 东岳银行|华东大区|总经理: the sector or region a post covers
    stands between the body and the title; the post is still the body's."""
    gap = text[org.end:title.start]
    return _SCOPE.fullmatch(gap) is not None and gap.endswith(tuple(lexicons.cues()["post_scope"]))


def _units(text: str, mentions, idx: list[int]) -> list[Relation]:
    out = []
    orgs = [i for i in idx if mentions[i].type is EntityType.ORG]
    for a, b in zip(orgs, orgs[1:]):
        if _adjacent(text, mentions[a], mentions[b]):
            conf = round(min(mentions[a].confidence, mentions[b].confidence) * 0.9, 3)
            out.append(Relation(Predicate.SUB_ORGANIZATION_OF, b, a, conf, "chain:nested-name"))
    return out


def _talks_about(text: str, mentions, idx: list[int], sentence: Sentence) -> list[Relation]:
    speech = lexicons.cues()["role_speaker"]
    out = []
    persons = [i for i in idx if mentions[i].type is EntityType.PERSON]
    for i in persons:
        p = mentions[i]
        tail = text[p.end:sentence.end]
        label = text[p.end:p.end + 1] in "：:" and text[p.start - 1:p.start] in ("", "\n")  # 宁远航：… (a transcript)
        if not (label or any(v in tail[:40] for v in speech)):
            continue
        later_person = next((j for j in persons if mentions[j].start > p.end), None)
        limit = mentions[later_person].start if later_person is not None else sentence.end
        for j in idx:
            m = mentions[j]
            if m.type is EntityType.TECH and p.end < m.start < limit:
                out.append(Relation(Predicate.TALKS_ABOUT, i, j, 0.6, "speaker+technology-in-sentence"))
    return out


def _memberships(text: str, mentions, ordered: list[int]) -> list[Relation]:
    roles = sorted(lexicons.member_roles(), key=len, reverse=True)
    orgs = [i for i in ordered if mentions[i].type is EntityType.ORG]
    main = _main_association(mentions, orgs)
    out = []
    for k, i in enumerate(orgs):
        m = mentions[i]
        nxt = orgs[k + 1] if k + 1 < len(orgs) else None
        if nxt is not None:
            between = text[m.end:mentions[nxt].start]
            role = next((r for r in roles if between == r or _one_dropped(between, r)), None)
            if role is not None:
                conf = 0.8 if between == role else 0.65
                out.append(Relation(Predicate.MEMBER_OF, nxt, i, conf, f"member-phrase:{role}"))
                continue
        # ORG、ORG等成员单位 / ORG作为组织的发起单位 / ORG当选首届理事长单位: a member of the
        # association the text is speaking of — the nearest one named before, else the main one
        target = _nearest_association(mentions, orgs, k) if main is not None else None
        target = target if target is not None else main
        if target is not None and mentions[target].key != m.key:
            for r in roles:
                pos = text.find(r, m.end, m.end + 40)
                if pos < 0:
                    continue
                between = text[m.end:pos]
                if _lists_into_role(between, text, mentions, orgs, k):
                    out.append(Relation(Predicate.MEMBER_OF, i, target, 0.6, f"member-list:{r}"))
                    break
    return out + _subject_memberships(text, mentions, orgs, roles)


_COPULA = re.compile(r"(?:也是|还是|是|为|系|成为|当选为|当选|作为|加入)$")


def _subject_memberships(text: str, mentions, orgs: list[int], roles: list[str]) -> list[Relation]:
    """星河智能成立于2016年，…，也是中国人工智能产业发展联盟理事单位: the organization named last
    before, in the same sentence, is the member when the sentence says it is (是, 为, 成为 …) an
    association's member."""
    out = []
    for k, i in enumerate(orgs):
        m = mentions[i]
        role = next((r for r in roles if text.startswith(r, m.end)), None)
        if role is None or not _COPULA.search(text, 0, m.start) or k == 0:
            continue
        sentence_start = max(text.rfind(c, 0, m.start) for c in "。！？!?\n") + 1
        subject = orgs[k - 1] if mentions[orgs[k - 1]].start >= sentence_start else None
        if subject is not None and mentions[subject].key != m.key and mentions[subject].end < m.start:
            out.append(Relation(Predicate.MEMBER_OF, subject, i, 0.6, f"member-subject:{role}"))
    return out


def _nearest_association(mentions, orgs: list[int], k: int) -> int | None:
    return next((j for j in reversed(orgs[:k]) if "association" in mentions[j].method), None)


def _one_dropped(seen: str, word: str) -> bool:
    """``seen`` is ``word`` with one inner character lost in scraping (轮值理长单位)."""
    return len(seen) == len(word) - 1 >= 3 and any(word[:i] + word[i + 1:] == seen for i in range(1, len(word) - 2))


def _committees(mentions, orgs: list[int], main: int | None, relations: list[Relation]) -> list[Relation]:
    """A working group or committee with no parent named in the text (产教融合工作组) is
    taken to be a body of the document's main association."""
    if main is None:
        return []
    has_parent = {r.subject for r in relations if r.predicate is Predicate.SUB_ORGANIZATION_OF}
    bodies = lexicons.cues()["association_body"]
    out, seen = [], set()
    for i in orgs:
        m = mentions[i]
        if i in has_parent or m.key in seen or m.key == mentions[main].key:
            continue
        if any(m.key.endswith(b) for b in bodies):
            seen.add(m.key)
            out.append(Relation(Predicate.SUB_ORGANIZATION_OF, i, main, 0.5, "committee-of-main-association"))
    return out


def _lists_into_role(between: str, text, mentions, orgs, k) -> bool:
    """Text between an organization and a member-role word is only list glue
    (、 等 作为 的 …) or further listed organizations."""
    glue = lexicons.cues()["member_glue"]
    between = _COUNTED.sub("", between)  # 等12家企业成为首批成员单位
    if between in ("", "等") or between in glue:
        return True
    if "。" in between or "，" in between or "," in between:
        return False
    rest = between
    for j in orgs[k + 1:]:
        name = mentions[j].text
        rest = rest.replace(name, "")
    return set(rest) <= set("、等和及与")


def _main_association(mentions, orgs: list[int]) -> int | None:
    """The association most often mentioned: the implicit 组织 of 成员单位 phrases."""
    counts = Counter(mentions[i].key for i in orgs if "association" in mentions[i].method)
    if not counts:
        return None
    top = counts.most_common(1)[0][0]
    return next(i for i in orgs if mentions[i].key == top)


def _unique(relations: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for r in relations:
        key = (r.predicate, r.subject, r.object, r.context)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
