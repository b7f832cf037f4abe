"""The per-document pipeline: a pure function of one Document, so it can run in any
process (``kg build --jobs N``) and later on a cluster.

Stages run on a same-length normalised view of the text (full-width forms folded,
traditional characters simplified), so every offset they produce is an offset into the
original text.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from functools import lru_cache

from kg.bilingual import to_simplified
from kg.errors import KgError
from kg.extract import lexicons
from kg.extract.combine import merge_mentions
from kg.extract.events import find_event
from kg.extract.orgs import extend_organization_lists, find_organizations, propagate_organizations
from kg.extract.originals import add_originals
from kg.extract.persons import extend_name_lists, find_persons, propagate_names
from kg.extract.relations import find_relations
from kg.extract.segment import default_segmenter
from kg.extract.tagger import LearnedTagger
from kg.extract.tech import find_technologies, names_a_company
from kg.extract.titles import across_words, find_titles
from kg.ingest import normalized_view
from kg.model import Analysis, Document, EntityType, Mention, Sentence, SpanIndex, Token


def analyse(document: Document) -> Analysis:
    """Segment, find mentions and relations in one Chinese document."""
    if document.lang == "en":
        from kg.extract.english import analyse_english

        return analyse_english(document)
    text = analysis_view(document.text)
    try:
        sentences = default_segmenter()(text)
        mentions = find_mentions(text, sentences)
        relations = find_relations(text, sentences, mentions)
        events = find_event(text, sentences, mentions)
    except KgError:
        raise
    except Exception as exc:  # a defect: name the document so it can be reproduced
        raise KgError(f"{document.path or document.id}: extraction failed: {exc!r}") from exc
    # Mention and token texts are the surface of the original text (what oa:exact quotes).
    mentions = [_with_original_surface(document.text, m) for m in mentions]
    sentences = [Sentence(s.start, s.end, tuple(Token(document.text[t.start:t.end], t.start, t.end, t.pos)
                                                for t in s.tokens)) for s in sentences]
    return Analysis(document, sentences, mentions, relations, events)


def find_mentions(text: str, sentences, *, learned: bool = True) -> list[Mention]:
    """Grammar and lexicon mentions, merged with the learned tagger's (``learned``)."""
    techs = find_technologies(text, sentences)
    words = [t for s in sentences for t in s.tokens]
    titles = [t for t in across_words(find_titles(text), words)
              if not _inside(t, techs, [m.start for m in techs])]  # 基因|编辑 is no editor
    title_starts = {t.start for t in titles}
    techs = [t for t in techs if not names_a_company(t, words, title_starts)]
    orgs = find_organizations(text, sentences, titles)
    tech_starts = [t.start for t in techs]
    orgs = [o for o in orgs if not _inside(o, techs, tech_starts)]
    org_chars = {i for o in orgs for i in range(o.start, o.end)}
    techs = [t for t in techs if not any(i in org_chars for i in range(t.start, t.end))]
    persons = find_persons(text, sentences, titles, blocked=orgs + techs)
    org_ends = {o.end for o in orgs}
    # a body may end inside the title that names its head (外交部|部长, 青石镇党委|党委书记)
    titles = [t for t in titles if not any(i in org_chars for i in range(t.start, t.end))
              or any(t.start + k in org_ends and not any(i in org_chars for i in range(t.start + k, t.end))
                     for k in range(1, min(4, t.end - t.start)))]
    # 主持人, 专家: the role someone plays at an event, or a bare descriptor, is evidence for the
    # name beside it, not a post (首席专家, 评审专家 are posts)
    titles = [t for t in titles if t.text not in lexicons.cues()["not_a_post"]]
    mentions = titles + techs + orgs + persons
    if learned:
        mentions = merge_mentions(text, mentions, default_tagger().tag(text, sentences), words)
        orgs = [m for m in mentions if m.type is EntityType.ORG]
        rest = [m for m in mentions if m.type is not EntityType.ORG]
        orgs = extend_organization_lists(text, sentences, orgs,
                                         [(m.start, m.end) for m in rest if m.type is not EntityType.PLACE])
        listed = SpanIndex((m.start, m.end) for m in orgs if m.method == "org-list")
        rest = [m for m in rest if m.type is not EntityType.PLACE or not listed.overlaps(m.start, m.end)]  # 宁波|摩士
        orgs = propagate_organizations(text, sentences, orgs, [(m.start, m.end) for m in rest if m.type is not EntityType.TECH])
        mentions = _techs_in_names(rest, orgs) + orgs
        others = [m for m in mentions if m.type is not EntityType.PERSON]
        taken = [(m.start, m.end) for m in others]
        persons = extend_name_lists(text, [m for m in mentions if m.type is EntityType.PERSON], taken)
        persons = propagate_names(text, persons, taken)
        mentions = add_originals(text, others + persons)
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _techs_in_names(mentions: list[Mention], orgs: list[Mention]) -> list[Mention]:
    """东岳新能源会…: a technology word inside an organization's name (found again by
    propagation) is part of the name, not a technology of its own."""
    names = SpanIndex((o.start, o.end) for o in orgs)
    return [m for m in mentions if m.type is not EntityType.TECH or not names.overlaps(m.start, m.end)]


def _inside(m: Mention, others: Sequence[Mention], starts: Sequence[int]) -> bool:
    """Whether one of ``others`` — sorted, non-overlapping, ``starts`` their starts —
    contains ``m``: only the last one starting at or before it can."""
    k = bisect.bisect_right(starts, m.start)
    return k > 0 and others[k - 1].end >= m.end


@lru_cache(maxsize=1)
def default_tagger() -> LearnedTagger:
    return LearnedTagger.load()


def _with_original_surface(original: str, m: Mention) -> Mention:
    surface = original[m.start:m.end]
    if surface == m.text:
        return m
    return Mention(m.type, m.start, m.end, surface, m.confidence, m.method, norm=m.norm or m.text)


def predict_mentions(text: str) -> list[Mention]:
    """Mentions of a raw text (for ``kg evaluate``)."""
    view = analysis_view(text)
    return outermost_organizations(find_mentions(view, default_segmenter()(view)))


def outermost_organizations(mentions: list[Mention]) -> list[Mention]:
    """One span per chain of adjacent organization units (清华大学 + 基础工业训练中心 →
    清华大学基础工业训练中心): the convention of annotated NER corpora, which mark the
    longest name. The graph keeps the units and links them with org:subOrganizationOf."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev and prev.type is m.type is EntityType.ORG and prev.end == m.start:
            out[-1] = Mention(EntityType.ORG, prev.start, m.end, prev.text + m.text,
                              min(prev.confidence, m.confidence), "org-chain")
        else:
            out.append(m)
    return out


def analysis_view(text: str) -> str:
    """What the Chinese stages read: full-width folded and traditional characters
    converted to simplified, character for character, so offsets hold."""
    return to_simplified(normalized_view(text))


def analyse_all(documents: Sequence[Document], progress: Callable[[int, int], None] | None = None) -> list[Analysis]:
    out = []
    for n, doc in enumerate(documents, 1):
        out.append(analyse(doc))
        if progress:
            progress(n, len(documents))
    return out
