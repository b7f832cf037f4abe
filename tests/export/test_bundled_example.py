"""Every interface on the graph `kg build` makes from the bundled example (data/raw)."""
import shutil
import subprocess
from pathlib import Path

import igraph
import networkx as nx
import pyoxigraph as ox
import pytest

from kg.build import BuildOptions, build
from kg.export import FORMATS, get_exporter
from kg.queries import list_queries, render

EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "raw"
ENTITIES = """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
  VALUES ?t { <https://schema.org/Person> <http://www.w3.org/ns/org#Organization>
              <http://www.w3.org/ns/org#Role> <http://www.w3.org/2004/02/skos/core#Concept> } ?e a ?t }"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("example")
    build(BuildOptions(inputs=[EXAMPLE], out=out))
    return out


@pytest.fixture(scope="module")
def store(built):
    return ox.Store.read_only(str(built / "store"))


def _entity_count(store) -> int:
    return int(next(iter(store.query(ENTITIES)))["n"].value)


def test_graphml_written_by_build_has_every_entity(built, store):
    n = _entity_count(store)
    assert n > 0
    assert nx.read_graphml(built / "graph.graphml").number_of_nodes() == n
    assert igraph.Graph.Read_GraphML(str(built / "graph.graphml")).vcount() == n


def test_every_format_exports(store, tmp_path):
    for fmt in FORMATS:
        path = tmp_path / f"graph.{fmt}"
        get_exporter(fmt)(store, path)
        assert path.exists() and (path.is_dir() or path.stat().st_size > 0), fmt


@pytest.mark.parametrize("name, rapper", [("graph.ttl", "turtle"), ("graph.trig", "trig")])
def test_build_dumps_are_valid_for_rapper(built, name, rapper):
    if shutil.which("rapper") is None:
        pytest.skip("rapper is not installed (apt-get install -y raptor2-utils); CI installs it")
    run = subprocess.run(["rapper", "-q", "-i", rapper, "-c", str(built / name)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_named_queries_run_and_titles_finds_posts(store):
    for q in list_queries():
        params = {p.name: "工业和信息化部" for p in q.params if p.default is None}
        list(store.query(render(q.name, **params)))
    assert len(list(store.query(render("titles")))) > 0


def test_explorer_of_the_example_draws_every_entity_offline(built, store, open_explorer):
    loaded = open_explorer(built / "graph.html")
    assert loaded.errors == []
    assert [u for u in loaded.requests if not u.startswith("file://")] == []
    assert loaded.page.evaluate("window.kgExplorer.network.body.nodeIndices.length") == _entity_count(store)
