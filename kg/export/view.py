"""The store seen as a property graph: typed entity nodes with bilingual labels and
relation-typed edges. GraphML, GEXF, Neo4j CSV and the HTML explorer all draw from
this one view, so they agree on what a node and an edge are.

Memberships (``org:Membership``) become member -> organization edges labelled with the
role, plus a person -> role ``has_title`` edge so roles are not isolated nodes; the
``schema:worksFor`` shortcut only adds an edge where no membership already says so.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

import pyoxigraph

from kg.schema import sparql_prefixes

NODE_TYPES: dict[str, str] = {
    "https://schema.org/Person": "Person",
    "http://www.w3.org/ns/org#Organization": "Organization",
    "http://www.w3.org/ns/org#Role": "Role",
    "http://www.w3.org/2004/02/skos/core#Concept": "Technology",
}


@dataclass(frozen=True)
class Node:
    iri: str
    type: str  # one of NODE_TYPES' values
    label_zh: str
    label_en: str
    aliases: tuple[str, ...] = ()
    confidence: float = 1.0
    documents: tuple[str, ...] = ()  # IRIs of the documents that mention it
    mentions: int = 0  # evidence annotations pointing at it


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str  # holds_post, has_title, works_for, sub_organization_of, member_of, talks_about, broader
    label_zh: str = ""  # the role for holds_post / member_of edges
    label_en: str = ""


@dataclass(frozen=True)
class Post:
    role_zh: str
    role_en: str
    org_zh: str = ""
    org_en: str = ""


@dataclass(frozen=True)
class Evidence:
    document: str  # document IRI
    document_name: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass
class GraphView:
    """Nodes and edges sorted by IRI (deterministic output), plus per-node details
    (posts held, evidence sentences) the explorer shows on click."""

    nodes: list[Node]
    edges: list[Edge]
    posts: dict[str, list[Post]] = field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    documents: dict[str, str] = field(default_factory=dict)  # document IRI -> name


def _rows(store: pyoxigraph.Store, body: str) -> list[dict[str, str]]:
    """Run a SELECT over the union of the document graphs; values as plain strings."""
    solutions = store.query(sparql_prefixes() + body)
    names = [v.value for v in solutions.variables]
    return [{n: term.value for n, term in zip(names, sol) if term is not None} for sol in solutions]


# Single-pattern scans joined in Python: the union default graph repeats a triple once per
# document graph holding it, so SPARQL joins over entity triples multiply rows.
_TYPES = """SELECT DISTINCT ?e ?type WHERE {
  VALUES ?type { schema:Person org:Organization org:Role skos:Concept } ?e a ?type }"""
_LABELS = "SELECT DISTINCT ?e ?l (lang(?l) AS ?lang) WHERE { ?e rdfs:label ?l }"
_CONFIDENCE = "SELECT DISTINCT ?e ?c WHERE { ?e kgv:confidence ?c }"
_ALIASES = "SELECT DISTINCT ?e ?alias WHERE { ?e skos:altLabel ?alias }"
_MENTIONS = "SELECT DISTINCT ?d ?e WHERE { ?d schema:mentions ?e }"
_DOC_NAMES = "SELECT DISTINCT ?d ?name WHERE { ?d schema:name ?name }"
_MEMBERS = "SELECT DISTINCT ?m ?member WHERE { ?m org:member ?member }"
_MEMBERSHIP_ORGS = "SELECT DISTINCT ?m ?org WHERE { ?m org:organization ?org }"
_MEMBERSHIP_ROLES = "SELECT DISTINCT ?m ?role WHERE { ?m org:role ?role }"
_SIMPLE_EDGES = """
SELECT DISTINCT ?s ?rel ?o WHERE {
  VALUES (?p ?rel) { (org:subOrganizationOf "sub_organization_of") (org:memberOf "member_of")
                     (schema:knowsAbout "talks_about") (skos:broader "broader")
                     (schema:worksFor "works_for") }
  ?s ?p ?o .
}"""
_EVIDENCE_PREDICATES = ("hasBody", "hasTarget", "hasSource", "hasSelector", "start", "end", "exact", "prefix", "suffix")


def _by_entity(rows: list[dict[str, str]], key: str, value: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        out[r[key]].add(r[value])
    return out


def _first(values: set[str] | None, fallback: str) -> str:
    """One value of a set, deterministically (the contract says there is exactly one)."""
    return min(values) if values else fallback


# Views already read inside a ``shared_views()`` block, by (store identity, max_evidence).
_SHARED: ContextVar[dict[tuple[int, int], tuple[pyoxigraph.Store, GraphView]] | None] = ContextVar(
    "kg_shared_views", default=None)


@contextmanager
def shared_views() -> Iterator[None]:
    """Within this block each store's view is read once: ``kg build`` writes GraphML and HTML
    from the same view instead of scanning the store twice. The store must not change inside."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def read_view(store: pyoxigraph.Store, *, max_evidence: int = 20) -> GraphView:
    """Read the property-graph view of a store (at most ``max_evidence`` quotes per node)."""
    cache = _SHARED.get()
    if cache is None:
        return _read_view(store, max_evidence)
    key = (id(store), max_evidence)
    if key not in cache:  # the store is kept in the entry so its id cannot be reused meanwhile
        cache[key] = (store, _read_view(store, max_evidence))
    return cache[key][1]


