from pathlib import Path

import igraph
import networkx as nx

from kg.export import get_exporter

B = "https://example.org/kg/"


def test_graphml_loads_in_networkx_with_types_labels_and_relations(sample_store, tmp_path: Path):
    path = tmp_path / "graph.graphml"
    get_exporter("graphml")(sample_store, path)
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.number_of_nodes() == 11
    assert g.nodes[B + "org/ministry-of-education"]["type"] == "Organization"
    assert g.nodes[B + "org/ministry-of-education"]["label_en"] == "Ministry of Education"
    assert g.nodes[B + "person/li-hua"]["label_zh"] == "李华"
    post = g.get_edge_data(B + "person/li-hua", B + "org/example-university")
    assert [(d["relation"], d["label_zh"], d["label_en"]) for d in post.values()] == [("holds_post", "教授", "Professor")]


def test_graphml_loads_in_igraph(sample_store, tmp_path: Path):
    path = tmp_path / "graph.graphml"
    get_exporter("graphml")(sample_store, path)
    g = igraph.Graph.Read_GraphML(str(path))
    assert (g.vcount(), g.ecount()) == (11, 9)
    assert sorted(set(g.vs["type"])) == ["Organization", "Person", "Role", "Technology"]
    assert "sub_organization_of" in g.es["relation"]


def test_gexf_loads_in_networkx_and_igraph(sample_store, tmp_path: Path):
    path = tmp_path / "graph.gexf"
    get_exporter("gexf")(sample_store, path)
    g = nx.read_gexf(path)
    assert g.number_of_nodes() == 11 and g.number_of_edges() == 9
    assert g.nodes[B + "tech/blockchain"]["label_en"] == "blockchain"
    assert g.nodes[B + "tech/blockchain"]["label"] == "区块链"
    ig = igraph.Graph.from_networkx(g)
    assert ig.vcount() == 11 and set(ig.es["relation"]) >= {"holds_post", "talks_about"}


def test_graphml_and_gexf_are_deterministic(sample_store, tmp_path: Path):
    for fmt in ("graphml", "gexf"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        get_exporter(fmt)(sample_store, a)
        get_exporter(fmt)(sample_store, b)
        assert a.read_bytes() == b.read_bytes()
