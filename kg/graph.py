"""Stage 6: the resolved entities and facts as RDF quads, per the graph contract
(../shared/design.md): one named graph per document holding what that document says —
the entities it mentions, the evidence (Web Annotation with offsets) and the facts read
from it, each fact ``prov:wasDerivedFrom`` its annotations.

Quads are built directly as pyoxigraph terms: they are validated when created (a bad
IRI minted from text fails here, not in a dump) and loaded into the store in bulk.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from kg.bilingual import english_label, person_name_tones
from kg.errors import InputError
from kg.extract import lexicons
from kg.model import Analysis, Entity, EntityType, Event, EventRole, Fact, Mention, Predicate, Resolution
from kg.resolve import iri_segment
from kg.schema import KGV, OA, ORG, SCHEMA
from kg.schema import PREFIXES

_RDF = PREFIXES["rdf"]
_RDFS = PREFIXES["rdfs"]
_SKOS = PREFIXES["skos"]
_PROV = PREFIXES["prov"]
_XSD = PREFIXES["xsd"]
CONTEXT_CHARS = 32  # characters of sentence context kept in oa:prefix / oa:suffix
# Offsets are xsd:integer, not the xsd:nonNegativeInteger of the Web Annotation model:
# Oxigraph's store folds derived integer types into xsd:integer, and a dump must say
# what the store holds (the shapes check they are >= 0).

_CLASS = {
    EntityType.PERSON: str(SCHEMA.Person),
    EntityType.ORG: str(ORG.Organization),
    EntityType.ROLE: str(ORG.Role),
    EntityType.TECH: _SKOS + "Concept",
}


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


def _zh_or_en(text: str) -> str:
    return "en" if text.isascii() else "zh"


def _decimal(x: float) -> Literal:
    return Literal(f"{x:.3f}".rstrip("0").rstrip(".") if x % 1 else f"{x:.1f}", datatype=_n(_XSD + "decimal"))


class GraphBuilder:
    """Turns a Resolution into quads under ``base`` (a namespace IRI ending in / or #)."""

    def __init__(self, base: str) -> None:
        if not base.endswith(("/", "#")):
            base += "/"
        try:
            NamedNode(base)
        except ValueError as exc:
            raise InputError(f"--base {base!r} is not a valid IRI ({exc})") from None
        if ":" not in base:
            raise InputError(f"--base {base!r} is not an absolute IRI (expected e.g. https://example.org/kg/)")
        self.base = base

    def iri(self, local: str) -> NamedNode:
        return _n(self.base + local)

    def quads(self, resolution: Resolution) -> Iterator[Quad]:
        entities = resolution.entities
        facts_by_doc: dict[str, list[Fact]] = defaultdict(list)
        for fact in resolution.facts:
            for doc in sorted({d for d, _ in fact.evidence}):
                facts_by_doc[doc].append(fact)
        for analysis in resolution.analyses:
            doc_id = analysis.document.id
            graph = self.iri(f"graph/{iri_segment(doc_id)}")
            mentioned = sorted({eid for (d, _), eid in resolution.mention_entity.items() if d == doc_id})
            for s, p, o in self._document(analysis, mentioned):
                yield Quad(s, p, o, graph)
            # confidence as this document supports it, so adding a document never
            # rewrites another document's graph
            confidence: dict[str, float] = {}
            for i, m in enumerate(analysis.mentions):
                eid = resolution.mention_entity.get((doc_id, i))
                if eid is not None:
                    confidence[eid] = max(confidence.get(eid, 0.0), m.confidence)
            for eid in mentioned:
                for s, p, o in self._entity(entities[eid], confidence[eid]):
                    yield Quad(s, p, o, graph)
            for i, m in enumerate(analysis.mentions):
                eid = resolution.mention_entity.get((doc_id, i))
                if eid is not None:
                    for s, p, o in self._annotation(analysis, i, m, eid):
                        yield Quad(s, p, o, graph)
            for fact in facts_by_doc.get(doc_id, []):
                for s, p, o in self._fact(fact, analysis, entities):
                    yield Quad(s, p, o, graph)
            for n, event in enumerate(analysis.events, 1):
                for s, p, o in self._event(event, n, analysis, resolution.mention_entity):
                    yield Quad(s, p, o, graph)

    # -- documents and evidence -------------------------------------------------------
    def doc_iri(self, doc_id: str) -> NamedNode:
        return self.iri(f"doc/{iri_segment(doc_id)}")

    def _document(self, analysis: Analysis, mentioned: list[str]):
        doc = analysis.document
        d = self.doc_iri(doc.id)
        kind = SCHEMA.NewsArticle if doc.source_url or doc.publisher else SCHEMA.CreativeWork
        yield d, _n(_RDF + "type"), _n(str(kind))
        yield d, _n(str(SCHEMA.name)), Literal(doc.title or doc.id)
        yield d, _n(str(SCHEMA.inLanguage)), Literal(doc.lang)
        yield d, _n(str(KGV.characterCount)), Literal(str(len(doc.text)), datatype=_n(_XSD + "integer"))
        if doc.source_url:
            yield d, _n(str(SCHEMA.url)), Literal(doc.source_url, datatype=_n(_XSD + "anyURI"))
        if doc.publisher:
            yield d, _n(str(SCHEMA.publisher)), Literal(doc.publisher, language=_zh_or_en(doc.publisher))
        for eid in mentioned:
            yield d, _n(str(SCHEMA.mentions)), self.iri(eid)

    def annotation_iri(self, doc_id: str, m: Mention) -> NamedNode:
        return self.iri(f"doc/{iri_segment(doc_id)}/mention/{m.start}-{m.end}")

    def _annotation(self, analysis: Analysis, index: int, m: Mention, eid: str):
        doc = analysis.document
        a = self.annotation_iri(doc.id, m)
        target = _n(a.value + "/target")
        pos, quote = _n(a.value + "/position"), _n(a.value + "/quote")
        sentence = next((s for s in analysis.sentences if s.start <= m.start < s.end), None)
        lo = max(sentence.start if sentence else 0, m.start - CONTEXT_CHARS)
        hi = min(sentence.end if sentence else len(doc.text), m.end + CONTEXT_CHARS)
        yield a, _n(_RDF + "type"), _n(str(OA.Annotation))
        yield a, _n(str(OA.motivatedBy)), _n(str(OA.identifying))
        yield a, _n(str(OA.hasBody)), self.iri(eid)
        yield a, _n(str(OA.hasTarget)), target
        yield a, _n(str(KGV.confidence)), _decimal(m.confidence)
        yield a, _n(str(KGV.method)), Literal(m.method)
        yield a, _n(str(KGV.mentionType)), Literal(m.type.value)
        yield target, _n(str(OA.hasSource)), self.doc_iri(doc.id)
        yield target, _n(str(OA.hasSelector)), pos
        yield target, _n(str(OA.hasSelector)), quote
        yield pos, _n(_RDF + "type"), _n(str(OA.TextPositionSelector))
        yield pos, _n(str(OA.start)), Literal(str(m.start), datatype=_n(_XSD + "integer"))
        yield pos, _n(str(OA.end)), Literal(str(m.end), datatype=_n(_XSD + "integer"))
        yield quote, _n(_RDF + "type"), _n(str(OA.TextQuoteSelector))
        yield quote, _n(str(OA.exact)), Literal(m.text)
        yield quote, _n(str(OA.prefix)), Literal(doc.text[lo:m.start])
        yield quote, _n(str(OA.suffix)), Literal(doc.text[m.end:hi])

    # -- entities -----------------------------------------------------------------------
    def _entity(self, e: Entity, confidence: float):
        s = self.iri(e.id)
        yield s, _n(_RDF + "type"), _n(_CLASS[e.type])
        if not e.english_only:
            yield s, _n(_RDFS + "label"), Literal(e.label_zh, language="zh")
        yield s, _n(_RDFS + "label"), Literal(e.label_en, language="en")
        for alias in sorted(e.aliases - {e.label_en}):
            yield s, _n(_SKOS + "altLabel"), Literal(alias, language=_zh_or_en(alias))
        if e.type is EntityType.PERSON and not e.english_only:
            yield s, _n(_SKOS + "altLabel"), Literal(person_name_tones(e.label_zh), language="zh-Latn-pinyin")
        yield s, _n(str(KGV.confidence)), _decimal(confidence)
        yield s, _n(str(KGV.englishLabelMethod)), Literal(e.en_method)
        yield s, _n(str(KGV.englishLabelConfidence)), _decimal(e.en_confidence)
        if e.type is EntityType.TECH:
            yield s, _n(_SKOS + "inScheme"), self.iri("tech/scheme")
            for b in e.broader:
                yield s, _n(_SKOS + "broader"), self.iri(b)

    def _event(self, event: Event, n: int, analysis: Analysis, mention_entity):
        return _event_quads(self, event, n, analysis, mention_entity)

    # -- facts ------------------------------------------------------------------------------
    def _fact(self, fact: Fact, analysis: Analysis, entities: dict[str, Entity]):
        doc_id = analysis.document.id
        subject, obj = self.iri(fact.subject), self.iri(fact.object)
        if fact.predicate is Predicate.HOLDS_POST:
            role = entities[fact.object]
            node = self.iri("membership/" + _fact_key(fact))
            yield node, _n(_RDF + "type"), _n(str(ORG.Membership))
            yield node, _n(str(ORG.member)), subject
            yield node, _n(str(ORG.role)), obj
            yield subject, _n(str(SCHEMA.jobTitle)), Literal(role.label_zh, language="zh")
            yield subject, _n(str(SCHEMA.jobTitle)), Literal(role.label_en, language="en")
            if fact.context:
                yield node, _n(str(ORG.organization)), self.iri(fact.context)
                yield subject, _n(str(SCHEMA.worksFor)), self.iri(fact.context)
        elif fact.predicate is Predicate.MEMBER_OF:
            node = self.iri("membership/" + _fact_key(fact))
            yield subject, _n(str(ORG.memberOf)), obj
            yield node, _n(_RDF + "type"), _n(str(ORG.Membership))
            yield node, _n(str(ORG.member)), subject
            yield node, _n(str(ORG.organization)), obj
            role_zh = fact.method.split(":", 1)[-1]
            role = self.iri(f"role/{iri_segment(role_zh)}")
            yield node, _n(str(ORG.role)), role
            yield role, _n(_RDF + "type"), _n(str(ORG.Role))
            yield role, _n(_RDFS + "label"), Literal(role_zh, language="zh")
            role_en = lexicons.member_roles().get(role_zh) or english_label(role_zh, EntityType.ROLE).text
            yield role, _n(_RDFS + "label"), Literal(role_en, language="en")
        else:
            predicate = {Predicate.SUB_ORGANIZATION_OF: ORG.subOrganizationOf,
                         Predicate.TALKS_ABOUT: SCHEMA.knowsAbout}[fact.predicate]
            yield subject, _n(str(predicate)), obj
            # the statement itself, reified, so that it can carry its provenance
            node = self.iri("statement/" + _fact_key(fact))
            yield node, _n(_RDF + "type"), _n(_RDF + "Statement")
            yield node, _n(_RDF + "subject"), subject
            yield node, _n(_RDF + "predicate"), _n(str(predicate))
            yield node, _n(_RDF + "object"), obj
        yield node, _n(str(KGV.confidence)), _decimal(fact.confidence)
        yield node, _n(str(KGV.method)), Literal(fact.method)
        for d, i in fact.evidence:
            if d == doc_id:
                yield node, _n(_PROV + "wasDerivedFrom"), self.annotation_iri(d, analysis.mentions[i])


_EVENT_ROLE = {
    EventRole.ORGANIZER: str(SCHEMA.organizer),
    EventRole.HOST: str(KGV.host),
    EventRole.SPEAKER: str(KGV.speaker),
    EventRole.PANELIST: str(KGV.panelist),
    EventRole.ATTENDEE: str(SCHEMA.attendee),
}


def _event_quads(builder: "GraphBuilder", event: Event, n: int, analysis: Analysis, mention_entity):
    doc_id = analysis.document.id
    node = builder.iri(f"event/{iri_segment(doc_id)}/{n}")
    yield node, _n(_RDF + "type"), _n(str(SCHEMA.Event))
    yield node, _n(_RDFS + "label"), Literal(event.name, language="zh")
    yield node, _n(_RDFS + "label"), Literal(event_name_en(event.name), language="en")
    yield node, _n(str(KGV.englishLabelMethod)), Literal("composed")
    yield node, _n(str(SCHEMA.name)), Literal(event.name, language="zh")
    yield node, _n(str(SCHEMA.subjectOf)), builder.doc_iri(doc_id)
    yield node, _n(_PROV + "wasDerivedFrom"), builder.doc_iri(doc_id)
    if event.date:
        yield node, _n(str(SCHEMA.startDate)), Literal(event.date, datatype=_n(_XSD + "date"))
    if event.place:
        place = builder.iri(f"place/{iri_segment(event.place)}")
        yield node, _n(str(SCHEMA.location)), place
        yield place, _n(_RDF + "type"), _n(str(SCHEMA.Place))
        yield place, _n(_RDFS + "label"), Literal(event.place, language="zh")
        yield place, _n(_RDFS + "label"), Literal(english_label(event.place, EntityType.PLACE).text, language="en")
    for index, role in event.participants:
        eid = mention_entity.get((doc_id, index))
        if eid is not None:
            yield node, _n(_EVENT_ROLE[role]), builder.iri(eid)


def event_name_en(name: str) -> str:
    """东岳储能产业联盟2024年成员大会 → 2024 Member Conference of the Dongyue Energy
    Storage Industry Alliance: kind, year and organizer composed; a topic instead of an
    organizer goes before the kind (2026数字医疗创新发展论坛 → 2026 Digital … Forum)."""
    kinds = lexicons.event_kinds()
    head = next((k for k in sorted(kinds, key=len, reverse=True) if name.endswith(k)), "")
    rest = name[: len(name) - len(head)]
    year = ""
    if m := re.search(r"(\d{4})年?$", rest) or re.match(r"(\d{4})年?", rest):
        year, rest = m.group(1), rest[: m.start()] + rest[m.end():]
    kind = kinds.get(head) or english_label(head, EntityType.ORG).text
    if m := _EDITION.match(rest):  # 第五届世界智能大会: 5th World Intelligence Conference
        rest = rest[m.end():]
        kind = f"{_ordinal(m.group(1))} " + (english_label(rest, EntityType.TECH).text.title() + " " if rest else "") + kind
        rest = ""
    if rest and not rest.endswith(tuple(lexicons.org_suffixes())):
        # 2026数字医疗创新发展论坛: a topic, not an organizer, names the event
        return " ".join(x for x in (year, english_label(rest, EntityType.TECH).text.title(), kind) if x)
    owner = english_label(rest, EntityType.ORG).text if rest else ""
    return " ".join(x for x in (year, kind, f"of the {owner}" if owner else "") if x)


_EDITION = re.compile(r"第([一二三四五六七八九十\d]{1,3})[届次]")
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _ordinal(numeral: str) -> str:
    """五 -> 5th, 十二 -> 12th, 二十一 -> 21st (editions of events; cn2an does this and more,
    but one to ninety-nine is all an edition needs)."""
    if numeral.isdigit():
        n = int(numeral)
    else:
        tens, _, ones = numeral.partition("十")
        n = (_DIGITS.get(tens, 1) * 10 + _DIGITS.get(ones, 0)) if "十" in numeral else _DIGITS.get(numeral, 0)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _fact_key(fact: Fact) -> str:
    """Readable and deterministic: the entities' path segments, hashed when long."""
    parts = [fact.subject, fact.predicate.value, fact.object] + ([fact.context] if fact.context else [])
    key = "--".join(p.replace("/", "-") for p in parts)
    if len(key) > 120:
        key = key[:80].rstrip("%0123456789ABCDEF") + "-" + hashlib.sha1(key.encode()).hexdigest()[:12]
    return key
