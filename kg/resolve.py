"""Stage 5: merge mentions into entities, within and across documents and languages.

Mentions of one type are merged when they name the same thing:
* the same normalised form (simplified characters, full-width folded);
* an official abbreviation or alias in the bilingual lexicon (工信部 → 工业和信息化部);
* a company name with and without its legal form (蓝海能源 ↔ 蓝海能源有限公司, also in
  the middle: 蓝海能源有限公司技术学院 ↔ 蓝海能源技术学院), and a short name without the line of
  business either (东岳新能源 ↔ 东岳新能源科技股份有限公司) when one registered name shortens so;
* a damaged spelling: the shorter form is the longer one with single characters dropped
  here and there (东岳智能制造业创新发联盟 ↔ 东岳智能制造产业创新发展联盟), never a whole word
  (北京大学 ≠ 北京师范大学);
* an English mention whose Chinese counterpart is known (lexicon, or pinyin of a name), or
  the original a text gives in brackets (巴里·穆尼兹（Barry Munitz）), which is then the
  English label.
Variant spellings become aliases (``skos:altLabel``).

A surname alone with a form of address (王先生, 王局长) is the person of that surname whom
the same document names in full, if there is exactly one; otherwise it is a person of that
document only (label 王先生), never merged with the 王先生 of another document.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from collections.abc import Sequence

from kg.bilingual import addressed_person_en, chinese_candidates, person_name_en, to_simplified
from kg.bilingual import english_label as _english_label
from kg.bilingual.english import english_key
from kg.errors import InputError
from kg.extract import lexicons
from kg.model import Analysis, Entity, EntityType, Fact, Mention, Predicate, Resolution

LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司")
# Names recur across documents; their English is computed once per build.
english_label = lru_cache(maxsize=1 << 16)(_english_label)

_TYPE_PATH = {EntityType.PERSON: "person", EntityType.ORG: "org", EntityType.ROLE: "role",
              EntityType.TECH: "tech", EntityType.PLACE: "place"}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(analyses: Sequence[Analysis], *, min_confidence: float = 0.0, umlaut: str = "ü") -> Resolution:
    """Entities and facts from the per-document analyses (deterministic: the result does
    not depend on the order of the documents beyond their ids). ``umlaut`` is how ü is
    written in English person names: ü (Lü Bu, the standard) or v (Lv Bu)."""
    if umlaut not in ("ü", "v", "u"):
        raise InputError(f"unknown spelling of ü {umlaut!r} (expected ü, v or u)")
    analyses = sorted(analyses, key=lambda a: a.document.id)
    forms: dict[tuple[str, int], tuple[EntityType, str]] = {}
    for a in analyses:
        for i, m in enumerate(a.mentions):
            if m.confidence >= min_confidence and m.type is not EntityType.PLACE:
                forms[(a.document.id, i)] = (m.type, _surface_key(m))
    local = _short_forms(analyses, forms)
    units = _qualify_units(analyses, forms)
    groups = _group_forms((v for r, v in forms.items() if r not in local), {forms[r][1]: own for r, own in units.items()})
    mention_entity: dict[tuple[str, int], str] = {}
    members: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for ref, (etype, key) in forms.items():
        gid = f"PERSON:{key}@{ref[0]}" if ref in local else groups[(etype, key)]
        members[gid].append(ref)
    by_ref = {(a.document.id, i): m for a in analyses for i, m in enumerate(a.mentions)}
    entities: dict[str, Entity] = {}
    addressed: dict[str, tuple[str, str]] = {}
    english_docs = {a.document.id for a in analyses if a.document.lang == "en"}
    for gid, refs in members.items():
        own_names = Counter(units[r] for r in refs if r in units)
        entity = _make_entity([by_ref[r] for r in refs], refs, Counter(forms[r][1] for r in refs),
                              scope=refs[0][0] if refs[0] in local else "",
                              unit=own_names.most_common(1)[0][0] if own_names else "")
        entity.english_only = all(doc in english_docs for doc, _ in refs)
        # two groups with the same label (rare: distinct forms, same canonical) share one id
        if entity.id in entities:
            old = entities[entity.id]
            old.aliases |= entity.aliases
            old.mentions += entity.mentions
            entity = old
        entities[entity.id] = entity
        if refs[0] in local:
            addressed[entity.id] = local[refs[0]]
        for r in refs:
            mention_entity[r] = entity.id
    facts = _facts(analyses, mention_entity, min_confidence)
    _drop_unattached_roles(entities, facts, mention_entity)
    _label_english(entities, facts, umlaut)
    for ent in entities.values():  # 巴里·穆尼兹（Barry Munitz）: the text gives the name in its own script
        original = next((by_ref[r].text for r in ent.mentions if by_ref[r].method == "original"), None)
        if original and not ent.label_zh.isascii():
            ent.label_en, ent.en_method, ent.en_confidence = original, "source", 0.95
    for eid, (surname, address) in addressed.items():
        label = addressed_person_en(surname, address)
        entities[eid].label_en, entities[eid].en_method, entities[eid].en_confidence = label.text, label.method, label.confidence
    return Resolution(list(analyses), dict(sorted(entities.items())), facts, mention_entity)


def _short_forms(analyses: Sequence[Analysis], forms: dict) -> dict[tuple[str, int], tuple[str, str]]:
    """Re-key, within each document, a foreign family name alone (穆尼兹) to the one full name
    that ends with it (巴里·穆尼兹), and every bare surname (王 of 王先生, 王局长) to the one
    full name of that surname in its document (王建国), else to the surname with its form of address as written
    (王先生). Returns the references of the second kind, which name a person of their
    document only, with their surname and form of address."""
    surnames = lexicons.surnames()
    honorifics = sorted(lexicons.cues()["honorific"], key=len, reverse=True)
    local = {}
    for a in analyses:
        doc = a.document.id
        refs = [(doc, i) for i, m in enumerate(a.mentions) if forms.get((doc, i), (None,))[0] is EntityType.PERSON]
        full = {forms[r][1] for r in refs if forms[r][1] not in surnames}
        roles = {m.start: m for m in a.mentions if m.type is EntityType.ROLE}
        for ref in refs:
            name = forms[ref][1]
            if name not in surnames:
                whole = {n for n in full if "·" in n and n.rsplit("·", 1)[1] == name}
                if len(whole) == 1:  # 穆尼兹 after 巴里·穆尼兹: a foreign name's family name alone
                    forms[ref] = (EntityType.PERSON, whole.pop())
                continue
            surname = name
            named = {n for n in full if n.startswith(surname) and len(n) - len(surname) in (1, 2)}
            if len(named) == 1:
                forms[ref] = (EntityType.PERSON, named.pop())
                continue
            m = a.mentions[ref[1]]
            after = a.document.text[m.end:m.end + 4]
            address = roles[m.end].key if m.end in roles else next((h for h in honorifics if after.startswith(h)), "")
            forms[ref] = (EntityType.PERSON, surname + address)
            local[ref] = (surname, address)
    return local


def _qualify_units(analyses: Sequence[Analysis], forms: dict) -> dict[tuple[str, int], str]:
    """Re-key every unit its document places inside a parent (机械学院 of 东岳理工大学) by its
    parent's key and its own (东岳理工大学机械学院), so that the 机械学院 of two universities, or
    the 研发部 of two companies, are two entities; a bare mention of the unit elsewhere in the
    same document (机械学院院长) is that unit when the document has only one unit of that name.
    Returns the unit's own name for every re-keyed reference (its label)."""
    units: dict[tuple[str, int], str] = {}
    for a in analyses:
        doc = a.document.id
        parent = {r.subject: r.object for r in a.relations if r.predicate is Predicate.SUB_ORGANIZATION_OF
                  and (doc, r.subject) in forms and (doc, r.object) in forms}
        qualified: dict[int, str] = {}

        def key_of(i: int, seen: frozenset = frozenset()) -> str:
            own = forms[(doc, i)][1]
            if i not in parent or i in seen:
                return own
            if i not in qualified:
                above = key_of(parent[i], seen | {i})
                qualified[i] = own if own.startswith(above) else above + own
            return qualified[i]

        for i in parent:
            units[(doc, i)] = forms[(doc, i)][1]
            forms[(doc, i)] = (EntityType.ORG, key_of(i))
        by_name: dict[str, set[str]] = defaultdict(set)
        for i in parent:
            by_name[units[(doc, i)]].add(forms[(doc, i)][1])
        for i, m in enumerate(a.mentions):
            ref = (doc, i)
            if m.type is EntityType.ORG and ref in forms and ref not in units and len(by_name.get(forms[ref][1], ())) == 1:
                units[ref] = forms[ref][1]
                forms[ref] = (EntityType.ORG, next(iter(by_name[units[ref]])))
    return units


