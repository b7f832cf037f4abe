"""The store seen as a property graph: typed entity nodes with bilingual labels and
relation-typed edges. GraphML, GEXF, Neo4j CSV and the HTML explorer all draw from
this one view, so they agree on what a node and an edge are.

Memberships (``org:Membership``) become member -> organization edges labelled with the
role, plus a person -> role ``has_title`` edge so roles are not isolated nodes; the
``schema:worksFor`` shortcut only adds an edge where no membership already says so.
"""
from __future__ import annotations

from collections import defaultdict
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
    """Run a SELECT over the union of named graphs; values as plain strings."""
    solutions = store.query(sparql_prefixes() + body, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    out = []
    for sol in solutions:
        out.append({n: sol[n].value for n in names if sol[n] is not None})
    return out


_NODES = """
SELECT ?e ?type ?zh ?en ?conf WHERE {
  VALUES ?type { schema:Person org:Organization org:Role skos:Concept }
  ?e a ?type .
  OPTIONAL { ?e rdfs:label ?zh FILTER(langMatches(lang(?zh), "zh")) }
  OPTIONAL { ?e rdfs:label ?en FILTER(langMatches(lang(?en), "en")) }
  OPTIONAL { ?e kgv:confidence ?conf }
}"""
_ALIASES = "SELECT ?e ?alias WHERE { ?e skos:altLabel ?alias }"
_DOCS = """
SELECT ?d ?name ?e WHERE {
  ?d schema:mentions ?e . OPTIONAL { ?d schema:name ?name }
}"""
_MEMBERSHIPS = """
SELECT DISTINCT ?member ?org ?role ?rzh ?ren WHERE {
  ?m a org:Membership ; org:member ?member .
  OPTIONAL { ?m org:organization ?org }
  OPTIONAL { ?m org:role ?role
             OPTIONAL { ?role rdfs:label ?rzh FILTER(langMatches(lang(?rzh), "zh")) }
             OPTIONAL { ?role rdfs:label ?ren FILTER(langMatches(lang(?ren), "en")) } }
}"""
_SIMPLE_EDGES = """
SELECT DISTINCT ?s ?rel ?o WHERE {
  VALUES (?p ?rel) { (org:subOrganizationOf "sub_organization_of") (org:memberOf "member_of")
                     (schema:knowsAbout "talks_about") (skos:broader "broader")
                     (schema:worksFor "works_for") }
  ?s ?p ?o .
}"""
_EVIDENCE = """
SELECT ?e ?doc ?start ?end ?exact ?prefix ?suffix WHERE {
  ?a a oa:Annotation ; oa:hasBody ?e ; oa:hasTarget ?t .
  ?t oa:hasSource ?doc .
  OPTIONAL { ?t oa:hasSelector ?pos . ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }
  OPTIONAL { ?t oa:hasSelector ?q . ?q a oa:TextQuoteSelector ; oa:exact ?exact
             OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix } }
}"""


def read_view(store: pyoxigraph.Store, *, max_evidence: int = 20) -> GraphView:
    """Read the property-graph view of a store (at most ``max_evidence`` quotes per node)."""
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, _ALIASES):
        aliases[r["e"]].add(r["alias"])
    doc_names: dict[str, str] = {}
    node_docs: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, _DOCS):
        doc_names[r["d"]] = r.get("name", doc_names.get(r["d"], ""))
        node_docs[r["e"]].add(r["d"])
    evidence = _read_evidence(store, doc_names, max_evidence)
    mention_counts = _count_mentions(store)

    nodes: dict[str, Node] = {}
    for r in _rows(store, _NODES):
        iri = r["e"]
        if iri in nodes:  # two types or labels: keep the first, deterministic by sorting below
            continue
        nodes[iri] = Node(
            iri=iri,
            type=NODE_TYPES[r["type"]],
            label_zh=r.get("zh", r.get("en", iri)),
            label_en=r.get("en", r.get("zh", iri)),
            aliases=tuple(sorted(aliases.get(iri, ()))),
            confidence=float(r.get("conf", 1.0)),
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


def _count_mentions(store: pyoxigraph.Store) -> dict[str, int]:
    rows = _rows(store, "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a oa:Annotation ; oa:hasBody ?e } GROUP BY ?e")
    return {r["e"]: int(r["n"]) for r in rows}


def _read_evidence(store: pyoxigraph.Store, doc_names: dict[str, str], limit: int) -> dict[str, list[Evidence]]:
    found: dict[str, set[Evidence]] = defaultdict(set)
    for r in _rows(store, _EVIDENCE):
        found[r["e"]].add(
            Evidence(
                document=r["doc"],
                document_name=doc_names.get(r["doc"], ""),
                start=int(r.get("start", -1)),
                end=int(r.get("end", -1)),
                exact=r.get("exact", ""),
                prefix=r.get("prefix", ""),
                suffix=r.get("suffix", ""),
            )
        )
    key = lambda ev: (ev.document, ev.start, ev.end, ev.exact)  # noqa: E731
    return {e: sorted(evs, key=key)[:limit] for e, evs in sorted(found.items())}


def _read_edges(store: pyoxigraph.Store, nodes: dict[str, Node]) -> tuple[list[Edge], dict[str, list[Post]]]:
    edges: set[Edge] = set()
    posts: dict[str, set[Post]] = defaultdict(set)
    linked: set[tuple[str, str]] = set()
    for r in _rows(store, _MEMBERSHIPS):
        member, org, role = r["member"], r.get("org"), r.get("role")
        rzh, ren = r.get("rzh", ""), r.get("ren", "")
        if member not in nodes:
            continue
        member_is_org = nodes[member].type == "Organization"
        if org in nodes:
            edges.add(Edge(member, org, "member_of" if member_is_org else "holds_post", rzh, ren))
            linked.add((member, org))
        if role in nodes and not member_is_org:
            edges.add(Edge(member, role, "has_title"))
        if role is not None and not member_is_org:
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
