"""The named analyst queries, run on the hand-written sample graph."""
from pathlib import Path

import pyoxigraph as ox

import pytest

from kg.store import add_documents

from kg.errors import InputError
from kg.queries import list_queries, render, sparql_term

SAMPLE = Path(__file__).parent / "export" / "sample.trig"
B = "https://example.org/kg/"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    add_documents(s, ox.parse(path=str(SAMPLE), format=ox.RdfFormat.TRIG))
    return s


def rows(store: ox.Store, query: str) -> list[tuple]:
    res = store.query(query)
    return [tuple(sol[v].value if sol[v] is not None else None for v in res.variables) for sol in res]


def test_every_shipped_query_is_documented_and_parses(store):
    queries = {q.name: q for q in list_queries()}
    assert set(queries) == {
        "people-of-organization", "organization-tree", "titles", "technologies-of", "documents-mentioning", "co-mentions",
    }
    for q in queries.values():
        assert q.description and all(p.description for p in q.params)
        values = {p.name: "x" for p in q.params if p.default is None}
        store.query(render(q.name, **values))


def test_people_of_organization_includes_its_sub_units(store):
    for needle in ("教育部", "Ministry of Education", B + "org/ministry-of-education"):
        got = rows(store, render("people-of-organization", org=needle))
        assert [(r[1], r[3], r[5]) for r in got] == [("王小明", "司长", "教育部高等教育司")]


def test_organization_tree_lists_units_with_parents(store):
    got = rows(store, render("organization-tree", org="教育部"))
    assert [(r[1], r[4]) for r in got] == [("教育部高等教育司", "教育部")]


def test_titles_lists_every_post(store):
    got = rows(store, render("titles"))
    assert [(r[1], r[3], r[6]) for r in got] == [("李华", "教授", "示例大学"), ("王小明", "司长", "教育部高等教育司")]


def test_technologies_of_a_person_and_of_an_organization(store):
    assert [r[2] for r in rows(store, render("technologies-of", entity="Li Hua"))] == ["blockchain"]
    assert [(r[1], r[3]) for r in rows(store, render("technologies-of", entity="高教司"))] == [("人工智能", "1")]
    assert [(r[1], r[3]) for r in rows(store, render("technologies-of", entity="教育部"))] == [("人工智能", "1")]


def test_documents_mentioning_two_entities(store):
    assert [r[0] for r in rows(store, render("documents-mentioning", a="王小明", b="李华"))] == [B + "doc/d2"]
    assert [r[0] for r in rows(store, render("documents-mentioning", a="王小明", b="人工智能"))] == [B + "doc/d1"]


def test_co_mentions_counts_shared_documents_and_respects_limit(store):
    got = rows(store, render("co-mentions", limit="50"))
    pairs = {(r[1], r[4]): int(r[6]) for r in got}
    assert pairs[("示例产业联盟", "王小明")] == 1
    assert all(r[0] < r[3] for r in got)
    assert len(rows(store, render("co-mentions", limit="2"))) == 2


def test_parameters_become_terms_so_labels_cannot_inject(store):
    assert sparql_term("https://example.org/kg/org/x") == "<https://example.org/kg/org/x>"
    assert sparql_term("12") == "12"
    assert sparql_term('a" } ; DROP ALL #') == '"a\\" } ; DROP ALL #"'
    assert rows(store, render("people-of-organization", org='教育部" } UNION { ?person ?x ?y } #')) == []


def test_missing_and_unknown_parameters_are_input_errors():
    with pytest.raises(InputError, match="org"):
        render("people-of-organization")
    with pytest.raises(InputError, match="colour"):
        render("titles", colour="red")
    with pytest.raises(InputError, match="no named query"):
        render("nope")