def _surface_key(m: Mention) -> str:
    form = to_simplified(m.norm or m.text)
    if m.type is EntityType.TECH:
        return lexicons.tech_surface_forms().get(form, form)
    if m.type is EntityType.ORG:
        return lexicons.known_organizations().get(form, form)
    return form


def _group_forms(keys, unit_names: dict[str, str]) -> dict[tuple[EntityType, str], str]:
    """(type, form) -> group id, by the merge rules in the module docstring; ``unit_names``
    gives the own name of a unit keyed with its parent's (东岳理工大学机械学院 -> 机械学院)."""
    uf = _UnionFind()
    by_type: dict[EntityType, set[str]] = defaultdict(set)
    keys = list(keys)
    counts = Counter(key for _, key in keys)
    for etype, key in keys:
        by_type[etype].add(key)
        uf.find(f"{etype.value}:{key}")
    for etype, names in by_type.items():
        ordered = sorted(names, key=lambda s: (-len(s), s))
        if etype is EntityType.ORG:
            _merge_org_forms(uf, ordered, counts)
        _merge_across_languages(uf, etype, ordered, unit_names if etype is EntityType.ORG else {})
    return {(t, k): uf.find(f"{t.value}:{k}") for t, k in keys}


def _merge_org_forms(uf: _UnionFind, names: list[str], counts: Counter) -> None:
    lexicon = set(lexicons.known_organizations().values())
    stripped = {n: _strip_legal_form(n) for n in names}
    index: dict[str, str] = {}
    for n in names:
        index.setdefault(stripped[n], n)
    for n in names:
        uf.union(f"ORG:{n}", f"ORG:{index[stripped[n]]}")
    _merge_short_company_names(uf, names, stripped)
    # damaged spellings: index every form by its copies with one or two characters dropped
    by_form: dict[str, set[str]] = defaultdict(set)
    for n in names:
        by_form[n].add(n)
        by_form[stripped[n]].add(n)
    # One character less may be another name (蓝海云科技 ≠ 蓝海科技): merge only towards a
    # lexicon name or a form seen more often. Two scattered characters less is damage.
    for long in names:
        for form in {long, stripped[long]}:
            for drops, damaged in _drops(form):
                for short in by_form.get(damaged, ()):
                    if short == long or (short in lexicon and long in lexicon):
                        continue
                    if drops == 2 or long in lexicon or counts[long] > counts[short]:
                        uf.union(f"ORG:{short}", f"ORG:{long}")


