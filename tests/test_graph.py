"""The graph contract (see README / design): checked with SPARQL on a store built from a
small invented two-document corpus through the real pipeline."""
from __future__ import annotations

from collections import defaultdict
import pyoxigraph as ox
import pytest

from kg.graph import GraphBuilder, event_name_en
from kg.model import Document, Resolution
from kg.schema import sparql_prefixes
from kg.store import document_quads, run_query, write_store

BASE = "https://kg.example.net/test/"


@pytest.fixture(scope="module")
def builder() -> GraphBuilder:
    return GraphBuilder(BASE)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, builder: GraphBuilder, corpus_resolution: Resolution) -> ox.Store:
    return write_store(tmp_path_factory.mktemp("graph"), builder.quads(corpus_resolution))


def select(store: ox.Store, sparql: str) -> list[dict[str, ox.NamedNode | ox.Literal]]:
    result = run_query(store, sparql_prefixes() + sparql)
    names = [v.value for v in result.variables]
    return [{n: sol[n] for n in names} for sol in result]


ENTITY_CLASSES = "VALUES ?class { schema:Person org:Organization org:Role skos:Concept }"


def test_every_entity_has_one_zh_and_one_en_label_in_every_graph(store: ox.Store) -> None:
    rows = select(store, f"SELECT ?g ?e ?l WHERE {{ {ENTITY_CLASSES} GRAPH ?g {{ ?e a ?class ; rdfs:label ?l }} }}")
    per_graph: dict[tuple, list[str]] = defaultdict(list)
    union: dict[ox.NamedNode, set[tuple[str, str]]] = defaultdict(set)
    for r in rows:
        per_graph[(r["g"], r["e"])].append(r["l"].language)
        union[r["e"]].add((r["l"].value, r["l"].language))
    assert len(union) > 10
    for key, langs in per_graph.items():
        assert sorted(langs) == ["en", "zh"], key
    for entity, found in union.items():  # the same labels whichever document states them
        assert sorted(lang for _, lang in found) == ["en", "zh"], entity


def test_entity_without_label_is_absent(store: ox.Store) -> None:
    rows = select(store, f"SELECT ?e WHERE {{ {ENTITY_CLASSES} ?e a ?class FILTER NOT EXISTS {{ ?e rdfs:label ?l }} }}")
    assert rows == []


def test_position_selectors_point_at_the_quoted_text(store: ox.Store, builder: GraphBuilder,
                                                     corpus_documents: list[Document]) -> None:
    texts = {builder.doc_iri(d.id): d.text for d in corpus_documents}
    rows = select(store, """SELECT DISTINCT ?doc ?start ?end ?exact WHERE {
        ?a a oa:Annotation ; oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?p, ?q .
        ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
        ?q a oa:TextQuoteSelector ; oa:exact ?exact }""")
    assert len(rows) > 15
    for r in rows:
        text = texts[r["doc"]]
        assert text[int(r["start"].value):int(r["end"].value)] == r["exact"].value


def test_every_annotation_has_exactly_one_position(store: ox.Store) -> None:
    rows = select(store, """SELECT ?a (COUNT(DISTINCT ?p) AS ?n) WHERE {
        ?a a oa:Annotation ; oa:hasTarget/oa:hasSelector ?p . ?p a oa:TextPositionSelector } GROUP BY ?a""")
    assert rows and all(int(r["n"].value) == 1 for r in rows)


def test_every_membership_is_derived_from_annotations_in_its_graph(store: ox.Store) -> None:
    rows = select(store, "SELECT ?m WHERE { ?m a org:Membership FILTER NOT EXISTS { ?m prov:wasDerivedFrom ?x } }")
    assert rows == []
    rows = select(store, """SELECT ?m ?src WHERE { GRAPH ?g { ?m a org:Membership ; prov:wasDerivedFrom ?src }
        FILTER NOT EXISTS { GRAPH ?g { ?src a oa:Annotation } } }""")
    assert rows == []


