"""The SHACL shapes in kg/schema/shapes.ttl hold on a graph built from hand-written text,
and they do catch a graph that breaks the contract."""
from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef

from kg.build import BuildOptions, build
from kg.schema import data_path

ORG = Namespace("http://www.w3.org/ns/org#")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")

TEXT = (
    "星河智能科技有限公司董事长欧阳明远在发布会上表示，公司将加大人工智能投入。"
    "浙江省经济和信息化厅产业发展处处长林书言出席会议并致辞。\n"
)


@pytest.fixture(scope="module")
def built_graph(tmp_path_factory) -> Graph:
    root = tmp_path_factory.mktemp("shapes")
    (root / "in").mkdir()
    (root / "in" / "news.txt").write_text(TEXT, encoding="utf-8")
    build(BuildOptions(inputs=[root / "in"], out=root / "out"))
    return Graph().parse(root / "out" / "graph.ttl")


def _conforms(graph: Graph) -> tuple[bool, str]:
    shapes = Graph().parse(data_path("shapes.ttl"))
    ok, _, report = validate(graph, shacl_graph=shapes, inference="none")
    return ok, report


def test_built_graph_conforms_to_the_contract_shapes(built_graph):
    ok, report = _conforms(built_graph)
    assert ok, report


def test_shapes_reject_a_second_english_label(built_graph):
    broken = Graph()
    for t in built_graph:
        broken.add(t)
    person = next(built_graph.objects(None, ORG.member))
    broken.add((person, RDFS_LABEL, Literal("Another Name", lang="en")))
    ok, report = _conforms(broken)
    assert not ok and "English" in report


def test_shapes_reject_a_membership_without_provenance(built_graph):
    broken = Graph()
    prov = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    for t in built_graph:
        if t[1] != prov:
            broken.add(t)
    ok, report = _conforms(broken)
    assert not ok and "annotation" in report