def _merge_short_company_names(uf: _UnionFind, names: list[str], stripped: dict[str, str]) -> None:
    """东岳新能源 ↔ 东岳新能源科技股份有限公司: a company's short name is its registered name
    without the legal form and without the line of business after it — when exactly one
    registered name of the build shortens so."""
    industry = lexicons.cues()["industry"]
    shortened: dict[str, set[str]] = defaultdict(set)
    for n in names:
        if n == stripped[n]:
            continue  # no legal form: not a registered company name
        line = max((w for w in industry if stripped[n].endswith(w)), key=len, default="")
        if line and len(stripped[n]) - len(line) >= 2:
            shortened[stripped[n][:-len(line)]].add(n)
    for short in names:
        if len(shortened.get(short, ())) == 1:
            uf.union(f"ORG:{short}", f"ORG:{next(iter(shortened[short]))}")


def _drops(name: str) -> set[tuple[int, str]]:
    """(1 or 2, ``name`` with that many non-adjacent inner characters dropped), keeping the
    last two (the suffix) and at least four characters: what lossy scraping does."""
    body = len(name) - 2
    out = set()
    if len(name) - 1 >= 4:
        out |= {(1, name[:i] + name[i + 1:]) for i in range(body)}
    if len(name) - 2 >= 4:
        out |= {(2, name[:i] + name[i + 1:j] + name[j + 1:]) for i in range(body) for j in range(i + 2, body)}
    return out


