"""The event a report is about (meeting reports are the main genre): its name, date,
place, organizers, and how each person named takes part.

* name: the first ``[ORG][year] … 大会/论坛/峰会 …`` phrase near the start of the text;
* date: ``YYYY年M月D日``, or ``M月D日`` with the year from the name (2026…论坛) or the document;
* place: the venue (在…会议中心举行) or a place name right before 召开/举行 (北京召开, 在杭州举行);
* organizers: ``由A和B共同组织/主办``, and the clauses after it (``，C承办，D协办``);
* participants: each person takes the role of the first role word after them in the
  same sentence — 主持 host, 致辞/讲话/分享/介绍 speaker, 对话/圆桌 panelist, 出席 attendee
  (出席…并致辞 makes a speaker). A person keeps their strongest role over the document.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract import lexicons
from kg.extract.orgs import dictionary_tags
from kg.model import EntityType, Event, EventRole, Mention, Sentence

_PRECEDENCE = [EventRole.ORGANIZER, EventRole.HOST, EventRole.SPEAKER, EventRole.PANELIST, EventRole.ATTENDEE]
_ROLE_CUES = (("role_host", EventRole.HOST), ("role_speaker", EventRole.SPEAKER),
              ("role_panel", EventRole.PANELIST), ("role_attend", EventRole.ATTENDEE))
_FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_SHORT_DATE = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR = re.compile(r"(\d{4})\s*年")
_NAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")  # 2026数字医疗创新发展论坛
NAME_WINDOW = 300  # characters from the start where the event's name is looked for


def find_event(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Event]:
    span = _event_name(text, mentions)
    if span is None:
        return []
    start, end = span
    name = text[start:end]
    participants: dict[int, EventRole] = {}
    for i in _organizers(text, mentions):
        participants[i] = EventRole.ORGANIZER
    for sentence in sentences:
        for i, role in _roles_in_sentence(text, sentence, mentions):
            old = participants.get(i)
            if old is None or _PRECEDENCE.index(role) < _PRECEDENCE.index(old):
                participants[i] = role
    return [Event(start, end, name, _date(text, name), _place(text), tuple(sorted(participants.items())))]


def _event_name(text: str, mentions: Sequence[Mention]) -> tuple[int, int] | None:
    pattern = re.compile(lexicons.alternation(lexicons.event_kinds()))
    window = text[:NAME_WINDOW]
    for m in pattern.finditer(window):
        clause_start = max(window.rfind(c, 0, m.start()) for c in "，。,；;\n：:") + 1
        start = clause_start
        org = next((o for o in mentions if o.type is EntityType.ORG and clause_start <= o.start < m.start()), None)
        if org is not None:
            start = org.start
        elif m.start() - clause_start > 20 or m.start() == clause_start \
                or dictionary_tags().get(text[clause_start:m.start()]) in ("v", "vn"):
            continue  # a bare 会议 ("本次会议") or a verb's object ("出席会议的有…") is not a name
        if start < m.start():
            return start, m.end()
    return None


def _date(text: str, name: str) -> str:
    if m := _FULL_DATE.search(text[:NAME_WINDOW]):
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    year = _YEAR.search(name) or _NAME_YEAR.search(name) or _YEAR.search(text[:NAME_WINDOW])
    if year and (m := _SHORT_DATE.search(text[:NAME_WINDOW])):
        return f"{int(year[1]):04d}-{int(m[1]):02d}-{int(m[2]):02d}"
    return ""


def _place(text: str) -> str:
    held = lexicons.alternation(lexicons.cues()["event_held"])
    venues = tuple(lexicons.cues()["venue"])
    for m in re.finditer(rf"在([\u4e00-\u9fff\w]{{2,16}}?)(?:{held})", text[:NAME_WINDOW]):
        if m.group(1).endswith(venues):
            return m.group(1)  # 在南湖国际会议中心举行: the venue itself
    for m in re.finditer(rf"([\u4e00-\u9fff]{{2,4}})(?:{held})", text[:NAME_WINDOW]):
        candidate = m.group(1)
        for k in range(len(candidate) - 1):  # the place is the word right before the verb
            word = candidate[k:]
            if dictionary_tags().get(word) == "ns":
                return word
    return ""


def _organizers(text: str, mentions: Sequence[Mention]) -> list[int]:
    verbs = lexicons.alternation(lexicons.cues()["event_organize"])
    clause = rf"([^。；;，,]{{2,80}})(?:共同|联合)?(?:{verbs})"
    out = []
    following = re.compile(rf"[，,]{clause}")
    for m in re.finditer(rf"由{clause}", text):
        spans = [m.span(1)]
        while more := following.match(text, m.end()):
            spans.append(more.span(1))  # 由A主办，B、C承办，D协办: every clause names organizers
            m = more
        out += [i for i, o in enumerate(mentions) for s, e in spans
                if o.type is EntityType.ORG and s <= o.start and o.end <= e]
    return out


def _roles_in_sentence(text: str, sentence: Sentence, mentions: Sequence[Mention]):
    cues = [(w, role) for kind, role in _ROLE_CUES for w in lexicons.cues()[kind]]
    chunk = text[sentence.start:sentence.end]
    hits = sorted((m.start() + sentence.start, len(w), role)
                  for w, role in cues for m in re.finditer(re.escape(w), chunk))
    for i, p in enumerate(mentions):
        if p.type is not EntityType.PERSON or not sentence.start <= p.start < sentence.end:
            continue
        after = [(pos, length, role) for pos, length, role in hits if pos >= p.end]
        if not after:
            continue
        pos, length, role = after[0]
        if role is EventRole.ATTENDEE and any(r is EventRole.SPEAKER and q - (pos + length) <= 4
                                              for q, _, r in after[1:]):
            role = EventRole.SPEAKER  # 出席会议并致辞
        yield i, role