def _read_view(store: pyoxigraph.Store, max_evidence: int) -> GraphView:
    types = _by_entity(_rows(store, _TYPES), "e", "type")
    zh: dict[str, set[str]] = defaultdict(set)
    en: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, _LABELS):
        lang = r.get("lang", "").lower()
        if lang.startswith("zh"):
            zh[r["e"]].add(r["l"])
        elif lang.startswith("en"):
            en[r["e"]].add(r["l"])
    confidence = _by_entity(_rows(store, _CONFIDENCE), "e", "c")
    aliases = _by_entity(_rows(store, _ALIASES), "e", "alias")
    node_docs = _by_entity(_rows(store, _MENTIONS), "e", "d")
    doc_names = {d: _first(n, "") for d, n in _by_entity(_rows(store, _DOC_NAMES), "d", "name").items()}
    for docs in node_docs.values():
        for d in docs:
            doc_names.setdefault(d, "")
    evidence, mention_counts = _read_evidence(store, doc_names, max_evidence)

    nodes: dict[str, Node] = {}
    for iri, kinds in types.items():
        label_zh = _first(zh.get(iri), "")
        label_en = _first(en.get(iri), "")
        nodes[iri] = Node(
            iri=iri,
            type=NODE_TYPES[min(kinds)],
            label_zh=label_zh or label_en or iri,
            label_en=label_en or label_zh or iri,
            aliases=tuple(sorted(aliases.get(iri, ()))),
            confidence=max(float(c) for c in confidence.get(iri, {"1.0"})),  # each document states its own
            documents=tuple(sorted(node_docs.get(iri, ()))),
            mentions=mention_counts.get(iri, 0),
        )
    edges, posts = _read_edges(store, nodes)
    return GraphView(
        nodes=sorted(nodes.values(), key=lambda n: n.iri),
        edges=edges,
        posts=posts,
        evidence=evidence,
        documents=dict(sorted(doc_names.items())),
    )


def _read_evidence(
    store: pyoxigraph.Store, doc_names: dict[str, str], limit: int
) -> tuple[dict[str, list[Evidence]], dict[str, int]]:
    """Quotes per entity (first ``limit`` in document order) and its number of annotations."""
    scans = {
        name: _by_entity(_rows(store, f"SELECT DISTINCT ?s ?o WHERE {{ ?s oa:{name} ?o }}"), "s", "o")
        for name in _EVIDENCE_PREDICATES
    }
    one = lambda name, subject, default="": _first(scans[name].get(subject), default)  # noqa: E731
    found: dict[str, set[Evidence]] = defaultdict(set)
    annotations: dict[str, set[str]] = defaultdict(set)
    for a, bodies in scans["hasBody"].items():
        for e in bodies:
            annotations[e].add(a)
            for t in scans["hasTarget"].get(a, ()):
                selectors = scans["hasSelector"].get(t, set())
                pos = next((x for x in sorted(selectors) if x in scans["start"]), None)
                quote = next((x for x in sorted(selectors) if x in scans["exact"]), None)
                for doc in scans["hasSource"].get(t, ()):
                    found[e].add(
                        Evidence(
                            document=doc,
                            document_name=doc_names.get(doc, ""),
                            start=int(one("start", pos, "-1")),
                            end=int(one("end", pos, "-1")),
                            exact=one("exact", quote),
                            prefix=one("prefix", quote),
                            suffix=one("suffix", quote),
                        )
                    )
    key = lambda ev: (ev.document, ev.start, ev.end, ev.exact)  # noqa: E731
    quotes = {e: sorted(evs, key=key)[:limit] for e, evs in sorted(found.items())}
    return quotes, {e: len(a) for e, a in annotations.items()}


def _read_edges(store: pyoxigraph.Store, nodes: dict[str, Node]) -> tuple[list[Edge], dict[str, list[Post]]]:
    edges: set[Edge] = set()
    posts: dict[str, set[Post]] = defaultdict(set)
    linked: set[tuple[str, str]] = set()
    orgs = _by_entity(_rows(store, _MEMBERSHIP_ORGS), "m", "org")
    roles = _by_entity(_rows(store, _MEMBERSHIP_ROLES), "m", "role")
    for r in _rows(store, _MEMBERS):
        m, member = r["m"], r["member"]
        if member not in nodes:
            continue
        member_is_org = nodes[member].type == "Organization"
        for org in orgs.get(m) or {None}:
            for role in roles.get(m) or {None}:
                rn = nodes.get(role) if role else None
                rzh, ren = (rn.label_zh, rn.label_en) if rn else ("", "")
                if org in nodes:
                    edges.add(Edge(member, org, "member_of" if member_is_org else "holds_post", rzh, ren))
                    linked.add((member, org))
                if rn is not None and not member_is_org:
                    edges.add(Edge(member, role, "has_title"))
                    o = nodes.get(org) if org else None
                    posts[member].add(Post(rzh, ren, o.label_zh if o else "", o.label_en if o else ""))
    for r in _rows(store, _SIMPLE_EDGES):
        s, rel, o = r["s"], r["rel"], r["o"]
        if s not in nodes or o not in nodes:
            continue
        if rel in ("works_for", "member_of") and (s, o) in linked:
            continue
        edges.add(Edge(s, o, rel))
    ordered = sorted(edges, key=lambda e: (e.source, e.target, e.relation, e.label_zh, e.label_en))
    return ordered, {p: sorted(v, key=lambda x: (x.org_zh, x.role_zh)) for p, v in sorted(posts.items())}