def _strip_legal_form(name: str) -> str:
    """蓝海能源有限公司 → 蓝海能源; 蓝海能源有限公司技术学院 → 蓝海能源技术学院; the
    province marker inside a name is optional too (四川省成都市… = 四川成都市…)."""
    for form in LEGAL_FORMS:
        name = name.replace(form, "")
    return name[:1] + name[1:-1].replace("省", "") + name[-1:]


def dropped_characters(short: str, long: str) -> bool:
    """True when ``short`` is ``long`` with one or two single characters dropped,
    never two adjacent ones, and the same ending (what lossy scraping does)."""
    missing = len(long) - len(short)
    if not 1 <= missing <= 2 or len(short) < 4 or short[-2:] != long[-2:]:
        return False
    i = 0
    gaps = []
    for j, ch in enumerate(long):
        if i < len(short) and short[i] == ch:
            i += 1
        else:
            gaps.append(j)
    if i != len(short):
        return False
    return all(b - a > 1 for a, b in zip(gaps, gaps[1:]))


def _merge_across_languages(uf: _UnionFind, etype: EntityType, names: list[str], unit_names: dict[str, str]) -> None:
    """An English name and the Chinese name whose English it is: Sun Mingyuan ↔ 孙明远 by
    pinyin, Tsinghua University ↔ 清华大学 by the lexicon, Department of Information
    Technology Development ↔ 信息技术发展司 by composition. A unit's English names it by its
    own name (机械学院), when only one unit of the build has that name."""
    english = [n for n in names if n.isascii()]
    if not english:
        return
    index: dict[str, str] = {}
    owners = Counter(unit_names[zh] for zh in names if zh in unit_names)
    by_own_name = {unit_names[zh]: zh for zh in names if zh in unit_names and owners[unit_names[zh]] == 1}
    shown = {zh: own for own, zh in by_own_name.items()}  # 东岳理工大学机械学院 is shown as 机械学院
    for zh in names:
        if zh.isascii():
            continue
        if etype is EntityType.PERSON:
            keys = {english_key(person_name_en(zh, v=v)) for v in ("ü", "v")}
        else:
            keys = {english_key(english_label(shown.get(zh, zh), etype).text)}
        for key in keys:
            index.setdefault(key, zh)
    for en in english:
        key = english_key(en)
        zh = index.get(key) or (index.get(key[:-1]) if key.endswith("s") else None)  # plural forms
        if zh is None and etype is not EntityType.PERSON:
            zh = next((by_own_name.get(c, c) for c in chinese_candidates(en, etype)
                       if by_own_name.get(c, c) in index.values()), None)
        if zh is not None:
            uf.union(f"{etype.value}:{en}", f"{etype.value}:{zh}")


def _make_entity(mentions: list[Mention], refs: list[tuple[str, int]], forms: Counter, scope: str = "",
                 unit: str = "") -> Entity:
    """One entity of the mentions ``refs`` whose resolution keys are ``forms``; ``scope`` is
    the document a person of a form of address (王先生) belongs to; ``unit`` the own name of a
    unit whose keys include its parent's (its label; the qualified name is its id and an alias)."""
    etype = mentions[0].type
    qualified = _canonical(etype, forms)
    label = unit or qualified
    aliases = {to_simplified(m.text) for m in mentions} | {m.text for m in mentions} | set(forms)
    aliases.discard(label)
    if etype is EntityType.PERSON:  # a surname alone names no one
        aliases -= set(lexicons.surnames())
    if etype is EntityType.ORG:  # 公司 where a text defined it (以下简称“公司”) names no one elsewhere
        aliases -= lexicons.cues()["generic_org"] | lexicons.org_suffix_words()
    if etype is EntityType.TECH and label in lexicons.technologies():
        aliases |= set(lexicons.technologies()[label].aliases)
    local = f"{_TYPE_PATH[etype]}/{iri_segment(qualified)}" + (f"--{iri_segment(scope)}" if scope else "")
    return Entity(id=local, type=etype, label_zh=label, label_en="", aliases=aliases,
                  mentions=sorted(refs), confidence=round(max(m.confidence for m in mentions), 3))