def test_one_named_graph_per_document(store: ox.Store, builder: GraphBuilder, corpus_documents: list[Document]) -> None:
    graphs = {r["g"] for r in select(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert graphs == {builder.iri(f"graph/{d.id}") for d in corpus_documents}
    for d in corpus_documents:
        rows = select(store, f"SELECT ?d WHERE {{ GRAPH <{builder.iri('graph/' + d.id).value}> {{ ?d a ?kind ; schema:inLanguage 'zh' }} }}")
        assert [r["d"] for r in rows] == [builder.doc_iri(d.id)]


def test_post_is_a_membership_with_person_organization_and_role(store: ox.Store) -> None:
    rows = select(store, """SELECT DISTINCT ?name ?title ?title_en ?orgname WHERE {
        ?m a org:Membership ; org:member ?p ; org:organization ?o ; org:role ?r .
        ?p a schema:Person ; rdfs:label ?name ; schema:jobTitle ?title, ?title_en ; schema:worksFor ?o .
        ?r a org:Role ; rdfs:label ?title .
        ?o a org:Organization ; rdfs:label ?orgname .
        FILTER(lang(?name) = 'zh' && lang(?title) = 'zh' && lang(?title_en) = 'en' && lang(?orgname) = 'zh') }""")
    posts = {(r["name"].value, r["title"].value, r["title_en"].value, r["orgname"].value) for r in rows}
    assert ("钱晓峰", "首席技术官", "Chief Technology Officer", "蓝海科技有限公司") in posts
    assert ("孙明远", "校长", "President", "东岳理工大学") in posts


def test_units_and_member_organizations(store: ox.Store) -> None:
    sub = select(store, """SELECT DISTINCT ?c ?p WHERE { ?child org:subOrganizationOf ?parent .
        ?child rdfs:label ?c . ?parent rdfs:label ?p FILTER(lang(?c) = 'zh' && lang(?p) = 'zh') }""")
    assert {(r["c"].value, r["p"].value) for r in sub} >= {("智能制造中心", "东岳理工大学"), ("数字孪生实验室", "智能制造中心")}
    members = select(store, """SELECT DISTINCT ?m ?role WHERE { ?x org:memberOf ?y . ?x rdfs:label ?m .
        ?y rdfs:label '中原数字产业协会'@zh .
        ?ms a org:Membership ; org:member ?x ; org:organization ?y ; org:role/rdfs:label ?role
        FILTER(lang(?m) = 'zh' && lang(?role) = 'zh') }""")
    assert {(r["m"].value, r["role"].value) for r in members} == {("蓝海科技有限公司", "成员单位"), ("东岳理工大学", "成员单位")}


def test_technologies_are_concepts_not_roles(store: ox.Store) -> None:
    rows = select(store, "SELECT DISTINCT ?t ?en WHERE { ?t a skos:Concept ; rdfs:label ?en FILTER(lang(?en) = 'en') }")
    assert {"blockchain", "digital twin"} <= {r["en"].value for r in rows}
    assert select(store, "SELECT ?t WHERE { ?t a skos:Concept, org:Role }") == []


def test_documents_mention_their_entities_and_keep_the_source_url(store: ox.Store, builder: GraphBuilder) -> None:
    news = builder.doc_iri("annual-meeting").value
    rows = select(store, f"SELECT ?url WHERE {{ <{news}> a schema:NewsArticle ; schema:url ?url }}")
    assert [r["url"].value for r in rows] == ["https://news.example.com/2023/annual-meeting.html"]
    lab = builder.doc_iri("lab").value
    assert select(store, f"SELECT ?k WHERE {{ <{lab}> a schema:CreativeWork }}")
    mentioned = select(store, f"""SELECT DISTINCT ?l WHERE {{ <{lab}> schema:mentions ?e . ?e rdfs:label ?l
        FILTER(lang(?l) = 'zh') }}""")
    assert {"冯立", "钱晓峰", "数字孪生实验室", "人工智能"} <= {r["l"].value for r in mentioned}


def test_minted_iris_live_under_the_base(builder: GraphBuilder, corpus_resolution: Resolution) -> None:
    quads = list(builder.quads(corpus_resolution))
    assert all(q.subject.value.startswith(BASE) for q in quads if isinstance(q.subject, ox.NamedNode))
    assert all(q.graph_name.value.startswith(BASE + "graph/") for q in quads)


def test_quads_are_deterministic(builder: GraphBuilder, corpus_resolution: Resolution) -> None:
    assert list(builder.quads(corpus_resolution)) == list(GraphBuilder(BASE).quads(corpus_resolution))


def test_base_without_trailing_slash_gets_one() -> None:
    assert GraphBuilder("https://kg.example.net/x").base == "https://kg.example.net/x/"


@pytest.mark.parametrize("base", ["not an iri", "relative/path/", "https://kg.example.net/a b/"])
def test_bad_base_iri_is_refused(base: str) -> None:
    with pytest.raises(ValueError):
        GraphBuilder(base)


def test_store_holds_what_the_builder_made(store: ox.Store, builder: GraphBuilder, corpus_resolution: Resolution) -> None:
    built = set(builder.quads(corpus_resolution))
    assert len(set(document_quads(store))) == len(built)
    # Oxigraph stores decimals in canonical form ("1.0" becomes "1"); everything else verbatim
    decimal = "http://www.w3.org/2001/XMLSchema#decimal"
    assert {q for q in built if not (isinstance(q.object, ox.Literal) and q.object.datatype.value == decimal)} <= set(document_quads(store))


@pytest.mark.parametrize("zh, en", [
    ("东岳软件行业协会2024年年会", "2024 Annual Meeting of the Dongyue Software Industry Association"),
    ("2026数字医疗创新发展论坛", "2026 Digital Medical Innovation Development Forum"),
    ("第十二届东岳国际数字经济博览会", "12th Dongyue International Digital Economy Expo"),
    ("第二十一届东岳软件论坛", "21st Dongyue Software Forum"),
])
def test_an_events_english_name_puts_edition_year_and_topic_before_its_kind(zh: str, en: str) -> None:
    assert event_name_en(zh) == en
