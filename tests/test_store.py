from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError, StoreError
from kg.store import document_quads, STORE_DIR, open_store, run_query, write_store

EX = "https://kg.example.net/test/"


def quad(s: str, o: str, graph: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(EX + s), ox.NamedNode(EX + "knows"), ox.Literal(o, language="zh"), ox.NamedNode(EX + graph))


QUADS = [quad("a", "甲", "graph/one"), quad("b", "乙", "graph/two")]


def test_written_store_can_be_opened_read_only(tmp_path: Path) -> None:
    write_store(tmp_path, QUADS)
    store = open_store(tmp_path)
    assert set(document_quads(store)) == set(QUADS)
    with pytest.raises((OSError, RuntimeError)):  # pyoxigraph: "only possible on read-write instances"
        store.add(quad("c", "丙", "graph/one"))


def test_rewriting_replaces_the_previous_store_and_leaves_no_staging_folder(tmp_path: Path) -> None:
    write_store(tmp_path, QUADS)
    write_store(tmp_path, QUADS[:1])
    assert set(document_quads(open_store(tmp_path))) == set(QUADS[:1])
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_DIR]


def test_open_store_without_a_store_names_the_folder_and_the_fix(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="kg build") as info:
        open_store(tmp_path)
    assert str(tmp_path) in str(info.value)


def test_write_store_into_a_file_path_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError):
        write_store(blocker, QUADS)


def test_default_graph_is_the_union_of_document_graphs(tmp_path: Path) -> None:
    store = write_store(tmp_path, QUADS)
    rows = run_query(store, f"SELECT ?o WHERE {{ ?s <{EX}knows> ?o }} ORDER BY ?o")
    assert [r["o"].value for r in rows] == ["乙", "甲"]


def test_a_triple_in_two_document_graphs_is_in_the_union_once(tmp_path: Path) -> None:
    shared = quad("a", "甲", "graph/one")
    again = ox.Quad(shared.subject, shared.predicate, shared.object, ox.NamedNode(EX + "graph/two"))
    store = write_store(tmp_path, [shared, again])
    rows = list(run_query(store, "SELECT * WHERE { ?s ?p ?o }"))
    assert len(rows) == 1
    assert len(list(run_query(store, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"))) == 2


def test_bad_sparql_is_a_query_error(tmp_path: Path) -> None:
    store = write_store(tmp_path, QUADS)
    with pytest.raises(QueryError, match="SPARQL"):
        run_query(store, "SELEKT * WHERE { ?s ?p ?o }")