def _canonical(etype: EntityType, forms: Counter) -> str:
    """The lexicon's full name if any; else an undamaged form (not a character-dropped
    copy of another), Chinese before English, most frequent, longest."""
    names = list(forms)
    if etype is EntityType.ORG:
        known = [n for n in names if n in set(lexicons.known_organizations().values())]
        if known:
            return sorted(known, key=lambda n: (-len(n), n))[0]
        names = [n for n in names if not any(dropped_characters(_strip_legal_form(n), _strip_legal_form(o))
                                              for o in forms if o != n)] or names
    return sorted(names, key=lambda n: (n.isascii(), -forms[n], -len(n), n))[0]


def iri_segment(label: str) -> str:
    """A readable IRI path segment: letters (any script) and digits kept, spaces as '-',
    everything else percent-encoded, so a label can never break an IRI."""
    out = []
    for ch in label.strip():
        if ch.isalnum() or ch in "-._~":
            out.append(ch)
        elif ch.isspace():
            out.append("-")
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out) or "unnamed"


def _facts(analyses, mention_entity, min_confidence: float) -> list[Fact]:
    merged: dict[tuple, Fact] = {}
    for a in analyses:
        doc = a.document.id
        for r in a.relations:
            if r.confidence < min_confidence:
                continue
            s, o = mention_entity.get((doc, r.subject)), mention_entity.get((doc, r.object))
            c = mention_entity.get((doc, r.context)) if r.context is not None else None
            if s is None or o is None or (r.context is not None and c is None) or s == o:
                continue
            key = (r.predicate, s, o, c)
            fact = merged.setdefault(key, Fact(r.predicate, s, o, c, r.confidence, r.method))
            fact.confidence = max(fact.confidence, r.confidence)
            evidence = [(doc, r.subject), (doc, r.object)] + ([(doc, r.context)] if r.context is not None else [])
            fact.evidence.extend(e for e in evidence if e not in fact.evidence)
    facts = list(merged.values())
    # a post without organization is redundant next to the same post with one
    with_org = {(f.subject, f.object) for f in facts if f.predicate is Predicate.HOLDS_POST and f.context}
    facts = [f for f in facts if not (f.predicate is Predicate.HOLDS_POST and f.context is None
                                       and (f.subject, f.object) in with_org)]
    return sorted(facts, key=lambda f: (f.predicate.value, f.subject, f.object, f.context or ""))


def _drop_unattached_roles(entities: dict[str, Entity], facts: list[Fact], mention_entity) -> None:
    """A title nobody holds (希望组织做好行业的"研究员") is not an entity of the graph."""
    held = {f.object for f in facts if f.predicate is Predicate.HOLDS_POST}
    for eid in [e for e, ent in entities.items() if ent.type is EntityType.ROLE and e not in held]:
        del entities[eid]
    for ref in [r for r, e in mention_entity.items() if e not in entities]:
        del mention_entity[ref]


def _label_english(entities: dict[str, Entity], facts: list[Fact], umlaut: str) -> None:
    parent = {f.subject: f.object for f in facts if f.predicate is Predicate.SUB_ORGANIZATION_OF}
    for ent in entities.values():
        if ent.label_zh.isascii():  # 5G, XR, or a name only seen in English text
            ent.label_en, ent.en_method, ent.en_confidence = ent.label_zh, "source", 1.0
            continue
        parent_zh = entities[parent[ent.id]].label_zh if ent.id in parent and parent[ent.id] in entities else None
        label = english_label(ent.label_zh, ent.type, parent_zh=parent_zh)
        ent.label_en, ent.en_method, ent.en_confidence = label.text, label.method, round(label.confidence, 3)
        if ent.type is EntityType.PERSON and label.method == "pinyin" and umlaut != "ü":
            ent.label_en = person_name_en(ent.label_zh, v=umlaut)
        if ent.type is EntityType.TECH:
            broader = _broader_concept(ent.label_zh)
            if broader and f"tech/{iri_segment(broader)}" in entities:
                ent.broader = [f"tech/{iri_segment(broader)}"]


def _broader_concept(label: str) -> str | None:
    """The scheme's broader concept; for a term outside the scheme that narrows one of its
    concepts (手术机器人, 氢燃料电池), that concept (机器人, 燃料电池)."""
    known = lexicons.technologies().get(label)
    if known:
        return known.broader or None
    forms = lexicons.tech_surface_forms()
    head = max((label[i:] for i in range(1, len(label)) if label[i:] in forms), key=len, default=None)
    return forms[head] if head else None
